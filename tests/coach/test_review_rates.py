"""The review counts other currencies toward the goal as the goal pane does (QA finding)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tenfold.coach.periods import week_period
from tenfold.coach.review import review
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.store.store import Store

END = date(2026, 11, 21)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """87.25 EUR and 100.00 USD of passive income in November; 1 USD = 0.92 EUR since October."""
    with Store.open(tmp_path / "t.json", today=lambda: END) as s:
        s.set_goal(Goal("Royalties", Decimal("1500.00"), "EUR", date(2027, 12, 31), END))
        books = s.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR"))
        templates = s.add_stream(Stream(0, "Templates", "other", "passive", "USD"))
        s.add_payment(Payment(0, books.id, date(2026, 11, 3), Decimal("87.25"), "Nov"))
        s.add_payment(Payment(0, templates.id, date(2026, 11, 17), Decimal("100.00"), "Bundle"))
        s.add_rate(Rate(0, "USD", "EUR", Decimal("0.92"), date(2026, 10, 1)))
        yield s


def test_month_and_week_count_converted_income(store: Store) -> None:
    """87.25 + 100 x 0.92 = 179.25 EUR, 12% of 1,500 (11.95%); the week holds the USD payment: 92.00."""
    text = review(store, *week_period(END))
    assert "- November 2026 up to 2026-11-21: 179.25 EUR passive, 12% of the target\n" in text
    assert "- Passive income this week: 92.00 EUR\n" in text


def test_income_without_a_rate_is_named_not_added(store: Store) -> None:
    """Without the rate the USD stays apart, said so, and the share counts only the EUR (87.25 = 6%)."""
    store.delete_rate(store.rates()[0].id)
    text = review(store, *week_period(END))
    assert ("- November 2026 up to 2026-11-21: 87.25 EUR passive, 6% of the target "
            "(not counted, no rate to EUR: 100.00 USD)\n") in text
    assert "- Passive income this week: 0.00 EUR (not counted, no rate to EUR: 100.00 USD)\n" in text
