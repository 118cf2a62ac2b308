"""The three parts of every way of earning, rated on an idea or a stream.

Creation (something worth having), delivery (it reaches the person who wants it)
and payment (they pay for it). Each is rated 1 to 5 by the user (0: not rated
yet); the weakest rated part is named with one question that could strengthen
it. On a tie, delivery is named first: that is where active and passive income
differ most, so it is the part most worth working on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tenfold.domain.errors import FormErrors

PARTS: tuple[str, ...] = ("creation", "delivery", "payment")
TARGETS: tuple[str, ...] = ("idea", "stream")
TIE_ORDER: tuple[str, ...] = ("delivery", "creation", "payment")
"""Which part is named first when two rate equally low."""

LABELS: dict[str, str] = {
    "creation": "Value creation",
    "delivery": "Value delivery",
    "payment": "Payment",
}
QUESTIONS: dict[str, str] = {
    "creation": "What would make it clearly worth more to the person who gets it?",
    "delivery": "How could it reach the next ten times as many people without you delivering it in person?",
    "payment": "How could paying be easier, or happen again (a subscription, a bundle, a second product)?",
}
SCALE = "1 weak · 3 works · 5 strong"


@dataclass(frozen=True)
class PartsRating:
    """The user's ratings of the three parts of one idea or stream."""

    id: int
    target: str
    """``idea`` or ``stream``."""
    target_id: int
    creation: int = 0
    delivery: int = 0
    payment: int = 0

    def score(self, part: str) -> int:
        """One part's rating (0 while not rated)."""
        value: int = getattr(self, part)
        return value

    @property
    def weakest(self) -> str | None:
        """The lowest rated part (delivery first on a tie), or None before any part is rated."""
        rated = [p for p in TIE_ORDER if self.score(p) > 0]
        if not rated:
            return None
        return min(rated, key=lambda p: (self.score(p), TIE_ORDER.index(p)))

    def advice(self) -> str:
        """``Weakest: Value delivery (2/5). How could it reach ...?``, or how to start rating."""
        part = self.weakest
        if part is None:
            return f"Rate creation, delivery and payment ({SCALE}) to see which part to strengthen."
        return f"Weakest: {LABELS[part]} ({self.score(part)}/5). {QUESTIONS[part]}"

    def summary(self) -> str:
        """``creation 4 · delivery 2 · payment 3``; a dash for a part not rated."""
        return " · ".join(f"{p} {self.score(p) or '-'}" for p in PARTS)

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file."""
        return {"target": self.target, "target_id": self.target_id, "creation": self.creation,
                "delivery": self.delivery, "payment": self.payment}

    @classmethod
    def from_store(cls, doc_id: int, doc: dict[str, Any]) -> PartsRating:
        """Build from the data file; raises on a bad shape."""
        target, target_id = doc["target"], doc["target_id"]
        if target not in TARGETS or not isinstance(target_id, int) or isinstance(target_id, bool):
            raise ValueError(f"a rating is of an idea or a stream, not {target!r}")
        scores = [doc[p] for p in PARTS]
        if any(not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= 5 for v in scores):
            raise ValueError("each part is rated 0 to 5")
        return cls(doc_id, target, target_id, *scores)


def parse_parts(*, target: str, target_id: int, creation: str, delivery: str, payment: str,
                rating_id: int = 0) -> PartsRating:
    """Validate the three ratings: each blank (not rated) or a whole number from 1 to 5."""
    if target not in TARGETS:
        raise ValueError(f"a rating is of an idea or a stream, not {target!r}")
    errors: dict[str, str] = {}
    scores: dict[str, int] = {}
    for part, raw in (("creation", creation), ("delivery", delivery), ("payment", payment)):
        text = raw.strip()
        if not text:
            scores[part] = 0
        elif text.isascii() and text.isdigit() and 1 <= int(text) <= 5:
            scores[part] = int(text)
        else:
            errors[part] = f"Rate it 1 to 5 ({SCALE}), or leave it blank"
    if errors:
        raise FormErrors(errors)
    return PartsRating(rating_id, target, target_id, scores["creation"], scores["delivery"], scores["payment"])
