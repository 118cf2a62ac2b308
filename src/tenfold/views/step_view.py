"""What the Eight Steps pane and the step screen show, gathered once per refresh.

The screen reads the store and builds one :class:`StepsView`; the pane and an
open step screen both draw from it, so they never disagree and never read the
store themselves. Step 8's trends need a pass over the payments; the screen
keeps them until the payments change (see ``StepActionsMixin``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tenfold.domain.freedom import Freedom
from tenfold.domain.goal import Goal
from tenfold.domain.step_items import StepItem
from tenfold.domain.steps import STEPS, StepState
from tenfold.figures.experiments import Measured
from tenfold.figures.step_progress import Trend, step_badge, suggest_tick


@dataclass(frozen=True)
class StreamRef:
    """A stream as the steps show it: its name and currency."""

    name: str
    currency: str


@dataclass(frozen=True)
class StepsView:
    """Everything about the eight steps the app draws, as plain data."""

    states: tuple[StepState, ...] = tuple(StepState(i.number) for i in STEPS)
    items: tuple[StepItem, ...] = ()
    goal: Goal | None = None
    chosen: str = ""
    """Step 1's idea or stream, in a few words ('' when none is chosen)."""
    chosen_detail: str = ""
    """Step 1's idea in full: who, the value, how it could reach many."""
    streams: dict[int, StreamRef] = field(default_factory=dict)
    trends: dict[int, Trend] = field(default_factory=dict)
    today: date | None = None
    freedom: Freedom | None = None
    """Step 4's bills, savings and hourly rate."""
    measured: dict[int, Measured] = field(default_factory=dict)
    """Step 8's experiments measured by the ledger, by item id."""

    def state(self, number: int) -> StepState:
        """Step ``number``'s state."""
        return self.states[number - 1]

    def items_of(self, number: int) -> list[StepItem]:
        """Step ``number``'s items in the order they were added."""
        return [i for i in self.items if i.step == number]

    def suggestion(self, number: int) -> str | None:
        """The suggested tick for step ``number``, if its content is there."""
        return suggest_tick(number, self.state(number), self.items, self.goal, chosen=self.chosen,
                            trends=self.trends)

    def badge(self, number: int) -> str:
        """A few words on what the step holds, for the list."""
        return step_badge(number, self.state(number), self.items, self.goal)

    def item_name(self, item: StepItem) -> str:
        """An item's text, or the name of its stream when the text was left blank."""
        if item.text:
            return item.text
        ref = self.streams.get(item.stream_id) if item.stream_id is not None else None
        return ref.name if ref else "(a stream no longer in the ledger)"

    def trend_text(self, item: StepItem) -> str:
        """Step 8: how the item's stream did lately, or '' for items without a stream."""
        if item.stream_id is None:
            return ""
        ref, trend = self.streams.get(item.stream_id), self.trends.get(item.stream_id)
        if ref is None:
            return ""
        return (trend or Trend(Decimal(0), Decimal(0))).describe(ref.currency)
