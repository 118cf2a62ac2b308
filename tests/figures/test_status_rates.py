"""`tenfold status` counts other currencies through the rates, as the goal pane does (QA finding)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from cli_support import invoke

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.figures.status import goal_part
from tenfold.figures.totals import month_totals
from tenfold.store.store import Store

GOAL = Goal("Royalties", Decimal("1500.00"), "EUR", date(2027, 12, 31), date(2026, 11, 1))
BOOKS = Stream(1, "Ebook", "ebook", "passive", "EUR")
TEMPLATES = Stream(2, "Templates", "other", "passive", "USD")
PAYMENTS = [Payment(2, 2, date(2026, 11, 10), Decimal("100.00"), ""),
            Payment(1, 1, date(2026, 11, 3), Decimal("87.25"), "")]
USD_EUR = Rate(1, "USD", "EUR", Decimal("0.92"), date(2026, 10, 1))
TODAY = date(2026, 11, 21)
PASSIVE = month_totals(PAYMENTS, [BOOKS, TEMPLATES], 2026, 11, kind="passive")


def test_converted_income_counts_toward_the_goal() -> None:
    """87.25 + 100 x 0.92 = 179.25 EUR: 11.95%, shown as 12%."""
    assert goal_part(GOAL, PASSIVE, TODAY, [USD_EUR]) == (
        "Goal 179.25/1,500.00 EUR so far this month (12%)")


def test_without_a_rate_only_the_goal_currency_counts() -> None:
    assert goal_part(GOAL, PASSIVE, TODAY) == "Goal 87.25/1,500.00 EUR so far this month (6%)"


def test_a_goal_passed_many_times_over_keeps_its_thousands_separator() -> None:
    small = Goal("Royalties", Decimal("10.00"), "EUR", date(2027, 12, 31), date(2026, 11, 1))
    assert goal_part(small, {"EUR": Decimal("1234.56")}, TODAY) == (
        "Goal 1,234.56/10.00 EUR so far this month (12,346%)")


def test_the_command_uses_the_rates_in_the_file(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with Store.open(db, today=lambda: TODAY) as store:
        store.set_goal(GOAL)
        books = store.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR"))
        templates = store.add_stream(Stream(0, "Templates", "other", "passive", "USD"))
        store.add_payment(Payment(0, books.id, date(2026, 11, 3), Decimal("87.25"), ""))
        store.add_payment(Payment(0, templates.id, date(2026, 11, 10), Decimal("100.00"), ""))
        store.add_rate(Rate(0, "USD", "EUR", Decimal("0.92"), date(2026, 10, 1)))
    result = invoke(db, "status")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Goal 179.25/1,500.00 EUR so far this month (12%) · ")
