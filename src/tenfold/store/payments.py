"""The payments' cache: read later when the file has an index, kept sorted, and their monthly index.

Every change to the payments (and what is derived from them: the sorted list and
the monthly index) happens inside a write batch, while the document is locked
against the saver, so the background saver always writes a payments table and an
index that agree (:mod:`tenfold.store.payment_index`). The cache takes part in every
batch (:class:`tenfold.store.batch.Participant`): the payments are taken in before
one starts, the index is handed to the storage at its end, and a batch that fails
drops the derived state; it is built again from the payments when next asked for.

A file opened with its index (the command line, and the app at first) has its
payments unread. A write that needs no payment as an object - adding one, ticking
a step - does not build them all: the table is parsed, checked a column at a
time (:func:`~tenfold.store.reading.payments.largest_payment_id`: a damaged
payment still refuses the write) and put in the document as it is; the new
payments are counted into the index, which is written with them. The check is
skipped when the payments' bytes are still the ones the store checked and wrote
(the index's ``checked`` sum) and every stream they name is still in the file;
TinyDB's next id then comes from the index's largest id. Only a read or a change
of existing payments builds every payment.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from operator import attrgetter

from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.streams import Stream
from tenfold.store.batch import Batch
from tenfold.store.by_id import PaymentsById
from tenfold.store.database import Database
from tenfold.store.opening import Deferred
from tenfold.store.payment_index import NEWEST, IndexParts, IndexWriter
from tenfold.store.reading.payments import PaymentsReader, largest_id, largest_payment_id, validate_rows
from tenfold.store.schema import PAYMENTS


def _newest_first(p: Payment) -> tuple[int, int]:
    return (-p.on.toordinal(), -p.id)


class PaymentsCache:
    """Payments, deferred or read, and what is derived from them.

    ``streams`` are the ledger's streams (the mapping is kept, not copied): payments
    read later are checked against the streams known then.
    """

    def __init__(self, database: Database, payments: dict[int, Payment], streams: Mapping[int, Stream],
                 deferred: Deferred | None) -> None:
        self._database = database
        self._payments = PaymentsById(payments.values())
        """By id: a list in id order, not a dict (:mod:`tenfold.store.by_id`)."""
        self._streams = streams
        self._payments_sorted: list[Payment] | None = None
        self._index_writer = IndexWriter(deferred.index.pieces if deferred else None)
        self._index: MonthlyIndex | None = deferred.index.monthly if deferred else None
        self._newest: tuple[Payment, ...] = deferred.index.newest if deferred else ()
        self._reader: PaymentsReader | None = PaymentsReader(database.path, deferred) if deferred else None
        self._vouched = deferred.index.vouched if deferred else False
        """Whether the index's checked sum says the payments are the ones the store last checked and wrote."""
        self._largest_written = deferred.index.largest if deferred else 0
        """The largest payment id the index gives: used only for payments the checked sum vouches for."""
        self._largest: int | None = None
        """The largest payment id, written in the index; None: not known, found when next needed."""
        self._raw = False
        """The payments table is in the document as parsed, not built into payments (see the module)."""
        self.opened_with_index = deferred is not None
        """Whether the file had an index matching its payments when it was opened (deferred opens only)."""

    # ----- deferred payments ------------------------------------------------------------

    @property
    def payments_ready(self) -> bool:
        """Whether every payment is read (False only for a while after a deferred open)."""
        return self._reader is None

    def read_payments_in_background(self, done: Callable[[], None]) -> None:
        """Start reading the payments on a thread; ``done`` is called from it when they are read.

        Nothing in the store changes until a call on the store's own thread takes
        them in (:meth:`wait_for_payments`, or any read or write of payments).
        Called with everything read already, ``done`` is called at once.
        """
        if self._reader is None or self._raw:
            done()  # in the document already: the first read on the store's thread builds them
        else:
            self._reader.start(self._streams.keys(), done)

    def wait_for_payments(self) -> None:
        """Take the payments in, reading them here if no thread did; DamagedFileError if one is bad."""
        reader = self._reader
        if reader is None:
            return
        if self._raw:  # the table is in the document (with any payment added since): built from there
            document = self._database.storage.read()
            assert document is not None
            payments, _rows, ordered = validate_rows(self._database.path, document[PAYMENTS], self._streams.keys())
            self._raw = False
        else:
            payments, rows, ordered = reader.result(self._streams.keys())
            self._database.files.install(PAYMENTS, rows)
        self._payments = payments
        self._database.db.table(PAYMENTS).continue_after(payments.largest_id())
        self._payments_sorted = ordered  # sorted on the reading thread, as payments() would
        self._newest = ()
        self._reader = None

    def payment_count(self) -> int:
        """How many payments there are, read or not."""
        if self._reader is not None and self._index is not None:
            return self._index.count
        self.wait_for_payments()
        return len(self._payments)

    def newest_payments(self) -> list[Payment]:
        """Payments newest first: all of them once read, before that the newest the index keeps."""
        return self.payments() if self._reader is None else list(self._newest)

    # ----- reading --------------------------------------------------------------------------

    def payments(self) -> list[Payment]:
        """Payments newest first.

        Sorted once and then kept in order as payments come and go: with 100,000
        payments a sort per call was most of the time a save took to show. Callers
        get the same list each time and must not change it.
        """
        self.wait_for_payments()
        if self._payments_sorted is None:
            # By id, then a stable sort by day, give exactly the order of one sort by
            # _newest_first, in half the time: C-level keys instead of a Python call per payment.
            ordered = self._payments.values()[::-1]  # in id order: reversed, newest first
            ordered.sort(key=attrgetter("on"), reverse=True)
            self._payments_sorted = ordered
        return self._payments_sorted

    def payment(self, payment_id: int) -> Payment | None:
        """One payment by id."""
        self.wait_for_payments()
        return self._payments.get(payment_id)

    def latest_payment(self) -> Payment | None:
        """The newest payment (by date, then by when it was entered)."""
        if self._reader is not None:
            return self._newest[0] if self._newest else None
        if self._payments_sorted is not None:
            return self._payments_sorted[0] if self._payments_sorted else None
        return max(self._payments.values(), key=lambda p: (p.on, p.id), default=None)

    def count_payments(self, stream_id: int) -> int:
        """How many payments a stream has (what deleting it would take along)."""
        self.wait_for_payments()
        return sum(1 for p in self._payments.values() if p.stream_id == stream_id)

    def monthly_index(self) -> MonthlyIndex:
        """Each stream's totals per month and last payment day, in step with every change.

        Kept by the store, so the screens never sum the payments themselves; from the
        file's index until the payments are read, built from them once otherwise.
        """
        if self._index is None:
            self._index = MonthlyIndex.build(self.payments())
            self._index_writer.forget()
        return self._index

    def of_stream(self, stream_id: int) -> list[Payment]:
        """A stream's payments, in no particular order."""
        self.wait_for_payments()
        return [p for p in self._payments.values() if p.stream_id == stream_id]

    # ----- taking part in every batch -------------------------------------------------------

    def before_batch(self) -> None:
        """The document is written whole: the payments must be in it (as parsed rows, when that will do)."""
        reader = self._reader
        if reader is None or self._raw:
            return
        if reader.started or self._index is None:  # read on a thread already: its result is taken in
            self.wait_for_payments()
            return
        streams = self._streams.keys()
        vouched = (  # the bytes the store wrote, checked, for streams that are all still there
            self._vouched and self._index.stream_ids() <= streams
        )
        # A write before any reading thread (a command's): one parse is quicker.
        rows = reader.rows(chunked=False, checked=vouched)
        largest = self._largest_written if vouched else largest_payment_id(rows, streams)
        if largest is None:
            self.wait_for_payments()  # builds each payment, and refuses the file naming the bad one
            return
        self._largest = largest
        self._database.files.install(PAYMENTS, rows)
        self._database.db.table(PAYMENTS).continue_after(largest)  # TinyDB need not scan every id again
        self._raw = True

    def end_of_batch(self, batch: Batch) -> None:
        """Hand the storage the index of the payments as this batch leaves them."""
        storage = self._database.storage
        if PAYMENTS in batch.touched or (storage.index_parts is None and self.payment_count()):
            self._set_index_parts(batch, self._index_parts())

    def batch_undone(self) -> None:
        """A failed batch: the derived state is built again when next asked for."""
        self._index = None
        self._payments_sorted = None

    def reindex(self, batch: Batch) -> None:
        """In the batch: write the payments' index again (taken afresh at the end of the batch)."""
        self._set_index_parts(batch, None)
        batch.mark_changed()

    def _set_index_parts(self, batch: Batch, parts: IndexParts | None) -> None:
        storage = self._database.storage
        before = storage.index_parts
        storage.index_parts = parts
        batch.on_undo(lambda: setattr(storage, "index_parts", before))

    def _index_parts(self) -> IndexParts:
        index = self.monthly_index()
        newest = self.payments()[:NEWEST] if self._reader is None else self._newest
        return self._index_writer.parts(index, newest, index.last_paid(newest), self._largest_id())

    def _largest_id(self) -> int:
        """The largest payment id (0 with none), found again after the largest was deleted."""
        if self._largest is None:
            if self._raw:  # the table as parsed, checked when it went into the document
                document = self._database.storage.read()
                assert document is not None
                largest = largest_id(document[PAYMENTS])
                assert largest is not None, "a checked table has only ids for keys"
                self._largest = largest
            else:
                self.wait_for_payments()
                self._largest = self._payments.largest_id()
        return self._largest

    # ----- changed inside a batch -----------------------------------------------------------

    def added(self, batch: Batch, payments: list[Payment]) -> None:
        """In the batch: payments saved; the dict, the sorted list and the index follow."""
        self._payments.put(payments)
        largest = self._largest

        def undo() -> None:
            self._payments.discard(p.id for p in payments)
            self._largest = largest

        batch.on_undo(undo)
        if largest is not None and payments:
            self._largest = max(largest, max(p.id for p in payments))
        if self._index is not None:
            for p in payments:
                self._index.add(p)
        if self._reader is not None:  # not read yet: the newest the index keeps follow
            kept = self._newest
            self._newest = tuple(sorted((*kept, *payments), key=_newest_first)[:NEWEST])
            batch.on_undo(lambda: setattr(self, "_newest", kept))
        if self._payments_sorted is None:
            return
        if len(payments) > 1000:  # an import: one sort is cheaper than many inserts
            self._payments_sorted = None
            return
        ordered = self._payments_sorted  # in place: callers holding it see the change, and its undoing
        for p in payments:
            bisect.insort(ordered, p, key=_newest_first)

        def unsort() -> None:
            for p in payments:
                ordered.remove(p)

        batch.on_undo(unsort)

    def removed(self, batch: Batch, payments: list[Payment]) -> None:
        """In the batch: payments deleted (or the old versions of edited ones)."""
        doomed = {p.id for p in payments}
        largest = self._largest

        def undo() -> None:
            self._payments.put(payments)
            self._largest = largest

        batch.on_undo(undo)
        if largest in doomed:
            self._largest = None
        self._payments.drop(doomed)
        for p in payments:
            if self._index is not None:
                try:
                    self._index.remove(p)
                except KeyError:  # never counted: build it again rather than guess
                    self._index = None
        if self._payments_sorted is not None and doomed:
            self._payments_sorted = [p for p in self._payments_sorted if p.id not in doomed]
