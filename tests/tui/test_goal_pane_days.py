"""The goal pane counts the days to the deadline in words that agree with the number."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.domain.goal import Goal
from tenfold.tui.widgets.goal_pane import render_goal


def test_the_goal_pane_says_one_day_left_on_the_eve_of_the_deadline() -> None:
    goal = Goal("Rent from the ebook", Decimal("500.00"), "EUR", date(2026, 12, 7), date(2026, 1, 1))
    assert "2026-12-07  (1 day left)" in render_goal(goal, None, date(2026, 12, 6)).plain
