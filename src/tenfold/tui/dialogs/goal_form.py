"""The goal form: what passive income, how much per month, by when.

In a module of its own, apart from the other forms (:mod:`tenfold.tui.dialogs.forms`):
it is the form the today card's w opens, often the first key a new user presses, and
it does not wait for the stream, payment and idea forms' modules to load.
"""

from __future__ import annotations

from datetime import date

from tenfold.domain.goal import PORTFOLIO_CHOICES, Goal, parse_goal
from tenfold.tui.dialogs.form import FieldSpec, FormDialog


class GoalForm(FormDialog[Goal]):
    """Write the goal: in your words, how much per month, by when."""

    INTRO = "Write it down: what passive income, how much per month, by when. Be specific."
    FIELDS = (
        FieldSpec("text", "Your goal, in your words", "text", placeholder="e.g. Royalties from two ebooks…"),
        FieldSpec("amount", "Passive income per month", placeholder="e.g. 1500"),
        FieldSpec("currency", "Currency", placeholder="e.g. EUR"),
        FieldSpec("deadline", "By (YYYY-MM-DD)", placeholder="e.g. 2027-12-31"),
        FieldSpec("portfolio_counts", "Does portfolio income (dividends, interest) count?", "select",
                  PORTFOLIO_CHOICES, "no: passive streams only"),
    )

    def __init__(self, *args: object, today: date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.today = today

    def parse(self, values: dict[str, str]) -> Goal:
        """Validate with the domain's goal parser."""
        return parse_goal(today=self.today, **values)
