"""The store: the one place that reads and writes the data file, put together from parts that each do one thing.

Calls go one way, down::

    Store (this façade: the API the app and the command line use)
      ├─ record groups: CoachRecords (goal, steps, pauses, dismissals, drafts), IdeaRecords,
      │                 LedgerRecords (streams, payments, rates), MeasureRecords (hours, bills, parts)
      ├─ Batches (one atomic change with undo; the payments' cache takes part in each)
      ├─ PaymentsCache (payments read or deferred, sorted, the monthly index, the index written with them)
      └─ Database: TenfoldDB(WriteBehindMiddleware(AtomicJSONStorage)), the lock, reload, backups, rescue

Each group is given, when the store is put together, the parts it writes
through; a change that spans groups (deleting a stream or an idea takes their
links, hours and ratings along) is one batch the façade hands to each group.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from typing import Self

from tenfold.domain.freedom import Freedom
from tenfold.domain.goal import Goal, GoalVersion
from tenfold.domain.hours import HoursEntry
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.parts import PartsRating
from tenfold.domain.pauses import Pause
from tenfold.domain.rates import Rate
from tenfold.domain.step_items import StepItem
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.store.backups import Backup
from tenfold.store.batch import Batch, Batches
from tenfold.store.coach import CoachRecords
from tenfold.store.database import Database
from tenfold.store.dismissals import Dismissal
from tenfold.store.file.middleware import WriteBehindMiddleware
from tenfold.store.file.saver import Report
from tenfold.store.ideas import IdeaRecords
from tenfold.store.ledger import LedgerRecords
from tenfold.store.measures import MeasureRecords
from tenfold.store.opening import Deferred
from tenfold.store.payments import PaymentsCache
from tenfold.store.reading.loading import remove_leftover_temp_files, validate_document
from tenfold.store.schema import PAYMENT_INDEX, Document

__all__ = ["Store", "remove_leftover_temp_files"]


class Store:
    """Validated, in-memory view of the data file with crash-safe writes."""

    def __init__(self, database: Database, data: Document, deferred: Deferred | None = None) -> None:
        self._database = database
        self.path = database.path
        self.today = database.today
        """The clock: tests pass a fixed date so check-ins and backups are repeatable."""
        self.read_only = database.read_only
        self._load(data, deferred)

    def _load(self, data: Document, deferred: Deferred | None = None) -> None:
        """Validate every record (all but deferred payments; one bad: refused) and put the parts together."""
        data.pop(PAYMENT_INDEX, None)  # made again from the payments when written, never kept
        contents = validate_document(self.path, data, payments=deferred is None)
        db = self._database
        self._payments_cache = PaymentsCache(db, contents.payments, contents.streams, deferred)
        self._batches = Batches(db, contents.checkins, participants=(self._payments_cache,))
        self._ledger = LedgerRecords(db, self._batches, self._payments_cache, contents.streams, contents.rates)
        self._coach = CoachRecords(db, self._batches, contents)
        self._ideas = IdeaRecords(db, self._batches, contents.ideas)
        self._measures = MeasureRecords(db, self._batches, self._ledger, self._payments_cache, contents)

    # ----- the file ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, lock_wait: float = 0.0,
             today: Callable[[], date] = date.today, defer_payments: bool = False) -> Self:
        """Open (creating if needed) and validate the file; take the write lock unless read-only.

        ``defer_payments`` (the app): if the file has a current payments' index, the
        payments are read later - on :meth:`read_payments_in_background`, or by the
        first call that needs them - and the index answers meanwhile.
        """
        database, data, deferred = Database.open(path, read_only=read_only, lock_wait=lock_wait, today=today,
                                                 defer_payments=defer_payments)
        try:
            return cls(database, data, deferred)
        except BaseException:
            database.release()
            raise

    def close(self) -> None:
        """Write any pending change, stop saving in the background, release the lock (raises if unsaved)."""
        self._database.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reload(self) -> None:
        """Re-read the file from disk (after another program changed it); a change not saved yet is dropped."""
        self._load(self._database.reload())

    def restore(self, name: str) -> tuple[Backup, Backup | None]:
        """Put backup ``name`` in place (the current file is kept as a backup), then reload."""
        restored = self._database.put_back(name)
        self.reload()
        return restored

    def backups(self) -> list[Backup]:
        """This file's backups, newest first."""
        return self._database.backups()

    def save_in_background(self, report: Report) -> None:
        """From now on, changes are written by a background thread; ``report`` hears of its failures."""
        self._database.save_in_background(report)

    def stop_background_saving(self) -> None:
        """Back to saving in the caller: the thread ends, then whatever is pending is written here."""
        self._database.stop_background_saving()

    def flush(self) -> None:
        """Make every change so far durable now; raises StoreError if it cannot (the change stays in memory)."""
        self._database.flush()

    def rescue_unsaved(self) -> str:
        """At an exit whose last save failed: keep the change not saved in a rescue file; say where."""
        return self._database.rescue_unsaved()

    @property
    def unsaved(self) -> bool:
        """Whether a change is in memory but not on disk yet (background saving only)."""
        return self._database.unsaved

    @property
    def saving_failed(self) -> bool:
        """Whether the last background save failed (it is retried) or is refused (file changed on disk)."""
        return self._database.saving_failed

    @property
    def stale(self) -> bool:
        """True after the file changed on disk: writes wait until :meth:`reload`."""
        return self._database.stale

    @property
    def file_deleted(self) -> bool:
        """Whether the data file was deleted (or moved away) while this store held it."""
        return self._database.file_deleted

    def write_back(self) -> None:
        """After the data file was deleted: write everything open here to its path again, as the user asked.

        The payments are taken in first, so a file deleted before they were read is
        written whole. Raises ChangedOnDiskError if a file is there again by then.
        """
        self.wait_for_payments()
        self._database.write_back()

    @property
    def _storage(self) -> WriteBehindMiddleware:
        """What TinyDB writes through (tests switch write-behind on without a saver thread)."""
        return self._database.files

    def _write(self, *, checkin: bool = True) -> AbstractContextManager[Batch]:
        """One batch (tests hold one open, as a change spanning several tables does)."""
        return self._batches.batch(checkin=checkin)

    # ----- changes spanning groups: one batch, each group removes its part --------------------

    def delete_stream(self, stream_id: int) -> int:
        """Delete a stream, its payments, links to it (steps 1 and 8), hours and ratings in one write; the count."""
        with self._batches.batch() as batch:
            gone = self._ledger.remove_stream(batch, stream_id)
            self._coach.unlink_stream(batch, stream_id)
            self._measures.forget_stream(batch, stream_id)
        return gone

    def delete_idea(self, idea_id: int) -> None:
        """Delete a brainstorm entry; streams, step 1 and ratings that pointed at it forget it in the same write."""
        with self._batches.batch() as batch:
            self._ideas.remove(batch, idea_id)
            self._ledger.unlink_idea(batch, idea_id)
            self._coach.unlink_idea(batch, idea_id)
            self._measures.forget_idea(batch, idea_id)

    def save_payment_index(self) -> None:
        """Write the file again with a current index of its payments (without one, each start reads them all)."""
        with self._batches.batch(checkin=False) as batch:
            self._payments_cache.reindex(batch)
        self._payments_cache.opened_with_index = True

    # ----- the payments ------------------------------------------------------------------------

    @property
    def opened_with_index(self) -> bool:
        """Whether the file had an index matching its payments when it was opened (deferred opens only)."""
        return self._payments_cache.opened_with_index

    @property
    def payments_ready(self) -> bool:
        """Whether every payment is read (False only for a while after a deferred open)."""
        return self._payments_cache.payments_ready

    def read_payments_in_background(self, done: Callable[[], None]) -> None:
        """Start reading the payments on a thread; ``done`` is called from it when they are read."""
        self._payments_cache.read_payments_in_background(done)

    def wait_for_payments(self) -> None:
        """Take the payments in, reading them here if no thread did; DamagedFileError if one is bad."""
        self._payments_cache.wait_for_payments()

    def payments(self) -> list[Payment]:
        """Payments newest first (the same list each time: callers must not change it)."""
        return self._payments_cache.payments()

    def payment(self, payment_id: int) -> Payment | None:
        """One payment by id."""
        return self._payments_cache.payment(payment_id)

    def payment_count(self) -> int:
        """How many payments there are, read or not."""
        return self._payments_cache.payment_count()

    def newest_payments(self) -> list[Payment]:
        """Payments newest first: all of them once read, before that the newest the index keeps."""
        return self._payments_cache.newest_payments()

    def latest_payment(self) -> Payment | None:
        """The newest payment (by date, then by when it was entered)."""
        return self._payments_cache.latest_payment()

    def count_payments(self, stream_id: int) -> int:
        """How many payments a stream has (what deleting it would take along)."""
        return self._payments_cache.count_payments(stream_id)

    def monthly_index(self) -> MonthlyIndex:
        """Each stream's totals per month and last payment day, in step with every change."""
        return self._payments_cache.monthly_index()

    # ----- the groups' own reads and writes ----------------------------------------------------

    def checkins(self) -> set[date]:
        """Days on which the user saved anything: the streak is built from these."""
        return self._batches.checkins()

    def streams(self) -> list[Stream]: return self._ledger.streams()
    def stream(self, stream_id: int) -> Stream | None: return self._ledger.stream(stream_id)
    def rates(self) -> list[Rate]: return self._ledger.rates()
    def add_stream(self, stream: Stream) -> Stream: return self._ledger.add_stream(stream)
    def update_stream(self, stream: Stream) -> None: self._ledger.update_stream(stream)
    def add_payment(self, payment: Payment) -> Payment: return self._ledger.add_payment(payment)
    def add_payments(self, payments: list[Payment]) -> list[Payment]: return self._ledger.add_payments(payments)
    def update_payment(self, payment: Payment) -> None: self._ledger.update_payment(payment)
    def delete_payment(self, payment_id: int) -> None: self._ledger.delete_payment(payment_id)
    def add_rate(self, rate: Rate) -> Rate: return self._ledger.add_rate(rate)
    def delete_rate(self, rate_id: int) -> None: self._ledger.delete_rate(rate_id)

    def import_payments(self, streams: list[Stream], payments: list[Payment]) -> tuple[list[Stream], list[Payment]]:
        """New streams and payments in one file write: an import is all or nothing."""
        return self._ledger.import_payments(streams, payments)

    @property
    def goal(self) -> Goal | None:
        """The written goal, or None before the user has written one."""
        return self._coach.goal

    def goal_history(self) -> list[GoalVersion]: return self._coach.goal_history()
    def set_goal(self, goal: Goal) -> None: self._coach.set_goal(goal)
    def steps(self) -> list[StepState]: return self._coach.steps()
    def set_step(self, state: StepState) -> None: self._coach.set_step(state)
    def tick(self, number: int, on: date) -> StepState: return self._coach.tick(number, on)
    def untick(self, number: int) -> StepState: return self._coach.untick(number)
    def step_items(self, step: int | None = None) -> list[StepItem]: return self._coach.step_items(step)
    def add_step_item(self, item: StepItem) -> StepItem: return self._coach.add_step_item(item)
    def update_step_item(self, item: StepItem) -> None: self._coach.update_step_item(item)
    def delete_step_item(self, item_id: int) -> None: self._coach.delete_step_item(item_id)
    def pauses(self) -> list[Pause]: return self._coach.pauses()
    def add_pause(self, pause: Pause) -> Pause: return self._coach.add_pause(pause)
    def dismissed(self) -> dict[str, date]: return self._coach.dismissed()
    def dismissals(self) -> list[Dismissal]: return self._coach.dismissals()
    def undismiss(self, key: str) -> None: self._coach.undismiss(key)
    def draft(self, kind: str) -> dict[str, str] | None: return self._coach.draft(kind)
    def save_draft(self, kind: str, values: dict[str, str]) -> None: self._coach.save_draft(kind, values)
    def clear_draft(self, kind: str) -> None: self._coach.clear_draft(kind)

    def dismiss(self, key: str, on: date, until: date | None = None) -> None:
        """Keep the nudge ``key`` away: for good, or (``until``) up to that day, when it shows again."""
        self._coach.dismiss(key, on, until)

    def idea(self, idea_id: int) -> Idea | None: return self._ideas.idea(idea_id)
    def ideas(self) -> list[Idea]: return self._ideas.ideas()
    def add_idea(self, idea: Idea) -> Idea: return self._ideas.add_idea(idea)
    def update_idea(self, idea: Idea) -> None: self._ideas.update_idea(idea)

    @property
    def freedom(self) -> Freedom | None:
        """Step 4's bills, savings and hourly rate, or None before any was written."""
        return self._measures.freedom

    def set_freedom(self, freedom: Freedom) -> None: self._measures.set_freedom(freedom)
    def hours(self, stream_id: int | None = None) -> list[HoursEntry]: return self._measures.hours(stream_id)
    def add_hours(self, entry: HoursEntry) -> HoursEntry: return self._measures.add_hours(entry)
    def delete_hours(self, entry_id: int) -> None: self._measures.delete_hours(entry_id)
    def parts(self, target: str, target_id: int) -> PartsRating | None: return self._measures.parts(target, target_id)
    def parts_ratings(self) -> list[PartsRating]: return self._measures.parts_ratings()
    def set_parts(self, rating: PartsRating) -> PartsRating: return self._measures.set_parts(rating)
    def stream_starts(self) -> dict[int, date | None]: return self._measures.stream_starts()
