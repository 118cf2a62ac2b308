"""The payments' orders and filter texts made on a thread, in small steps, with progress and a way to stop.

With a million payments one ``sorted()`` by amount holds the interpreter's lock
for one to two seconds, and preparing the filter's texts about as long: the app
could not answer a key meanwhile. Here the same results are made in steps of a
few thousand payments, each a short stretch of Python the app's thread can
interrupt, so a thread can do it while the app stays responsive:

- an order is made by putting the positions, taken in the date order, into one
  bucket per distinct key (so equal keys keep the date order, as a stable sort
  would), then the distinct keys are sorted in slices and merged
  (:func:`heapq.merge` is a Python generator: it too can be interrupted);
- the texts are built a slice at a time; a filter scans a slice at a time.

A :class:`Job` works on a snapshot taken on the app's thread: the list of payments
the positions point into (which only ever grows at its end) and how many of them
there were, and a copy of the date order. It never changes the
:class:`~tenfold.views.payment_order.PaymentOrder`; the app's thread takes its
results in (:meth:`PaymentOrder.take`), adding what was added meanwhile.
"""

from __future__ import annotations

import heapq
import threading
import time
from array import array
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from typing import Any, overload

from tenfold.domain.ledger import Payment

STEP = 5_000
"""Payments handled between two looks at the stop flag and the progress (a few milliseconds)."""
SORT_SLICE = 5_000
"""Distinct keys sorted in one C call before the slices are merged."""
_ID = attrgetter("id")
POSITIONS = "i"
"""The arrays of positions: a C int each (half of ``q``: with a million payments each order is 4 MB)."""

SORTS: tuple[str, ...] = ("date", "amount", "stream")
"""The orders ``o`` cycles through: newest first, largest first, by stream name (newest first within)."""


def _newer_first(p: Payment) -> tuple[int, int]:
    """Where the store's list puts a payment: the tie-break inside every other order too."""
    return (-p.on.toordinal(), -p.id)


Key = Callable[[Payment], tuple[Decimal | int, ...]]


def _at(items: list[Payment], key: Key) -> Callable[[int], tuple[Decimal | int, ...]]:
    """A position's key, for a binary search among positions."""
    return lambda i: key(items[i])

SEP = "\x00"
"""Between fields of a prepared text: nobody types it, so no match spans two fields."""


class Cancelled(Exception):
    """The job's stop flag was set (Esc, or the data it works on changed)."""


class Progress:
    """Shared between the thread (which counts) and the app (which reads and may stop it)."""

    def __init__(self) -> None:
        self.done = 0
        self.total = 1
        self.stop = threading.Event()

    def tick(self, count: int) -> None:
        """``count`` more payments handled; raises Cancelled once the stop flag is set.

        Between two steps the thread offers the interpreter's lock (``sleep(0)``): a key
        waiting on the app's thread then waits for one step, not for the
        interpreter's 5 ms switch interval each time it needs the lock back.
        """
        self.done += count
        time.sleep(0)
        if self.stop.is_set():
            raise Cancelled

    @property
    def fraction(self) -> float:
        """How far the job is, 0..1."""
        return min(1.0, self.done / self.total) if self.total else 1.0


def prepared_text(p: Payment, names: Mapping[int, str]) -> str:
    """What a query is looked for in: the stream's name, the note and the customer (names already casefolded)."""
    return f"{names.get(p.stream_id, '')}{SEP}{p.note.casefold()}{SEP}{p.customer.casefold()}"


def _slices(positions: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(positions), STEP):
        yield positions[start:start + STEP]


def bucket_order(positions: Sequence[int], key: Callable[[int], Hashable], progress: Progress,
                 *, reverse: bool = False) -> array[int]:
    """``positions`` stably sorted by ``key`` (``reverse``: largest first, equal keys still in the given order).

    The same result as ``sorted(positions, key=key, reverse=reverse)``, in steps.
    Equal keys are chained, not collected: each key keeps only the place of its last
    position in ``positions`` and each place the place before it with the same key
    (a C int in one array). A container per key cost about 130 bytes each: with a
    million payments of a quarter of a million distinct amounts, 30 MB at the
    program's peak while this order was made.
    """
    last: dict[Any, int] = {}
    before = array(POSITIONS, bytes(array(POSITIONS).itemsize * len(positions)))
    place = 0
    for part in _slices(positions):
        for i in part:
            k = key(i)
            before[place] = last.get(k, -1)
            last[k] = place
            place += 1
        progress.tick(len(part))
    distinct = list(last)
    runs = []
    for start in range(0, len(distinct), SORT_SLICE):
        runs.append(sorted(distinct[start:start + SORT_SLICE], reverse=reverse))
        progress.tick(0)
    del distinct
    out: array[int] = array(POSITIONS)
    chain: list[int] = []
    walked = 0
    for k in heapq.merge(*runs, reverse=reverse):
        at = last[k]
        while at >= 0:
            for _ in range(STEP):  # a long chain (a stream's payments) is walked a step at a time
                chain.append(positions[at])
                at = before[at]
                if at < 0:
                    break
            else:
                progress.tick(0)
        chain.reverse()  # the chain runs back from the key's last place
        out.extend(chain)
        walked += len(chain)
        chain.clear()
        if walked >= STEP:
            progress.tick(0)
            walked = 0
    return out


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


@dataclass
class Results:
    """What a job made, for :meth:`~tenfold.views.payment_order.PaymentOrder.take`."""

    count: int
    """Positions below this are covered; later ones were added meanwhile."""
    orders: dict[str, array[int]] = field(default_factory=dict)
    texts: list[str] | None = None
    dates: list[str] | None = None
    dashed: list[int] | None = None
    """Positions whose text has a ``-``: the only ones a date-shaped query can match by text."""
    newest_id: int | None = None
    date: array[int] | None = None
    """The date order as positions (it was all of them, in order): the first payment added needs it so."""
    found: tuple[str, str, list[int]] | None = None
    """(sort, query, matching positions in that order), when the job filtered."""


@dataclass
class Job:
    """Work to do on a snapshot of the payments; :meth:`run` on any thread, once."""

    items: list[Payment]
    """The list the positions point into: only positions below ``count`` are read."""
    count: int
    date_order: Sequence[int]
    """The date order's positions at the snapshot: a copy, the app's thread may change its own."""
    names: dict[int, str]
    ranks: dict[int, int]
    sorts: tuple[str, ...]
    """Orders to make."""
    texts: bool
    """Whether to prepare the filter's texts."""
    newest_id: bool
    orders: dict[str, Sequence[int]]
    """Orders made already (to filter in), and the texts if prepared, from the app's thread."""
    prepared: tuple[list[str], list[str]] | None
    query: tuple[str, str] | None = None
    """(sort, casefolded query) to filter by, in that order."""
    dashes: bool = False
    """Whether to find the positions whose text has a ``-`` (without keeping the texts)."""
    progress: Progress = field(default_factory=Progress)
    _scanning: bool = False

    def __post_init__(self) -> None:
        self._count_work()

    def _count_work(self) -> None:
        work = len(self.sorts) + (self.texts or self.dashes) + (self.query is not None) + self.newest_id / 4
        self.progress.total = max(1, int(work * self.count))

    def ask(self, sort: str, q: str) -> bool:
        """Filter by ``q`` in ``sort`` at the end, instead of what was asked before; False once the filter began.

        Typing goes on while the texts are prepared: the job filters by what was typed last.
        """
        if self._scanning or (sort != "date" and sort not in self.sorts and sort not in self.orders):
            return False
        self.query = (sort, q)
        self._count_work()
        return True

    def run(self) -> Results:
        """Make everything asked for; Cancelled if stopped on the way."""
        out = Results(self.count)
        items, progress = self.items, self.progress
        if self.newest_id:
            newest = 0
            for start in range(0, self.count, STEP * 4):
                newest = max(newest, max(map(_ID, items[start:min(start + STEP * 4, self.count)]), default=0))
                progress.tick(STEP)
            out.newest_id = newest
        for sort in self.sorts:
            out.orders[sort] = self._order(sort)
        if isinstance(self.date_order, range) and not self.sorts:  # made once, with the texts or the dashes
            out.date = array(POSITIONS)
            for start in range(0, self.count, STEP * 20):
                out.date.extend(range(start, min(start + STEP * 20, self.count)))
                progress.tick(0)
        if self.texts:
            out.texts, out.dates, out.dashed = self._texts(keep=True)
        elif self.dashes:
            out.dashed = self._texts(keep=False)[2]
        self._scanning = True
        if self.query is not None:
            sort, q = self.query
            order = self.date_order if sort == "date" else (
                out.orders[sort] if sort in out.orders else self.orders[sort])
            texts, dates = (out.texts, out.dates) if out.texts is not None and out.dates is not None else (
                self.prepared or ([], []))
            found: list[int] = []
            for part in _slices(order):
                found += [i for i in part if q in texts[i] or dates[i].startswith(q)]
                progress.tick(len(part))
            out.found = (sort, q, found)
        return out

    def _order(self, sort: str) -> array[int]:
        items = self.items
        if sort == "amount":
            return bucket_order(self.date_order, lambda i: items[i].amount, self.progress, reverse=True)
        ranks = self.ranks
        return bucket_order(self.date_order, lambda i: ranks.get(items[i].stream_id, -1), self.progress)

    def _texts(self, *, keep: bool) -> tuple[list[str], list[str], list[int]]:
        """The texts and dates (``keep``), and the positions whose text has a ``-``."""
        items, names = self.items, {sid: name.casefold() for sid, name in self.names.items()}
        texts: list[str] = []
        dates: list[str] = []
        dashed: list[int] = []
        for start in range(0, self.count, STEP):
            part = [prepared_text(p, names) for p in items[start:min(start + STEP, self.count)]]
            dashed += [start + n for n, text in enumerate(part) if "-" in text]
            if keep:
                texts += part
                dates += [p.on.isoformat() for p in items[start:min(start + STEP, self.count)]]
            self.progress.tick(len(part))
        return texts, dates, dashed


def is_date_prefix(q: str) -> bool:
    """A query shaped like the start of a month or day (``2026-03``): it matches a run of days in the date order."""
    return len(q) >= 5 and q[:4].isdigit() and q[4] == "-" and all(c.isdigit() or c == "-" for c in q[5:])


def date_prefix_range(items: Sequence[Payment], date_order: Sequence[int], q: str) -> Sequence[int]:
    """The positions, in the date order (newest first), of the payments whose ISO date starts with ``q``.

    Newest first means the dates' first ``len(q)`` characters descend along the
    order, so the matches are one run found by two binary searches.
    """
    k = len(q)

    def first(stop_at: Callable[[str], bool]) -> int:
        lo, hi = 0, len(date_order)
        while lo < hi:
            mid = (lo + hi) // 2
            if stop_at(items[date_order[mid]].on.isoformat()[:k]):
                hi = mid
            else:
                lo = mid + 1
        return lo

    return date_order[first(lambda head: head <= q):first(lambda head: head < q)]
