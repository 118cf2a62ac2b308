"""One writer at a time: an advisory lock on a small file beside the data file.

The data file itself is replaced on every save, so locking it would lock an inode
that is about to disappear; a sidecar ``.NAME.lock`` stays put. The lock holds the
owner's pid so the second instance can say who has the file open.

The folder may be writable by others (a shared or synced folder): someone could put
a symbolic link where the lock goes, and opening it the usual way would truncate
whatever it points to. So the lock is opened without following links, without
blocking (a FIFO there would hang every command), and used only if it is a regular
file of our own.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
import time
from pathlib import Path

from tenfold.domain.errors import LockedError, StoreError


def lock_path(data_path: Path) -> Path:
    """Where the lock for a data file lives."""
    return data_path.with_name(f".{data_path.name}.lock")


OPEN_FLAGS = os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK


def _open_lock(data_path: Path, flags: int) -> int:
    """Open the lock file safely; StoreError (one line) if what is there is not our own regular file."""
    path = lock_path(data_path)

    def refuse(problem: str) -> StoreError:
        return StoreError(
            data_path, f"cannot be locked: {path} {problem}, not a lock file Tenfold made; nothing was changed"
        )

    try:
        fd = os.open(path, flags | OPEN_FLAGS, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise refuse("is a symbolic link") from None
        raise StoreError(data_path, f"cannot be locked: {exc.strerror}") from None
    st = os.fstat(fd)
    problem = None
    if not stat.S_ISREG(st.st_mode):
        problem = "is not a regular file"
    elif st.st_uid != os.geteuid():
        problem = "belongs to another user"
    if problem:
        os.close(fd)
        raise refuse(problem)
    return fd


def lock_problem(data_path: Path) -> StoreError | None:
    """Why the lock file could not be used, if it is there and is not our own regular file."""
    if not os.path.lexists(lock_path(data_path)):
        return None
    try:
        os.close(_open_lock(data_path, os.O_RDONLY))
    except StoreError as exc:
        return exc
    return None


def read_owner(data_path: Path) -> int | None:
    """The pid written in the lock file, if any."""
    try:
        fd = _open_lock(data_path, os.O_RDONLY)
    except StoreError:
        return None
    try:
        text = os.read(fd, 32).decode().strip()
        return int(text) if text else None
    except (OSError, ValueError):
        return None
    finally:
        os.close(fd)


class FileLock:
    """An exclusive flock on the lock file, released on close or process exit."""

    def __init__(self, data_path: Path) -> None:
        self.data_path = data_path
        self.path = lock_path(data_path)
        self._fd: int | None = None

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock, waiting up to ``wait`` seconds; raise LockedError if held."""
        fd = _open_lock(self.data_path, os.O_RDWR | os.O_CREAT)
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
        try:
            fd = _open_lock(self.data_path, os.O_RDONLY)
        except StoreError:
            return None  # not a lock we would take: nobody holds it as one
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
