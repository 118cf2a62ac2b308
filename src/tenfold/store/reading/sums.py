"""The payments' monthly sums from a parsed payments table, without a :class:`Payment` per record.

``tenfold report`` on a file whose payments' index does not match (another program
wrote it) must read every payment, check it and add it up. Building a ``Payment``
per record and then counting it into a :class:`MonthlyIndex` costs about 2.5 us a
payment; the report keeps none of them. Here a typed payment (the fields a person
types: stream, day, amount, note, customer) is checked field by field and its
amount put in a list per month and stream; the ids, the days and the amounts are
then checked a column at a time, in C, and each list summed in C. Imported
payments, which carry a fee, a refund or a currency, are few: they are built as usual.

The answer is the index :meth:`MonthlyIndex.build` gives for the payments that
``validate_payments`` builds from the same table, or None whenever a record is
not plainly one that builds (a key that is not an id as the store writes it, a
date not written ``YYYY-MM-DD``, an amount with an exponent or over 11
characters...): the caller then builds every payment, which refuses a damaged
record with its own words. Sums are exact here, as there: amounts that short
stay far from the 28 digits Decimal keeps, so the order they are added in
changes nothing; the months and accounts keep the order the payments first name
them, as when they are counted one by one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from datetime import date
from decimal import Decimal
from itertools import chain
from typing import Any

from tenfold.domain.dates import date_from_store
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import Columns, Extras, Month, MonthlyIndex, account_key, split_account

_PLAIN = frozenset(("stream_id", "on", "amount", "note", "customer"))
"""The fields of a typed payment: one with these only is neither a refund nor carries a fee or currency."""
_IDS = re.compile(r"(?:(?:0|[1-9][0-9]{0,17})\n)*").fullmatch
"""The keys joined, each followed by a line break: every one an id as the store writes it, below 10**18.
One spelling per number, so no two keys name one id, and each within the ids' range (``MAX_ID`` has
19 digits: a larger id is checked the usual way). ``$`` is not used: it matches before a last line break."""
_LONGEST = 11
"""The longest amount summed here, in characters: 11 digits at most, below :data:`MAX_AMOUNT`, and sums of
up to ten million of them stay within Decimal's 28 digits, so they are exact in any order."""
_NOT_DIGITS = str.maketrans("", "", "0123456789")
_ZERO = Decimal(0)
"""What the index adds a month's amounts to (an amount "5" alone sums to 5, as there)."""


def _days(days: Collection[object]) -> dict[str, date] | None:
    """Each distinct day parsed; None unless every one is written ``YYYY-MM-DD`` (its first 7 characters
    then name its month, and days compare as their texts do). Raises ValueError for a day that is no date."""
    out: dict[str, date] = {}
    for day in days:
        if type(day) is not str or len(day) != 10:
            return None
        on = date_from_store(day)
        if on.isoformat() != day:
            return None
        out[day] = on
    return out


def _plain_amounts(groups: Iterable[list[str]]) -> bool:
    """Whether every amount is a short text of digits, a sign and a point, as people type them.

    Such a text either is a number :func:`decimal_from_store` takes (no exponent, no
    NaN, under the limit) or Decimal refuses it ("1.2.3", "-"), which the sums then
    meet; TypeError for an amount that is no text.
    """
    amounts = list(chain.from_iterable(groups))
    if amounts and max(map(len, amounts)) > _LONGEST:
        return False
    return not "\n".join(amounts).translate(_NOT_DIGITS).strip("-.\n")


Pair = tuple[str, int]
"""(``YYYY-MM``, account key): where a payment is summed."""


def monthly_sums(rows: dict[str, Any], stream_ids: Collection[int]) -> MonthlyIndex | None:
    """The index of the payments ``validate_payments(path, rows, stream_ids)`` would build; None when unsure.

    ``rows``: a payments table as parsed (a dict of records). Raises nothing for a
    damaged record: None, and the caller builds the payments one by one.
    """
    if not _IDS("\n".join(rows) + "\n" if rows else ""):
        return None
    plain = _PLAIN.issuperset
    order: dict[Pair, None] = {}
    """Every (month, account) in the order the payments first name it: the index's order."""
    typed: dict[Pair, list[str]] = {}
    """The typed payments' amounts, by (month, stream)."""
    newest: dict[int, str] = {}
    """Each stream's latest day among its typed payments, as text."""
    days: set[str] = set()
    imported: dict[Pair, list[Payment]] = {}
    carrying: dict[Pair, None] = {}
    """The accounts with a fee or a refund, in the order the payments first show one: the extras' order."""
    seen = days.add
    try:
        for key, record in rows.items():
            if plain(record):
                sid, day = record["stream_id"], record["on"]
                if type(sid) is not int or type(day) is not str or type(record.get("note", "")) is not str \
                        or type(record.get("customer", "")) is not str:
                    return None
                seen(day)
                pair = (day[:7], sid)
                group = typed.get(pair)
                if group is None:
                    typed[pair] = [record["amount"]]
                    order[pair] = None
                else:
                    group.append(record["amount"])
                latest = newest.get(sid)
                if latest is None or day > latest:
                    newest[sid] = day
                continue
            payment = Payment.from_store(int(key), record)
            if type(record["stream_id"]) is not int or payment.stream_id not in stream_ids \
                    or not _plain_amounts([[record["amount"]]]):
                return None
            pair = (payment.on.isoformat()[:7], account_key(payment.stream_id, payment.currency))
            order.setdefault(pair)
            imported.setdefault(pair, []).append(payment)
            if payment.fee is not None or payment.refund:
                carrying.setdefault(pair)
        return _index(order, typed, imported, _days(days), newest, stream_ids, _extras(carrying, imported))
    except (KeyError, ValueError, TypeError, AttributeError, ArithmeticError):
        return None


def _index(order: dict[Pair, None], typed: dict[Pair, list[str]], imported: dict[Pair, list[Payment]],
           days: dict[str, date] | None, newest: dict[int, str], stream_ids: Collection[int],
           extras: dict[Month, dict[int, Extras]]) -> MonthlyIndex | None:
    """The index from the payments grouped by (month, account); None when unsure.

    Raises ArithmeticError (Decimal's InvalidOperation) for an amount that is no number.
    """
    if days is None or not newest.keys() <= set(stream_ids) or not _plain_amounts(typed.values()):
        return None
    months: dict[Month, Columns] = {}
    last: dict[int, date] = {}
    for pair in order:
        prefix, account = pair
        month = (int(prefix[:4]), int(prefix[5:7]))
        amounts = typed.get(pair, [])
        total = sum(map(Decimal, amounts), _ZERO)
        count = len(amounts)
        sid = split_account(account)[0]
        if amounts and (sid not in last or days[newest[sid]] > last[sid]):
            last[sid] = days[newest[sid]]
        for payment in imported.get(pair, ()):
            total += payment.amount
            count += 1
            if sid not in last or payment.on > last[sid]:
                last[sid] = payment.on
        sids, totals, counts = months.setdefault(month, ([], [], []))
        sids.append(account)
        totals.append(total)
        counts.append(count)
    return MonthlyIndex.restore(months, last, extras)


def _extras(carrying: dict[Pair, None], imported: dict[Pair, list[Payment]]) -> dict[Month, dict[int, Extras]]:
    """The fees and refunds by month and account, in the order the index counts them one by one."""
    out: dict[Month, dict[int, Extras]] = {}
    for pair in carrying:
        extras = Extras()
        for payment in imported[pair]:
            if payment.fee is not None or payment.refund:
                extras = extras.plus(payment)
        out.setdefault((int(pair[0][:4]), int(pair[0][5:7])), {})[pair[1]] = extras
    return out


def pick(rows: dict[str, Any], month: Month, stream_ids: Collection[int]) -> tuple[list[Payment], list[Payment]]:
    """The payments of ``month`` and those of ``stream_ids``, built, in the table's order: what the
    report's measures look at one by one (reach and payback), out of a table :func:`monthly_sums` took.

    Typed payments are picked by their day's text (``YYYY-MM-DD`` there); an imported one is built to see.
    """
    prefix = f"{month[0]:04d}-{month[1]:02d}"
    wanted = set(stream_ids)
    plain = _PLAIN.issuperset
    in_month: list[Payment] = []
    of_streams: list[Payment] = []
    for key, record in rows.items():
        if record["on"][:7] == prefix or record["stream_id"] in wanted or not plain(record):
            payment = Payment.from_store(int(key), record)
            if (payment.on.year, payment.on.month) == month:
                in_month.append(payment)
            if payment.stream_id in wanted:
                of_streams.append(payment)
    return in_month, of_streams
