"""A few payments picked out of the payments table's bytes, without parsing the others.

The report's measures need each payment of one month (reach: distinct customers,
units) and every payment of the streams with an up-front cost (payback: the day
the running total reached the cost), not the 100,000 others. When the payments'
index matches the payments' bytes (:mod:`tenfold.store.payment_index`), those bytes
are exactly what the store wrote: each payment ``"<id>":{"stream_id":N,"on":"YYYY-MM-DD",...}``
in that order (:meth:`tenfold.domain.ledger.Payment.to_store`). A bytes search finds
the month's dates or the streams' ids at memory speed, and only the records found are
parsed and built - through :meth:`Payment.from_store`, with its checks.

Each answer is checked against the index's counts: a record written in another
key order (a file an older program wrote, saved again by the store) is not found
by the search, the count differs, and None tells the caller to read every payment.
Why the search cannot be fooled by a note: inside a JSON string every ``"`` is
written ``\\"``, so ``"on":"`` with bare quotes is always a key, never text.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import orjson

from tenfold.domain.accounts import split_account
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import Month, MonthlyIndex

_RECORD = re.compile(
    rb'"(\d+)":(\{"stream_id":(\d+),"on":"\d{4}-\d\d-\d\d"(?:[^"}]++|"(?:[^"\\]++|\\.)*+")*+\})'
)
"""One payment as the store writes it; its fields are flat, so its first bare ``}`` ends it."""
_BEFORE = 32
"""Bytes before a record's ``{`` that its id key can take (``"123456789":`` and room to spare)."""


def _record(raw: bytes, brace: int) -> tuple[int, bytes] | None:
    """(id, the record's JSON) of the payment whose ``{`` is at ``brace``; None if it is not one."""
    if raw[brace - 2 : brace] != b'":':
        return None
    start = raw.rfind(b'"', max(0, brace - _BEFORE), brace - 2)
    found = _RECORD.match(raw, start) if start >= 0 else None
    if found is None or found.start(2) != brace:
        return None
    return int(found.group(1)), found.group(2)


def _build(records: list[tuple[int, bytes]]) -> list[Payment] | None:
    try:
        return [Payment.from_store(pid, orjson.loads(doc)) for pid, doc in records]
    except (KeyError, TypeError, ValueError, ArithmeticError, orjson.JSONDecodeError):
        return None


def month_count(index: MonthlyIndex, month: Month) -> int:
    """The payments the index counts in ``month``, every stream and currency."""
    return sum(n for _total, n in index.cells(month).values())


def stream_counts(index: MonthlyIndex, stream_ids: Collection[int]) -> dict[int, int]:
    """The payments the index counts for each of ``stream_ids``, every month and currency."""
    out = dict.fromkeys(stream_ids, 0)
    for month in index.months():
        for account, (_total, n) in index.cells(month).items():
            sid = split_account(account)[0]
            if sid in out:
                out[sid] += n
    return out


def payments_in_month(raw: bytes, month: Month, index: MonthlyIndex) -> list[Payment] | None:
    """Every payment dated in ``month`` from the payments table ``raw`` the ``index`` matches; None when
    the search does not find exactly the payments the index counts there."""
    key = b'"on":"%04d-%02d-' % month
    records: list[tuple[int, bytes]] = []
    at = raw.find(key)
    while at >= 0:
        brace = raw.rfind(b'{"stream_id":', max(0, at - _BEFORE), at)
        record = _record(raw, brace) if brace >= 0 and raw[brace:at].endswith(b",") else None
        if record is None:
            return None
        records.append(record)
        at = raw.find(key, at + len(key))
    if len(records) != month_count(index, month):
        return None
    return _build(records)


def payments_of_streams(raw: bytes, stream_ids: Collection[int], index: MonthlyIndex) -> list[Payment] | None:
    """Every payment of ``stream_ids`` from the payments table ``raw`` the ``index`` matches; None when
    the search does not find exactly the payments the index counts for them."""
    wanted = set(stream_ids)
    if not wanted:
        return []
    records: list[tuple[int, bytes]] = []
    found: dict[int, int] = dict.fromkeys(wanted, 0)
    # The ids in the pattern: the regex engine passes over the other streams' payments itself.
    heads = re.compile(rb'\{"stream_id":(%s),"on":"' % b"|".join(b"%d" % sid for sid in sorted(wanted)))
    for head in heads.finditer(raw):
        sid = int(head.group(1))
        record = _record(raw, head.start())
        if record is None:
            return None
        records.append(record)
        found[sid] += 1
    if found != stream_counts(index, wanted):
        return None
    return _build(records)
