"""Account keys: where a payment's amount is summed, its stream's own total or one per other currency.

A stream has a currency, and most payments are in it, so a stream's monthly
total is one Decimal. A payment imported in another currency (a KDP title sold in
pounds for a stream kept in dollars) is counted in its own currency under an
*account key* (:func:`account_key`): a negative number that encodes the stream and
the currency, so it is never added to the stream's own total, and every sum that
folds totals into currencies (:func:`by_currency`) puts it in its currency.

Imports only :mod:`tenfold.domain.ledger`.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream

Totals = dict[str, Decimal]
"""Money per currency: never added across currencies without a rate."""

_ZERO = Decimal(0)

_CODES = 26**3
"""Three-letter codes: each one a number below this."""


def account_key(stream_id: int, currency: str = "") -> int:
    """Where a payment's amount is summed: its stream's id, or for another currency a key of its own.

    ``currency`` is the payment's own (empty: the stream's). The key of stream 3 in
    GBP is negative, so it can never be a stream's id, and :func:`split_account`
    gives the stream and the currency back.
    """
    if not currency:
        return stream_id
    number = 0
    for ch in currency:
        number = number * 26 + (ord(ch) - 65)
    return -(stream_id * _CODES + number) - 1


def split_account(key: int) -> tuple[int, str]:
    """(stream id, currency; "" for the stream's own) of an :func:`account_key`."""
    if key >= 0:
        return key, ""
    stream_id, number = divmod(-key - 1, _CODES)
    letters = []
    for _ in range(3):
        number, rest = divmod(number, 26)
        letters.append(chr(65 + rest))
    return stream_id, "".join(reversed(letters))


def payment_account(payment: Payment) -> int:
    """The account key a payment is summed under."""
    return account_key(payment.stream_id, payment.currency)


def account_stream(key: int, streams: Mapping[int, Stream]) -> Stream | None:
    """The stream an account key sums for, as a stream in that key's currency (``Book (GBP)``)."""
    stream_id, currency = split_account(key)
    stream = streams.get(stream_id)
    if stream is None or not currency or key >= 0:
        return stream
    # What the stream cost and takes belongs to the stream's own row: not counted twice.
    return dataclasses.replace(stream, id=key, name=f"{stream.name} ({currency})", currency=currency,
                               expected=None, upfront_money=_ZERO, upfront_hours=_ZERO, upkeep_hours=_ZERO)


def with_accounts(streams: Mapping[int, Stream], keys: Iterable[int]) -> dict[int, Stream]:
    """``streams`` and, for every foreign-currency account among ``keys``, its stream in that currency."""
    out = dict(streams)
    for key in keys:
        if key < 0 and key not in out:
            stream = account_stream(key, streams)
            if stream is not None:
                out[key] = stream
    return out


def by_currency(per_stream: Mapping[int, Decimal], streams: Mapping[int, Stream], kind: str | None = None) -> Totals:
    """Per-account totals folded into per-currency totals, optionally one kind only; unknown streams count nowhere.

    A foreign-currency account counts in its own currency, with its stream's kind.
    """
    totals: defaultdict[str, Decimal] = defaultdict(Decimal)
    for key, amount in per_stream.items():
        stream_id, currency = split_account(key) if key < 0 else (key, "")
        stream = streams.get(stream_id)
        if stream is not None and (kind is None or stream.kind == kind):
            totals[currency or stream.currency] += amount
    return dict(totals)
