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
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import overload

from tenfold.domain.ledger import Payment

SORTS: tuple[str, ...] = ("date", "amount", "stream")
"""The orders ``o`` cycles through: newest first, largest first, by stream name (newest first within)."""

_SEP = "\x00"
"""Between fields of the prepared text: nobody types it, so no match spans two fields."""

FOLLOW_AT_MOST = 1000
"""More payments added at once (an import) and the orders are made again: one sort is cheaper."""


class Picked(Sequence[Payment]):
    """Payments at chosen positions of a list: a view for the table, no copies."""

    def __init__(self, base: Sequence[Payment], positions: Sequence[int]) -> None:
        self.base = base
        self.positions = positions

    def __len__(self) -> int:
        return len(self.positions)

    def __iter__(self) -> Iterator[Payment]:
        """At C speed: the table walks all rows to find the record under its cursor again."""
        return map(self.base.__getitem__, self.positions)

    @overload
    def __getitem__(self, index: int) -> Payment: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Payment]: ...

    def __getitem__(self, index: int | slice) -> Payment | Sequence[Payment]:
        if isinstance(index, slice):
            return [self.base[i] for i in self.positions[index]]
        return self.base[self.positions[index]]


def _newer_first(p: Payment) -> tuple[int, int]:
    """Where the store's list puts a payment: the tie-break inside every other order too."""
    return (-p.on.toordinal(), -p.id)


Key = Callable[[Payment], tuple[Decimal | int, ...]]


def _at(items: list[Payment], key: Key) -> Callable[[int], tuple[Decimal | int, ...]]:
    """A position's key, for a binary search among positions."""
    return lambda i: key(items[i])


class PaymentOrder:
    """The payments in the chosen order, optionally only those matching a query."""

    def __init__(self, payments: Sequence[Payment], stream_names: Mapping[int, str]) -> None:
        self.base = payments
        self.names = dict(stream_names)
        self._items: list[Payment] | None = None
        """The payments the positions point into: the base as it was when the first order or
        filter was prepared, then each payment added since, at the end. None until then."""
        self._seen = len(payments)
        self._newest_id = 0
        """The largest id in ``_items``: the store gives each new payment a larger one."""
        self._orders: dict[str, array[int]] = {}
        self._ranks: dict[int, int] = {}
        self._texts: list[str] | None = None
        self._dates: list[str] | None = None
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
            self._newest_id = max((p.id for p in self._items), default=0)
        return self._items

    def positions(self, sort: str) -> Sequence[int]:
        """Positions in :meth:`_rows` in ``sort`` order (``date``: the store's own order)."""
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
            return array("q", sorted(newest_first, key=amounts.__getitem__, reverse=True))
        if sort == "stream":
            names = self.names
            self._ranks = {sid: r for r, sid in enumerate(sorted(names, key=lambda s: names[s].casefold()))}
            ranks = [self._ranks.get(p.stream_id, -1) for p in items]
            return array("q", sorted(newest_first, key=ranks.__getitem__))
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
        texts, dates = self._prepared()
        last = self._last
        if last is not None and last[0] == sort and q.startswith(last[1]):
            candidates: Sequence[int] = last[2]
        else:
            candidates = self.positions(sort)
        found = [i for i in candidates if q in texts[i] or dates[i].startswith(q)]
        self.scanned += len(candidates)
        self._last = (sort, q, found)
        return found

    def _text(self, p: Payment, names: Mapping[int, str]) -> str:
        return f"{names.get(p.stream_id, '')}{_SEP}{p.note.casefold()}{_SEP}{p.customer.casefold()}"

    def _prepared(self) -> tuple[list[str], list[str]]:
        if self._texts is None or self._dates is None:
            items = self._rows()
            names = {sid: name.casefold() for sid, name in self.names.items()}
            self._texts = [self._text(p, names) for p in items]
            self._dates = [p.on.isoformat() for p in items]
        return self._texts, self._dates

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
        if "date" not in self._orders:  # the base order as positions, from now on
            self._orders["date"] = array("q", range(len(items)))
        names = {sid: name.casefold() for sid, name in self.names.items()}
        keys = {sort: self._key(sort) for sort in self._orders if sort != "date"}
        for place, p in added:  # top first: each goes where the store's list has it
            position = len(items)
            items.append(p)
            self._newest_id = max(self._newest_id, p.id)
            if self._texts is not None and self._dates is not None:
                self._texts.append(self._text(p, names))
                self._dates.append(p.on.isoformat())
            for sort, order in self._orders.items():
                if sort == "date":
                    order.insert(place, position)
                else:
                    key = keys[sort]
                    order.insert(bisect.bisect(order, key(p), key=_at(items, key)), position)
        return True

    def _added(self, payments: Sequence[Payment], count: int) -> list[tuple[int, Payment]] | None:
        """(place in ``payments``, payment) of the ``count`` new ones, top first; None if not all found."""
        newest = self._newest_id
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
