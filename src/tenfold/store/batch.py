"""One atomic change of the data file: begin, apply, commit (the write); on failure, undo in memory and file.

Every change the store makes goes through :meth:`Batches.batch`. By default (the
command line) a change is on disk when the call returns, and a failed save leaves
file and memory exactly as they were, so the caller can retry. With the app's
background saving (:mod:`tenfold.store.file.middleware`) a change is made in memory
at once and written soon after; a failed background save keeps it and retries.

Parts that keep state derived from the records (the payments' cache) take part in
every batch as a :class:`Participant`, handed to :class:`Batches` when the store is
put together: they are told before a batch starts, at its end (while the document
is still locked against the saver), and when one was undone. The record groups
change tables through the :class:`Batch` they are given, and register with
:meth:`Batch.on_undo` what to put back in their own memory if it fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Protocol

from tenfold.store.database import Database
from tenfold.store.db import TenfoldDB, TenfoldTable
from tenfold.store.file.middleware import WriteBehindMiddleware
from tenfold.store.schema import CHECKINS


class Batch:
    """A change under way: the tables to change, and what to undo should it fail."""

    def __init__(self, db: TenfoldDB, files: WriteBehindMiddleware) -> None:
        self._db = db
        self._files = files

    def table(self, name: str) -> TenfoldTable:
        """TinyDB's table ``name``; its writes join this batch."""
        return self._db.table(name)

    def on_undo(self, undo: Callable[[], None]) -> None:
        """Have ``undo`` called if the batch fails (after its records are put back), newest first."""
        self._files.undo.on_rollback(undo)

    @property
    def touched(self) -> set[str]:
        """The tables this batch has changed so far."""
        return self._files.storage.touched

    def mark_changed(self) -> None:
        """Write the file at the end of this batch even if no table changed."""
        self._files.mark_changed()


class Participant(Protocol):
    """A part whose state follows the records, told of each batch's life."""

    def before_batch(self) -> None:
        """A batch is about to start (nothing is locked yet)."""

    def end_of_batch(self, batch: Batch) -> None:
        """The batch's changes are made; the document is still locked against the saver."""

    def batch_undone(self) -> None:
        """A batch failed and its records were put back: drop whatever was derived from them."""


class Batches:
    """Makes batches over the database, with the check-in of the day and the participants given."""

    def __init__(self, database: Database, checkins: set[date], participants: Sequence[Participant] = ()) -> None:
        self._database = database
        self._checkins = checkins
        self._participants = tuple(participants)

    def checkins(self) -> set[date]:
        """Days on which the user saved anything: the streak is built from these."""
        return set(self._checkins)

    @contextmanager
    def batch(self, *, checkin: bool = True) -> Iterator[Batch]:
        """Group record changes into one atomic file write; yields the batch whose tables to change.

        Each batch records today as a day the user worked on the plan (the streak),
        unless ``checkin`` is False: for a save the user did not make.

        On any failure the batch is undone in memory and the error raised: memory
        again equals what is (or, in the background, what will be) on disk.
        """
        database = self._database
        database.check_writable()
        for part in self._participants:
            part.before_batch()
        today = database.today()
        files = database.files
        files.begin()
        batch = Batch(database.db, files)
        try:
            yield batch
            if checkin and today not in self._checkins:
                batch.table(CHECKINS).insert({"on": today.isoformat()})
            for part in self._participants:
                part.end_of_batch(batch)
        except BaseException:
            self._undo()
            files.end(commit=False)
            raise
        try:
            files.end()  # writes now, or (in the background) soon
        except BaseException:
            self._undo()
            raise
        if checkin:
            self._checkins.add(today)

    def _undo(self) -> None:
        """A batch failed: its records are put back (and each ``on_undo``), then the participants are told."""
        self._database.files.rollback()
        for part in self._participants:
            part.batch_undone()
