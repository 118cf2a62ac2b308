"""The one-line status for a shell prompt or a tmux status bar.

Progress toward the goal this month, the streak, and the next step: the three
things worth seeing many times a day. Passive income counts toward the goal as in
the goal pane: other currencies through the rates entered (the rate in effect on
the month's last day); without a rate they are left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from tenfold.domain.goal import Goal
from tenfold.domain.money import format_money
from tenfold.domain.monthly import Totals
from tenfold.domain.rates import Rate, convert_totals, month_end
from tenfold.domain.steps import StepState, next_step
from tenfold.figures.streak import streak

SEPARATOR = " · "


def percent(ratio: Decimal) -> int:
    """A whole percentage; never shows 100% before the goal is really reached."""
    value = int((ratio * 100).to_integral_value(rounding=ROUND_HALF_UP))
    return min(value, 99) if ratio < 1 else value


def goal_part(goal: Goal | None, passive: Mapping[str, Decimal], today: date, rates: Sequence[Rate] = ()) -> str:
    """``Goal 12.50/1,500.00 EUR this month (1%)``, or a nudge to write the goal.

    ``passive``: this month's passive income per currency (the monthly index's
    sums, :func:`tenfold.domain.monthly.by_currency`), so no payment is read here.
    """
    if goal is None:
        return "No goal written yet"
    earned = convert_totals(passive, goal.currency, month_end(today.year, today.month), list(rates)).amount
    share = percent(earned / goal.amount) if goal.amount > 0 else 0
    return f"Goal {format_money(earned)}/{format_money(goal.amount, goal.currency)} this month ({share}%)"


def status_line(
    *,
    goal: Goal | None,
    passive: Totals,
    steps: list[StepState],
    checkins: Iterable[date],
    today: date,
    rates: Sequence[Rate] = (),
) -> str:
    """The whole status line; ``passive`` is this month's passive income per currency."""
    days = streak(checkins, today)
    step = next_step(steps)
    upcoming = f"next: {step.number} {step.title}" if step else "all 8 steps done"
    return SEPARATOR.join(
        [goal_part(goal, passive, today, rates), f"streak {days} day{'' if days == 1 else 's'}", upcoming]
    )
