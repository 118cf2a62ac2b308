"""One writer at a time: an advisory lock on a small file beside the data file.

The data file itself is replaced on every save, so locking it would lock an inode
that is about to disappear; a sidecar ``.NAME.lock`` stays put. The lock holds the
owner's pid so the second instance can say who has the file open.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from pathlib import Path

from tenfold.domain.errors import LockedError, StoreError


def lock_path(data_path: Path) -> Path:
    """Where the lock for a data file lives."""
    return data_path.with_name(f".{data_path.name}.lock")


def read_owner(data_path: Path) -> int | None:
    """The pid written in the lock file, if any."""
    try:
        text = lock_path(data_path).read_text().strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None


class FileLock:
    """An exclusive flock on the lock file, released on close or process exit."""

    def __init__(self, data_path: Path) -> None:
        self.data_path = data_path
        self.path = lock_path(data_path)
        self._fd: int | None = None

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock, waiting up to ``wait`` seconds; raise LockedError if held."""
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StoreError(self.data_path, f"cannot be locked: {exc.strerror}") from None
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise LockedError(self.data_path, read_owner(self.data_path)) from None
                time.sleep(0.05)
            except OSError as exc:  # e.g. ENOLCK on a network mount without locking
                os.close(fd)
                raise StoreError(self.data_path, f"cannot be locked: {exc.strerror}") from None
        try:
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        except OSError:
            pass  # the pid only names the holder; on a full disk the lock itself still holds
        self._fd = fd

    def held_by_other(self) -> int | None:
        """Without taking it: the pid of another holder, or None when the lock is free."""
        if not self.path.exists():
            return None
        fd = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return read_owner(self.data_path) or -1
        finally:
            os.close(fd)
        return None

    def release(self) -> None:
        """Let go of the lock (the file stays, empty, for the next holder)."""
        if self._fd is not None:
            with contextlib.suppress(OSError):  # closing releases the lock even if this fails
                os.ftruncate(self._fd, 0)
            os.close(self._fd)
            self._fd = None
