"""Files whose payments were checked against their index, remembered by the file's identity.

The payments' index (:mod:`tenfold.store.payment_index`) is trusted only for the
exact payments it was made from: the reader computes the size and CRC-32 of the
payments' bytes, which means reading all of them - 80 MB with a million payments,
more than the whole of ``tenfold status`` takes with an empty file. A status bar
runs that command every few seconds on a file that rarely changes, so the result
of the check is kept here, in a small file of its own (never the data file),
under the data file's identity: device, inode, size, and the modification and
change times in nanoseconds. Any write to the file changes them (Tenfold's saves
replace it, so even the inode changes), and the change time cannot be set back by
a program; while they are the same, the bytes are the ones that were checked.

It is a cache: unreadable, damaged or missing, it is simply not used, and
nothing is lost if it cannot be written.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import orjson

from tenfold.paths import make_private_dir
from tenfold.store.file.atomic import atomic_write

Identity = tuple[int, int, int, int, int]
"""(device, inode, size, mtime_ns, ctime_ns) of a file."""
Fingerprint = tuple[int, int]
"""(size, CRC-32) of a file's payments table."""
KEEP = 16
"""Files remembered at most (a user has one or two; tests have many)."""


def identity(path: Path) -> Identity | None:
    """The file's identity now, or None when it cannot be seen or is not a regular file
    (reading a FIFO put where the data file goes could wait for ever)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def _entries(cache: Path) -> dict[str, list[int]]:
    try:
        data = orjson.loads(cache.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def known(cache: Path, path: Path, now: Identity) -> Fingerprint | None:
    """The fingerprint checked for ``path`` when it had identity ``now``; None if not checked so."""
    entry = _entries(cache).get(str(path.absolute()))
    if not isinstance(entry, list) or len(entry) != 7 or not all(type(v) is int for v in entry):
        return None
    if tuple(entry[:5]) != now:
        return None
    return entry[5], entry[6]


def remember(cache: Path, path: Path, checked: Identity, fingerprint: Fingerprint) -> None:
    """Keep that ``path``, with identity ``checked``, has payments with ``fingerprint``; best effort."""
    entries = _entries(cache)
    key = str(path.absolute())
    entries.pop(key, None)
    entries[key] = [*checked, *fingerprint]
    kept = dict(list(entries.items())[-KEEP:])  # the most recently checked files
    with contextlib.suppress(OSError):
        make_private_dir(cache.parent)  # its parents too: a status bar may be the first to need ~/.local/state
        atomic_write(cache, orjson.dumps(kept))
