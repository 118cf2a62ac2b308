"""Sorting and filtering the payments list without sorting 100,000 rows per keystroke.

The store keeps payments newest first; that list is the "date" order and is
never copied. The other orders are lists of positions into it, each sorted once
on first use and kept until the payments change. Filtering tests a prepared
lower-cased text per payment (stream name, note, customer) and the ISO date; a
query that extends the previous one only looks among the previous matches, so
typing a word narrows an ever shorter list.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import overload

from tenfold.domain.ledger import Payment

SORTS: tuple[str, ...] = ("date", "amount", "stream")
"""The orders ``o`` cycles through: newest first, largest first, by stream name (newest first within)."""

_SEP = "\x00"
"""Between fields of the prepared text: nobody types it, so no match spans two fields."""


class Picked(Sequence[Payment]):
    """Payments at chosen positions of the base list: a view for the table, no copies."""

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


class PaymentOrder:
    """The payments in the chosen order, optionally only those matching a query."""

    def __init__(self, payments: Sequence[Payment], stream_names: Mapping[int, str]) -> None:
        self.base = payments
        self.names = stream_names
        self._orders: dict[str, list[int]] = {}
        self._texts: list[str] | None = None
        self._dates: list[str] | None = None
        self._last: tuple[str, str, list[int]] | None = None
        """(sort, query, matches) of the previous filter, to narrow from."""
        self.scanned = 0
        """Rows tested by filters so far: tests check that typing narrows instead of rescanning."""

    def positions(self, sort: str) -> Sequence[int]:
        """Positions of the base list in ``sort`` order (``date`` is the base order itself)."""
        if sort == "date":
            return range(len(self.base))
        order = self._orders.get(sort)
        if order is None:
            order = self._orders[sort] = self._sorted(sort)
        return order

    def _sorted(self, sort: str) -> list[int]:
        base = self.base
        if sort == "amount":  # stable, even reversed: equal amounts stay newest first
            amounts = [p.amount for p in base]
            return sorted(range(len(base)), key=amounts.__getitem__, reverse=True)
        if sort == "stream":
            rank = {sid: r for r, sid in enumerate(sorted(self.names, key=lambda s: self.names[s].casefold()))}
            ranks = [rank.get(p.stream_id, -1) for p in base]
            return sorted(range(len(base)), key=ranks.__getitem__)
        raise ValueError(f"unknown order {sort!r}")

    def rows(self, sort: str, query: str = "") -> Sequence[Payment]:
        """What the table shows: all payments or the matches, in ``sort`` order."""
        q = query.strip().casefold()
        if not q:
            return self.base if sort == "date" else Picked(self.base, self.positions(sort))
        return Picked(self.base, self.matches(sort, q))

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

    def _prepared(self) -> tuple[list[str], list[str]]:
        if self._texts is None or self._dates is None:
            names = {sid: name.casefold() for sid, name in self.names.items()}
            self._texts = [f"{names.get(p.stream_id, '')}{_SEP}{p.note.casefold()}{_SEP}{p.customer.casefold()}"
                           for p in self.base]
            self._dates = [p.on.isoformat() for p in self.base]
        return self._texts, self._dates


def next_sort(sort: str) -> str:
    """The order after ``sort`` in the cycle."""
    return SORTS[(SORTS.index(sort) + 1) % len(SORTS)] if sort in SORTS else SORTS[0]
