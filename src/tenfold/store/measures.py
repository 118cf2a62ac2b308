"""The measuring records: hours logged on streams, step 4's bills, the three parts' ratings.

They live in tables of their own (``hours``, ``freedom``, ``parts``), read and
checked when the file opens like every other record
(:mod:`tenfold.store.reading.loading`): one bad record and the file is refused,
never silently thinned. Deleting a stream or an idea takes
its hours and ratings along in the same batch (:meth:`MeasureRecords.forget_stream`,
:meth:`MeasureRecords.forget_idea`).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from tenfold.domain.errors import StoreError
from tenfold.domain.freedom import Freedom
from tenfold.domain.hours import HoursEntry, stream_began
from tenfold.domain.parts import PartsRating
from tenfold.store.batch import Batch, Batches
from tenfold.store.database import Database
from tenfold.store.ledger import LedgerRecords
from tenfold.store.payments import PaymentsCache
from tenfold.store.reading.loading import Contents
from tenfold.store.schema import FREEDOM, HOURS, PARTS


class MeasureRecords:
    """Reads and writes of logged hours, the bills and the three parts."""

    def __init__(self, database: Database, batches: Batches, ledger: LedgerRecords, payments: PaymentsCache,
                 contents: Contents) -> None:
        self.path = database.path
        self._write = batches.batch
        self._ledger = ledger
        self._payments = payments
        self._freedom = contents.freedom
        self._hours = contents.hours
        self._parts = contents.parts

    # ----- reading ---------------------------------------------------------------

    @property
    def freedom(self) -> Freedom | None:
        """Step 4's bills, savings and hourly rate, or None before any was written."""
        return self._freedom

    def hours(self, stream_id: int | None = None) -> list[HoursEntry]:
        """Logged hours (one stream's, or all), oldest first."""
        rows = [e for e in self._hours.values() if stream_id is None or e.stream_id == stream_id]
        return sorted(rows, key=lambda e: (e.on, e.id))

    def parts(self, target: str, target_id: int) -> PartsRating | None:
        """The three parts' ratings of one idea or stream."""
        return next((p for p in self._parts.values() if p.target == target and p.target_id == target_id), None)

    def parts_ratings(self) -> list[PartsRating]:
        """Every idea's and stream's ratings, in the order they were first made."""
        return sorted(self._parts.values(), key=lambda p: p.id)

    def stream_starts(self) -> dict[int, date | None]:
        """Each stream's first known day: its start, or an earlier payment (hours before it are refused)."""
        first: dict[int, date] = {}
        for p in self._payments.payments():  # newest first: the last seen is the earliest
            first[p.stream_id] = p.on
        return {s.id: stream_began(s, first.get(s.id)) for s in self._ledger.by_id.values()}

    # ----- writing ---------------------------------------------------------------

    def set_freedom(self, freedom: Freedom) -> None:
        """Write step 4's bills, savings and hourly rate."""
        with self._write() as t:
            t.table(FREEDOM).replace(1, freedom.to_store())
        self._freedom = freedom

    def add_hours(self, entry: HoursEntry) -> HoursEntry:
        """Log hours on a stream; returns the entry with its new id."""
        if entry.stream_id not in self._ledger.by_id:
            raise StoreError(self.path, f"has no stream {entry.stream_id}")
        with self._write() as t:
            new_id = t.table(HOURS).insert(entry.to_store())
        saved = dataclasses.replace(entry, id=new_id)
        self._hours[new_id] = saved
        return saved

    def delete_hours(self, entry_id: int) -> None:
        """Delete one hours entry."""
        if entry_id not in self._hours:
            raise StoreError(self.path, f"has no hours entry {entry_id}")
        with self._write() as t:
            t.table(HOURS).remove(doc_ids=[entry_id])
        del self._hours[entry_id]

    def set_parts(self, rating: PartsRating) -> PartsRating:
        """Write an idea's or a stream's ratings (one record each, replaced on change)."""
        old = self.parts(rating.target, rating.target_id)
        with self._write() as t:
            if old is None:
                rating_id = t.table(PARTS).insert(rating.to_store())
            else:
                rating_id = old.id
                t.table(PARTS).replace(rating_id, rating.to_store())
        saved = dataclasses.replace(rating, id=rating_id)
        self._parts[rating_id] = saved
        return saved

    # ----- what a deleted stream or idea takes along (inside their batch) ---------

    def forget_stream(self, t: Batch, stream_id: int) -> None:
        """A stream's hours and ratings go with it."""
        self._forget(t, [e.id for e in self._hours.values() if e.stream_id == stream_id], HOURS, self._hours)
        self._forget(t, [p.id for p in self._parts.values() if p.target == "stream" and p.target_id == stream_id],
                     PARTS, self._parts)

    def forget_idea(self, t: Batch, idea_id: int) -> None:
        """An idea's ratings go with it."""
        self._forget(t, [p.id for p in self._parts.values() if p.target == "idea" and p.target_id == idea_id],
                     PARTS, self._parts)

    def _forget(self, t: Batch, ids: list[int], table: str, rows: dict[int, Any]) -> None:
        """Remove records in the current write; put them back in memory if the write is undone."""
        if not ids:
            return
        gone = {i: rows[i] for i in ids}
        t.on_undo(lambda: rows.update(gone))
        t.table(table).remove(doc_ids=ids)
        for i in ids:
            del rows[i]
