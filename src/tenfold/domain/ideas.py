"""The brainstorm journal: who do I deliver value to, and how could it reach many?

Each entry answers the method's questions: who gets the value, what the value is,
how it could reach 10, 100 or 1,000,000 people, and how it would be delivered
without the user doing each delivery in person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any

from tenfold.domain.dates import date_from_store
from tenfold.domain.errors import FieldError, FormErrors
from tenfold.domain.text import ascii_number, clean_text

FIELDS = ("who", "value", "reach", "delivery")

_new_object = object.__new__
LADDER: tuple[int, ...] = (1, 10, 100, 1_000, 1_000_000)
"""The rungs of the reach ladder: how many people the same value could reach."""


def rung_label(people: int) -> str:
    """``1``, ``10``, ``100``, ``1k``, ``1M``: short enough for a table column."""
    return {1_000: "1k", 1_000_000: "1M"}.get(people, str(people))


@dataclass(frozen=True)
class Rung:
    """How the value would be delivered to ``people`` people, and whether that runs without the user."""

    people: int
    how: str
    automated: bool = False

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file."""
        return {"people": self.people, "how": self.how, "automated": self.automated}

    @classmethod
    def from_store(cls, doc: dict[str, Any]) -> Rung:
        """Build from the data file; raises on a bad shape."""
        people, how, automated = doc["people"], doc["how"], doc["automated"]
        if people not in LADDER or not isinstance(how, str) or not isinstance(automated, bool):
            raise ValueError(f"reach rung {doc!r} is not one of {LADDER} with text and a yes/no")
        return cls(people, how, automated)


@dataclass(frozen=True)
class Idea:
    """One brainstorm entry, dated the day it was written."""

    id: int
    who: str
    value: str
    reach: str
    delivery: str
    written_on: date
    rating: int = 0
    """The rung of the ladder the user rates this idea at (0 while unrated)."""
    ladder: tuple[Rung, ...] = ()
    """How delivery would work at each rung the user filled in, lowest first."""

    def rung(self, people: int) -> Rung | None:
        """The ladder's rung for ``people``, if the user described it."""
        return next((r for r in self.ladder if r.people == people), None)

    @property
    def passive_level(self) -> int:
        """How passive the delivery is: 0 nothing automated, 1 some rung automated, 2 automated at its rating."""
        top = self.rung(self.rating)
        if top is not None and top.automated:
            return 2
        return 1 if any(r.automated for r in self.ladder) else 0

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file."""
        return {
            "who": self.who,
            "value": self.value,
            "reach": self.reach,
            "delivery": self.delivery,
            "written_on": self.written_on.isoformat(),
            "rating": self.rating,
            "ladder": [r.to_store() for r in self.ladder],
        }

    @classmethod
    def from_store(cls, doc_id: int, doc: dict[str, Any]) -> Idea:
        """Build from the data file; raises on a bad shape."""
        get = doc.get
        who, value, reach, delivery = get("who", ""), get("value", ""), get("reach", ""), get("delivery", "")
        if not type(who) is type(value) is type(reach) is type(delivery) is str:
            raise TypeError("idea fields must be text")
        rating, ladder = doc["rating"], doc["ladder"]
        if rating != 0 and rating not in LADDER:
            raise ValueError(f"reach rating {rating!r} is not one of {LADDER}")
        if not isinstance(ladder, list):
            raise TypeError("the reach ladder must be a list")
        rungs: tuple[Rung, ...] = ()
        if ladder:
            rungs = tuple(sorted((Rung.from_store(r) for r in ladder), key=lambda r: r.people))
            if len({r.people for r in rungs}) != len(rungs):
                raise ValueError("the reach ladder has a rung twice")
        # Every field checked, the instance is filled as pickle does (see Payment.from_store):
        # 5,000 ideas load in ten years of data, before the first screen.
        idea = _new_object(cls)
        idea.__dict__.update(id=doc_id, who=who, value=value, reach=reach, delivery=delivery,
                             written_on=date_from_store(doc["written_on"]), rating=rating, ladder=rungs)
        return idea


def parse_rating(text: str) -> int:
    """A typed rung (``100``, ``1k``, ``1,000``, ``1M``); blank means unrated."""
    raw = text.strip().lower().replace(",", "").replace("_", "").replace(" ", "")
    if not raw:
        return 0
    value = {"1k": 1_000, "1m": 1_000_000, "1000000": 1_000_000}.get(raw)
    if value is None:
        value = ascii_number(raw)
    if value not in LADDER:
        raise FieldError("rating", "Choose a rung: 1, 10, 100, 1k or 1M people")
    return value


def parse_ladder(rungs: dict[int, tuple[str, bool]]) -> tuple[Rung, ...]:
    """The ladder from the form: one (how, automated) per rung; blank rungs are left out."""
    out: list[Rung] = []
    for people in LADDER:
        how, automated = rungs.get(people, ("", False))
        text = clean_text(how, f"rung_{people}", single_line=True).strip()
        if text or automated:
            if len(text) > 120:
                raise FieldError(f"rung_{people}", "Keep it under 120 characters")
            out.append(Rung(people, text, automated))
    return tuple(out)


def parse_idea(
    *,
    who: str,
    value: str,
    reach: str,
    delivery: str,
    written_on: date,
    idea_id: int = 0,
    rating: str = "",
    ladder: dict[int, tuple[str, bool]] | None = None,
) -> Idea:
    """Validate the idea form: who and value are required, the rest may come later."""
    errors: dict[str, str] = {}
    clean: dict[str, str] = {}
    for name, raw in {"who": who, "value": value, "reach": reach, "delivery": delivery}.items():
        try:
            clean[name] = clean_text(raw, name, required=name in ("who", "value")).strip()
        except FieldError as exc:
            errors[name] = exc.message
    level = 0
    try:
        level = parse_rating(rating)
    except FieldError as exc:
        errors[exc.field] = exc.message
    rungs: tuple[Rung, ...] = ()
    try:
        rungs = parse_ladder(ladder or {})
    except FieldError as exc:
        errors[exc.field] = exc.message
    if errors:
        raise FormErrors(errors)
    return Idea(
        idea_id, clean["who"], clean["value"], clean["reach"], clean["delivery"], written_on, level, rungs
    )


def newest_first(ideas: Iterable[Idea]) -> list[Idea]:
    """Ideas newest first; same-day entries by the order they were written (the later first).

    Two stable sorts on C-level keys give exactly the order of one sort by
    ``(written_on, id)``, without a Python call per idea: 5,000 of them are sorted
    before the first screen (a test compares the two orders).
    """
    ordered = sorted(ideas, key=attrgetter("id"), reverse=True)
    ordered.sort(key=attrgetter("written_on"), reverse=True)
    return ordered
