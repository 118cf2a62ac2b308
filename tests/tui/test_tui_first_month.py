"""A newcomer's first month in the app: what the panes say of a month the ledger does not cover."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Static
from tui_support import card, launched, open_store, running, screen_lines, seed_ledger

from tenfold.domain.freedom import Freedom
from tenfold.domain.ledger import Payment
from tenfold.tui.screens.report import ReportScreen
from tenfold.tui.screens.review_screen import ReviewScreen


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


async def test_the_report_of_a_ledger_begun_this_month_opens_on_this_month_so_far(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)  # the first payment on 2026-11-03; today is 2026-11-21
    async with running(db) as t:
        await t.press("3", "r")
        screen = t.app.screen
        assert isinstance(screen, ReportScreen) and screen.report is not None
        assert screen.report.period.months == ((2026, 11),), "October, before the ledger, is not a full month of it"
        assert screen.report.period.so_far
        assert screen.report.period.compare is None
        assert "Income report · month 2026-11 so far · in EUR" in "\n".join(screen_lines(t.app))
        await t.press("left")  # October can still be looked at, with nothing to compare it with
        assert screen.report.period.months == ((2026, 10),) and screen.report.period.compare is None
        await t.press("y")  # the year starts with the ledger's first month, not ten months of zeros
        assert screen.report.period.months == ((2026, 11),)
        assert "Income report · year 2026 so far (recorded from 2026-11) · in EUR" in "\n".join(
            screen_lines(t.app))


async def test_the_monthly_review_before_a_full_month_opens_on_this_month_so_far(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)  # the first payment on 2026-11-03; today is 2026-11-21
    async with running(db) as t:
        await t.run_command("Monthly review")
        screen = t.app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.text.startswith("# Monthly review · November 2026 (to 2026-11-21)\n"), screen.text
        await t.press("left")  # October, before the first record, says so
        assert "Nothing to look back on: your records begin on 2026-11-03" in screen.text


async def test_the_bills_of_a_ledger_begun_this_month_are_not_said_to_be_0_percent_paid(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)  # the first payment on 2026-11-03; today is 2026-11-21
    with open_store(db) as store:
        store.set_freedom(Freedom("EUR", Decimal("2000"), Decimal("6000")))
    async with launched(db) as t:
        bills = str(card(t).query_one("#today-goal", Static).content)
        assert "0% of 2,000.00 EUR covered" not in bills
        assert "The bills  2,000.00 EUR a month; last month not recorded: the ledger begins in 2026-11." in bills
        await t.press("escape")
        pane = "\n".join(screen_lines(t.app))
        assert "Bills        2,000.00 EUR a month · no full month yet" in pane, pane
        assert "0%" not in pane
