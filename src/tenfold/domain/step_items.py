"""What the steps produce: sub-tasks, backup plans, marketers, groups, mentors, streams to scale.

A step is not only a tick. Each of steps 3 to 8 holds a short list of the things
that step is about, so the user can see the work behind the tick. One record type
serves them all; :data:`ITEM_KINDS` says what an item means on each step and
whether its yes/no box is used (a sub-task done, a mentor asked).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from tenfold.domain.dates import date_from_store, optional_date_from_store, parse_date
from tenfold.domain.errors import FieldError, FormErrors
from tenfold.domain.money import DecimalKind, parse_decimal
from tenfold.domain.text import clean_text


@dataclass(frozen=True)
class ItemKind:
    """How a step's items are named in the app."""

    noun: str
    text_label: str
    detail_label: str
    done_label: str | None
    """The yes/no box's label, or None when the step's items have none."""

    @property
    def plural(self) -> str:
        """The noun for several items: ``sub-tasks``, ``marketers studied``, ``streams to scale``."""
        first, space, rest = self.noun.partition(" ")
        if rest in ("studied", "to scale"):
            return f"{first}s{space}{rest}"
        return self.noun + "s"


ITEM_KINDS: dict[int, ItemKind] = {
    3: ItemKind("sub-task", "Task", "When / how", "Done"),
    4: ItemKind("backup plan", "Backup income", "How much it pays, for how long", None),
    5: ItemKind("marketer studied", "Marketer", "What I learned", None),
    6: ItemKind("group", "Group", "Where, and what I got from it", "Joined"),
    7: ItemKind("mentor candidate", "Candidate", "Why them", "Asked"),
    8: ItemKind("stream to scale", "Stream", "What I will measure", None),
}


@dataclass(frozen=True)
class StepItem:
    """One thing a step produced. ``stream_id`` links step 8's items to the ledger."""

    id: int
    step: int
    text: str
    detail: str
    done: bool
    added_on: date
    stream_id: int | None = None
    done_on: date | None = field(default=None, compare=False)
    """The day the box was ticked (None when unticked, or ticked before the day was kept).

    Filled in by the store when the box is ticked; not compared, as a form's item and the
    stored one should be equal."""
    extra: dict[str, str] = field(default_factory=dict, hash=False)
    """What steps 5 to 8 record besides the text (:mod:`tenfold.domain.step_entries`): an entry offer,
    a pitch's dates, an experiment's baseline. Left out of the file when empty."""
    due_on: date | None = None
    """Step 3: the day a sub-task is due (None: no date). Left out of the file when unset, so an
    item written before due dates existed reads as having none."""

    def overdue(self, today: date) -> bool:
        """Unticked and due before ``today``."""
        return not self.done and self.due_on is not None and self.due_on < today

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file."""
        doc: dict[str, Any] = {
            "step": self.step,
            "text": self.text,
            "detail": self.detail,
            "done": self.done,
            "added_on": self.added_on.isoformat(),
            "stream_id": self.stream_id,
            "done_on": None if self.done_on is None else self.done_on.isoformat(),
        }
        if self.extra:
            doc["extra"] = dict(self.extra)
        if self.due_on is not None:
            doc["due_on"] = self.due_on.isoformat()
        return doc

    @classmethod
    def from_store(cls, doc_id: int, doc: dict[str, Any]) -> StepItem:
        """Build from the data file; raises on a bad shape."""
        step, text, detail, done, stream_id = doc["step"], doc["text"], doc["detail"], doc["done"], doc["stream_id"]
        if step not in ITEM_KINDS:
            raise ValueError(f"step {step!r} holds no items")
        if not isinstance(text, str) or not isinstance(detail, str) or not isinstance(done, bool):
            raise TypeError("a step item needs text, detail and a yes/no")
        if stream_id is not None and (not isinstance(stream_id, int) or isinstance(stream_id, bool)):
            raise TypeError("a step item's stream must be an id")
        extra = doc.get("extra", {})
        if not isinstance(extra, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in extra.items()):
            raise TypeError("a step item's entries must be text")
        done_on = optional_date_from_store(doc.get("done_on")) if done else None
        return cls(doc_id, step, text, detail, done, date_from_store(doc["added_on"]), stream_id, done_on,
                   extra=dict(extra), due_on=optional_date_from_store(doc.get("due_on")))


def parse_step_item(
    *, step: int, text: str, detail: str, done: bool, added_on: date, item_id: int = 0, stream_id: int | None = None,
    extra: dict[str, str] | None = None, due: str = "",
) -> StepItem:
    """Validate an item form: the text is required, one line; the detail may be longer.

    ``due`` (step 3's sub-tasks) is blank for no date, else an ISO date; a date in the
    past is accepted (a task planned for last week and not done is overdue, not wrong).
    """
    if step not in ITEM_KINDS:
        raise ValueError(f"step {step} holds no items")
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    for name, raw, required in (("text", text, stream_id is None), ("detail", detail, False)):
        try:
            clean[name] = clean_text(raw, name, required=required, single_line=name == "text").strip()
            if name == "text" and len(clean[name]) > 120:
                raise FieldError(name, "Keep it under 120 characters; put the rest in the detail")
        except FieldError as exc:
            errors[name] = exc.message
    due_on = None
    if due.strip():
        try:
            due_on = parse_date(due, "due")
        except FieldError as exc:
            errors["due"] = exc.message
    if errors:
        raise FormErrors(errors)
    return StepItem(item_id, step, clean["text"], clean["detail"], done, added_on, stream_id, extra=dict(extra or {}),
                    due_on=due_on)


MAX_SAVINGS_MONTHS = Decimal(1200)
"""A hundred years: anything above is a typo, not a plan."""


SAVINGS_MONTHS = DecimalKind(
    1, MAX_SAVINGS_MONTHS, "'{typed}' is not a number of months; type e.g. 6 or 4.5",
    "Use a dot for part of a month, e.g. 4.5", "'{typed}' is not a number of months; type e.g. 6 or 4.5",
    "Use at most one decimal, e.g. 4.5", "At most 1,200 months (a hundred years)",
)


def parse_savings_months(text: str) -> Decimal | None:
    """Step 4's "how many months would savings last": a number such as ``6`` or ``4.5``; blank clears it."""
    if not text.strip():
        return None
    return parse_decimal(text, "savings_months", SAVINGS_MONTHS)
