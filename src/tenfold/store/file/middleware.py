"""The app's write-behind saving as a TinyDB middleware, modelled on TinyDB's own ``CachingMiddleware``.

``CachingMiddleware`` keeps TinyDB's writes in memory and hands them to the
storage every so many writes, and on ``flush``/``close``. This one sits over
:class:`~tenfold.store.file.storage.AtomicJSONStorage` the same way, with the
guarantees a user's data needs:

- Changes are grouped in batches (:meth:`begin` ... :meth:`end`); each committed
  batch is one new *generation* of the document. Synchronously (the default, the
  command line) the outermost ``end`` writes it before returning; a failed write
  raises and is not counted, so the caller can undo the batch.
- With write-behind on (:meth:`save_in_background`, the app) ``end`` only counts the
  generation and wakes the saver thread (:mod:`tenfold.store.file.saver`), which
  writes the newest generation with the same atomic write; :meth:`flush` (on quit,
  hang-up, SIGTERM) writes whatever is pending in the caller.
- ``_lock`` is held for a whole batch and while the document is serialised, so a
  save never sees a batch half applied; ``_io`` is held for the whole write, so
  two saves never overlap.
- Before each write, ``backup`` (the day's first copy of the file as it was) runs.
- A change not written at exit can be taken whole (:meth:`pending_payload`) for a
  rescue file, and marked :meth:`rescued`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, MutableMapping
from typing import Any

from tinydb.middlewares import Middleware

from tenfold.domain.errors import StoreError
from tenfold.store.db import UndoLog
from tenfold.store.file.saver import BackgroundSaver, Report
from tenfold.store.file.storage import AtomicJSONStorage
from tenfold.store.schema import Document


class WriteBehindMiddleware(Middleware):
    """Batches over the storage, written at once or by a background thread."""

    storage: AtomicJSONStorage

    def __init__(self, storage_cls: Callable[..., AtomicJSONStorage], backup: Callable[[], object] | None = None):
        super().__init__(storage_cls)
        self._backup = backup
        self.write_behind = False
        """Whether a committed batch is left to the saver thread (set by :meth:`save_in_background`)."""
        self._saver: BackgroundSaver | None = None
        self._depth = 0
        self._changed = False
        self._generation = 0
        self._saved = 0
        self._lock = threading.Lock()
        self._io = threading.Lock()

    @classmethod
    def over(cls, storage: AtomicJSONStorage, backup: Callable[[], object] | None = None) -> WriteBehindMiddleware:
        """The middleware over a storage already opened (TinyDB's ``__call__`` has made it the storage)."""
        middleware = cls(lambda: storage, backup)
        middleware.storage = storage
        return middleware

    # ----- TinyDB's Storage interface ---------------------------------------------------

    def read(self) -> Document | None:
        """The document, as the storage keeps it."""
        return self.storage.read()

    def write(self, data: Document) -> None:
        """Replace the whole document: one batch, written now or (write-behind) soon."""
        self.begin()
        try:
            self.storage.replace(data)
            self._changed = True
        finally:
            self.end()

    def close(self) -> None:
        """Stop the saver and write what is pending (TinyDB's ``close``; the store calls :meth:`stop` itself)."""
        self.stop()

    # ----- batches ---------------------------------------------------------------

    def begin(self) -> None:
        """Start a batch: nothing is written, and no save serialises the document, until its :meth:`end`."""
        if self._depth == 0:
            self._lock.acquire()
            self._changed = False
            self.storage.new_change()
        self._depth += 1

    def rows_for_change(self, table: str) -> dict[str, Any]:
        """Inside a batch: the stored rows of ``table`` to change in place; the batch counts as a change."""
        rows = self.storage.rows_for_change(table)
        self._changed = True
        return rows

    def install(self, table: str, rows: MutableMapping[str, Any]) -> None:
        """Add a table read later (the payments, after a deferred open), never under a save's feet."""
        with self._lock:
            self.storage.install(table, rows)

    @property
    def undo(self) -> UndoLog:
        """What the batch under way changed, to put back if it fails."""
        return self.storage.undo

    def rollback(self) -> None:
        """Inside a batch that failed: put every record it changed back as it was."""
        self.storage.rollback()

    def mark_changed(self) -> None:
        """Inside a batch: write it even though no table changed (only the payments' index did)."""
        self._changed = True

    def end(self, *, commit: bool = True) -> None:
        """End a batch; the outermost end commits it (written now, or left to the saver).

        ``commit=False``: the caller has undone the batch's changes in memory. If the
        synchronous write fails, the error is raised and the generation is not counted:
        the caller undoes the changes, and memory again equals the file.
        """
        self._depth -= 1
        if self._depth:
            return
        committed = commit and self._changed
        if committed:
            self._generation += 1
        self._changed = False
        self._lock.release()
        if not committed:
            return
        if self.write_behind:
            if self._saver is not None:
                self._saver.poke()
            return
        try:
            self.save_pending()
        except BaseException:
            self._generation -= 1
            raise

    # ----- saving ------------------------------------------------------------------

    @property
    def pending(self) -> bool:
        """Whether a committed change is not on disk yet."""
        return self._generation != self._saved

    def save_pending(self) -> bool:
        """Write the newest generation if it is not on disk yet; returns whether a file was written.

        The document stays in memory whatever happens: on failure the change is
        still pending, and the next call retries it.
        """
        with self._io:
            if not self.pending:
                return False
            self.storage.refuse_if_changed()
            if self._backup is not None:
                self._backup()
            with self._lock:
                generation = self._generation
                payload = self.storage.payload()
            self.storage.save(payload)
            self._saved = generation
            return True

    def flush(self) -> None:
        """Make every committed change durable now (waiting for a save under way); raises on failure."""
        self.save_pending()

    def write_back(self) -> None:
        """The file was deleted under us: write everything in memory to its path again (see the storage's)."""
        with self._io:
            with self._lock:
                generation = self._generation
                payload = self.storage.payload()
            self.storage.write_back(payload)
            self._saved = generation

    def save_in_background(self, report: Report) -> None:
        """From now on a committed batch is written by a background thread; ``report`` hears of failures."""
        if self._saver is not None:
            return
        self._saver = BackgroundSaver(self.storage.path, self.save_pending, report)
        self.write_behind = True
        self._saver.start()

    def stop(self) -> None:
        """Back to writing in the caller: the thread ends, then whatever is pending is written here."""
        saver, self._saver = self._saver, None
        self.write_behind = False
        if saver is not None:
            saver.stop()
        if not self.storage.read_only:
            self.flush()

    @property
    def failing(self) -> bool:
        """Whether the last background save failed (it is retried) or is refused (file changed on disk)."""
        return self.storage.conflicted or (self._saver is not None and self._saver.failing)

    def check_unchanged(self) -> None:
        """Refuse early when the file changed on disk (a sync tool), before any change is made.

        Skipped while a save is being written: the file is then ours, mid-replace,
        and the saver checks again before it writes.
        """
        if not self._io.acquire(blocking=False):
            return
        try:
            self.storage.refuse_if_changed()
        finally:
            self._io.release()

    # ----- at exit, and after an outside change --------------------------------------------

    def pending_payload(self, wait: float = 2.0) -> tuple[int, bytes] | None:
        """The newest generation not on disk yet and the bytes a save would write; None when all is saved.

        Once the data file was deleted under us, nothing is on disk: the whole document is returned.

        For the rescue file at exit; ``wait`` bounds the wait for a batch or a save
        under way, so a stuck disk cannot hold the exit for ever.
        """
        if not self._lock.acquire(timeout=wait):
            raise StoreError(self.storage.path, "could not be read for a rescue (a change is still being made)")
        try:
            if not self.pending and not self.storage.deleted():  # a deleted file: all that is open is unsaved
                return None
            return self._generation, b"".join(self.storage.payload())
        finally:
            self._lock.release()

    def rescued(self, generation: int) -> None:
        """``generation`` is safe in a rescue file: not retried at close, which would only fail again."""
        self._saved = max(self._saved, generation)

    def forget(self) -> None:
        """Drop the document and any change not saved yet, so the next read comes from disk."""
        with self._io, self._lock:
            self.storage.forget()
            self._saved = self._generation

