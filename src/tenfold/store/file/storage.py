"""A crash-safe TinyDB storage: every save replaces the file whole (:mod:`tenfold.store.file.atomic`).

TinyDB's JSONStorage rewrites the file in place, so a crash or a full disk in the
middle of a write leaves a truncated file and every record is lost. Here the old
file stays whole until a complete, fsync'd new one takes its place.

The storage also keeps the last document it read or wrote in memory (we hold the
write lock, so nobody else should change the file), and remembers the file's
identity so that a change made behind our back - a sync tool bringing another
device's copy - is noticed before we would overwrite it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb import Storage

from tenfold.domain.errors import ChangedOnDiskError, StoreError, WriteFailedError
from tenfold.store.db import UndoLog
from tenfold.store.file.atomic import Signature, atomic_write, describe_os_error, file_signature
from tenfold.store.file.document import load_document
from tenfold.store.payment_index import IndexParts
from tenfold.store.schema import Document
from tenfold.store.serialized import SerializedTables


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, durable writes, a read cache and change detection.

    TinyDB reads the document with :meth:`read`; its tables (:mod:`tenfold.store.db`)
    change records in place inside a batch through :meth:`rows_for_change`, which
    keeps an undo log (:attr:`undo`) so a failed batch is rolled back exactly, and
    the batch is written once, whole and atomically. :meth:`write` (TinyDB's way of
    replacing the whole document) is used by migrations.

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
        self.undo = UndoLog()
        """What the open batch changed, to put back if it fails."""

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
            self.undo.clear()
        self._deferred += 1

    def rows_for_change(self, table: str) -> dict[str, Any]:
        """Inside a batch: the stored rows of ``table`` (created if new), marked changed."""
        document = self.read()
        if document is None:
            document = self._cache = {}
        rows = document.get(table)
        if rows is None:
            self.undo.table_created(table)
            rows = document[table] = {}
        self.touch(table)
        return rows

    def rollback(self) -> None:
        """Inside a batch that failed: put every record it changed back as it was."""
        self.undo.rollback(self._cache if self._cache is not None else {}, self.touch)

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

    def pending_payload(self, wait: float = 2.0) -> tuple[int, bytes] | None:
        """The newest generation not on disk yet and the bytes a save would write; None when all is saved.

        For the rescue file at exit; ``wait`` bounds the wait for a batch or a save
        under way, so a stuck disk cannot hold the exit for ever.
        """
        if not self._lock.acquire(timeout=wait):
            raise StoreError(self.path, "could not be read for a rescue (a change is still being made)")
        try:
            if not self.pending:
                return None
            return self._generation, self._chunks.dump(self._cache or {}, self.index_parts)
        finally:
            self._lock.release()

    def rescued(self, generation: int) -> None:
        """``generation`` is safe in a rescue file: not retried at close, which would only fail again."""
        self._saved = max(self._saved, generation)

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
