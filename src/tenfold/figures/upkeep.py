"""How passive is a stream really? Income per hour of upkeep, from logged hours where there are any.

A stream's hours in a month are the hours logged on it once the user has begun
logging it (from the first month with a logged hour on, a month with none logged
counts as none spent), and the monthly estimate typed on the stream before that.
Each figure says which it rests on: ``logged``, ``estimate``, or both. Income per
hour is the months' income over the months' hours, in the stream's currency, to
the cent; its trend compares the last 3 complete months with the 3 before.

Only the months since the stream began count (the earlier of its start and its
first payment): a month before it existed took no hours and brought nothing, so
charging it the estimate would understate the stream. And the 3 months before are
compared only when the stream had been paid by their end: a period before any
payment says nothing about growth ("up from 0.00" against months with no payment
yet is no evidence), so then no "up from" is said, and its figure is None.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from tenfold.domain.dates import previous_month
from tenfold.domain.hours import HoursEntry
from tenfold.domain.monthly import Month, MonthlyIndex, months_back
from tenfold.domain.streams import Stream

_CENTS = Decimal("0.01")

Logged = dict[int, dict[Month, Decimal]]
"""Hours logged per stream and month."""


def logged_by_month(entries: Iterable[HoursEntry]) -> Logged:
    """Sum the logged hours per stream and month."""
    out: Logged = {}
    for e in entries:
        months = out.setdefault(e.stream_id, {})
        key = (e.on.year, e.on.month)
        months[key] = months.get(key, Decimal(0)) + e.hours
    return out


@dataclass(frozen=True)
class Upkeep:
    """A stream's upkeep over some complete months, in its own currency."""

    stream: Stream
    months: tuple[Month, ...]
    income: Decimal
    hours: Decimal
    source: str
    """``logged``, ``estimate``, ``logged + estimate``, or ``none`` when no hour is known."""

    @property
    def per_hour(self) -> Decimal | None:
        """Income per hour of upkeep; None when there were no hours to divide by."""
        if self.hours <= 0:
            return None
        return (self.income / self.hours).quantize(_CENTS, rounding=ROUND_HALF_EVEN)

    @property
    def hours_a_month(self) -> Decimal:
        """Average hours a month over the months."""
        if not self.months:
            return Decimal(0)
        return (self.hours / len(self.months)).quantize(_CENTS, rounding=ROUND_HALF_EVEN)


def upkeep(stream: Stream, income: Mapping[Month, Decimal], logged: Mapping[Month, Decimal],
           months: Sequence[Month]) -> Upkeep:
    """Income and hours over ``months``: logged hours from the first logged month on, the estimate before."""
    first = min(logged) if logged else None
    hours = total = Decimal(0)
    sources: set[str] = set()
    for m in months:
        total += income.get(m, Decimal(0))
        if first is not None and m >= first:
            hours += logged.get(m, Decimal(0))
            sources.add("logged")
        elif stream.upkeep_hours > 0:
            hours += stream.upkeep_hours
            sources.add("estimate")
    source = " + ".join(s for s in ("logged", "estimate") if s in sources) or "none"
    return Upkeep(stream, tuple(months), total, hours, source)


@dataclass(frozen=True)
class UpkeepTrend:
    """The last 3 complete months and the 3 before, for the ledger and the report."""

    recent: Upkeep
    previous: Upkeep

    def describe(self) -> str:
        """``12.40 EUR/h (logged), up from 8.10`` or why there is no figure."""
        now, before = self.recent.per_hour, self.previous.per_hour
        if not self.recent.months:
            return "no complete month yet"
        if now is None:
            return "no upkeep hours" if self.recent.source == "none" else "no hours in the last 3 months"
        text = f"{now:,.2f} {self.recent.stream.currency}/h ({self.recent.source})"
        if before is None or before == now:
            return text
        return f"{text}, {'up' if now > before else 'down'} from {before:,.2f}"


def upkeep_trend(stream: Stream, index: MonthlyIndex, logged: Logged, today: date,
                 first_paid: Mapping[int, Month] | None = None) -> UpkeepTrend:
    """Income per upkeep hour over the last 3 complete months since the stream began, and the 3 before.

    ``first_paid`` gives each stream's first month with a payment (worked out from
    ``index`` when not given). The 3 months before count only once the stream had
    been paid by their end; otherwise ``previous`` covers no month.
    """
    six = months_back(previous_month(today.year, today.month), 6)
    income = dict(zip(six, index.series(stream.id, six), strict=True))
    mine = logged.get(stream.id, {})
    paid = first_paid.get(stream.id) if first_paid is not None else index.first_month([stream.id])
    known = [m for m in (paid, (stream.started_on.year, stream.started_on.month) if stream.started_on else None)
             if m is not None]
    start = min(known) if known else None
    since = [m for m in six if start is not None and m >= start]
    recent = [m for m in since if m in six[3:]]
    before = [m for m in since if m in six[:3]] if paid is not None and paid <= six[2] else []
    return UpkeepTrend(upkeep(stream, income, mine, recent), upkeep(stream, income, mine, before))


def monthly_hours(streams: Iterable[Stream], logged: Logged, today: date,
                  began: Mapping[int, date | None]) -> dict[int, Decimal]:
    """Each stream's hours a month as really spent: the average over its complete months (up to 3) since it began.

    A stream with nothing logged keeps its estimate; one that began this month is
    measured on its estimate too (no complete month to average yet).
    """
    last_full = previous_month(today.year, today.month)
    out: dict[int, Decimal] = {}
    for s in streams:
        mine = logged.get(s.id, {})
        start = began.get(s.id)
        months = [m for m in months_back(last_full, 3) if start is None or m >= (start.year, start.month)]
        if not mine or not months:
            out[s.id] = s.upkeep_hours
            continue
        out[s.id] = upkeep(s, {}, mine, months).hours_a_month
    return out
