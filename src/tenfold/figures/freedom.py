"""When can the day job go? Passive income against the monthly bills step 4 holds.

The figures, each from complete months only (the running month is never measured):

- the share of the bills passive income covered in the last full month, and on
  the average of the last 3 full months (of those since the ledger's first
  payment: :func:`tenfold.figures.goal_figures.recent_average`; none before one);
- how many months the savings would last at today's shortfall (the bills less
  the last full month's passive income), to a tenth of a month, rounded down;
- from the same projection as the goal (:mod:`tenfold.figures.projection`, the
  bills as its target): the month passive income is expected to cover the bills
  at the recent pace, or the monthly growth needed to cover them by the goal's
  deadline. A pace drawn from a few payments is no pace: unless passive income
  came in at least :data:`PAYING_MONTHS` of the 6 full months, no month is named
  (status ``too_few``) and the sentence says why; when one is named, the range from
  the best and the worst recent month is said beside it, as on the goal pane.

Passive income is converted into the bills' currency by the one rule
(:data:`tenfold.domain.rates.CONVERSION_RULE`: a month at its last day's rate);
what has no rate is left out and said so, never added.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

from tenfold.domain.accounts import Totals
from tenfold.domain.dates import previous_month
from tenfold.domain.freedom import Freedom
from tenfold.domain.goal import Goal
from tenfold.domain.money import format_money
from tenfold.domain.monthly import Month, MonthlyIndex, month_index, months_back
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.figures.goal_figures import (
    AVERAGE_MONTHS,
    MonthIncome,
    average,
    average_label,
    before_ledger_text,
    first_recorded,
    passive_months,
    recent_average,
    unconverted,
)
from tenfold.figures.projection import (
    HORIZON_MONTHS,
    RESTS_ON,
    Projection,
    add_months,
    growth_needed,
    last_months,
    month_text,
    pct,
    project,
    range_text,
)
from tenfold.figures.status import percent

PAYING_MONTHS = 4
"""Full months of the 6 a pace rests on that must hold passive income before a month is named: with
fewer, one lumpy payment moves the month by years from one month to the next."""
FREEDOM_METHOD = (
    "Freedom: the share of your monthly bills (step 4) that passive income covered in the last full "
    "month and on the average of the last 3 full months (those since your first payment), converted "
    "into the bills' currency with "
    "your dated rates. Savings last: savings divided by today's shortfall (the bills less the last "
    "full month's passive income). When: the goal's projection with the bills as the target, named "
    f"only once at least {PAYING_MONTHS} of the last 6 full months held passive income."
)
"""How the freedom figures are made, for the help screen and the report's notes."""

TOO_FEW = "too_few"
"""The projection's status when too few of the 6 full months held passive income to name a month."""

_SHARE = Decimal("0.0001")
_TENTH = Decimal("0.1")


@dataclass(frozen=True)
class FreedomFigures:
    """What the goal pane, the today card, ``status`` and the report say about the bills."""

    freedom: Freedom
    bills: Decimal
    last_month: MonthIncome
    """The last full month's passive income, in the bills' currency."""
    average: Decimal | None
    """The average of the last 3 full months since the ledger began, in the bills' currency; None before one."""
    projection: Projection
    """When passive income is expected to cover the bills (the goal's method, the bills as target)."""
    has_deadline: bool
    """Whether a goal gave the projection a deadline (without one, no growth needed is shown)."""
    left_out: Totals
    """Passive income of those months with no rate into the bills' currency: not counted."""
    paying_months: int = RESTS_ON
    """How many of the 6 full months the projection rests on held passive income."""
    average_months: int = AVERAGE_MONTHS
    """How many complete months ``average`` covers (0 to 3)."""
    first_month: Month | None = None
    """The first month with any payment (None: none yet)."""

    @property
    def before_ledger(self) -> str | None:
        """Said instead of last month's share when the ledger began after it (the goal pane's words); else None.

        A ledger begun this month knows nothing of last month: "0% of the bills" would
        read as a month that paid none of them.
        """
        return None if self.average is not None else before_ledger_text(self.first_month)

    @property
    def share_last(self) -> Decimal:
        """The last full month's passive income over the bills (1 = covered)."""
        return (self.last_month.amount / self.bills).quantize(_SHARE, rounding=ROUND_HALF_EVEN)

    @property
    def share_average(self) -> Decimal | None:
        """The recent average over the bills; None without an average."""
        if self.average is None:
            return None
        return (self.average / self.bills).quantize(_SHARE, rounding=ROUND_HALF_EVEN)

    @property
    def shortfall(self) -> Decimal:
        """What the bills need beyond the last full month's passive income (0 when covered)."""
        return max(self.bills - self.last_month.amount, Decimal(0))

    @property
    def savings_months(self) -> Decimal | None:
        """Months the savings last at today's shortfall; None without savings or without a shortfall."""
        savings = self.freedom.savings
        if savings is None or self.shortfall <= 0:
            return None
        return (savings / self.shortfall).quantize(_TENTH, rounding=ROUND_DOWN)


def freedom_figures(index: MonthlyIndex, streams: Sequence[Stream], rates: Sequence[Rate], freedom: Freedom,
                    goal: Goal | None, today: date) -> FreedomFigures | None:
    """The freedom figures as of ``today``, or None until step 4 holds the bills."""
    if freedom.bills is None or freedom.bills <= 0:
        return None
    last_full = previous_month(today.year, today.month)
    six = months_back(last_full, 6)
    incomes = passive_months(index, streams, freedom.currency, rates, six)
    previous, recent = incomes[:3], incomes[3:]
    level, counted = recent_average(recent, first_recorded(index))
    deadline: Month = (goal.deadline.year, goal.deadline.month) if goal else add_months(last_full, HORIZON_MONTHS)
    projection = project(
        recent=level if level is not None else Decimal(0),
        previous=average(previous),
        level_months=counted,
        target=freedom.bills,
        last_full=last_full,
        deadline=deadline,
        history_from=index.first_month(s.id for s in streams if s.kind == "passive"),
        months=[i.amount for i in incomes],
    )
    paying = sum(1 for i in incomes if i.amount > 0)
    if paying < PAYING_MONTHS and projection.status in ("on_track", "late", "not_growing"):
        left = month_index(deadline) - month_index(last_full)
        projection = Projection(TOO_FEW, needed=growth_needed(level or Decimal(0), freedom.bills, left),
                                deadline=deadline)
    return FreedomFigures(freedom, freedom.bills, recent[-1], level, projection, goal is not None,
                          unconverted(recent), paying, counted, first_recorded(index))


def share_text(share: Decimal) -> str:
    """``64%``: whole percent, rounded as the goal's share is (the same month's income against
    the same amount reads the same on one card), never 100% before the bills are really covered."""
    return f"{percent(share)}%"


def average_part(f: FreedomFigures) -> str:
    """``, 58% on the 2-month average (1,390.00 EUR)``, or nothing before a complete month is recorded."""
    if f.average is None or f.share_average is None:
        return ""
    return (f", {share_text(f.share_average)} on the {average_label(f.average_months)} "
            f"({f.average:,.2f} {f.freedom.currency})")


def when_text(f: FreedomFigures) -> str:
    """When passive income is expected to pay the bills, in one sentence."""
    p = f.projection
    need = (f" Covering them by {month_text(p.deadline)} needs {pct(p.needed)} a month."
            if p.needed is not None and f.has_deadline and p.deadline else "")
    if p.status == "reached":
        return f"The {average_label(p.level_months)} pays the bills."
    if p.status == TOO_FEW:
        return (f"Too few payments to name a month: passive income came in {f.paying_months} of the last "
                f"{RESTS_ON} full months, and a pace needs {PAYING_MONTHS}.{need}")
    if p.status in ("on_track", "late") and p.reach is not None and p.growth is not None:
        fell = (f" But {month_text(p.fell[0])} fell {p.fell[1] * 100:.0f}% from the month before: if that holds, "
                "this pace does not." if p.fell else "")
        return (f"At {pct(p.growth)} a month, passive income pays the bills around {month_text(p.reach)}"
                f"{range_text(p)}.{fell}")
    if p.status == "late":
        return f"At the recent pace, more than 100 years from now.{need}"
    if p.status == "not_growing" and p.growth is not None:
        return f"Not growing ({pct(p.growth)} a month): at this pace it never pays the bills.{need}"
    if p.status == "past_deadline":
        return "The goal's deadline has passed: rewrite the goal to see when the bills are covered."
    if p.status == "no_income":
        return f"No passive income in the {last_months(p.level_months)}{' yet' if p.level_months >= 3 else ''}."
    return f"Too early to say when: the pace needs 6 full months of passive income.{need}"


def savings_text(f: FreedomFigures) -> str | None:
    """How long the savings last at today's shortfall, or None when not known or not needed."""
    if f.freedom.savings is None:
        return None
    if f.shortfall <= 0:
        return "Savings untouched: last month's passive income paid the bills."
    months = f.savings_months
    return (f"Savings {format_money(f.freedom.savings, f.freedom.currency)} last {months} months "
            f"at today's shortfall of {format_money(f.shortfall, f.freedom.currency)}.")


def status_text(f: FreedomFigures) -> str:
    """``freedom 64%``: the status line's short form (last full month)."""
    return "freedom: no full month yet" if f.before_ledger is not None else f"freedom {share_text(f.share_last)}"


def freedom_lines(f: FreedomFigures) -> list[str]:
    """The freedom figures in a few sentences (text and Markdown reports, the CLI, the app)."""
    code = f.freedom.currency
    lines = [
        f"Bills {f.bills:,.2f} {code} a month: last month {f.before_ledger}." if f.before_ledger is not None else
        f"Passive income covered {share_text(f.share_last)} of your {f.bills:,.2f} {code} of bills in "
        f"{month_text(f.last_month.month)} ({f.last_month.amount:,.2f} {code})" + average_part(f) + ".",
    ]
    saved = savings_text(f)
    if saved:
        lines.append(saved)
    lines.append(when_text(f))
    if f.left_out:
        apart = ", ".join(f"{v:,.2f} {c}" for c, v in sorted(f.left_out.items()))
        lines.append(f"Not counted, no rate into {code}: {apart}.")
    return lines
