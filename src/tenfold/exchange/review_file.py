"""Writing a review to a file the user names: checked first, then written private and whole.

Shared by ``tenfold review -o`` and the app's review screen; the target is checked
by :func:`tenfold.exchange.output_file.output_target`, as for an export.
"""

from __future__ import annotations

from pathlib import Path

from tenfold.domain.errors import WriteFailedError
from tenfold.store.file.atomic import atomic_write


def write_review(target: Path, text: str) -> None:
    """Write atomically with mode 0600; WriteFailedError (naming the file) when the system refuses."""
    try:
        atomic_write(target, text.encode("utf-8"))
    except OSError as exc:
        raise WriteFailedError(target, f"cannot be written: {exc.strerror or exc}") from None
