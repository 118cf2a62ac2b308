"""The goal pane counts the days to the deadline in words that agree with the number."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.domain.goal import Goal
from tenfold.tui.widgets.goal_pane import render_goal


def test_the_goal_pane_says_one_day_left_on_the_eve_of_the_deadline() -> None:
    goal = Goal("Rent from the ebook", Decimal("500.00"), "EUR", date(2026, 12, 7), date(2026, 1, 1))
    assert "2026-12-07  (1 day left)" in render_goal(goal, None, date(2026, 12, 6)).plain


def test_the_goal_pane_never_shows_100_percent_before_the_goal_is_reached() -> None:
    """999.60 of 1,000.00 is 99.96%: formatted to no decimals it read '100%', as if the goal were met."""
    from tenfold.domain.ledger import Payment
    from tenfold.domain.monthly import MonthlyIndex
    from tenfold.domain.streams import Stream
    from tenfold.figures.goal_figures import goal_figures

    goal = Goal("Rent", Decimal("1000.00"), "EUR", date(2027, 12, 31), date(2026, 1, 1))
    books = Stream(1, "Book", "ebook", "passive", "EUR")
    index = MonthlyIndex.build([Payment(1, 1, date(2026, 11, 10), Decimal("999.60"), "")])
    text = render_goal(goal, goal_figures(index, [books], [], goal, date(2026, 12, 6)), date(2026, 12, 6)).plain
    assert " 99%  999.60 EUR" in text and "100%" not in text
    big = MonthlyIndex.build([Payment(1, 1, date(2026, 11, 10), Decimal("209740.00"), "")])
    assert " 20,974%  " in render_goal(goal, goal_figures(big, [books], [], goal, date(2026, 12, 6)),
                                       date(2026, 12, 6)).plain
