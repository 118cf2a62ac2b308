"""The store's core: opening, locking, loading, and the one atomic write every change goes through.

It opens the TinyDB file through :class:`AtomicJSONStorage`, validates every
record into domain objects once, keeps them in memory, and applies each change to
both the file and memory. By default (the command line) a change is on disk when
the call returns, and a failed save leaves file and memory exactly as they were
(the batch is undone), so the caller can retry.

The app calls :meth:`StoreCore.save_in_background`: a change is then made in
memory at once and written by a background thread (:mod:`tenfold.store.saver`) with the
same atomic write, so no key waits for the disk. A failed background save keeps
the change in memory, is reported and retried; :meth:`StoreCore.flush` (on quit,
hang-up, SIGTERM) writes whatever is pending before the process goes. The
record-level reads and writes live in :mod:`tenfold.store.ledger` and
:mod:`tenfold.store.coach`; :class:`tenfold.store.store.Store` puts them together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Self

from tinydb import where

from tenfold.domain.errors import ChangedOnDiskError, StoreError
from tenfold.domain.ledger import Payment
from tenfold.paths import follow_link
from tenfold.store.backups import Backup, daily_backup, list_backups, restore_backup
from tenfold.store.db import TenfoldDB
from tenfold.store.file.lock import FileLock
from tenfold.store.file.storage import AtomicJSONStorage
from tenfold.store.opening import Deferred, clock_time, migrate_on_disk, open_file
from tenfold.store.payment_index import IndexParts
from tenfold.store.reading.loading import Contents, validate_document
from tenfold.store.saver import BackgroundSaver, Report
from tenfold.store.schema import CHECKINS, DRAFTS, PAYMENT_INDEX, Document


class StoreCore:
    """Validated, in-memory view of the data file with crash-safe writes."""

    def __init__(
        self,
        path: Path,
        storage: AtomicJSONStorage,
        lock: FileLock | None,
        today: Callable[[], date] = date.today,
        data: Document | None = None,
        deferred: Deferred | None = None,
    ) -> None:
        self.path = path
        self.today = today
        """The clock: tests pass a fixed date so check-ins and backups are repeatable."""
        self.read_only = lock is None
        self._storage = storage
        self._lock = lock
        self._backed_up_on: date | None = None
        self._saver: BackgroundSaver | None = None
        self._db = TenfoldDB(storage)
        storage.before_write = self._daily_backup
        self._load(data if data is not None else storage.read() or {}, deferred)

    # ----- opening and closing -------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        lock_wait: float = 0.0,
        today: Callable[[], date] = date.today,
        defer_payments: bool = False,
    ) -> Self:
        """Open (creating if needed) and validate the file; take the write lock unless read-only.

        ``defer_payments`` (the app): if the file has a current payments' index, the
        payments are read later - on :meth:`read_payments_in_background`, or by the
        first call that needs them - and the index answers meanwhile.
        """
        path = follow_link(Path(path).absolute())
        storage, lock, data, deferred = open_file(
            path, read_only=read_only, lock_wait=lock_wait, today=today, defer_payments=defer_payments
        )
        try:
            return cls(path, storage, lock, today, data, deferred)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    def close(self) -> None:
        """Write any pending change, stop saving in the background, release the lock.

        Raises StoreError when a pending change could not be written; the lock is
        released all the same (the process is going away).
        """
        try:
            self.stop_background_saving()
        finally:
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reload(self) -> None:
        """Re-read the file from disk (after another program changed it); a change not saved yet is dropped."""
        self._storage.forget()
        data = migrate_on_disk(self.path, self._storage, self.today)
        self._db = TenfoldDB(self._storage)  # tables count their ids afresh from the file read
        self._load(data)

    # ----- saving in the background ---------------------------------------------------

    def save_in_background(self, report: Report) -> None:
        """From now on, changes are written by a background thread; ``report`` hears of failures.

        ``report`` is called from that thread with each failed save's error (the
        change stays in memory and is retried) and with None once saving works again.
        """
        if self.read_only or self._saver is not None:
            return
        self._saver = BackgroundSaver(self.path, self._storage.save_pending, report)
        self._storage.on_pending = self._saver.poke
        self._storage.write_behind = True
        self._saver.start()

    def stop_background_saving(self) -> None:
        """Back to saving in the caller: the thread ends, then whatever is pending is written here."""
        saver, self._saver = self._saver, None
        if saver is not None:
            self._storage.write_behind = False
            self._storage.on_pending = None
            saver.stop()
        self.flush()

    def flush(self) -> None:
        """Make every change so far durable now (after a save under way); raises StoreError if it cannot.

        The change stays in memory on failure, so a later flush can still save it.
        """
        if not self.read_only:
            self._storage.flush()

    @property
    def unsaved(self) -> bool:
        """Whether a change is in memory but not on disk yet (background saving only)."""
        return self._storage.pending

    @property
    def saving_failed(self) -> bool:
        """Whether the last background save failed (it is retried) or is refused (file changed on disk)."""
        return self._storage.conflicted or (self._saver is not None and self._saver.failing)

    # ----- backups ---------------------------------------------------------------

    def backups(self) -> list[Backup]:
        """This file's backups, newest first."""
        return list_backups(self.path)

    def restore(self, name: str) -> tuple[Backup, Backup | None]:
        """Put backup ``name`` in place (the current file is kept as a backup), then reload."""
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        self.flush()  # the file kept as a backup holds every change made so far
        restored = restore_backup(self.path, name, clock_time(self.today), lock_held=True)
        self.reload()
        return restored

    @property
    def stale(self) -> bool:
        """True after the file changed on disk: writes wait until :meth:`reload`."""
        return self._storage.conflicted

    # ----- loading ---------------------------------------------------------------

    def _load(self, data: Document, deferred: Deferred | None = None) -> None:
        """Validate every record into domain objects; the file is refused if any is bad.

        With ``deferred``, every record but the payments: they are validated when read.
        """
        data.pop(PAYMENT_INDEX, None)  # made again from the payments when written, never kept
        contents: Contents = validate_document(self.path, data, payments=deferred is None)
        self._goal = contents.goal
        self._goal_history = contents.goal_history
        self._steps = contents.steps
        self._step_items = contents.step_items
        self._streams = contents.streams
        self._payments = contents.payments
        self._payments_sorted: list[Payment] | None = None
        self._rates = contents.rates
        self._ideas = contents.ideas
        self._checkins = contents.checkins
        self._drafts = contents.drafts
        self._dismissed = contents.dismissed
        self._pauses = contents.pauses

    # ----- the small tables every screen uses -------------------------------------

    def checkins(self) -> set[date]:
        """Days on which the user saved anything: the streak is built from these."""
        return set(self._checkins)

    def draft(self, kind: str) -> dict[str, str] | None:
        """Unsubmitted form values saved when the app was closed with a form open."""
        return self._drafts.get(kind)

    # ----- writing ---------------------------------------------------------------

    @contextmanager
    def _write(self, *, checkin: bool = True) -> Iterator[TenfoldDB]:
        """Group record changes into one atomic file write; yields the database whose tables to change.

        Each write records today as a day the user worked on the plan (the streak),
        unless ``checkin`` is False: for a save the user did not make.

        On any failure the batch is undone in memory and the error raised: memory
        again equals what is (or, in the background, what will be) on disk.
        """
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        if self._storage.conflicted:
            raise ChangedOnDiskError(self.path, "changed on disk; reload it before saving")
        self._storage.check_unchanged()
        self._before_batch()
        today = self.today()
        self._storage.begin()
        index_before = self._storage.index_parts
        try:
            yield self._db
            if checkin and today not in self._checkins:
                self._db.table(CHECKINS).insert({"on": today.isoformat()})
            self._end_of_batch()
        except BaseException:
            self._undo(index_before)
            self._storage.end(commit=False)
            raise
        try:
            self._storage.end()  # writes now, or (in the background) soon
        except BaseException:
            self._undo(index_before)
            raise
        if checkin:
            self._checkins.add(today)

    def _undo(self, index_before: IndexParts | None) -> None:
        """A batch failed: its record changes are undone, and what was derived from them."""
        self._storage.rollback()
        self._storage.index_parts = index_before
        self._batch_undone()

    def _before_batch(self) -> None:
        """Called before a batch starts (the ledger takes in payments still being read)."""

    def _end_of_batch(self) -> None:
        """Called inside a batch after its changes, with the storage locked (the ledger's index is taken)."""

    def _batch_undone(self) -> None:
        """Called after a failed batch was undone (the ledger drops what it derived from payments)."""

    def _daily_backup(self) -> None:
        """Before the first save of the day, keep the file as it is (yesterday's state)."""
        today = self.today()
        if self._backed_up_on != today:
            daily_backup(self.path, clock_time(self.today))
            self._backed_up_on = today

    def save_draft(self, kind: str, values: dict[str, str]) -> None:
        """Keep a form's unsubmitted values so closing the app loses nothing."""
        with self._write() as t:
            t.table(DRAFTS).upsert({"kind": kind, "values": values}, where("kind") == kind)
        self._drafts[kind] = values

    def clear_draft(self, kind: str) -> None:
        """Forget a draft once its form was submitted."""
        if kind not in self._drafts:
            return
        with self._write() as t:
            t.table(DRAFTS).remove(where("kind") == kind)
        del self._drafts[kind]
