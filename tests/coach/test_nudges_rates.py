"""The concentration check counts converted currencies together (QA finding).

With 112.70 EUR from one stream and 100.00 USD from another, and 1 USD = 0.92 EUR,
the card said each stream "brought 100% of your passive income" in its own
currency, while the report said 55% / 45%.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tui_support import card, launched, open_store

from tenfold.coach.nudges import PaymentFacts, concentration_nudges
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment, Stream
from tenfold.domain.rates import Rate

TODAY = date(2026, 11, 21)
D = Decimal
USD_EUR = Rate(1, "USD", "EUR", D("0.92"), date(2026, 10, 1))
STREAMS = [Stream(1, "Ebook", "ebook", "passive", "EUR"), Stream(2, "Templates", "other", "passive", "USD")]


def facts(by_stream: dict[int, str], customers: dict[tuple[str, str], tuple[str, str]] | None = None) -> PaymentFacts:
    return PaymentFacts({}, {k: D(v) for k, v in by_stream.items()},
                        {k: (n, D(v)) for k, (n, v) in (customers or {}).items()})


def test_a_rate_puts_two_currencies_in_one_total() -> None:
    """112.70 EUR and 100 USD = 92.00 EUR: 55% and 45%, neither above 60%."""
    assert concentration_nudges(STREAMS, facts({1: "112.70", 2: "100"}), [USD_EUR], "EUR", TODAY) == []


def test_a_converted_stream_can_still_be_most_of_it() -> None:
    """1000 USD = 920.00 EUR of 1,020.00 EUR: 90%, said in the goal's currency."""
    [nudge] = concentration_nudges(STREAMS, facts({1: "100", 2: "1000"}), [USD_EUR], "EUR", TODAY)
    assert nudge.text == "Templates brought 90% of your passive income in EUR over 12 months"


def test_a_customer_paying_in_two_currencies_is_one_customer() -> None:
    """Acme: 50 EUR + 100 USD (92 EUR) = 142 of 212.70 EUR = 67%."""
    found = concentration_nudges(STREAMS, facts({1: "120.70", 2: "100"},
                                                {("EUR", "acme"): ("Acme", "50"), ("USD", "acme"): ("ACME", "100")}),
                                 [USD_EUR], "EUR", TODAY)
    assert [n.text for n in found] == ["Acme paid 67% of your passive income in EUR over 12 months"]


def test_without_a_rate_each_currency_stands_alone() -> None:
    texts = [n.text for n in concentration_nudges(STREAMS, facts({1: "112.70", 2: "100"}), [], "EUR", TODAY)]
    assert texts == ["Ebook brought 100% of your passive income in EUR over 12 months",
                     "Templates brought 100% of your passive income in USD over 12 months"]


async def test_the_today_card_uses_the_rates_in_the_file(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.set_goal(Goal("Royalties", D("1500"), "EUR", date(2027, 12, 31), TODAY))
        books = store.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR"))
        templates = store.add_stream(Stream(0, "Templates", "other", "passive", "USD"))
        store.add_payment(Payment(0, books.id, date(2026, 11, 5), D("112.70"), ""))
        store.add_payment(Payment(0, templates.id, date(2026, 11, 10), D("100.00"), ""))
        store.add_rate(USD_EUR)
    async with launched(db) as t:
        assert [k for k in card(t).nudge_keys() if k.startswith("concentration")] == []
