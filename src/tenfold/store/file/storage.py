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
import gc
import os
import stat
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeGuard

import orjson

from tenfold.domain.errors import ChangedOnDiskError, DamagedFileError, StoreError, WriteFailedError
from tenfold.store.file.duplicates import check_document
from tenfold.store.payment_index import IndexParts
from tenfold.store.schema import FLAT_TABLES, OBJECT_LISTS
from tenfold.store.serialized import SerializedTables

Document = dict[str, dict[str, Any]]
Signature = tuple[int, int, int, int]

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


FILE_KINDS = {
    stat.S_IFIFO: "fifo", stat.S_IFSOCK: "socket", stat.S_IFCHR: "character device", stat.S_IFBLK: "block device",
    stat.S_IFDIR: "folder",
}


def not_a_file(path: Path, mode: int) -> DamagedFileError:
    """The refusal of a data file that is a FIFO, a device or a socket: reading one may wait for ever."""
    kind = FILE_KINDS.get(stat.S_IFMT(mode), "special file")
    return DamagedFileError(
        path, f"is not a regular file (a {kind}), so it is not a Tenfold file; it was left as it is"
    )


def read_regular(path: Path) -> bytes:
    """The bytes of ``path``, which must be a regular file; DamagedFileError for anything else.

    Opened without blocking and checked before the first read: a FIFO put where the
    data file goes would otherwise hang every command until something wrote into it.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise not_a_file(path, mode)
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read()
    finally:
        os.close(fd)


def load_document(path: Path) -> Document:
    """Read and parse the data file, refusing anything that is not a TinyDB document."""
    try:
        raw = read_regular(path)
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
    paused = gc.isenabled()
    gc.disable()  # the parse makes 100,000s of objects, none in a cycle: no collection can free any
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise DamagedFileError(path, f"is not valid JSON, perhaps truncated ({exc}); it was left as it is") from None
    finally:
        if paused:
            gc.enable()
    if not has_document_shape(data):
        raise DamagedFileError(path, "does not have the shape of a Tenfold file; it was left as it is")
    check_document(path, raw, data, FLAT_TABLES, OBJECT_LISTS)
    return data


def has_document_shape(data: object) -> TypeGuard[Document]:
    """Whether parsed JSON is a TinyDB document: an object of tables, each an object of records."""
    return type(data) is dict and all(map(is_table, data.values()))


def is_table(data: object) -> TypeGuard[dict[str, dict[str, Any]]]:
    """Whether parsed JSON is one table: an object of records, each an object.

    JSON gives exact types, so ``type(x) is dict`` is the isinstance check; map() keeps
    the check of 100,000 records in C, where a generator expression would take longer
    than the rest of the check together.
    """
    return type(data) is dict and set(map(type, data.values())) <= {dict}


def atomic_write(path: Path, payload: bytes, check: Callable[[], None] | None = None) -> Signature:
    """Durably replace ``path`` with ``payload``; on any failure the old file is intact.

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
            view = memoryview(payload)
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


class AtomicJSONStorage:
    """TinyDB storage with atomic, durable writes, a read cache and change detection.

    It has TinyDB's storage interface (``read``, ``write``, ``close``) without
    inheriting it: importing TinyDB at every start cost 3 ms (issue #7), and the
    store writes TinyDB's layout itself (:mod:`tenfold.store.tables`). A test has
    TinyDB open a file through it.

    Changes are grouped in batches (:meth:`begin` ... :meth:`end`); each committed
    batch is one new *generation* of the document. Synchronously (the default, the
    command line) the outermost ``end`` writes it before returning. With
    ``write_behind`` (the app) ``end`` only counts the generation and calls
    ``on_pending``; :meth:`save_pending` - run by the background saver, or by
    :meth:`flush` - writes the newest generation. ``_lock`` is held for a whole
    batch and while the document is serialised, so a save never sees a batch half
    applied; ``_io`` is held for the whole write, so two saves never overlap.
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.write_behind = False
        self.on_pending: Callable[[], None] | None = None
        """Called (without any lock held) after a batch committed in write-behind mode."""
        self.before_write: Callable[[], None] | None = None
        """Called before a new version is written (the store takes the daily backup there)."""
        self.conflicted = False
        """True once the file changed behind our back: nothing is written until :meth:`forget`."""
        self._cache: Document | None = None
        self._signature: Signature | None = None
        self._chunks = SerializedTables()
        self.index_parts: IndexParts | None = None
        """The payments' index to write with them; set by the store inside the batch that changed them."""
        self.touched: set[str] = set()
        """Tables the open batch changed."""
        self._deferred = 0
        self._changed = False
        self._generation = 0
        self._saved = 0
        self._lock = threading.Lock()
        self._io = threading.Lock()

    def read(self) -> Document | None:
        """Return the document, from memory after the first read."""
        if self._cache is None:
            signature = file_signature(self.path)
            if self._signature is not None and signature != self._signature:
                raise ChangedOnDiskError(
                    self.path, "was changed by another program since Tenfold read it; nothing was overwritten"
                )
            self._cache = load_document(self.path)
            self._signature = signature
            self._chunks.clear()
        return self._cache

    def write(self, data: Document) -> None:
        """Replace the whole document (a migration); written now, or at the end of the open batch."""
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        self.begin()
        self._cache = data
        self._chunks.clear()
        self.index_parts = None
        self._changed = True
        self.end()

    def adopt(self, document: Document, signature: Signature | None) -> None:
        """Take ``document``, read from the file as it had ``signature``, as if :meth:`read` had read it.

        For a file opened without its payments (:mod:`tenfold.store.payment_index`): they
        join the document with :meth:`install` before anything is written.
        """
        self._cache = document
        self._signature = signature
        self._chunks.clear()

    def install(self, table: str, rows: dict[str, Any]) -> None:
        """Add a table read later, last in the document (serialised again at the next save)."""
        with self._lock:
            document = self.read()
            assert document is not None
            document[table] = rows
            self._chunks.changed(table)

    def touch(self, table: str) -> None:
        """Inside a batch: ``table`` of the cached document was changed in place."""
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        self._chunks.changed(table)
        self.touched.add(table)
        self._changed = True

    def touch_index(self) -> None:
        """Inside a batch: only the payments' index changes (it is written with the batch)."""
        self._changed = True

    @property
    def pending(self) -> bool:
        """Whether a committed change is not on disk yet."""
        return self._generation != self._saved

    # ----- batches ---------------------------------------------------------------

    def begin(self) -> None:
        """Start a batch: writes are held in memory until :meth:`end`."""
        if self._deferred == 0:
            self._lock.acquire()
            self._changed = False
            self.touched = set()
        self._deferred += 1

    def end(self, *, commit: bool = True) -> None:
        """End a batch; the outermost end commits it (written now, or queued in write-behind).

        ``commit=False``: the caller has undone the batch's changes in memory. If the
        synchronous write fails, the error is raised and the generation is not counted:
        the caller undoes the changes, and memory again equals the file.
        """
        self._deferred -= 1
        if self._deferred:
            return
        committed = commit and self._changed
        if committed:
            self._generation += 1
        self._changed = False
        self._lock.release()
        if not committed:
            return
        if self.write_behind:
            if self.on_pending is not None:
                self.on_pending()
            return
        try:
            self.save_pending()
        except BaseException:
            self._generation -= 1
            raise

    def flush(self) -> None:
        """Make every committed change durable now (waiting for a save under way); raises on failure."""
        self.save_pending()

    # ----- writing -----------------------------------------------------------------

    def check_unchanged(self) -> None:
        """Refuse early when the file changed on disk (a sync tool), before any change is made.

        Skipped while a save is being written: the file is then ours, mid-replace,
        and the saver checks again before it writes.
        """
        if not self._io.acquire(blocking=False):
            return
        try:
            self._refuse_if_changed()
        finally:
            self._io.release()

    def _refuse_if_changed(self) -> None:
        if self.conflicted or self.changed_on_disk():
            self.conflicted = True
            raise ChangedOnDiskError(
                self.path, "was changed by another program since Tenfold read it; nothing was overwritten"
            )

    def save_pending(self) -> bool:
        """Write the newest generation if it is not on disk yet; returns whether a file was written.

        The document stays in memory whatever happens: on failure the change is
        still pending, and the next call retries it.
        """
        with self._io:
            if not self.pending:
                return False
            self._refuse_if_changed()
            if self.before_write is not None:
                self.before_write()
            with self._lock:
                generation = self._generation
                payload = self._chunks.dump(self._cache or {}, self.index_parts)
            try:
                # Checked again just before the rename: a sync tool's copy may have landed while we wrote.
                self._signature = atomic_write(self.path, payload, check=self._refuse_if_changed)
            except OSError as exc:
                raise WriteFailedError(
                    self.path, f"could not be saved ({describe_os_error(exc)}); the previous version is intact"
                ) from None
            self._saved = generation
            return True

    def changed_on_disk(self) -> bool:
        """Whether the file on disk is no longer the one we last read or wrote."""
        return self._signature is not None and file_signature(self.path) != self._signature

    def forget(self) -> None:
        """Drop the document, and any change not saved yet, so the next read comes from disk.

        Used to reload after an outside change: the user chose the other copy.
        """
        with self._io, self._lock:
            self._cache = None
            self._signature = None
            self._chunks.clear()
            self.index_parts = None
            self._saved = self._generation
            self.conflicted = False

    def close(self) -> None:
        """Nothing to release: the store flushes pending changes before it closes."""
