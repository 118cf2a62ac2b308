"""Writing a review to a file the user names: checked first, then written private and whole.

Shared by ``tenfold review -o`` and the app's review screen, so both refuse the
same targets with the same words.
"""

from __future__ import annotations

from pathlib import Path

from tenfold.errors import FieldError, WriteFailedError
from tenfold.storage import atomic_write


def check_target(raw: str, data_path: Path, field: str = "path") -> Path:
    """The absolute file a typed path names, or FieldError saying why it cannot be written."""
    text = raw.strip()
    if not text:
        raise FieldError(field, "Enter a file name, e.g. review.md")
    target = Path(text).expanduser().absolute()
    if target.is_dir():
        raise FieldError(field, f"{target} is a folder; add a file name such as review.md")
    if not target.parent.is_dir():
        raise FieldError(field, f"The folder {target.parent} does not exist")
    if target.exists() and target.resolve() == data_path.expanduser().absolute().resolve():
        raise FieldError(field, "That is Tenfold's data file; choose another file")
    return target


def write_review(target: Path, text: str) -> None:
    """Write atomically with mode 0600; WriteFailedError (naming the file) when the system refuses."""
    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as exc:
        raise WriteFailedError(target, f"cannot be written: {exc.strerror or exc}") from None
