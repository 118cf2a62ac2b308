"""When something unexpected breaks: the traceback goes to a file, not the screen.

The user sees one line saying their data is safe and where the details are.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from tenfold.paths import make_private_dir


def write_crash_log(folder: Path, error: BaseException, filename: str | None = None) -> Path | None:
    """Write the traceback to ``folder/filename`` (0600); None if even that fails.

    The app writes one ``crash-<time>.log`` per crash; the command line appends to
    one ``cli-error.log``, since a script may fail many times in a row.
    """
    try:
        make_private_dir(folder)
        path = folder / (filename or f"crash-{datetime.now():%Y%m%d-%H%M%S}.log")
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__)) + "\n"
        mode = os.O_APPEND if filename else os.O_TRUNC
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | mode, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        return path
    except OSError:
        return None


def crash_message(log: Path | None) -> str:
    """The one line printed after the terminal is restored."""
    where = f"Details are in {log}" if log else "The details could not be written to a log file"
    return (
        "tenfold: an unexpected error closed the app. Everything you saved is safe in the data file; "
        f"{where}. Please report it."
    )
