"""The write floor: the least a program must do to change one record of the data file durably.

    python benchmarks/floor.py DATA_FILE

Read the file, parse it, add one payment to the parsed document, serialise it
whole, write a temp file beside it, fsync, rename over the file, fsync the folder:
exactly the disk work of the store's atomic write, with nothing else (no
validation, no index, no backup, no lock). Run as its own process, as
``tenfold add payment`` is, so both pay for starting Python.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import orjson


def main() -> int:
    """Add one record the cheapest durable way."""
    path = Path(sys.argv[1]).absolute()
    document = orjson.loads(path.read_bytes())
    payments = document.setdefault("payments", {})
    next_id = max(map(int, payments), default=0) + 1
    payments[str(next_id)] = {"stream_id": 1, "on": "2026-01-01", "amount": "1.00", "note": "floor"}
    payload = orjson.dumps(document)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
