"""The store's ledger records: streams, payments and exchange rates."""

from __future__ import annotations

import dataclasses

from tenfold.domain.errors import StoreError
from tenfold.domain.ledger import Payment, Stream
from tenfold.domain.rates import Rate
from tenfold.store.db import TenfoldDB
from tenfold.store.payments import PaymentsStore
from tenfold.store.schema import PAYMENTS, RATES, STEP_ITEMS, STEPS, STREAMS


class LedgerStore(PaymentsStore):
    """Reads and writes of the Income Ledger's records."""

    # ----- reading ---------------------------------------------------------------

    def streams(self) -> list[Stream]:
        """Streams by name."""
        return sorted(self._streams.values(), key=lambda s: s.name.casefold())

    def stream(self, stream_id: int) -> Stream | None:
        """One stream by id."""
        return self._streams.get(stream_id)

    def rates(self) -> list[Rate]:
        """Exchange rates, newest first."""
        return sorted(self._rates.values(), key=lambda r: (r.on, r.id), reverse=True)

    # ----- writing ---------------------------------------------------------------

    def add_stream(self, stream: Stream) -> Stream:
        """Insert a stream; returns it with its new id, and today as its start unless one was given."""
        if stream.started_on is None:
            stream = dataclasses.replace(stream, started_on=self.today())
        with self._write() as t:
            new_id = t.table(STREAMS).insert(stream.to_store())
        saved = dataclasses.replace(stream, id=new_id)
        self._streams[new_id] = saved
        return saved

    def update_stream(self, stream: Stream) -> None:
        """Rewrite an existing stream; its start day is kept when the new version does not give one."""
        if stream.id not in self._streams:
            raise StoreError(self.path, f"has no stream {stream.id}")
        if stream.started_on is None:
            stream = dataclasses.replace(stream, started_on=self._streams[stream.id].started_on)
        with self._write() as t:
            t.table(STREAMS).replace(stream.id, stream.to_store())
        self._streams[stream.id] = stream

    def delete_stream(self, stream_id: int) -> int:
        """Delete a stream and its payments in one write; returns how many payments went.

        Links to it (step 1's choice, step 8's items) are cleared in the same write.
        """
        self.wait_for_payments()
        doomed = [p for p in self._payments.values() if p.stream_id == stream_id]
        unlink_steps = [s for s in self._steps.values() if s.stream_id == stream_id]
        unlink_items = [i for i in self._step_items.values() if i.stream_id == stream_id]
        with self._write() as t:
            if doomed:
                t.table(PAYMENTS).remove(doc_ids=[p.id for p in doomed])
                self._payments_removed(doomed)
            t.table(STREAMS).remove(doc_ids=[stream_id])
            for s in unlink_steps:
                t.table(STEPS).replace(s.number, dataclasses.replace(s, stream_id=None).to_store())
            t.table(STEP_ITEMS).remove(doc_ids=[i.id for i in unlink_items])
            self._stream_deleted(t, stream_id)
        for s in unlink_steps:
            self._steps[s.number] = dataclasses.replace(s, stream_id=None)
        for i in unlink_items:
            del self._step_items[i.id]
        del self._streams[stream_id]
        return len(doomed)

    def _stream_deleted(self, t: TenfoldDB, stream_id: int) -> None:
        """Inside a stream's deletion: records kept elsewhere that belong to it go in the same write."""

    def add_payment(self, payment: Payment) -> Payment:
        """Insert a payment; returns it with its new id."""
        return self.add_payments([payment])[0]

    def add_payments(self, payments: list[Payment]) -> list[Payment]:
        """Insert many payments in one file write, so an import is all or nothing."""
        unknown = {p.stream_id for p in payments} - self._streams.keys()
        if unknown:
            raise StoreError(self.path, f"has no stream {min(unknown)}")
        with self._write() as t:
            new_ids = t.table(PAYMENTS).insert_multiple(p.to_store() for p in payments)
            saved = [dataclasses.replace(p, id=i) for i, p in zip(new_ids, payments, strict=True)]
            self._payments_added(saved)
        return saved

    def import_payments(self, streams: list[Stream], payments: list[Payment]) -> tuple[list[Stream], list[Payment]]:
        """New streams and payments in one file write: an import is all or nothing.

        A payment whose stream id is -n belongs to the n-th of ``streams``; any other
        stream id must exist. Returns both as saved, with their new ids.
        """
        unknown = {p.stream_id for p in payments if p.stream_id > 0} - self._streams.keys()
        if unknown or any(p.stream_id == 0 or -p.stream_id > len(streams) for p in payments):
            raise StoreError(self.path, f"has no stream {min(unknown) if unknown else 0}")
        with self._write() as t:
            created = [dataclasses.replace(s, id=t.table(STREAMS).insert(s.to_store())) for s in streams]
            placed = [p if p.stream_id > 0 else dataclasses.replace(p, stream_id=created[-p.stream_id - 1].id)
                      for p in payments]
            new_ids = t.table(PAYMENTS).insert_multiple(p.to_store() for p in placed)
            saved = [dataclasses.replace(p, id=i) for i, p in zip(new_ids, placed, strict=True)]
            self._payments_added(saved)
        for stream in created:
            self._streams[stream.id] = stream
        return created, saved

    def update_payment(self, payment: Payment) -> None:
        """Rewrite an existing payment; where it came from (source, id, fee, currency, refund link) is kept."""
        old = self.payment(payment.id)
        if old is None:
            raise StoreError(self.path, f"has no payment {payment.id}")
        payment = payment.keeping_provenance(old)
        if payment.stream_id not in self._streams:
            raise StoreError(self.path, f"has no stream {payment.stream_id}")
        with self._write() as t:
            t.table(PAYMENTS).replace(payment.id, payment.to_store())
            self._payments_removed([old])
            self._payments_added([payment])

    def delete_payment(self, payment_id: int) -> None:
        """Delete one payment."""
        old = self.payment(payment_id)
        if old is None:
            raise StoreError(self.path, f"has no payment {payment_id}")
        with self._write() as t:
            t.table(PAYMENTS).remove(doc_ids=[payment_id])
            self._payments_removed([old])

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
