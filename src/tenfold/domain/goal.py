"""The written goal: a passive income per month, by a date, in the user's words.

Writing the goal down is the first act of the method, so the goal is the first
thing the app asks for and the yardstick the ledger is measured against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from tenfold.domain.dates import optional_date_from_store, parse_date
from tenfold.domain.errors import FormErrors, collect
from tenfold.domain.money import decimal_from_store, parse_amount, parse_currency
from tenfold.domain.text import clean_text


@dataclass(frozen=True)
class Goal:
    """A written goal. ``amount`` is per month, in ``currency``."""

    text: str
    amount: Decimal
    currency: str
    deadline: date
    written_on: date

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file (money as a string, dates ISO)."""
        return {
            "text": self.text,
            "amount": str(self.amount),
            "currency": self.currency,
            "deadline": self.deadline.isoformat(),
            "written_on": self.written_on.isoformat(),
        }

    @classmethod
    def from_store(cls, doc: dict[str, Any]) -> Goal:
        """Build from the data file; raises ValueError/KeyError/TypeError on bad shape."""
        deadline = optional_date_from_store(doc["deadline"])
        written = optional_date_from_store(doc["written_on"])
        if deadline is None or written is None:
            raise ValueError("goal dates are missing")
        text = doc["text"]
        if not isinstance(text, str) or not isinstance(doc["currency"], str):
            raise TypeError("goal text and currency must be strings")
        return cls(text, decimal_from_store(doc["amount"]), doc["currency"], deadline, written)


@dataclass(frozen=True)
class GoalVersion:
    """An earlier written goal and the day it was rewritten: how the goal changed over time."""

    id: int
    goal: Goal
    replaced_on: date

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file."""
        return {**self.goal.to_store(), "replaced_on": self.replaced_on.isoformat()}

    @classmethod
    def from_store(cls, doc_id: int, doc: dict[str, Any]) -> GoalVersion:
        """Build from the data file; raises on a bad shape."""
        replaced = optional_date_from_store(doc["replaced_on"])
        if replaced is None:
            raise ValueError("an earlier goal needs the date it was replaced")
        return cls(doc_id, Goal.from_store(doc), replaced)


def parse_goal(
    *, text: str, amount: str, currency: str, deadline: str, today: date
) -> Goal:
    """Validate the goal form; collects every field's problem in one FormErrors."""
    errors: dict[str, str] = {}
    goal_text = collect(errors, "text", lambda: clean_text(text, "text", required=True))
    goal_amount = collect(errors, "amount", lambda: parse_amount(amount, "amount"))
    goal_currency = collect(errors, "currency", lambda: parse_currency(currency, "currency"))
    goal_deadline = collect(errors, "deadline", lambda: parse_date(deadline, "deadline"))
    if goal_deadline is not None and goal_deadline <= today:
        errors["deadline"] = "Choose a date in the future: a goal needs time ahead of it"
    if errors or goal_text is None or goal_amount is None or goal_currency is None or goal_deadline is None:
        raise FormErrors(errors)
    return Goal(
        text=goal_text.strip(), amount=goal_amount, currency=goal_currency, deadline=goal_deadline, written_on=today
    )
