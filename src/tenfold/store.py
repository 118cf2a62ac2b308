"""The store: the one place that reads and writes the data file.

It opens the TinyDB file through :class:`AtomicJSONStorage`, validates every
record into domain objects once, keeps them in memory, and applies each change to
both the file and memory. Memory is updated only after the file write succeeded,
so a failed save leaves both exactly as they were and the caller can retry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from tinydb import Query, TinyDB
from tinydb.table import Document as TinyDoc
from tinydb.table import Table

from tenfold.backups import Backup, daily_backup, list_backups, restore_backup
from tenfold.errors import ChangedOnDiskError, StoreError
from tenfold.goal import Goal
from tenfold.ideas import Idea, newest_first
from tenfold.ledger import Payment, Stream
from tenfold.loading import remove_leftover_temp_files, validate_document
from tenfold.lock import FileLock
from tenfold.opening import clock_time, migrate_on_disk, open_file
from tenfold.steps import STEPS, StepState
from tenfold.storage import AtomicJSONStorage, Document

__all__ = ["Store", "remove_leftover_temp_files"]


class Store:
    """Validated, in-memory view of the data file with crash-safe writes."""

    def __init__(
        self,
        path: Path,
        storage: AtomicJSONStorage,
        lock: FileLock | None,
        today: Callable[[], date] = date.today,
        data: Document | None = None,
    ) -> None:
        self.path = path
        self.today = today
        """The clock: tests pass a fixed date so check-ins and backups are repeatable."""
        self.read_only = lock is None
        self._storage = storage
        self._lock = lock
        self._stale = False
        self._backed_up_on: date | None = None
        self._db = TinyDB(storage=lambda: storage)
        self._load(data if data is not None else storage.read() or {})

    # ----- opening and closing -------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        lock_wait: float = 0.0,
        today: Callable[[], date] = date.today,
    ) -> Store:
        """Open (creating if needed) and validate the file; take the write lock unless read-only."""
        path = Path(path).absolute()
        storage, lock, data = open_file(path, read_only=read_only, lock_wait=lock_wait, today=today)
        try:
            return cls(path, storage, lock, today, data)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    def close(self) -> None:
        """Release the lock. Every change is already on disk."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reload(self) -> None:
        """Re-read the file from disk (after another program changed it)."""
        self._storage.forget()
        data = migrate_on_disk(self.path, self._storage, self.today)
        self._db = TinyDB(storage=lambda: self._storage)
        self._load(data)
        self._stale = False

    # ----- backups ---------------------------------------------------------------

    def backups(self) -> list[Backup]:
        """This file's backups, newest first."""
        return list_backups(self.path)

    def restore(self, name: str) -> tuple[Backup, Backup | None]:
        """Put backup ``name`` in place (the current file is kept as a backup), then reload."""
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        restored = restore_backup(self.path, name, clock_time(self.today), lock_held=True)
        self.reload()
        return restored

    @property
    def stale(self) -> bool:
        """True after the file changed on disk: writes wait until :meth:`reload`."""
        return self._stale

    # ----- loading ---------------------------------------------------------------

    def _load(self, data: Document) -> None:
        """Validate every record into domain objects; the file is refused if any is bad."""
        contents = validate_document(self.path, data)
        self._goal: Goal | None = contents.goal
        self._steps = contents.steps
        self._streams = contents.streams
        self._payments = contents.payments
        self._ideas = contents.ideas
        self._checkins = contents.checkins
        self._drafts = contents.drafts

    # ----- reading ---------------------------------------------------------------

    @property
    def goal(self) -> Goal | None:
        """The written goal, or None before the user has written one."""
        return self._goal

    def steps(self) -> list[StepState]:
        """All eight steps in order, unticked ones included."""
        return [self._steps.get(info.number, StepState(info.number)) for info in STEPS]

    def streams(self) -> list[Stream]:
        """Streams by name."""
        return sorted(self._streams.values(), key=lambda s: s.name.casefold())

    def stream(self, stream_id: int) -> Stream | None:
        """One stream by id."""
        return self._streams.get(stream_id)

    def payments(self) -> list[Payment]:
        """Payments newest first."""
        return sorted(self._payments.values(), key=lambda p: (p.on, p.id), reverse=True)

    def payment(self, payment_id: int) -> Payment | None:
        """One payment by id."""
        return self._payments.get(payment_id)

    def latest_payment(self) -> Payment | None:
        """The newest payment (by date, then by when it was entered), without sorting them all."""
        return max(self._payments.values(), key=lambda p: (p.on, p.id), default=None)

    def count_payments(self, stream_id: int) -> int:
        """How many payments a stream has (what deleting it would take along)."""
        return sum(1 for p in self._payments.values() if p.stream_id == stream_id)

    def idea(self, idea_id: int) -> Idea | None:
        """One brainstorm entry by id."""
        return self._ideas.get(idea_id)

    def ideas(self) -> list[Idea]:
        """Brainstorm entries newest first."""
        return newest_first(list(self._ideas.values()))

    def checkins(self) -> set[date]:
        """Days on which the user saved anything: the streak is built from these."""
        return set(self._checkins)

    def draft(self, kind: str) -> dict[str, str] | None:
        """Unsubmitted form values saved when the app was closed with a form open."""
        return self._drafts.get(kind)

    # ----- writing ---------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[None]:
        """Group TinyDB operations into one atomic file write."""
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        if self._stale:
            raise ChangedOnDiskError(self.path, "changed on disk; reload it before saving")
        today = self.today()
        if self._backed_up_on != today:  # the first save of the day keeps yesterday's file
            daily_backup(self.path, clock_time(self.today))
            self._backed_up_on = today
        self._storage.begin()
        try:
            yield
            if today not in self._checkins:
                self._table("checkins").insert({"on": today.isoformat()})
        except BaseException as exc:
            self._storage.end(commit=False)
            self._abandon(exc)
            raise
        try:
            self._storage.end()
        except BaseException as exc:
            self._abandon(exc)
            raise
        self._checkins.add(today)

    def _abandon(self, exc: BaseException) -> None:
        """After a failed save: forget TinyDB's cached next ids, which counted the lost change.

        Only then: a fresh TinyDB after every save would recount every id of a
        large table on the next insert.
        """
        self._db = TinyDB(storage=lambda: self._storage)
        if isinstance(exc, ChangedOnDiskError):
            self._stale = True

    def _table(self, name: str) -> Table:
        return self._db.table(name, cache_size=0)

    def set_goal(self, goal: Goal) -> None:
        """Write (or rewrite) the goal."""
        with self._write():
            self._table("goal").upsert(TinyDoc(goal.to_store(), doc_id=1))
        self._goal = goal

    def set_step(self, state: StepState) -> None:
        """Save one step's tick date and notes."""
        with self._write():
            self._table("steps").upsert(TinyDoc(state.to_store(), doc_id=state.number))
        self._steps[state.number] = state

    def add_stream(self, stream: Stream) -> Stream:
        """Insert a stream; returns it with its new id."""
        with self._write():
            new_id = self._table("streams").insert(stream.to_store())
        saved = Stream(new_id, stream.name, stream.category, stream.kind, stream.currency)
        self._streams[new_id] = saved
        return saved

    def update_stream(self, stream: Stream) -> None:
        """Rewrite an existing stream."""
        with self._write():
            self._table("streams").update(stream.to_store(), doc_ids=[stream.id])
        self._streams[stream.id] = stream

    def delete_stream(self, stream_id: int) -> int:
        """Delete a stream and its payments in one write; returns how many payments went."""
        doomed = [p.id for p in self._payments.values() if p.stream_id == stream_id]
        with self._write():
            if doomed:
                self._table("payments").remove(doc_ids=doomed)
            self._table("streams").remove(doc_ids=[stream_id])
        for pid in doomed:
            del self._payments[pid]
        del self._streams[stream_id]
        return len(doomed)

    def add_payment(self, payment: Payment) -> Payment:
        """Insert a payment; returns it with its new id."""
        if payment.stream_id not in self._streams:
            raise StoreError(self.path, f"has no stream {payment.stream_id}")
        with self._write():
            new_id = self._table("payments").insert(payment.to_store())
        saved = Payment(new_id, payment.stream_id, payment.on, payment.amount, payment.note)
        self._payments[new_id] = saved
        return saved

    def add_payments(self, payments: list[Payment]) -> list[Payment]:
        """Insert many payments in one file write, so an import is all or nothing."""
        unknown = {p.stream_id for p in payments} - self._streams.keys()
        if unknown:
            raise StoreError(self.path, f"has no stream {min(unknown)}")
        with self._write():
            new_ids = self._table("payments").insert_multiple(p.to_store() for p in payments)
        saved = [Payment(i, p.stream_id, p.on, p.amount, p.note) for i, p in zip(new_ids, payments, strict=True)]
        self._payments.update((p.id, p) for p in saved)
        return saved

    def update_payment(self, payment: Payment) -> None:
        """Rewrite an existing payment."""
        with self._write():
            self._table("payments").update(payment.to_store(), doc_ids=[payment.id])
        self._payments[payment.id] = payment

    def delete_payment(self, payment_id: int) -> None:
        """Delete one payment."""
        with self._write():
            self._table("payments").remove(doc_ids=[payment_id])
        del self._payments[payment_id]

    def add_idea(self, idea: Idea) -> Idea:
        """Insert a brainstorm entry; returns it with its new id."""
        with self._write():
            new_id = self._table("ideas").insert(idea.to_store())
        saved = Idea(new_id, idea.who, idea.value, idea.reach, idea.delivery, idea.written_on)
        self._ideas[new_id] = saved
        return saved

    def update_idea(self, idea: Idea) -> None:
        """Rewrite an existing brainstorm entry."""
        with self._write():
            self._table("ideas").update(idea.to_store(), doc_ids=[idea.id])
        self._ideas[idea.id] = idea

    def delete_idea(self, idea_id: int) -> None:
        """Delete one brainstorm entry."""
        with self._write():
            self._table("ideas").remove(doc_ids=[idea_id])
        del self._ideas[idea_id]

    def save_draft(self, kind: str, values: dict[str, str]) -> None:
        """Keep a form's unsubmitted values so closing the app loses nothing."""
        with self._write():
            self._table("drafts").upsert({"kind": kind, "values": values}, Query().kind == kind)
        self._drafts[kind] = values

    def clear_draft(self, kind: str) -> None:
        """Forget a draft once its form was submitted."""
        if kind not in self._drafts:
            return
        with self._write():
            self._table("drafts").remove(Query().kind == kind)
        del self._drafts[kind]

    def tick(self, number: int, on: date) -> StepState:
        """Tick a step, recording the date; notes are kept."""
        old = self.steps()[number - 1]
        new = StepState(number, on, old.notes)
        self.set_step(new)
        return new

    def untick(self, number: int) -> StepState:
        """Untick a step; notes are kept."""
        old = self.steps()[number - 1]
        new = StepState(number, None, old.notes)
        self.set_step(new)
        return new
