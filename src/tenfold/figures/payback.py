"""Payback per stream: has it earned back what it cost up front, and if not, when will it?

The cost is the money put in up front plus the hours put in up front, valued at
the hourly rate the user set in step 4. The hourly rate is in the bills'
currency: for a stream in another currency the hours are valued with the rate
in effect on the day the stream began, so the cost never moves when a newer rate
is entered. Against it: every payment of the stream up to today, net (what a
platform kept is already off an imported payment's amount, and a refund is a
negative payment that takes money back). Payback is measured in the stream's own
currency, so a stream's payback date does not move with exchange rates either;
a payment imported in another currency counts converted by the one rule (its
month's last day's rate), and without a rate it is left out and said so.

- Paid back on the day the running total last reached the cost (a refund that
  takes it below the cost again undoes that; a refund that leaves it above
  changes nothing).
- Otherwise: the share earned back after so many complete months, and the month
  it would be paid back at the recent pace (the average of the last 3 complete
  months, or of fewer when the stream is younger).
- A stream with no up-front cost has no payback at all: None, not "paid back at once".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from tenfold.domain.dates import previous_month
from tenfold.domain.freedom import Freedom
from tenfold.domain.hours import stream_began
from tenfold.domain.ledger import Payment
from tenfold.domain.money import format_money
from tenfold.domain.monthly import Month, month_index
from tenfold.domain.rates import Rate, convert, month_end
from tenfold.domain.streams import Stream
from tenfold.figures.projection import HORIZON_MONTHS, add_months, month_text

PACE_MONTHS = 3
"""Complete months the recent pace is averaged over."""
FAR_MONTHS = 12
"""After this many complete months, a stream less than :data:`FAR_SHARE` paid back is worth a question."""
FAR_SHARE = Decimal("0.5")

_CENTS = Decimal("0.01")
_SHARE = Decimal("0.0001")


def net_amount(payment: Payment, stream: Stream, rates: Sequence[Rate]) -> Decimal | None:
    """What a payment left in the user's hands, in its stream's currency; None when no rate converts it.

    The amount is net already: an imported payment's ``fee`` is what the platform kept
    before the amount reached the user, and a refund is recorded as a negative amount,
    so the sum of these is the income net of fees and refunds.
    """
    code = payment.currency_in(stream.currency)
    if code == stream.currency:
        return payment.amount
    converted = convert(payment.amount, code, stream.currency, month_end(payment.on.year, payment.on.month), rates)
    return None if converted is None else converted.amount


@dataclass(frozen=True)
class Payback:
    """One stream's payback, in the stream's currency."""

    stream: Stream
    cost: Decimal
    """Up-front money plus the up-front hours that could be valued."""
    hours_value: Decimal
    """The up-front hours' part of ``cost`` (0 when they could not be valued)."""
    unvalued: str | None
    """Why the up-front hours are not in the cost (no hourly rate, no exchange rate), or None."""
    earned: Decimal
    """Net income from the stream up to today."""
    paid_back_on: date | None
    months: int
    """Complete months since the stream began."""
    pace: Decimal | None
    """Net income per month over the last (up to 3) complete months; None in the first month."""
    expected: Month | None
    """The month it would be paid back at ``pace``; None when paid back, or never at that pace."""
    left_out: dict[str, Decimal] = field(default_factory=dict)
    """Payments in another currency that no rate converts into the stream's: not counted, by currency."""

    @property
    def share(self) -> Decimal:
        """Earned over cost (1 = paid back); 0 when there is no valued cost."""
        if self.cost <= 0:
            return Decimal(0)
        return (max(self.earned, Decimal(0)) / self.cost).quantize(_SHARE, rounding=ROUND_HALF_EVEN)

    @property
    def far(self) -> bool:
        """Still far from payback after a year: worth a question, not a verdict."""
        return self.paid_back_on is None and self.months >= FAR_MONTHS and self.share < FAR_SHARE

    def describe(self) -> str:
        """``Paid back on 2026-09-14`` or ``37% after 5 months, expected payback 2027-08 at the recent pace``."""
        code = self.stream.currency
        apart = [f"{format_money(v, c)} not counted: no rate into {code}" for c, v in sorted(self.left_out.items())]
        note = "".join(f" ({n})" for n in ([self.unvalued] if self.unvalued else []) + apart)
        if self.cost <= 0:
            return f"Payback unknown: {self.unvalued}"
        if self.paid_back_on is not None:
            return f"Paid back on {self.paid_back_on.isoformat()} ({format_money(self.cost, code)} cost){note}"
        done = f"{int(self.share * 100)}% after {self.months} month{'' if self.months == 1 else 's'}"
        if self.pace is None:
            return f"{done}: too new for a pace{note}"
        if self.expected is None:
            return f"{done}: no payback at the recent pace ({format_money(self.pace, code)} a month){note}"
        return f"{done}, expected payback {month_text(self.expected)} at the recent pace{note}"


def _hours_value(stream: Stream, freedom: Freedom | None, began: date, rates: Sequence[Rate]) -> tuple[
        Decimal, str | None]:
    """The up-front hours at the user's hourly rate, in the stream's currency, and why not when they cannot be."""
    if stream.upfront_hours <= 0:
        return Decimal(0), None
    if freedom is None or freedom.hourly_rate is None:
        return Decimal(0), "up-front hours not valued: set your hourly rate in step 4"
    value = stream.upfront_hours * freedom.hourly_rate
    converted = convert(value, freedom.currency, stream.currency, began, rates)
    if converted is None:
        return Decimal(0), (f"up-front hours not valued: no rate from {freedom.currency} to {stream.currency} "
                            f"on {began.isoformat()}")
    return converted.amount, None


def payback(stream: Stream, payments: Iterable[Payment], freedom: Freedom | None, rates: Sequence[Rate],
            today: date) -> Payback | None:
    """The stream's payback as of ``today`` from its ``payments`` (any order); None without up-front cost."""
    if stream.upfront_money <= 0 and stream.upfront_hours <= 0:
        return None
    mine = sorted((p for p in payments if p.stream_id == stream.id and p.on <= today), key=lambda p: (p.on, p.id))
    began = stream_began(stream, mine[0].on if mine else None) or today
    hours_value, unvalued = _hours_value(stream, freedom, began, rates)
    cost = (stream.upfront_money + hours_value).quantize(_CENTS, rounding=ROUND_HALF_EVEN)
    earned = Decimal(0)
    paid_on: date | None = None
    by_month: dict[Month, Decimal] = {}
    left_out: dict[str, Decimal] = {}
    for p in mine:
        amount = net_amount(p, stream, rates)
        if amount is None:
            code = p.currency_in(stream.currency)
            left_out[code] = left_out.get(code, Decimal(0)) + p.amount
            continue
        earned += amount
        key = (p.on.year, p.on.month)
        by_month[key] = by_month.get(key, Decimal(0)) + amount
        if cost > 0 and paid_on is None and earned >= cost:
            paid_on = p.on
        elif earned < cost:
            paid_on = None
    last_full = previous_month(today.year, today.month)
    months = max(0, month_index(last_full) - month_index((began.year, began.month)) + 1)
    pace: Decimal | None = None
    expected: Month | None = None
    if months > 0:
        window = min(PACE_MONTHS, months)
        recent = [add_months(last_full, -i) for i in range(window)]
        pace = (sum((by_month.get(m, Decimal(0)) for m in recent), Decimal(0)) / window).quantize(
            _CENTS, rounding=ROUND_HALF_EVEN)
        if paid_on is None and pace > 0 and cost > 0:
            needed = math.ceil((cost - earned) / pace)
            expected = add_months(last_full, needed) if needed <= HORIZON_MONTHS else None
    return Payback(stream, cost, hours_value, unvalued, earned, paid_on, months, pace, expected, left_out)


def paybacks(streams: Iterable[Stream], payments: Iterable[Payment], freedom: Freedom | None,
             rates: Sequence[Rate], today: date) -> dict[int, Payback]:
    """Each stream's payback (streams without up-front cost left out), in one pass over the payments."""
    by_stream: dict[int, list[Payment]] = {}
    for p in payments:
        by_stream.setdefault(p.stream_id, []).append(p)
    out: dict[int, Payback] = {}
    for s in streams:
        found = payback(s, by_stream.get(s.id, []), freedom, rates, today)
        if found is not None:
            out[s.id] = found
    return out
