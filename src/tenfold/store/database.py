"""The data file as an open database: the lock, the storage, its write-behind middleware, TinyDB over them.

Opening (:mod:`tenfold.store.opening`: folder checks, the lock, cleanup, creation,
migration) gives a storage and a document; :class:`Database` puts TinyDB over
them the way TinyDB is meant to be extended::

    TenfoldDB(WriteBehindMiddleware(AtomicJSONStorage))

and owns what belongs to the file as a whole: the lock, reloading after an outside
change, saving in the background and flushing, the daily backup (given to the
middleware, which takes it just before it replaces the file), the rescue of a
change that could not be written at exit, and closing. It knows nothing of the
records: the store's parts above it do.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from tenfold.domain.errors import ChangedOnDiskError, StoreError, TenfoldError
from tenfold.paths import follow_link
from tenfold.store.backups import Backup, DailyBackup, list_backups, restore_backup
from tenfold.store.db import TenfoldDB
from tenfold.store.file.lock import FileLock
from tenfold.store.file.middleware import WriteBehindMiddleware
from tenfold.store.file.saver import Report
from tenfold.store.file.storage import AtomicJSONStorage
from tenfold.store.opening import Deferred, clock_time, migrate_on_disk, open_file
from tenfold.store.rescue import write_rescue
from tenfold.store.schema import Document


class Database:
    """One open data file: TinyDB over the atomic storage, behind the write-behind middleware."""

    def __init__(self, path: Path, storage: AtomicJSONStorage, lock: FileLock | None,
                 today: Callable[[], date]) -> None:
        self.path = path
        self.today = today
        self.read_only = lock is None
        self._lock = lock
        self.storage = storage
        self.files = WriteBehindMiddleware.over(storage, backup=DailyBackup(path, today))
        """What TinyDB writes through: batches, written now or by the background saver."""
        self.db = TenfoldDB(self.files)

    @classmethod
    def open(
        cls, path: Path | str, *, read_only: bool, lock_wait: float, today: Callable[[], date], defer_payments: bool
    ) -> tuple[Database, Document, Deferred | None]:
        """Open (creating if needed) and migrate the file, taking the write lock unless read-only.

        Returns the database, the document read, and (``defer_payments``, with a
        current payments' index) the payments left unparsed.
        """
        path = follow_link(Path(path).absolute())
        storage, lock, data, deferred = open_file(
            path, read_only=read_only, lock_wait=lock_wait, today=today, defer_payments=defer_payments
        )
        return cls(path, storage, lock, today), data, deferred

    def release(self) -> None:
        """Give the lock back (the file is no longer ours to write)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def close(self) -> None:
        """Write any pending change, stop saving in the background, release the lock.

        Raises StoreError when a pending change could not be written; the lock is
        released all the same (the process is going away).
        """
        try:
            self.files.stop()
        finally:
            self.release()

    def reload(self) -> Document:
        """The document read again from disk (after another program changed it); a change not saved is dropped."""
        self.files.forget()
        data = migrate_on_disk(self.path, self.storage, self.today)
        self.db = TenfoldDB(self.files)  # tables count their ids afresh from the file read
        return data

    def check_writable(self) -> None:
        """Before a change: refuse it when the file is read-only here or changed on disk."""
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        if self.storage.conflicted:
            raise ChangedOnDiskError(self.path, "changed on disk; reload it before saving")
        self.files.check_unchanged()

    # ----- saving ------------------------------------------------------------------

    def save_in_background(self, report: Report) -> None:
        """From now on, changes are written by a background thread; ``report`` hears of failures."""
        if not self.read_only:
            self.files.save_in_background(report)

    def stop_background_saving(self) -> None:
        """Back to saving in the caller: the thread ends, then whatever is pending is written here."""
        self.files.stop()

    def flush(self) -> None:
        """Make every change so far durable now; raises StoreError if it cannot (the change stays in memory)."""
        if not self.read_only:
            self.files.flush()

    @property
    def unsaved(self) -> bool:
        """Whether a change is in memory but not on disk yet (background saving only)."""
        return self.files.pending

    @property
    def saving_failed(self) -> bool:
        """Whether the last background save failed (it is retried) or is refused (file changed on disk)."""
        return self.files.failing

    @property
    def stale(self) -> bool:
        """True after the file changed on disk: writes wait until :meth:`reload`."""
        return self.storage.conflicted

    @property
    def file_deleted(self) -> bool:
        """Whether the file this store read or wrote is gone from its path."""
        return self.storage.deleted()

    def write_back(self) -> None:
        """Write the whole document to its path again, after the file was deleted (never over one that appeared)."""
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        self.files.write_back()

    def rescue_unsaved(self) -> str:
        """At an exit whose last save failed: keep the change not saved in a rescue file; say where.

        After the data file was deleted under the app, that is the whole document.
        Returns "" when nothing is pending. Never raises: it runs on the way out
        (SIGTERM, a hang-up, a crash), where the sentence is all that can be told.
        """
        deleted = self.file_deleted
        what = f"{self.path} was deleted while Tenfold was open; all that was open" if deleted else \
            "the changes made since the last save"
        try:
            pending = self.files.pending_payload()
            if pending is None:
                return ""
            generation, payload = pending
            kept = write_rescue(self.path, payload, clock_time(self.today))
        except Exception as exc:  # on the way out: a sentence, never a second failure
            reason = str(exc) if isinstance(exc, TenfoldError) else f"{type(exc).__name__}: {exc}"
            return f"{what} {'is' if deleted else 'are'} lost: {reason}"
        self.files.rescued(generation)
        return f"{what} {'is' if deleted else 'are'} kept in {kept}; Tenfold offers {'it' if deleted else 'them'} " \
            "back at the next start"

    # ----- backups -----------------------------------------------------------------

    def backups(self) -> list[Backup]:
        """This file's backups, newest first."""
        return list_backups(self.path)

    def put_back(self, name: str) -> tuple[Backup, Backup | None]:
        """Put backup ``name`` in place of the file (kept as a backup itself); the caller reloads."""
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        self.flush()  # the file kept as a backup holds every change made so far
        return restore_backup(self.path, name, clock_time(self.today), lock_held=True)
