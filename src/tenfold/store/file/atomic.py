"""Replacing a file durably: write a temp file, fsync, rename over, fsync the folder.

Rewriting a file in place (as TinyDB's JSONStorage does) leaves a truncated file
when the machine stops or the disk fills half-way. Here the old file stays whole
until ``os.replace`` swaps in a complete, fsync'd new one, so the file on disk is
always either the old version or the new one. The data file, its backups, the
settings, exports and reviews are all written this way.

A file's *signature* tells one version of it from another, so the store can see
that someone else replaced or edited the data file since it last read or wrote it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

Signature = tuple[int, int, int, int]
Chunks = Sequence[bytes | memoryview]
"""A file's bytes in pieces, written one after the other (never joined: a million payments are 80 MB)."""

TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """Temporary files for ``path`` start with this, so leftovers can be found."""
    return f".{path.name}."


def file_signature(path: Path) -> Signature | None:
    """The file's identity (see :func:`signature_of`), or None when it does not exist."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return signature_of(st)


def signature_of(st: os.stat_result) -> Signature:
    """(inode, size, mtime_ns, ctime_ns): what tells one version of the file from another.

    A sync tool may write in place and put the modification time back; the change
    time is set by the kernel on every change and cannot be put back.
    """
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def atomic_write(path: Path, payload: bytes | Chunks, check: Callable[[], None] | None = None) -> Signature:
    """Durably replace ``path`` with ``payload`` (bytes, or :data:`Chunks` in order); on any failure the old file
    is intact.

    Chunks spare the caller joining them: the data file's tables are written as they
    are kept, and a join of 80 MB would hold the interpreter lock (and the keys the
    app is answering) for about 40 ms on the save thread.

    ``check`` runs right before the rename, once the new version is complete: it
    raises to keep the file on disk (it changed behind our back while we wrote).
    Returns the new file's signature, taken from the file we wrote, so a change
    landing right after the rename is still seen as someone else's.

    The calls go through ``os.<name>`` on purpose: the crash tests intercept them.
    """
    folder = path.parent
    fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=TEMP_SUFFIX, dir=folder)
    try:
        try:
            os.fchmod(fd, 0o600)
            for chunk in (payload,) if isinstance(payload, bytes | bytearray | memoryview) else payload:
                view = memoryview(chunk)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            os.fsync(fd)
            if check is not None:
                check()
            os.replace(tmp, path)
            signature = signature_of(os.fstat(fd))  # after the rename: renaming may change the ctime
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_folder(folder)
    return signature


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
