"""The ledger's records: streams, payments and exchange rates.

Payments are written here and kept by the payments' cache
(:mod:`tenfold.store.payments`), which this group is given. Records of other
groups that belong to a stream (step links, hours, ratings) are not known here:
the store removes them in the same batch as the stream (:meth:`LedgerRecords.remove_stream`).
"""

from __future__ import annotations

import dataclasses

from tenfold.domain.errors import StoreError
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.store.batch import Batch, Batches
from tenfold.store.database import Database
from tenfold.store.payments import PaymentsCache
from tenfold.store.schema import PAYMENTS, RATES, STREAMS


class LedgerRecords:
    """Reads and writes of the Income Ledger's records."""

    def __init__(self, database: Database, batches: Batches, payments: PaymentsCache,
                 streams: dict[int, Stream], rates: dict[int, Rate]) -> None:
        self.path = database.path
        self._today = database.today
        self._write = batches.batch
        self._payments = payments
        self.by_id = streams
        """The streams by id (the payments' cache checks payments read later against them)."""
        self._rates = rates

    # ----- reading ---------------------------------------------------------------

    def streams(self) -> list[Stream]:
        """Streams by name."""
        return sorted(self.by_id.values(), key=lambda s: s.name.casefold())

    def stream(self, stream_id: int) -> Stream | None:
        """One stream by id."""
        return self.by_id.get(stream_id)

    def rates(self) -> list[Rate]:
        """Exchange rates, newest first."""
        return sorted(self._rates.values(), key=lambda r: (r.on, r.id), reverse=True)

    # ----- writing ---------------------------------------------------------------

    def add_stream(self, stream: Stream) -> Stream:
        """Insert a stream; returns it with its new id, and today as its start unless one was given."""
        if stream.started_on is None:
            stream = dataclasses.replace(stream, started_on=self._today())
        with self._write() as t:
            new_id = t.table(STREAMS).insert(stream.to_store())
        saved = dataclasses.replace(stream, id=new_id)
        self.by_id[new_id] = saved
        return saved

    def update_stream(self, stream: Stream) -> None:
        """Rewrite an existing stream; its start day is kept when the new version does not give one."""
        if stream.id not in self.by_id:
            raise StoreError(self.path, f"has no stream {stream.id}")
        if stream.started_on is None:
            stream = dataclasses.replace(stream, started_on=self.by_id[stream.id].started_on)
        with self._write() as t:
            t.table(STREAMS).replace(stream.id, stream.to_store())
        self.by_id[stream.id] = stream

    def remove_stream(self, batch: Batch, stream_id: int) -> int:
        """In ``batch``: delete a stream and its payments; returns how many payments went."""
        if stream_id not in self.by_id:
            raise StoreError(self.path, f"has no stream {stream_id}")
        doomed = self._payments.of_stream(stream_id)
        if doomed:
            batch.table(PAYMENTS).remove(doc_ids=[p.id for p in doomed])
            self._payments.removed(batch, doomed)
        batch.table(STREAMS).remove(doc_ids=[stream_id])
        gone = self.by_id.pop(stream_id)
        batch.on_undo(lambda: self.by_id.__setitem__(stream_id, gone))
        return len(doomed)

    def unlink_idea(self, batch: Batch, idea_id: int) -> None:
        """In ``batch``: streams that came from idea ``idea_id`` forget the link."""
        linked = [s for s in self.by_id.values() if s.idea_id == idea_id]
        batch.on_undo(lambda: self.by_id.update((s.id, s) for s in linked))
        for s in linked:
            unlinked = dataclasses.replace(s, idea_id=None)
            batch.table(STREAMS).replace(s.id, unlinked.to_store())
            self.by_id[s.id] = unlinked

    def add_payment(self, payment: Payment) -> Payment:
        """Insert a payment; returns it with its new id."""
        return self.add_payments([payment])[0]

    def add_payments(self, payments: list[Payment]) -> list[Payment]:
        """Insert many payments in one file write, so an import is all or nothing."""
        unknown = {p.stream_id for p in payments} - self.by_id.keys()
        if unknown:
            raise StoreError(self.path, f"has no stream {min(unknown)}")
        with self._write() as t:
            new_ids = t.table(PAYMENTS).insert_multiple(p.to_store() for p in payments)
            saved = [dataclasses.replace(p, id=i) for i, p in zip(new_ids, payments, strict=True)]
            self._payments.added(t, saved)
        return saved

    def import_payments(self, streams: list[Stream], payments: list[Payment]) -> tuple[list[Stream], list[Payment]]:
        """New streams and payments in one file write: an import is all or nothing.

        A payment whose stream id is -n belongs to the n-th of ``streams``; any other
        stream id must exist. Returns both as saved, with their new ids.
        """
        unknown = {p.stream_id for p in payments if p.stream_id > 0} - self.by_id.keys()
        if unknown or any(p.stream_id == 0 or -p.stream_id > len(streams) for p in payments):
            raise StoreError(self.path, f"has no stream {min(unknown) if unknown else 0}")
        with self._write() as t:
            created = [dataclasses.replace(s, id=t.table(STREAMS).insert(s.to_store())) for s in streams]
            docs = [p.to_store() for p in payments]
            for doc in docs:  # a new stream's payments point at it by -n until it has its id
                if doc["stream_id"] <= 0:
                    doc["stream_id"] = created[-doc["stream_id"] - 1].id
            new_ids = t.table(PAYMENTS).insert_multiple(docs)
            saved = [dataclasses.replace(p, id=i, stream_id=d["stream_id"])
                     for i, p, d in zip(new_ids, payments, docs, strict=True)]
            self._payments.added(t, saved)
        for stream in created:
            self.by_id[stream.id] = stream
        return created, saved

    def update_payment(self, payment: Payment) -> None:
        """Rewrite an existing payment; where it came from (source, id, fee, currency, refund link) is kept."""
        old = self._payments.payment(payment.id)
        if old is None:
            raise StoreError(self.path, f"has no payment {payment.id}")
        payment = payment.keeping_provenance(old)
        if payment.stream_id not in self.by_id:
            raise StoreError(self.path, f"has no stream {payment.stream_id}")
        with self._write() as t:
            t.table(PAYMENTS).replace(payment.id, payment.to_store())
            self._payments.removed(t, [old])
            self._payments.added(t, [payment])

    def delete_payment(self, payment_id: int) -> None:
        """Delete one payment."""
        old = self._payments.payment(payment_id)
        if old is None:
            raise StoreError(self.path, f"has no payment {payment_id}")
        with self._write() as t:
            t.table(PAYMENTS).remove(doc_ids=[payment_id])
            self._payments.removed(t, [old])

    def add_rate(self, rate: Rate) -> Rate:
        """Insert an exchange rate; returns it with its new id."""
        with self._write() as t:
            new_id = t.table(RATES).insert(rate.to_store())
        saved = dataclasses.replace(rate, id=new_id)
        self._rates[new_id] = saved
        return saved

    def delete_rate(self, rate_id: int) -> None:
        """Delete one exchange rate."""
        with self._write() as t:
            t.table(RATES).remove(doc_ids=[rate_id])
        del self._rates[rate_id]
