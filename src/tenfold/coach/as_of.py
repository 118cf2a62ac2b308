"""What a look back knows on its period's last day: when the records begin, and the steps as they stood.

A review of December written in January must not count January's ticks, and a
review of a month before the first record has nothing to look back on. Pure
functions of what is recorded and a date.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from tenfold.coach.periods import period_span
from tenfold.domain.goal import Goal, GoalVersion
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import month_end
from tenfold.domain.step_items import StepItem
from tenfold.domain.steps import StepState


def first_record(payments: Iterable[Payment], checkins: Iterable[date], goal_history: Sequence[GoalVersion],
                 goal: Goal | None, ideas: Iterable[Idea], steps: Iterable[StepState]) -> date | None:
    """The first day anything was recorded: a payment's date, the first goal, an idea, a tick, a day worked."""
    days: list[date] = [p.on for p in payments]
    days += list(checkins)
    first_goal = min((v.goal for v in goal_history), key=lambda g: g.written_on, default=goal)
    days += [first_goal.written_on] if first_goal is not None else []
    days += [i.written_on for i in ideas]
    days += [s.done_on for s in steps if s.done_on is not None]
    return min(days, default=None)


def steps_as_of(steps: list[StepState], items: list[StepItem], end: date) -> tuple[list[StepState], list[StepItem]]:
    """The steps and their items as they stood on ``end``: a month reviewed later is not credited with later ticks.

    An item ticked before its day was kept (no ``done_on``) counts as ticked.
    """
    then = [s if s.done_on is None or s.done_on <= end else replace(s, done_on=None) for s in steps]
    kept = [
        i if not i.done or i.done_on is None or i.done_on <= end else replace(i, done=False, done_on=None)
        for i in items if i.added_on <= end
    ]
    return then, kept


def before_first_record(began: date, start: date, end: date) -> list[str]:
    """What a period that ended before anything was recorded says instead of empty sections."""
    lines = [f"Nothing to look back on: your records begin on {began.isoformat()}, after this period.", ""]
    if period_span(start, end) == "this month":
        last = month_end(began.year, began.month)
        lines += [f"The first month to review is {calendar.month_name[began.month]} {began.year}, "
                  f"complete on {last.isoformat()}.", ""]
    return lines
