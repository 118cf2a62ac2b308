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

from tenfold.domain.accounts import Totals, by_currency
from tenfold.domain.goal import Goal, as_counted
from tenfold.domain.money import format_money
from tenfold.domain.rates import Rate, convert_totals, month_end
from tenfold.domain.steps import StepState, next_step
from tenfold.domain.streams import Stream
from tenfold.figures.streak import streak_facts

SEPARATOR = " · "


def percent(ratio: Decimal) -> int:
    """A whole percentage; never shows 100% before the goal is really reached."""
    value = int((ratio * 100).to_integral_value(rounding=ROUND_HALF_UP))
    return min(value, 99) if ratio < 1 else value


def counted_this_month(month: Mapping[int, Decimal], streams: Iterable[Stream], goal: Goal | None) -> Totals:
    """The month's income that counts toward the goal, per currency, from its per-account sums.

    ``month``: each stream's total (by account key for other currencies), as the
    monthly index or :func:`tenfold.figures.totals.stream_month_totals` gives it.
    Portfolio streams count when the goal says so (:func:`tenfold.domain.goal.as_counted`).
    """
    return by_currency(month, {s.id: s for s in as_counted(streams, goal)}, "passive")


def goal_part(goal: Goal | None, passive: Mapping[str, Decimal], today: date, rates: Sequence[Rate] = ()) -> str:
    """``Goal 12.50/1,500.00 EUR so far this month (1%)``, or a nudge to write the goal.

    ``passive``: this month's counted income per currency (:func:`counted_this_month`
    of the monthly index's sums), so no payment is read here.
    """
    if goal is None:
        return "No goal written yet"
    earned = convert_totals(passive, goal.currency, month_end(today.year, today.month), list(rates)).amount
    share = percent(earned / goal.amount) if goal.amount > 0 else 0
    return f"Goal {format_money(earned)}/{format_money(goal.amount, goal.currency)} so far this month ({share:,}%)"


def status_line(
    *,
    goal: Goal | None,
    passive: Totals,
    steps: list[StepState],
    checkins: Iterable[date],
    today: date,
    rates: Sequence[Rate] = (),
    paused: Iterable[date] = (),
) -> str:
    """The whole status line; ``passive`` is this month's counted income per currency
    (:func:`counted_this_month`); a broken streak says when it ended and the best so far."""
    days = streak_facts(checkins, today, paused).describe()
    step = next_step(steps)
    upcoming = f"next: {step.number} {step.title}" if step else "all 8 steps done"
    return SEPARATOR.join([goal_part(goal, passive, today, rates), days, upcoming])
