"""A newcomer's first month in the app: what the panes say of a month the ledger does not cover."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Static
from tui_support import open_store, running, seed_ledger

from tenfold.domain.ledger import Payment


async def summary_line(db: Path) -> str:
    """The ledger pane's totals line, once the app has read the payments."""
    async with running(db) as t:
        await t.press("3")
        return str(t.app.main_screen.query_one("#ledger-summary", Static).render())


async def test_a_ledger_begun_this_month_does_not_show_last_month_as_zero(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)  # the first payment on 2026-11-03; today is 2026-11-21
    line = await summary_line(db)
    assert "This month 42.50 EUR" in line
    assert "Last month not recorded" in line, line
    assert "Last month 0.00" not in line


async def test_a_month_without_income_after_the_ledger_began_is_a_zero(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books, _, _ = seed_ledger(db)
    with open_store(db) as store:
        store.add_payment(Payment(0, books.id, date(2026, 9, 30), Decimal("5.00"), "September"))
    line = await summary_line(db)
    assert "Last month 0.00" in line, line
