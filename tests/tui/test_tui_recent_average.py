"""In the running app, the goal pane and the today card agree on a young ledger's average and name its months."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Static
from tui_support import card, launched, open_store, screen_lines

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream


def seed(path: Path) -> None:
    """First payment in September; the app's day is 2026-11-21, so September and October are recorded."""
    with open_store(path) as store:
        store.set_goal(Goal("Ebooks pay the rent", Decimal("1000"), "EUR", date(2027, 12, 31), date(2026, 9, 1)))
        books = store.add_stream(Stream(0, "Ebook royalties", "ebook", "passive", "EUR", "monthly"))
        store.add_payment(Payment(0, books.id, date(2026, 9, 28), Decimal("110.00"), ""))
        store.add_payment(Payment(0, books.id, date(2026, 10, 28), Decimal("95.40"), ""))


async def test_the_pane_and_the_card_show_the_two_month_average_of_a_ledger_begun_in_september(
        tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed(db)
    async with launched(db) as t:
        goal = str(card(t).query_one("#today-goal", Static).content)
        assert "2-month average 102.70 EUR." in goal and "3-month" not in goal
        await t.press("escape")
        screen = "\n".join(screen_lines(t.app))
        assert "2-mo average" in screen and "102.70 EUR" in screen
        assert "3-mo average" not in screen and "68.47" not in screen
