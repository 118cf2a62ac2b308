"""The eight steps of the method, with our own coaching text for each.

The step list is fixed by the method; what the user owns is each step's state:
the date it was ticked (or None) and free notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from tenfold.domain.dates import optional_date_from_store
from tenfold.domain.money import decimal_from_store


@dataclass(frozen=True)
class StepInfo:
    """One step of the method: its title, what it means, one thing to do today."""

    number: int
    title: str
    meaning: str
    today: str


STEPS: tuple[StepInfo, ...] = (
    StepInfo(
        1,
        "Select your passive income idea",
        "Pick the kind of stream that fits where you are now. Capital opens doors to "
        "property, dividends or buying into a business; without it, most people build "
        "something online, which costs time instead of money.",
        "List three things people already ask you for help with, and circle the one "
        "that could be packaged once and delivered many times.",
    ),
    StepInfo(
        2,
        "Set goals",
        "Put a number and a date on it: how much passive income per month, by when, "
        "and from what kind of stream. A goal on paper pulls harder than one in your head.",
        "Write the goal in the Written Goal pane with an amount and a deadline, and "
        "give yourself more time than feels necessary.",
    ),
    StepInfo(
        3,
        "Plan your steps",
        "Bridge the gap between the goal and today: the actions, the research, the "
        "skills to learn. Small steady actions over months do the heavy lifting.",
        "Break the next month into four weekly actions and note them here.",
    ),
    StepInfo(
        4,
        "Have income backup plans",
        "Keep the day job while the stream grows on the side. Quit only when the "
        "streams pay the bills, and know what you fall back on if one dries up.",
        "Write down how many months your savings would last and which active income "
        "keeps paying until the streams cover your costs.",
    ),
    StepInfo(
        5,
        "Investigate successful online marketers",
        "Study people who already earn this way: how they sell while they sleep, how "
        "their funnels and emails work, how their content draws the right audience.",
        "Pick one person who earns from a stream like yours and note how a stranger "
        "becomes their paying customer.",
    ),
    StepInfo(
        6,
        "Join marketing groups online",
        "Find communities of people building the same kind of stream. Share what you "
        "try, ask for advice, and learn from their mistakes as well as yours.",
        "Join one group in your niche and read its ten most useful threads.",
    ),
    StepInfo(
        7,
        "Find a mentor",
        "Look for someone who has truly succeeded in your niche (many only look "
        "successful), offer them something of value, and ask. Keep looking after a no.",
        "Write the names of two people you could ask, and what you could offer each.",
    ),
    StepInfo(
        8,
        "Scale like the wind",
        "When something earns even a little, find how to multiply it: more products, "
        "more channels, more reach. Measure as you go so you scale what really works.",
        "Look at the Income Ledger and name the stream with the best income per hour "
        "of upkeep; write one way to double its reach.",
    ),
)


def step_info(number: int) -> StepInfo:
    """The step with this number (1-8); raises ValueError otherwise."""
    if not 1 <= number <= len(STEPS):
        raise ValueError(f"Step {number} does not exist; steps are numbered 1 to {len(STEPS)}")
    return STEPS[number - 1]


@dataclass(frozen=True)
class StepState:
    """What the user has done with one step."""

    number: int
    done_on: date | None = None
    notes: str = ""
    idea_id: int | None = None
    """Step 1's chosen idea: a brainstorm entry."""
    stream_id: int | None = None
    """Step 1's chosen idea when it is already a stream in the ledger."""
    savings_months: Decimal | None = None
    """Step 4: how many months savings would last without the day job."""

    @property
    def done(self) -> bool:
        """Whether the step is ticked."""
        return self.done_on is not None

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file."""
        return {
            "number": self.number,
            "done_on": self.done_on.isoformat() if self.done_on else None,
            "notes": self.notes,
            "idea_id": self.idea_id,
            "stream_id": self.stream_id,
            "savings_months": None if self.savings_months is None else str(self.savings_months),
        }

    @classmethod
    def from_store(cls, doc: dict[str, Any]) -> StepState:
        """Build from the data file; raises on a bad shape."""
        number = doc["number"]
        if not isinstance(number, int) or not 1 <= number <= len(STEPS):
            raise ValueError(f"step number {number!r} is not 1-8")
        notes = doc.get("notes", "")
        if not isinstance(notes, str):
            raise TypeError("step notes must be text")
        idea_id, stream_id, months = doc["idea_id"], doc["stream_id"], doc["savings_months"]
        for ref in (idea_id, stream_id):
            if ref is not None and (not isinstance(ref, int) or isinstance(ref, bool) or ref < 1):
                raise ValueError(f"step link {ref!r} is not an id")
        return cls(
            number,
            optional_date_from_store(doc.get("done_on")),
            notes,
            idea_id,
            stream_id,
            None if months is None else decimal_from_store(months),
        )


def next_step(states: list[StepState]) -> StepInfo | None:
    """The first step not yet ticked, or None when all eight are done."""
    done = {s.number for s in states if s.done}
    for info in STEPS:
        if info.number not in done:
            return info
    return None
