"""Passive income per month in the goal's currency, and the figures the goal pane shows.

Built on :class:`~tenfold.domain.monthly.MonthlyIndex`: a month's passive income is
folded per currency, then each currency other than the goal's is converted with
the rate in effect on the month's last day (:func:`tenfold.domain.rates.convert`, the
rule in :data:`tenfold.domain.rates.CONVERSION_RULE`). What has no rate is never added:
it is kept apart, in its own currency, so the pane can say what was left out.
Only streams of kind *passive* count toward the goal, as everywhere in Tenfold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from tenfold.domain.dates import previous_month
from tenfold.domain.folds import folded
from tenfold.domain.goal import Goal, as_counted
from tenfold.domain.ledger import Stream
from tenfold.domain.monthly import Month, MonthlyIndex, Totals, months_back
from tenfold.domain.rates import Rate, convert, month_end
from tenfold.figures.projection import Projection, project

_CENTS = Decimal("0.01")


@dataclass(frozen=True)
class MonthIncome:
    """One month's passive income: ``amount`` in the goal's currency, ``unconverted`` what had no rate."""

    month: Month
    amount: Decimal
    unconverted: Totals = field(default_factory=dict)
    rates: frozenset[str] = frozenset()
    """How each converted currency was converted (:meth:`tenfold.domain.rates.Converted.describe`)."""


def passive_months(index: MonthlyIndex, streams: Iterable[Stream], currency: str, rates: Sequence[Rate],
                   months: Sequence[Month]) -> list[MonthIncome]:
    """Passive income in ``currency`` for each of ``months``: one dict lookup per month and stream."""
    by_id = {s.id: s for s in streams}
    out: list[MonthIncome] = []
    for month, totals in zip(months, folded(index, months, by_id, "passive"), strict=True):
        amount, apart, used = Decimal(0), {}, set()
        for code, total in sorted(totals.items()):
            converted = convert(total, code, currency, month_end(*month), rates)
            if converted is None:
                apart[code] = total
            else:
                amount += converted.amount
                if converted.rate is not None:
                    used.add(f"{code}: {converted.describe()}")
        out.append(MonthIncome(month, amount, apart, frozenset(used)))
    return out


def average(incomes: Sequence[MonthIncome]) -> Decimal:
    """The mean of the converted amounts, to the cent (half to even)."""
    if not incomes:
        return Decimal(0)
    return (sum((i.amount for i in incomes), Decimal(0)) / len(incomes)).quantize(_CENTS, rounding=ROUND_HALF_EVEN)


def unconverted(incomes: Iterable[MonthIncome]) -> Totals:
    """What the months left out for want of a rate, summed per currency."""
    totals: defaultdict[str, Decimal] = defaultdict(Decimal)
    for income in incomes:
        for code, value in income.unconverted.items():
            totals[code] += value
    return dict(totals)


@dataclass(frozen=True)
class GoalFigures:
    """What the goal pane shows besides the goal itself."""

    this_month: MonthIncome
    """So far this month (not a full month: shown, not projected from)."""
    last_month: MonthIncome
    """The last full month."""
    recent: tuple[MonthIncome, ...]
    """The last 3 full months, oldest first."""
    average: Decimal
    """Their average in the goal's currency."""
    projection: Projection

    @property
    def unconverted(self) -> Totals:
        """Income of the last 3 full months and this month left out for want of a rate."""
        return unconverted([*self.recent, self.this_month])

    @property
    def rates_used(self) -> list[str]:
        """The conversions behind the figures, for a footnote."""
        return sorted(set().union(*(i.rates for i in (*self.recent, self.this_month))))


def goal_figures(index: MonthlyIndex, streams: Sequence[Stream], rates: Sequence[Rate], goal: Goal,
                 today: date) -> GoalFigures:
    """Trailing month, 3-month average and projection toward ``goal`` as of ``today``.

    Portfolio streams count as passive when the goal says so (:func:`tenfold.domain.goal.as_counted`).
    """
    streams = as_counted(streams, goal)
    last_full = previous_month(today.year, today.month)
    six = months_back(last_full, 6)
    incomes = passive_months(index, streams, goal.currency, rates, [*six, (today.year, today.month)])
    previous, recent, now = incomes[:3], incomes[3:6], incomes[6]
    passive_ids = [s.id for s in streams if s.kind == "passive"]
    projection = project(
        recent=average(recent),
        previous=average(previous),
        target=goal.amount,
        last_full=last_full,
        deadline=(goal.deadline.year, goal.deadline.month),
        history_from=index.first_month(passive_ids),
        months=[i.amount for i in (*previous, *recent)],
    )
    return GoalFigures(now, recent[-1], tuple(recent), average(recent), projection)
