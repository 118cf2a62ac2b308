"""The part of :class:`~tenfold.views.payment_order.PaymentOrder` that deals with jobs on a thread.

:meth:`OrderJobs.quick` tells whether an order and a query can be shown at once,
:meth:`OrderJobs.job` snapshots what a thread needs to make them
(:mod:`tenfold.views.payment_work`), :meth:`OrderJobs.adopt` tells whether a running
job will do, and :meth:`OrderJobs.take` takes a job's results in on the app's
thread, adding the payments added meanwhile.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from tenfold.domain.ledger import Payment
from tenfold.views.payment_work import POSITIONS, SORTS, Job, Key, Results, _at, _newer_first, is_date_prefix

QUICK_ROWS = 50_000
"""At most this many payments sorted or scanned while a key waits; more is a job for a thread."""


class OrderJobs:
    """Mixed into PaymentOrder, whose state it reads and fills."""

    base: Sequence[Payment]
    names: dict[int, str]
    sorts: int
    _items: list[Payment] | None
    _newest_id: int | None
    _orders: dict[str, array[int]]
    _ranks: dict[int, int]
    _texts: list[str] | None
    _dates: list[str] | None
    _dashed: list[int]
    _dashes_known: bool
    _last: tuple[str, str, list[int]] | None

    if TYPE_CHECKING:  # PaymentOrder's own
        def _rows(self) -> list[Payment]: ...
        def positions(self, sort: str) -> Sequence[int]: ...
        def _key(self, sort: str) -> Key: ...
        def _text(self, p: Payment, names: Mapping[int, str]) -> str: ...
        def _take_text(self, position: int, text: str, p: Payment) -> None: ...
        def _catch_up(self) -> None: ...

    def quick(self, sort: str, query: str = "") -> bool:
        """Whether :meth:`rows` answers at once: nothing to sort or prepare, or little of it."""
        if len(self.base) <= QUICK_ROWS:
            return True
        if sort != "date" and sort not in self._orders:
            return False
        q = query.strip().casefold()
        if not q:
            return True
        last = self._last
        if is_date_prefix(q):
            return self._dashes_known and len(self._dashed) <= QUICK_ROWS
        if self._texts is None:
            return False
        if last is not None and last[0] == sort and last[1] == q:
            return True
        narrows = last is not None and last[0] == sort and q.startswith(last[1])
        return len(last[2] if last is not None and narrows else self.base) <= QUICK_ROWS

    def job(self, sort: str = "date", query: str = "", *, texts: bool = False, dashes: bool = False,
            everything: bool = False) -> Job:
        """What a thread must make so that ``rows(sort, query)`` is quick (``everything``: every order and the texts).

        Taken on the app's thread: the list the positions point into, its length and a
        copy of the date order, which the thread reads while this order may take in
        added payments.
        """
        self._catch_up()  # the orders copied for the thread hold every payment added so far
        items = self._rows()
        if "stream" not in self._orders:
            names = self.names
            self._ranks = {sid: r for r, sid in enumerate(sorted(names, key=lambda s: names[s].casefold()))}
        wanted = [s for s in SORTS if s != "date" and (everything or s == sort)]
        q = query.strip().casefold()
        prepared = (self._texts, self._dates) if self._texts is not None and self._dates is not None else None
        dates = self.positions("date")  # a range is immutable; the array is changed by follow(): a copy
        return Job(items, len(items), dates if isinstance(dates, range) else array(POSITIONS, dates),
                   dict(self.names), dict(self._ranks),
                   tuple(s for s in wanted if s not in self._orders),
                   prepared is None and (everything or texts or bool(q)),
                   self._newest_id is None, dict(self._orders), prepared, (sort, q) if q else None,
                   dashes=dashes and not self._dashes_known)

    def next_part(self) -> Job | None:
        """A job for the next order, or the texts a month's filter must test, not made yet; None when all are.

        The texts themselves are made when a word is first filtered by: kept ahead of
        use, they would hold about 130 MB with a million payments.
        """
        for sort in SORTS[1:]:
            if sort not in self._orders:
                return self.job(sort)
        return self.job(dashes=True) if not self._dashes_known else None

    def adopt(self, job: Job, sort: str, query: str) -> bool:
        """Whether ``job``, running for this order, will make ``rows(sort, query)`` quick (filtering at its end)."""
        if job.items is not self._items or (sort != "date" and sort not in self._orders and sort not in job.sorts):
            return False
        q = query.strip().casefold()
        if not q:
            return True
        if self._texts is None and not job.texts:
            return False
        return (self._dashes_known and is_date_prefix(q)) or job.ask(sort, q)

    def take(self, results: Results, job: Job) -> bool:
        """Take in what ``job`` made on a thread; False if it was made for another list than this order's."""
        items = self._items
        if items is None or items is not job.items or len(items) < results.count:
            return False
        self._catch_up()  # the kept orders first: the thread's new ones take the added payments below
        added = range(results.count, len(items))  # taken in by this order while the thread worked
        if self._newest_id is None and results.newest_id is not None:
            self._newest_id = max([results.newest_id, *(items[i].id for i in added)])
        if "stream" not in self._orders:
            self._ranks = job.ranks
        for sort, order in results.orders.items():
            if sort in self._orders:
                continue
            key = self._key(sort)
            for i in added:
                order.insert(bisect.bisect(order, key(items[i]), key=_at(items, key)), i)
            self._orders[sort] = order
            self.sorts += 1
        if "date" not in self._orders and results.date is not None and not added:
            self._orders["date"] = results.date  # the same positions as the range it stands for
        names = {sid: name.casefold() for sid, name in self.names.items()}
        if self._texts is None and results.texts is not None and results.dates is not None:
            self._texts, self._dates, self._dashed = results.texts, results.dates, results.dashed or []
            self._dashes_known = True
            for i in added:
                self._take_text(i, self._text(items[i], names), items[i])
        elif not self._dashes_known and results.dashed is not None:
            self._dashed, self._dashes_known = results.dashed, True
            self._dashed += [i for i in added if "-" in self._text(items[i], names)]
        if results.found is not None and self._texts is not None and self._dates is not None:
            sort, q, found = results.found
            texts, dates = self._texts, self._dates
            key = _newer_first if sort == "date" else self._key(sort)
            for i in added:
                if q in texts[i] or dates[i].startswith(q):
                    found.insert(bisect.bisect(found, key(items[i]), key=_at(items, key)), i)
            self._last = (sort, q, found)
        return True
