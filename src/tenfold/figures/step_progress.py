"""How far each step's content has come: a short badge, a suggested tick, step 8's trends.

A tick is the user's decision, never the app's: when a step's content is there
(every sub-task done, a mentor asked, a backup plan with the months savings last)
the app only *suggests* the tick, in one sentence the user can check against what
they see. All of it is pure, so it is tested over fixed dates.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tenfold.domain.goal import Goal
from tenfold.domain.money import format_money
from tenfold.domain.monthly import MonthlyIndex, months_back
from tenfold.domain.step_items import StepItem
from tenfold.domain.steps import StepState
from tenfold.domain.text import count_of

TREND_MONTHS = 3
"""Step 8 compares the last three full months with the three before them."""


def month_start(day: date, back: int = 0) -> date:
    """The first day of the month ``back`` months before the month of ``day``."""
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Trend:
    """A stream's income in the last three full months (``recent``) and the three before (``before``)."""

    recent: Decimal
    before: Decimal

    @property
    def change(self) -> Decimal | None:
        """Growth as a share (0.25 = +25%); None when there was nothing to grow from."""
        if self.before == 0:
            return None
        return (self.recent - self.before) / self.before

    @property
    def direction(self) -> str:
        """``up``, ``down``, ``flat``, ``new`` (money only lately) or ``none`` (no money at all)."""
        if self.before == 0:
            return "new" if self.recent > 0 else "none"
        if self.recent > self.before:
            return "up"
        return "down" if self.recent < self.before else "flat"

    def describe(self, currency: str) -> str:
        """``+25% (125.00 EUR vs 100.00 EUR)``: what the list shows next to a stream."""
        if self.direction == "none":
            return "no payments in the last six months"
        if self.direction == "new":
            return f"new: {format_money(self.recent, currency)} in the last three months"
        change = self.change or Decimal(0)
        sign = "+" if change >= 0 else "-"
        percent = (abs(change) * 100).quantize(Decimal(1))
        return f"{sign}{percent}% ({format_money(self.recent, currency)} vs {format_money(self.before, currency)})"


def trends_from_index(index: MonthlyIndex, stream_ids: Collection[int], today: date) -> dict[int, Trend]:
    """:func:`stream_trends` from the monthly totals: the same whole months, no payment read."""
    end = month_start(today)
    months = months_back((end.year, end.month), 2 * TREND_MONTHS + 1)[:-1]  # the month running is left out
    before, recent = months[:TREND_MONTHS], months[TREND_MONTHS:]
    return {
        sid: Trend(sum(index.series(sid, recent), Decimal(0)), sum(index.series(sid, before), Decimal(0)))
        for sid in stream_ids
    }


def _of_step(number: int, items: Sequence[StepItem]) -> list[StepItem]:
    return [i for i in items if i.step == number]


def step_badge(number: int, state: StepState, items: Sequence[StepItem], goal: Goal | None) -> str:
    """A few words for the step list: what the step holds so far ('' when nothing yet)."""
    own = _of_step(number, items)
    done = sum(1 for i in own if i.done)
    if number == 1:
        return "chosen" if state.idea_id or state.stream_id else ""
    if number == 2:
        return "goal written" if goal is not None else ""
    if not own and not (number == 4 and state.savings_months is not None):
        return ""
    if number == 3:
        return f"{done}/{len(own)}"
    if number == 4:
        months = f"{state.savings_months.normalize():f} mo" if state.savings_months is not None else ""
        return " · ".join(part for part in (count_of(len(own), "plan") if own else "", months) if part)
    if number == 5:
        return f"{len(own)} studied"
    if number == 6:
        return f"{done}/{len(own)} joined"
    if number == 7:
        return f"{done}/{len(own)} asked"
    return count_of(len(own), "stream")


def suggest_tick(
    number: int,
    state: StepState,
    items: Sequence[StepItem],
    goal: Goal | None,
    *,
    chosen: str = "",
    trends: Mapping[int, Trend] | None = None,
) -> str | None:
    """One sentence saying why step ``number`` looks done, or None (not there yet, or ticked).

    ``items`` may hold every step's items; only this step's count. ``chosen`` names
    step 1's idea or stream; ``trends`` (by stream id) lets step 8 name a growing stream.
    """
    if state.done:
        return None
    own = _of_step(number, items)
    done = [i for i in own if i.done]
    why: str | None = None
    if number == 1 and (state.idea_id or state.stream_id):
        why = f"you chose {chosen}" if chosen else "you chose an idea"
    elif number == 2 and goal is not None and goal.amount > 0:
        why = f"your goal is written: {format_money(goal.amount, goal.currency)} a month by {goal.deadline}"
    elif number == 3 and own and len(done) == len(own):
        why = f"{len(done)} of {len(own)} sub-tasks ticked"
    elif number == 4 and own and state.savings_months is not None:
        months = state.savings_months.normalize()
        why = f"{count_of(len(own), 'backup plan')}, and savings last {months:f} months"
    elif number == 5 and (learned := [i for i in own if i.detail.strip()]):
        why = f"{count_of(len(learned), 'marketer')} studied, with what you learned"
    elif number == 6 and done:
        why = f"{count_of(len(done), 'group')} joined"
    elif number == 7 and done:
        why = f"{len(done)} of {count_of(len(own), 'mentor candidate')} asked"
    elif number == 8 and own:
        known = trends or {}
        # Grown means more than in the three months before, which had income too: one
        # month of one new stream ("new") is a start, not evidence that scaling works.
        growing = [i for i in own if i.stream_id is not None and i.stream_id in known
                   and known[i.stream_id].direction == "up"]
        if growing:
            why = f"{count_of(len(growing), 'stream')} you are scaling grew in the last three months"
    if why is None:
        return None
    return f"Step {number} looks done: {why}."

