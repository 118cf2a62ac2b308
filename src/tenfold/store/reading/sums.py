"""The payments' monthly sums straight from a parsed payments table: every record checked, none built.

``tenfold report`` on a file whose payments' index does not match (another program
rewrote it) used to build every payment (:meth:`Payment.from_store`) and then add
them up (:meth:`MonthlyIndex.build`): two passes, and 100,000 objects made only to
be summed. Here one pass checks each record and adds it to its month and stream.

A record as Tenfold writes it - ``stream_id``, ``on``, ``amount``, ``note`` and perhaps
``customer``, nothing else - is checked field by field, as :meth:`Payment.from_store`
checks it but with exact types, and each distinct day is read once. Any other
record (an imported payment's extra fields, a refund, a fee, another currency) is
built by :meth:`Payment.from_store` itself and counted as :meth:`MonthlyIndex.add`
counts it. Anything unusual beyond that - a damaged record, a day written another
way than ``YYYY-MM-DD``, two keys that are one id (``7`` and ``07``), a stream that
does not exist - gives None: the caller then reads the table the usual way, which
refuses a damaged one with the very message it always gave. So a table is summed
here only if every record of it would build, and the sums are those
:meth:`MonthlyIndex.build` makes of the built payments, added in the same order
(tested on generated tables).

The measures look at a few payments one by one (one month's, the streams with an
up-front cost): :class:`PaymentRows` keeps each month's and account's record keys,
and builds only those.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from tenfold.domain.accounts import account_key, split_account
from tenfold.domain.ledger import Payment
from tenfold.domain.money import MAX_AMOUNT
from tenfold.domain.monthly import Extras, Month, MonthlyIndex
from tenfold.store.reading.loading import MAX_ID

Table = dict[str, Any]
"""A parsed payments table: record keys (ids as text) to records."""
Cells = tuple[dict[int, list[str]], dict[int, Decimal]]
"""One month's record keys and totals, by account."""

_CANONICAL_IDS = r"(?:0|[1-9][0-9]{0,17})(?:,(?:0|[1-9][0-9]{0,17}))*"
"""Ids joined by commas, each written as ``str(int)`` writes it and below 10**18 (so at most MAX_ID).
Compiled when first used (``re`` keeps it): a report whose index answered never needs it."""
_ZERO = Decimal(0)
_LOW, _HIGH = -MAX_AMOUNT, MAX_AMOUNT
_BAD = (KeyError, ValueError, TypeError, AttributeError, ArithmeticError)
"""What a damaged record raises when it is built (the store's reading catches the same)."""


class PaymentRows:
    """A payments table whose every record builds (checked by :func:`sum_payments`), kept as parsed,
    with its record keys by month and account: the few payments the measures look at are built from it.

    A plain class: a dataclass costs the report a millisecond to import, even when its index answers.
    """

    __slots__ = ("keys", "table")

    def __init__(self, table: Table, keys: dict[Month, dict[int, list[str]]]) -> None:
        self.table = table
        self.keys = keys

    def in_month(self, month: Month) -> list[Payment]:
        """Every payment dated in ``month``."""
        return self._build(key for keys in self.keys.get(month, {}).values() for key in keys)

    def of_streams(self, stream_ids: Collection[int]) -> list[Payment]:
        """Every payment of ``stream_ids``, in any currency."""
        wanted = set(stream_ids)
        return self._build(key for cells in self.keys.values() for account, keys in cells.items()
                           if split_account(account)[0] in wanted for key in keys)

    def _build(self, keys: Iterable[str]) -> list[Payment]:
        table = self.table
        return [Payment.from_store(int(key), table[key]) for key in keys]


def _ids_apart(table: Table) -> bool:
    """Whether every key is an id as :func:`tenfold.store.reading.loading._record_id` reads it, no two
    keys the same id: ``"7"`` and ``"07"`` are two keys but one payment, which the usual reading keeps once."""
    joined = ",".join(table)
    if joined.count(",") == len(table) - 1 and re.fullmatch(_CANONICAL_IDS, joined) is not None:
        return True  # written as ids are written: distinct keys are distinct ids
    try:
        ids = list(map(int, table))
    except ValueError:
        return False
    return min(ids) >= 0 and max(ids) <= MAX_ID and len(set(ids)) == len(ids)


def sum_payments(table: Table, stream_ids: Collection[int]) -> tuple[MonthlyIndex, PaymentRows] | None:
    """The monthly index :meth:`MonthlyIndex.build` makes of the table's payments, and the table kept
    for the measures; None when a record would not build (or might not: the caller reads it the usual way).

    ``stream_ids``: the file's streams; a payment of any other is damage.
    """
    if not table:
        return MonthlyIndex(), PaymentRows(table, {})
    if not _ids_apart(table):
        return None
    streams = set(stream_ids)
    days: dict[str, Cells] = {}
    months: dict[Month, Cells] = {}
    extras: dict[Month, dict[int, Extras]] = {}
    new_decimal, low, high = Decimal, _LOW, _HIGH
    try:
        for key, record in table.items():
            size = len(record)
            if size == 4 or size == 5:  # the typed fields only: checked here
                try:
                    sid = record["stream_id"]
                    on = record["on"]
                    text = record["amount"]
                    note = record["note"]
                    customer = record["customer"] if size == 5 else ""
                except (KeyError, TypeError):
                    sid = None  # some other field: built below
                if (type(sid) is int and type(text) is str and type(note) is str and type(customer) is str
                        and sid in streams):
                    cells = days.get(on)
                    if cells is None:
                        cells = _month(on, days, months)
                    amount = new_decimal(text)  # raises for a text that is no number
                    if not low <= amount <= high:  # a NaN raises here
                        return None
                    keys, totals = cells
                    found = keys.get(sid)
                    if found is None:
                        keys[sid] = [key]
                        totals[sid] = _ZERO + amount  # as MonthlyIndex.add adds it: 0 + 1E+2 is 100
                    else:
                        found.append(key)
                        totals[sid] += amount
                    continue
            if not _add_built(key, record, streams, days, months, extras):
                return None
    except _BAD:
        return None
    return _index(table, streams, months, extras), PaymentRows(table, {m: cells[0] for m, cells in months.items()})


def _month(on: object, days: dict[str, Cells], months: dict[Month, Cells]) -> Cells:
    """The cells of the month of ``on``, a day's text met for the first time; ValueError for any text
    but a day written ``YYYY-MM-DD`` (another way it may be a day, but it is left to the usual reading)."""
    if type(on) is not str:
        raise ValueError("a day is text")
    day = date.fromisoformat(on)
    if day.isoformat() != on:
        raise ValueError("a day written another way")
    cells = days[on] = months.setdefault((day.year, day.month), ({}, {}))
    return cells


def _add_built(key: str, record: Any, streams: set[int], days: dict[str, Cells], months: dict[Month, Cells],
               extras: dict[Month, dict[int, Extras]]) -> bool:
    """A record with other fields built and counted as :meth:`MonthlyIndex.add` counts it; False when its
    stream does not exist. Raises what :meth:`Payment.from_store` raises for a damaged record."""
    payment = Payment.from_store(int(key), record)
    sid = payment.stream_id
    if type(sid) is not int or sid not in streams:
        return False
    on = record["on"]
    cells = days.get(on) or _month(on, days, months)
    account = account_key(sid, payment.currency) if payment.currency else sid
    keys, totals = cells
    found = keys.get(account)
    if found is None:
        keys[account] = [key]
        totals[account] = _ZERO + payment.amount
    else:
        found.append(key)
        totals[account] += payment.amount
    if payment.fee is not None or payment.refund:
        month = (payment.on.year, payment.on.month)
        kept = extras.setdefault(month, {})
        kept[account] = kept.get(account, Extras()).plus(payment)
    return True


def _arrived(record: Any) -> bool:
    """:func:`tenfold.domain.monthly.arrived` of a record that builds: a positive amount, not a refund."""
    return Decimal(record["amount"]) > 0 and not record.get("refund", False)


def _index(table: Table, streams: set[int], months: dict[Month, Cells],
           extras: dict[Month, dict[int, Extras]]) -> MonthlyIndex:
    """The index of the sums made. Each stream's last day (of a payment that arrived, no refund) is looked
    for from its newest month back, and the months are walked newest first until every stream is found."""
    last: dict[int, date] = {}
    unseen = set(streams)
    for month in sorted(months, reverse=True):
        if not unseen:
            break
        found: dict[int, str] = {}
        for account, keys in months[month][0].items():
            sid = account if account >= 0 else split_account(account)[0]
            if sid in unseen:
                days = [table[key]["on"] for key in keys if _arrived(table[key])]
                if days:  # days written YYYY-MM-DD sort as the days do
                    found[sid] = max(max(days), found.get(sid, ""))
        for sid, text in found.items():
            last[sid] = date.fromisoformat(text)
            unseen.discard(sid)
    counts = {month: {account: len(keys) for account, keys in cells[0].items()} for month, cells in months.items()}
    return MonthlyIndex.adopt({month: cells[1] for month, cells in months.items()}, counts, extras, last)
