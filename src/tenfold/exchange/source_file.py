"""Reading the file an import names: whole, as the readers need it, but never without end.

A path typed by mistake - ``/dev/zero``, ``/dev/urandom``, a disk - would be read
until memory runs out and the system kills the process. A device is refused at
once; a file or a pipe is read up to :data:`MAX_BYTES`, far beyond any statement
or platform export, and refused above it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

MAX_BYTES = 256 * 1024 * 1024
"""The most one import reads: about two million rows of a bank's CSV."""


class UnreadableSource(Exception):
    """The source cannot be imported as a whole file; the message says why, without the file's name."""


def read_capped(handle: BinaryIO) -> bytes:
    """Everything ``handle`` holds, or UnreadableSource past :data:`MAX_BYTES`."""
    raw = handle.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise UnreadableSource(f"is larger than {MAX_BYTES // 2**20} MB, more than one import reads; "
                               "split it, e.g. a file for each year")
    return raw


def read_source_file(path: Path) -> bytes:
    """The file's bytes; OSError as :func:`open` raises it, UnreadableSource for a device or a huge file."""
    with open(path, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
            raise UnreadableSource("is a device, not a file; choose the file you downloaded")
        return read_capped(handle)
