"""The brainstorm journal: who do I deliver value to, and how could it reach many?

Each entry answers the method's questions: who gets the value, what the value is,
how it could reach 10, 100 or 1,000,000 people, and how it would be delivered
without the user doing each delivery in person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tenfold.dates import date_from_store
from tenfold.errors import FieldError, FormErrors
from tenfold.text import clean_text

FIELDS = ("who", "value", "reach", "delivery")


@dataclass(frozen=True)
class Idea:
    """One brainstorm entry, dated the day it was written."""

    id: int
    who: str
    value: str
    reach: str
    delivery: str
    written_on: date

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file."""
        return {
            "who": self.who,
            "value": self.value,
            "reach": self.reach,
            "delivery": self.delivery,
            "written_on": self.written_on.isoformat(),
        }

    @classmethod
    def from_store(cls, doc_id: int, doc: dict[str, Any]) -> Idea:
        """Build from the data file; raises on a bad shape."""
        texts = [doc.get(f, "") for f in FIELDS]
        if not all(isinstance(t, str) for t in texts):
            raise TypeError("idea fields must be text")
        who, value, reach, delivery = texts
        return cls(doc_id, who, value, reach, delivery, date_from_store(doc["written_on"]))


def parse_idea(
    *, who: str, value: str, reach: str, delivery: str, written_on: date, idea_id: int = 0
) -> Idea:
    """Validate the idea form: who and value are required, the rest may come later."""
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    for name, raw in {"who": who, "value": value, "reach": reach, "delivery": delivery}.items():
        try:
            clean[name] = clean_text(raw, name, required=name in ("who", "value")).strip()
        except FieldError as exc:
            errors[name] = exc.message
    if errors:
        raise FormErrors(errors)
    return Idea(idea_id, clean["who"], clean["value"], clean["reach"], clean["delivery"], written_on)


def newest_first(ideas: list[Idea]) -> list[Idea]:
    """Ideas newest first; same-day entries by the order they were written."""
    return sorted(ideas, key=lambda i: (i.written_on, i.id), reverse=True)
