"""The store's payments: read later when the file has an index, kept sorted, and their monthly index.

Every change to the payments (and what is derived from them: the sorted list and
the monthly index) happens inside the write batch, while the storage is locked,
so the background saver always writes a payments table and an index that agree
(:mod:`tenfold.store.payment_index`). A batch that fails drops the derived state; it is
built again from the payments when next asked for.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from operator import attrgetter

from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.store.core import StoreCore
from tenfold.store.opening import Deferred
from tenfold.store.payment_index import NEWEST, IndexParts, IndexWriter
from tenfold.store.reading.payments import PaymentsReader
from tenfold.store.schema import PAYMENTS, Document


def _newest_first(p: Payment) -> tuple[int, int]:
    return (-p.on.toordinal(), -p.id)


class PaymentsStore(StoreCore):
    """Payments, deferred or read, and what is derived from them."""

    _index: MonthlyIndex | None
    _reader: PaymentsReader | None
    _newest: tuple[Payment, ...]

    def _load(self, data: Document, deferred: Deferred | None = None) -> None:
        super()._load(data, deferred)
        self._index_writer = IndexWriter()
        self._index = deferred.index.monthly if deferred else None
        self._newest = deferred.index.newest if deferred else ()
        self._reader = PaymentsReader(self.path, deferred) if deferred else None
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
        if self._reader is None:
            done()
        else:
            self._reader.start(self._streams.keys(), done)

    def wait_for_payments(self) -> None:
        """Take the payments in, reading them here if no thread did; DamagedFileError if one is bad."""
        reader = self._reader
        if reader is None:
            return
        payments, rows, ordered = reader.result(self._streams.keys())
        self._storage.install(PAYMENTS, rows)
        self._payments = payments
        # TinyDB would find the next id at the first insert by converting every key of the
        # table (a quarter of a second with a million payments, in the key that adds one).
        self._db.table(PAYMENTS)._next_id = max(payments, default=0) + 1  # type: ignore[assignment]
        self._payments_sorted = ordered  # sorted on the reading thread, as payments() would
        self._newest = ()
        self._reader = None

    def payment_count(self) -> int:
        """How many payments there are, read or not."""
        return self._index.count if self._reader is not None and self._index is not None else len(self._payments)

    def newest_payments(self) -> list[Payment]:
        """Payments newest first: all of them once read, before that the newest the index keeps."""
        return self.payments() if self._reader is None else list(self._newest)

    def save_payment_index(self) -> None:
        """Write the file again with an index of its payments, changing no record.

        For a file that had none, or one that no longer matched (written by an older
        Tenfold or another program): without it, every start reads every payment.
        It is a save the user did not make, so it counts no day in the streak.
        """
        with self._write(checkin=False):
            self._storage.index_parts = None  # taken again at the end of the batch
            self._storage.touch_index()
        self.opened_with_index = True

    # ----- reading --------------------------------------------------------------------------

    def payments(self) -> list[Payment]:
        """Payments newest first.

        Sorted once and then kept in order as payments come and go: with 100,000
        payments a sort per call was most of the time a save took to show. Callers
        get the same list each time and must not change it.
        """
        self.wait_for_payments()
        if self._payments_sorted is None:
            # Two stable sorts (by id, then by day) give exactly the order of one sort by
            # _newest_first, in half the time: C-level keys instead of a Python call per payment.
            ordered = sorted(self._payments.values(), key=attrgetter("id"), reverse=True)
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

    # ----- inside a write batch -------------------------------------------------------------

    def _before_batch(self) -> None:
        """The document is written whole: the payments must be in it."""
        self.wait_for_payments()

    def _end_of_batch(self) -> None:
        """Hand the storage the index of the payments as this batch leaves them."""
        if PAYMENTS in self._storage.touched or (self._storage.index_parts is None and self._payments):
            self._storage.index_parts = self._index_parts()

    def _batch_undone(self) -> None:
        self._index = None
        self._payments_sorted = None

    def _index_parts(self) -> IndexParts:
        index = self.monthly_index()
        ordered = self.payments()
        return self._index_writer.parts(index, ordered[:NEWEST], index.last_paid(ordered))

    def _payments_added(self, payments: list[Payment]) -> None:
        """In the batch: payments saved; the dict, the sorted list and the index follow."""
        self._payments.update((p.id, p) for p in payments)

        def undo() -> None:
            for p in payments:
                self._payments.pop(p.id, None)

        self._storage.undo.on_rollback(undo)
        if self._index is not None:
            for p in payments:
                self._index.add(p)
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

        self._storage.undo.on_rollback(unsort)

    def _payments_removed(self, payments: list[Payment]) -> None:
        """In the batch: payments deleted (or the old versions of edited ones)."""
        doomed = {p.id for p in payments}
        self._storage.undo.on_rollback(lambda: self._payments.update((p.id, p) for p in payments))
        for p in payments:
            del self._payments[p.id]
            if self._index is not None:
                try:
                    self._index.remove(p)
                except KeyError:  # never counted: build it again rather than guess
                    self._index = None
        if self._payments_sorted is not None and doomed:
            self._payments_sorted = [p for p in self._payments_sorted if p.id not in doomed]
