"""The written goal: a passive income per month, by a date, in the user's words.

Writing the goal down is the first act of the method, so the goal is the first
thing the app asks for and the yardstick the ledger is measured against.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from tenfold.domain.dates import optional_date_from_store, parse_date
from tenfold.domain.errors import FormErrors, collect
from tenfold.domain.money import decimal_from_store, parse_amount, parse_currency
from tenfold.domain.streams import Stream
from tenfold.domain.text import clean_text

COUNTED_PASSIVE = frozenset({"passive"})
COUNTED_WITH_PORTFOLIO = frozenset({"passive", "portfolio"})


PORTFOLIO_CHOICES: tuple[tuple[str, str], ...] = (
    ("no: passive streams only", "no"),
    ("yes: portfolio streams count too", "yes"),
)
"""The goal form's question about portfolio income: (what is shown, the value)."""


def counted_kinds(goal: Goal | None) -> frozenset[str]:
    """The kinds that count toward ``goal``; passive only without a goal."""
    return goal.counted_kinds if goal is not None else COUNTED_PASSIVE


def as_counted(streams: Iterable[Stream], goal: Goal | None) -> list[Stream]:
    """``streams`` as the goal counts them: when the goal counts portfolio income, a
    portfolio stream is counted as passive by every figure measured against the goal.

    One place decides it, so the goal pane, the status line, the review and the checks
    never disagree about what counts.
    """
    kinds = counted_kinds(goal)
    return [replace(s, kind="passive") if s.kind != "passive" and s.kind in kinds else s for s in streams]


@dataclass(frozen=True)
class Goal:
    """A written goal. ``amount`` is per month, in ``currency``."""

    text: str
    amount: Decimal
    currency: str
    deadline: date
    written_on: date
    portfolio_counts: bool = False
    """Whether portfolio income (dividends, interest) counts toward the goal, besides passive income.

    Off unless the user says so: the amount was written with passive income in mind,
    and counting dividends silently would move the figures under them.
    """

    @property
    def counted_kinds(self) -> frozenset[str]:
        """The kinds of stream whose income counts toward this goal."""
        return COUNTED_WITH_PORTFOLIO if self.portfolio_counts else COUNTED_PASSIVE

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file (money as a string, dates ISO)."""
        return {
            "text": self.text,
            "amount": str(self.amount),
            "currency": self.currency,
            "deadline": self.deadline.isoformat(),
            "written_on": self.written_on.isoformat(),
            "portfolio_counts": self.portfolio_counts,
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
        portfolio = doc.get("portfolio_counts", False)
        if not isinstance(portfolio, bool):
            raise TypeError("goal portfolio_counts must be true or false")
        return cls(text, decimal_from_store(doc["amount"]), doc["currency"], deadline, written, portfolio)


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
    *, text: str, amount: str, currency: str, deadline: str, today: date, portfolio_counts: bool | str = False
) -> Goal:
    """Validate the goal form; collects every field's problem in one FormErrors.

    ``portfolio_counts`` is a yes/no, or the form's text for it (``yes``/``no``, blank is no).
    """
    errors: dict[str, str] = {}
    portfolio = False
    if isinstance(portfolio_counts, bool):
        portfolio = portfolio_counts
    elif portfolio_counts.strip().lower() in ("yes", "y", "true", "on"):
        portfolio = True
    elif portfolio_counts.strip().lower() not in ("", "no", "n", "false", "off"):
        errors["portfolio_counts"] = "Answer yes or no"
    goal_text = collect(errors, "text", lambda: clean_text(text, "text", required=True))
    goal_amount = collect(errors, "amount", lambda: parse_amount(amount, "amount"))
    goal_currency = collect(errors, "currency", lambda: parse_currency(currency, "currency"))
    goal_deadline = collect(errors, "deadline", lambda: parse_date(deadline, "deadline"))
    if goal_deadline is not None and goal_deadline <= today:
        errors["deadline"] = "Choose a date in the future: a goal needs time ahead of it"
    if errors or goal_text is None or goal_amount is None or goal_currency is None or goal_deadline is None:
        raise FormErrors(errors)
    return Goal(
        text=goal_text.strip(), amount=goal_amount, currency=goal_currency, deadline=goal_deadline, written_on=today,
        portfolio_counts=portfolio,
    )
