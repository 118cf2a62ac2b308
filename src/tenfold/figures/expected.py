"""Expected income: when a stream with a cadence should pay next, and which payments are late.

A stream that pays monthly, quarterly or yearly is expected to pay again one
cadence after its last payment, on the same day of the month (clamped to the
month's end: paid on 31 January, due on 28 or 29 February). A refund is money
going back, not a payment: it moves nothing. A stream with no
payment yet has nothing expected: we do not guess its first date. Money often
arrives a few days late, so a payment counts as *overdue* only when its due date
is more than :data:`GRACE_DAYS` days before today. Recording the payment moves
the stream's last payment forward, which moves the due date and clears the flag:
no stored flag can go stale.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import arrived
from tenfold.domain.streams import Stream

GRACE_DAYS = 7
"""Days a payment may be late before it is flagged overdue."""

CADENCE_MONTHS: dict[str, int] = {"monthly": 1, "quarterly": 3, "yearly": 12}
"""Months between payments for each cadence; irregular streams are not listed."""


@dataclass(frozen=True)
class Expected:
    """One payment a stream should bring: when, how much (if the user said), and whether it is late."""

    stream: Stream
    due: date
    amount: Decimal | None
    overdue: bool


def last_paid(payments: Iterable[Payment]) -> dict[int, date]:
    """The date of each stream's latest payment, in one pass over the payments; refunds skipped (:func:`arrived`)."""
    latest: dict[int, date] = {}
    for payment in payments:
        if not arrived(payment):
            continue
        seen = latest.get(payment.stream_id)
        if seen is None or payment.on > seen:
            latest[payment.stream_id] = payment.on
    return latest


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` months on, on the same day of the month or the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(stream: Stream, last: date | None) -> date | None:
    """When ``stream`` should pay next, or None (irregular, or never paid yet)."""
    months = CADENCE_MONTHS.get(stream.cadence)
    if months is None or last is None:
        return None
    return add_months(last, months)


def is_overdue(due: date, today: date) -> bool:
    """True when ``due`` lies more than the grace period before ``today``."""
    return today - due > timedelta(days=GRACE_DAYS)


def expected_payments(
    streams: Iterable[Stream],
    last_paid: Mapping[int, date],
    today: date,
    days: int = 30,
) -> list[Expected]:
    """Payments overdue or due within ``days`` days of ``today``, soonest (most late) first.

    One entry per stream at most: a stream three months behind shows one overdue
    payment, not three, because what the user needs to do is look into it once.
    """
    horizon = today + timedelta(days=days)
    found: list[Expected] = []
    for stream in streams:
        due = next_due(stream, last_paid.get(stream.id))
        if due is None:
            continue
        overdue = is_overdue(due, today)
        if overdue or due <= horizon:
            found.append(Expected(stream, due, stream.expected, overdue))
    found.sort(key=lambda e: (e.due, e.stream.name.casefold()))
    return found


def overdue_ids(expected: Iterable[Expected]) -> frozenset[int]:
    """The ids of streams with an overdue payment, for flagging rows."""
    return frozenset(e.stream.id for e in expected if e.overdue)
