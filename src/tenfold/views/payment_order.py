"""Sorting and filtering the payments list without sorting 100,000 rows per keystroke.

The store keeps payments newest first; that list is the "date" order and is
never copied. The other orders are lists of positions, each sorted once on first
use. Filtering tests a prepared lower-cased text per payment (stream name, note,
customer) and the ISO date; a query that extends the previous one only looks
among the previous matches, so typing a word narrows an ever shorter list.

The positions point into a list of the payments that only ever grows (``items``),
so when payments are added - the store inserts them into its list in place - each
kept order takes them in by a binary search (:meth:`PaymentOrder.follow`) instead
of being sorted again: with a million payments a sort takes seconds, an insert
microseconds. Any other change (an edit, a delete, a renamed stream) starts afresh.

With many payments the first sort of an order and the filter's texts are made on
a thread (:mod:`tenfold.views.payment_work`): :meth:`PaymentOrder.quick` tells
whether :meth:`PaymentOrder.rows` can answer at once, :meth:`PaymentOrder.job`
snapshots what the thread needs, and :meth:`PaymentOrder.take` takes its results
in. A month typed as the filter (``2026-03``) needs no scan once the texts are
prepared: its payments are one run of the date order.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Mapping, Sequence

from tenfold.domain.ledger import Payment
from tenfold.views.payment_jobs import QUICK_ROWS, OrderJobs
from tenfold.views.payment_work import (
    _ID,
    POSITIONS,
    SEP,
    SORTS,
    Key,
    Picked,
    _at,
    _newer_first,
    date_prefix_range,
    is_date_prefix,
    prepared_text,
)

__all__ = ["FOLLOW_AT_MOST", "QUICK_ROWS", "SORTS", "PaymentOrder", "Picked", "next_sort"]

_SEP = SEP

FOLLOW_AT_MOST = 1000
"""More payments added at once (an import) and the orders are made again: one sort is cheaper."""


class PaymentOrder(OrderJobs):
    """The payments in the chosen order, optionally only those matching a query."""

    def __init__(self, payments: Sequence[Payment], stream_names: Mapping[int, str]) -> None:
        self.base = payments
        self.names = dict(stream_names)
        self._items: list[Payment] | None = None
        """The payments the positions point into: the base as it was when the first order or
        filter was prepared, then each payment added since, at the end. None until then."""
        self._seen = len(payments)
        self._newest_id: int | None = None
        """The largest id in ``_items`` (None: not known yet): the store gives each new payment a larger one."""
        self._orders: dict[str, array[int]] = {}
        self._pending: list[tuple[int, int]] = []
        """(place in the date order, position) of payments added but not yet put into the kept orders."""
        self._ranks: dict[int, int] = {}
        self._texts: list[str] | None = None
        self._dates: list[str] | None = None
        self._dashed: list[int] = []
        """Positions whose text has a ``-``: the only texts a date-shaped query can be in."""
        self._dashes_known = False
        """Whether ``_dashed`` is made: found ahead of use without keeping the texts (their memory)."""
        self._last: tuple[str, str, list[int]] | None = None
        """(sort, query, matches) of the previous filter, to narrow from."""
        self.scanned = 0
        """Rows tested by filters so far: tests check that typing narrows instead of rescanning."""
        self.sorts = 0
        """Orders sorted in full so far; tests check that an added payment is inserted instead."""

    def _rows(self) -> list[Payment]:
        """The list the positions point into, made when first needed."""
        if self._items is None:
            self._items = list(self.base)
        return self._items

    def positions(self, sort: str) -> Sequence[int]:
        """Positions in :meth:`_rows` in ``sort`` order (``date``: the store's own order)."""
        self._catch_up()
        order = self._orders.get(sort)
        if order is None:
            if sort == "date":  # nothing added since the items were taken: they are in the base's order
                return range(len(self.base) if self._items is None else len(self._items))
            order = self._orders[sort] = self._sorted(sort)
        return order

    def _sorted(self, sort: str) -> array[int]:
        """``sort``'s positions: sorted from the date order, so equal keys stay newest first."""
        items = self._rows()
        newest_first = self.positions("date")
        self.sorts += 1
        if sort == "amount":  # stable, even reversed
            amounts = [p.amount for p in items]
            return array(POSITIONS, sorted(newest_first, key=amounts.__getitem__, reverse=True))
        if sort == "stream":
            names = self.names
            self._ranks = {sid: r for r, sid in enumerate(sorted(names, key=lambda s: names[s].casefold()))}
            ranks = [self._ranks.get(p.stream_id, -1) for p in items]
            return array(POSITIONS, sorted(newest_first, key=ranks.__getitem__))
        raise ValueError(f"unknown order {sort!r}")

    def _key(self, sort: str) -> Key:
        """The key a kept order (other than the date's) is sorted by, for inserting into it."""
        if sort == "amount":
            return lambda p: (-p.amount, *_newer_first(p))
        ranks = self._ranks
        return lambda p: (ranks.get(p.stream_id, -1), *_newer_first(p))

    def rows(self, sort: str, query: str = "") -> Sequence[Payment]:
        """What the table shows: all payments or the matches, in ``sort`` order."""
        q = query.strip().casefold()
        if not q:
            return self.base if sort == "date" else Picked(self._rows(), self.positions(sort))
        return Picked(self._rows(), self.matches(sort, q))

    def place(self, rows: Sequence[Payment], sort: str, payment: Payment) -> int | None:
        """Where ``payment`` is in ``rows`` (what :meth:`rows` gave for ``sort``), or None: a binary search.

        Every order is sorted by its key down to the payment's day and id, so the
        table keeps its cursor on the same payment after a new order without
        looking through a million rows.
        """
        key = _newer_first if sort == "date" else self._key(sort)
        if sort == "stream" and not self._ranks:
            return None
        at = bisect.bisect_left(rows, key(payment), key=key)
        return at if at < len(rows) and rows[at].id == payment.id else None

    def matches(self, sort: str, q: str) -> list[int]:
        """Positions whose stream name, note or customer contains ``q``, or whose date starts with it."""
        last = self._last
        if last is not None and last[0] == sort and last[1] == q:
            return last[2]
        if is_date_prefix(q):
            found = self._month(sort, q)
            self._last = (sort, q, found)
            return found
        texts, dates = self._prepared()
        if last is not None and last[0] == sort and q.startswith(last[1]):
            candidates: Sequence[int] = last[2]
        else:
            candidates = self.positions(sort)
        found = [i for i in candidates if q in texts[i] or dates[i].startswith(q)]
        self.scanned += len(candidates)
        self._last = (sort, q, found)
        return found

    def _month(self, sort: str, q: str) -> list[int]:
        """A date-shaped query: the run of its days in the date order, and the few texts that hold it."""
        items = self._rows()
        if not self._dashes_known:
            self._prepared()
        names = {sid: name.casefold() for sid, name in self.names.items()}
        texts = self._texts
        if sort != "date":
            self.positions(sort)  # the order, and for "stream" the ranks, exist
        days = date_prefix_range(items, self.positions("date"), q)
        extra = [i for i in self._dashed if q in (texts[i] if texts is not None else self._text(items[i], names))]
        if extra:
            key = _newer_first if sort == "date" else self._key(sort)
            return sorted(set(days).union(extra), key=lambda i: key(items[i]))
        if sort == "date":
            return list(days)
        if sort == "amount":  # stable from the date order: equal amounts stay newest first
            return sorted(days, key=lambda i: items[i].amount, reverse=True)
        ranks = self._ranks
        return sorted(days, key=lambda i: ranks.get(items[i].stream_id, -1))

    def _text(self, p: Payment, names: Mapping[int, str]) -> str:
        return prepared_text(p, names)

    def _prepared(self) -> tuple[list[str], list[str]]:
        if self._texts is None or self._dates is None:
            items = self._rows()
            names = {sid: name.casefold() for sid, name in self.names.items()}
            self._texts = [self._text(p, names) for p in items]
            self._dates = [p.on.isoformat() for p in items]
            self._dashed = [i for i, text in enumerate(self._texts) if "-" in text]
            self._dashes_known = True
        return self._texts, self._dates

    def _newest(self) -> int:
        if self._newest_id is None:
            self._newest_id = max(map(_ID, self._rows()), default=0)
        return self._newest_id

    def _take_text(self, position: int, text: str, p: Payment) -> None:
        """The filter's text of a payment added at ``position`` (the end of the items)."""
        assert self._texts is not None and self._dates is not None
        self._texts.append(text)
        self._dates.append(p.on.isoformat())
        if "-" in text:
            self._dashed.append(position)

    # ----- payments added ------------------------------------------------------------------

    def follow(self, payments: Sequence[Payment], stream_names: Mapping[int, str]) -> bool:
        """Take in the payments added to the same list since; False when this order must be made afresh.

        Only growth of the very list this order was made on, with the same stream
        names, is followed: the store changes its list in place when payments are
        added, and gives a new list for any other change.
        """
        grown = len(payments) - self._seen
        if payments is not self.base or stream_names != self.names or not 0 <= grown <= FOLLOW_AT_MOST:
            return False
        self._seen = len(payments)
        self._last = None  # a new payment may match the last query
        if self._items is None or not grown:
            return True  # nothing prepared yet: the next sort or filter reads the list as it is
        added = self._added(payments, grown)
        if added is None:
            return False
        items = self._items
        names = {sid: name.casefold() for sid, name in self.names.items()}
        for place, p in added:  # top first: each goes where the store's list has it
            position = len(items)
            items.append(p)
            self._newest_id = max(self._newest(), p.id)
            if self._texts is not None and self._dates is not None:
                self._take_text(position, self._text(p, names), p)
            elif self._dashes_known and "-" in self._text(p, names):
                self._dashed.append(position)
            self._pending.append((place, position))
        return True

    def _catch_up(self) -> None:
        """Put the payments added since into every kept order, when an order is next read.

        Not at each save: with a million payments each order is an array of a million
        positions, and an insert near its top moves all of them, about a frame's
        worth of memory traffic for the three orders, while the table in the date
        order without a filter shows the store's list itself and needs none of them.
        """
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        items = self._rows()
        if "date" not in self._orders:  # the base order as positions, from now on
            self._orders["date"] = array(POSITIONS, range(pending[0][1]))
        keys = {sort: self._key(sort) for sort in self._orders if sort != "date"}
        for place, position in pending:
            p = items[position]
            for sort, order in self._orders.items():
                if sort == "date":
                    order.insert(place, position)
                else:
                    key = keys[sort]
                    order.insert(bisect.bisect(order, key(p), key=_at(items, key)), position)

    def _added(self, payments: Sequence[Payment], count: int) -> list[tuple[int, Payment]] | None:
        """(place in ``payments``, payment) of the ``count`` new ones, top first; None if not all found."""
        newest = self._newest()
        found: list[tuple[int, Payment]] = []
        for place, p in enumerate(payments):
            if p.id > newest:
                found.append((place, p))
                if len(found) == count:
                    return found
        return None


def next_sort(sort: str) -> str:
    """The order after ``sort`` in the cycle."""
    return SORTS[(SORTS.index(sort) + 1) % len(SORTS)] if sort in SORTS else SORTS[0]
