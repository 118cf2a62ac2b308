"""The store's payments by id: one list in increasing id order, searched by bisection.

A dict of a million payments by id costs about 42 MB (its hash table), a list of
them 8 MB. TinyDB gives each new record a larger id than any before, and writes a
table in the order its records were added, so payments read from a file come in
increasing id order as they are, and a new payment goes at the end: a list in id
order takes no sort, and a binary search finds a payment in twenty steps. A list
given in any other order (a file edited by hand, a table rebuilt from a dict) is
sorted once when it comes in.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from itertools import islice
from operator import attrgetter

from tenfold.domain.ledger import Payment

_ID = attrgetter("id")
_BULK = 64
"""More payments changed at once than this: the list is made again in one pass, not changed one by one
(each insert or delete in the middle moves the rest of a list of a million along)."""


class PaymentsById:
    """Payments with unique ids, kept in increasing id order: the part of a dict the store uses."""

    __slots__ = ("_items",)

    def __init__(self, payments: Iterable[Payment] = ()) -> None:
        """``payments``: with unique ids (ValueError otherwise), in any order; sorted here unless in id order."""
        items = list(payments)
        if not _increasing(items):
            items.sort(key=_ID)
            if not _increasing(items):
                raise ValueError("two payments have the same id")
        self._items = items

    @classmethod
    def in_order(cls, payments: list[Payment]) -> PaymentsById:
        """``payments`` as they are (kept, not copied): the caller checked that their ids increase."""
        made = cls.__new__(cls)
        made._items = payments
        return made

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[int]:
        """The ids, in increasing order (as a dict's keys)."""
        return map(_ID, self._items)

    def __contains__(self, payment_id: object) -> bool:
        return isinstance(payment_id, int) and self.get(payment_id) is not None

    def values(self) -> list[Payment]:
        """The payments in increasing id order (the list itself: do not change it)."""
        return self._items

    def largest_id(self) -> int:
        """The largest id, 0 with no payments."""
        return self._items[-1].id if self._items else 0

    def get(self, payment_id: int) -> Payment | None:
        """The payment with this id, or None."""
        items = self._items
        at = bisect.bisect_left(items, payment_id, key=_ID)
        if at < len(items) and items[at].id == payment_id:
            return items[at]
        return None

    def put(self, payments: Iterable[Payment]) -> None:
        """Add each payment, or put it in place of the one with its id (as a dict's ``update``)."""
        items = self._items
        new = list(payments)
        if len(new) > _BULK:
            added = sorted({p.id: p for p in new}.values(), key=_ID)  # the last of one id, as in a dict
            if items and added[0].id <= items[-1].id:  # some in place of others, or among them
                replaced = {p.id for p in added}
                added = sorted([*(p for p in items if p.id not in replaced), *added], key=_ID)  # two runs: a merge
                self._items = added
            else:
                items += added
            return
        for p in new:
            if not items or p.id > items[-1].id:  # a new payment: TinyDB's next id is the largest yet
                items.append(p)
                continue
            at = bisect.bisect_left(items, p.id, key=_ID)
            if at < len(items) and items[at].id == p.id:
                items[at] = p
            else:
                items.insert(at, p)

    def drop(self, payment_ids: Iterable[int]) -> None:
        """Remove the payments with these ids; KeyError (and nothing removed) if one is not here."""
        doomed = set(payment_ids)
        missing = [i for i in doomed if self.get(i) is None]
        if missing:
            raise KeyError(missing[0])
        if len(doomed) > _BULK:
            self._items = [p for p in self._items if p.id not in doomed]
            return
        items = self._items
        for payment_id in doomed:
            del items[bisect.bisect_left(items, payment_id, key=_ID)]

    def discard(self, payment_ids: Iterable[int]) -> None:
        """Remove the payments with these ids that are here."""
        self.drop([i for i in set(payment_ids) if self.get(i) is not None])


def _increasing(items: list[Payment]) -> bool:
    """Whether the ids of ``items`` strictly increase (at C speed: a list of ints, one comparison each)."""
    ids = list(map(_ID, items))
    return all(map(int.__lt__, ids, islice(ids, 1, None)))
