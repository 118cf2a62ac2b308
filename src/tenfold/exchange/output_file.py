"""A file the user names for Tenfold to write (an export, a review): checked before anything is written.

The command line and the app's dialogs share it, so every place that writes a file
the user chose refuses the same targets with the same words.
"""

from __future__ import annotations

from pathlib import Path

from tenfold.domain.errors import FieldError


def output_target(text: str, data_file: Path, field: str = "path", example: str = "export.csv") -> Path:
    """The absolute file ``text`` names, or FieldError saying why it cannot be written.

    Refused: nothing typed, a folder, a folder that does not exist, and Tenfold's
    own data file (an export over it would replace every record).
    """
    raw = text.strip()
    if not raw:
        raise FieldError(field, f"Enter a file name, e.g. {example}")
    target = Path(raw).expanduser().absolute()
    if target.is_dir():
        raise FieldError(field, f"{target} is a folder; add a file name such as {Path(example).name}")
    if not target.parent.is_dir():
        raise FieldError(field, f"The folder {target.parent} does not exist")
    if target.exists() and target.resolve() == data_file.expanduser().absolute().resolve():
        raise FieldError(field, "That is Tenfold's data file; choose another file")
    return target
