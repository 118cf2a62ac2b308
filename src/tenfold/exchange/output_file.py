"""A file the user names for Tenfold to write (an export, a review): checked before anything is written.

The command line and the app's dialogs share it, so every place that writes a file
the user chose refuses the same targets with the same words.
"""

from __future__ import annotations

import errno
import unicodedata
from pathlib import Path

from tenfold.domain.errors import FieldError
from tenfold.paths import backups_dir
from tenfold.store.file.lock import lock_path
from tenfold.store.rescue import rescue_paths


def output_target(text: str, data_file: Path, field: str = "path", example: str = "export.csv") -> Path:
    """The absolute file ``text`` names, or FieldError saying why it cannot be written.

    Refused: nothing typed, a folder, a folder that does not exist, and Tenfold's
    own files - the data file (an export over it would replace every record), its
    lock (replacing it would let a second writer in beside the app), anything in
    its backups folder, and its rescue file. Symlinks are followed first, so no
    other name for one of them gets through.
    """
    raw = text.strip()
    if not raw:
        raise FieldError(field, f"Enter a file name, e.g. {example}")
    if any(unicodedata.category(char) == "Cc" for char in raw):  # a NUL, a pasted line break, an escape
        raise FieldError(field, "A file name cannot hold control characters (a line break, a tab); type it on one line")
    try:
        target = Path(raw).expanduser().absolute()
    except RuntimeError:  # ~name for a user this system does not know
        user = raw[1:].split("/", 1)[0]
        raise FieldError(field, f"There is no user {user} whose home folder ~ could name") from None
    try:
        if target.is_dir():
            raise FieldError(field, f"{target} is a folder; add a file name such as {Path(example).name}")
        if not target.parent.is_dir():
            raise FieldError(field, f"The folder {target.parent} does not exist")
        refusal = _own_file(target.resolve(), data_file.expanduser().absolute())
    except OSError as exc:  # a name too long, a folder that cannot be looked into
        raise FieldError(field, _system_refusal(exc)) from None
    if refusal:
        raise FieldError(field, refusal)
    return target


def _system_refusal(exc: OSError) -> str:
    """What the system's refusal to look at a path means for the person who typed it."""
    if exc.errno == errno.ENAMETOOLONG:
        return "That name is too long for a file here"
    return f"Cannot use that file: {exc.strerror or exc}"


def _own_file(real: Path, data: Path) -> str | None:
    """Why ``real`` (symlinks resolved) is one of Tenfold's own files for ``data``, or None."""
    # The data file by its name and by its target, in case it is itself a symlink.
    names = {data, data.resolve()}
    if real in {d.resolve() for d in names}:
        return "That is Tenfold's data file; choose another file"
    if real in {lock_path(d).resolve() for d in names}:
        return "That is the lock file of Tenfold's data file; choose another file"
    for folder in sorted({backups_dir(d).resolve() for d in names}):
        if real.is_relative_to(folder):
            return f"That is in Tenfold's backups folder ({folder}); choose a file elsewhere"
    if real in {r.resolve() for d in names for r in rescue_paths(d)}:
        return "That is the rescue file of Tenfold's data file; choose another file"
    return None
