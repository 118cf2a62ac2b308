"""How much evidence a check rests on: complete months a stream has existed, and what they brought.

A check drawn from a partial month or a brand-new stream is noise: a course
launched 18 days ago is not "0.75 USD an hour" because its month-one income was
divided by twelve, and the first sale in a new currency is not "100% of your
passive income". So every figure here counts **complete months** only (the
running month is left out), and only the months since a stream began: from the
day it was added or its first payment, whichever came first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tenfold.domain.monthly import Month, MonthlyIndex, month_index, months_back
from tenfold.domain.streams import Stream

WINDOW_MONTHS = 12
"""The checks look back over the last 12 complete months."""
MIN_PAYMENTS = 6
"""Payments (of counted streams, in the 12 complete months) a concentration check needs first."""
MIN_MONTHS = 3
"""Complete months of counted income a concentration check needs first."""


def first_months(index: MonthlyIndex) -> dict[int, Month]:
    """Each stream's first month with a payment (months x streams, no payment read)."""
    first: dict[int, Month] = {}
    for month in reversed(index.months()):  # newest first, each earlier month written over it: in C, per month
        first.update(dict.fromkeys(index.month(month), month))
    return first


def start_month(stream: Stream, first_paid: Mapping[int, Month]) -> Month | None:
    """The month a stream began: the earlier of the month it was added and its first payment's."""
    known = [m for m in (first_paid.get(stream.id),
                         (stream.started_on.year, stream.started_on.month) if stream.started_on else None) if m]
    return min(known) if known else None


@dataclass(frozen=True)
class StreamEvidence:
    """One stream over the complete months (of the last 12) it has existed."""

    months: tuple[Month, ...]
    """The complete months counted, oldest first; empty for a stream begun this month."""
    income: dict[Month, Decimal]
    """Its income in each of ``months``, in its own currency."""
    payments: int

    @property
    def total(self) -> Decimal:
        """The income of every counted month."""
        return sum(self.income.values(), Decimal(0))


def gather(index: MonthlyIndex, streams: Iterable[Stream], today: date) -> dict[int, StreamEvidence]:
    """Each stream's evidence as of ``today``: the complete months of the last 12 since it began."""
    current = (today.year, today.month)
    window = months_back(current, WINDOW_MONTHS + 1)[:-1]  # the 12 months before this one
    first_paid = first_months(index)
    # Each month's cells once, not once per stream: a month of a big ledger holds every stream's cell.
    cells = {m: index.cells(m) for m in window}
    out: dict[int, StreamEvidence] = {}
    for s in streams:
        start = start_month(s, first_paid)
        months = tuple(m for m in window if start is not None and month_index(m) >= month_index(start))
        income: dict[Month, Decimal] = {}
        count = 0
        for m in months:
            cell = cells[m].get(s.id)
            if cell is not None:
                income[m] = cell[0]
                count += cell[1]
        out[s.id] = StreamEvidence(months, income, count)
    return out
