"""A crash-safe TinyDB storage: write a temp file, fsync, replace, fsync the folder.

TinyDB's JSONStorage rewrites the file in place, so a crash or a full disk in the
middle of a write leaves a truncated file and every record is lost. Here the old
file stays whole until ``os.replace`` swaps in a complete, fsync'd new one, so the
file on disk is always either the old version or the new one.

The storage also keeps the last document it read or wrote in memory (we hold the
write lock, so nobody else should change the file), and remembers the file's
identity so that a change made behind our back - a sync tool bringing another
device's copy - is noticed before we would overwrite it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from tenfold.errors import ChangedOnDiskError, DamagedFileError, StoreError, WriteFailedError

Document = dict[str, dict[str, Any]]
Signature = tuple[int, int, int]

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """Temporary files for ``path`` start with this, so leftovers can be found."""
    return f".{path.name}."


def file_signature(path: Path) -> Signature | None:
    """(inode, size, mtime_ns) of the file, or None when it does not exist."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def load_document(path: Path) -> Document:
    """Read and parse the data file, refusing anything that is not a TinyDB document."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(path, "does not exist") from None
    except IsADirectoryError:
        raise StoreError(path, "is a folder, not a data file") from None
    except PermissionError:
        raise StoreError(path, "cannot be read: permission denied") from None
    except OSError as exc:
        raise StoreError(path, f"cannot be read: {exc.strerror}") from None
    if not raw.strip():
        raise DamagedFileError(path, "is empty (0 bytes), so it is not a Tenfold file; it was left as it is")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise DamagedFileError(path, f"is not valid JSON, perhaps truncated ({exc}); it was left as it is") from None
    if not isinstance(data, dict) or not all(
        isinstance(t, dict) and all(isinstance(d, dict) for d in t.values()) for t in data.values()
    ):
        raise DamagedFileError(path, "does not have the shape of a Tenfold file; it was left as it is")
    return data


def atomic_write(path: Path, payload: bytes) -> None:
    """Durably replace ``path`` with ``payload``; on any failure the old file is intact.

    The calls go through ``os.<name>`` on purpose: the crash tests intercept them.
    """
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    try:
        try:
            os.fchmod(fd, 0o600)
            view = memoryview(payload)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable; best effort once the rename has happened.

    Some filesystems (network and FUSE mounts) refuse fsync on a folder. By the time
    we get here the new file is complete and in place, so reporting "not saved"
    would be false: the store would keep the old data in memory while the disk held
    the new, and a retry would save the change twice.
    """
    try:
        dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def describe_os_error(exc: OSError) -> str:
    """A short, human reason for a failed write."""
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the folder is read-only"
    return exc.strerror or str(exc)


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, durable writes, a read cache and change detection."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._cache: Document | None = None
        self._signature: Signature | None = None
        self._deferred = 0
        self._dirty = False

    def read(self) -> Document | None:
        """Return the document, from memory after the first read."""
        if self._cache is None:
            signature = file_signature(self.path)
            if self._signature is not None and signature != self._signature:
                # We dropped the cache after a failed save; someone changed the file since.
                # Re-reading silently would apply our change to their version while the
                # store's memory still shows ours.
                raise ChangedOnDiskError(
                    self.path, "was changed by another program since Tenfold read it; nothing was overwritten"
                )
            self._cache = load_document(self.path)
            self._signature = signature
        return self._cache

    def write(self, data: Document) -> None:
        """Write now, or just remember the data while a batch is open."""
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        self._cache = data
        if self._deferred:
            self._dirty = True
            return
        self.flush()

    def flush(self) -> None:
        """Write the cached document to disk, atomically and durably."""
        if self._cache is None:
            return
        data = self._cache
        if self.changed_on_disk():
            self._cache = None
            self._dirty = False
            raise ChangedOnDiskError(
                self.path, "was changed by another program since Tenfold read it; nothing was overwritten"
            )
        try:
            atomic_write(self.path, orjson.dumps(data))
        except OSError as exc:
            self._cache = None  # memory now differs from disk; re-read the intact file
            self._dirty = False
            raise WriteFailedError(
                self.path, f"could not be saved ({describe_os_error(exc)}); the previous version is intact"
            ) from None
        self._signature = file_signature(self.path)
        self._dirty = False

    def changed_on_disk(self) -> bool:
        """Whether the file on disk is no longer the one we last read or wrote."""
        return self._signature is not None and file_signature(self.path) != self._signature

    def begin(self) -> None:
        """Start a batch: writes are held in memory until :meth:`end`."""
        self._deferred += 1

    def end(self, *, commit: bool = True) -> None:
        """End a batch; the outermost end writes once if anything changed."""
        self._deferred -= 1
        if self._deferred == 0 and self._dirty:
            if commit:
                self.flush()
            else:
                self._cache = None
                self._dirty = False

    def forget(self) -> None:
        """Drop the cache so the next read comes from disk (after an outside change)."""
        self._cache = None
        self._signature = None

    def close(self) -> None:
        """Nothing to release: every write is already on disk."""
