"""Passive income per month in the goal's currency, and the figures the goal pane shows.

Built on :class:`~tenfold.domain.monthly.MonthlyIndex`: a month's passive income is
folded per currency, then each currency other than the goal's is converted with
the rate in effect on the month's last day (:func:`tenfold.domain.rates.convert`, the
rule in :data:`tenfold.domain.rates.CONVERSION_RULE`). What has no rate is never added:
it is kept apart, in its own currency, so the pane can say what was left out.
Only streams of kind *passive* count toward the goal, as everywhere in Tenfold.

The recent average covers the complete months since the ledger's first payment
(of any stream: that is when the user began recording), at most
:data:`AVERAGE_MONTHS`. A month before it is unknown, not zero: dividing by 3 for a
ledger begun two months ago would understate the user's income by a third. With
no complete month recorded yet there is no average at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from tenfold.domain.accounts import Totals
from tenfold.domain.dates import previous_month
from tenfold.domain.folds import folded
from tenfold.domain.goal import Goal, as_counted
from tenfold.domain.monthly import Month, MonthlyIndex, months_back
from tenfold.domain.rates import Rate, convert, month_end
from tenfold.domain.streams import Stream
from tenfold.figures.projection import Projection, project

_CENTS = Decimal("0.01")
AVERAGE_MONTHS = 3
"""The recent average covers at most this many complete months."""


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


def recorded(incomes: Sequence[MonthIncome], first: Month | None) -> list[MonthIncome]:
    """The months of ``incomes`` from ``first`` (the ledger's first month with a payment) on."""
    return [] if first is None else [i for i in incomes if i.month >= first]


def recent_average(incomes: Sequence[MonthIncome], first: Month | None) -> tuple[Decimal | None, int]:
    """The average of the recorded months of ``incomes`` and how many it covers; None over none."""
    counted = recorded(incomes, first)
    return (average(counted) if counted else None), len(counted)


def first_recorded(index: MonthlyIndex) -> Month | None:
    """The first month with any payment, of any stream: before it, the ledger knows nothing."""
    months = index.months()
    return months[0] if months else None


def before_ledger_text(first: Month | None) -> str:
    """``not recorded: the ledger begins in 2026-12``, or ``no payments recorded yet``."""
    if first is None:
        return "no payments recorded yet"
    return f"not recorded: the ledger begins in {first[0]:04d}-{first[1]:02d}"


def average_label(months: int, *, short: bool = False) -> str:
    """``3-month average`` (``3-mo average`` for a bar's label): always with the months it covers."""
    return f"{months}-{'mo' if short else 'month'} average"


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
    average: Decimal | None
    """The average of those since the ledger began, in the goal's currency; None before a complete month."""
    projection: Projection
    average_months: int = AVERAGE_MONTHS
    """How many complete months ``average`` covers (0 to 3)."""
    first_month: Month | None = None
    """The first month with any payment (None: none yet)."""

    @property
    def before_ledger(self) -> str | None:
        """What to say instead of last month's figure when the ledger began after it; None when it is recorded.

        A ledger begun this month knows nothing of last month: "0% · 0.00" there
        would read as a month without income, and the gap as measured from it.
        """
        return None if self.average is not None else before_ledger_text(self.first_month)

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
    level, counted = recent_average(recent, first_recorded(index))
    passive_ids = [s.id for s in streams if s.kind == "passive"]
    projection = project(
        recent=level if level is not None else Decimal(0),
        previous=average(previous),
        level_months=counted,
        target=goal.amount,
        last_full=last_full,
        deadline=(goal.deadline.year, goal.deadline.month),
        history_from=index.first_month(passive_ids),
        months=[i.amount for i in (*previous, *recent)],
    )
    return GoalFigures(now, recent[-1], tuple(recent), level, projection, counted, first_recorded(index))
