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

from tenfold.coach.facts import payment_facts
from tenfold.coach.nudges import concentration_nudges
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.figures.evidence import StreamEvidence, gather

TODAY = date(2026, 11, 21)
D = Decimal
USD_EUR = Rate(1, "USD", "EUR", D("0.92"), date(2026, 10, 1))
EARLY = Rate(2, "USD", "EUR", D("0.92"), date(2026, 1, 1))
"""The same rate, in effect for every month of the window."""
STREAMS = [Stream(1, "Ebook", "ebook", "passive", "EUR"), Stream(2, "Templates", "other", "passive", "USD")]


MONTHS = ((2026, 8), (2026, 9), (2026, 10))


def evidence(by_stream: dict[int, str]) -> dict[int, StreamEvidence]:
    """Each stream's income all in October, over three complete months of three payments each."""
    return {k: StreamEvidence(MONTHS, {m: (D(v) if m == (2026, 10) else D(0)) for m in MONTHS}, 3)
            for k, v in by_stream.items()}


def spread(by_stream: dict[int, str]) -> dict[int, StreamEvidence]:
    """Each stream's income spread over the three months (a third each)."""
    return {k: StreamEvidence(MONTHS, dict.fromkeys(MONTHS, D(v) / 3), 3) for k, v in by_stream.items()}


def test_a_rate_puts_two_currencies_in_one_total() -> None:
    """112.50 EUR and 100 USD = 92.00 EUR: 55% and 45%, neither above 60%."""
    assert concentration_nudges(STREAMS, spread({1: "112.50", 2: "99"}), {}, to="EUR", rates=[EARLY]) == []


def test_a_converted_stream_can_still_be_most_of_it() -> None:
    """999 USD = 919.08 EUR of 1,018.08 EUR: 90%, said as a share of all of it."""
    [nudge] = concentration_nudges(STREAMS, spread({1: "99", 2: "999"}), {}, to="EUR", rates=[EARLY])
    assert nudge.text == "Templates brought 90% of your passive income over the last 12 complete months"


def test_a_customer_paying_in_two_currencies_is_one_customer() -> None:
    """Acme: 50 EUR + 100 USD (92 EUR) = 142 of 212.70 EUR = 67%."""
    named = {("EUR", "acme"): ("Acme", D("50")), ("USD", "acme"): ("ACME", D("100"))}
    by_stream = {1: StreamEvidence(MONTHS, {(2026, 8): D("40"), (2026, 9): D("40"), (2026, 10): D("40.70")}, 3),
                 2: StreamEvidence(MONTHS, {(2026, 10): D("100")}, 3)}
    found = concentration_nudges(STREAMS, by_stream, named, to="EUR", rates=[USD_EUR])
    assert [n.text for n in found] == ["Acme paid 67% of your passive income over the last 12 complete months"]


def test_the_first_sale_in_a_second_currency_without_a_rate_is_left_out_not_100_percent() -> None:
    """Without a rate the USD income cannot be compared: it is left out, never "100% in USD"."""
    texts = [n.text for n in concentration_nudges(STREAMS, spread({1: "112.50", 2: "100"}), {}, to="EUR")]
    assert texts == ["Ebook brought 100% of your passive income over the last 12 complete months"]


def test_a_platform_or_a_tenant_is_not_a_customer_in_disguise(tmp_path: Path) -> None:
    """Gumroad passing on many buyers' money, a tenant paying rent: the customer check leaves them out."""
    streams = [Stream(1, "Course", "course", "passive", "EUR", customers="platform"),
               Stream(2, "Flat", "rental", "passive", "EUR", customers="one"),
               Stream(3, "Shop", "business", "passive", "EUR", customers="each")]
    payments = sorted(
        [Payment(n, 1, date(2026, 8 + n % 3, 10), D("70"), "", "Gumroad") for n in range(1, 7)]
        + [Payment(10 + n, 2, date(2026, 8 + n, 1), D("500"), "", "Tenant") for n in range(3)]
        + [Payment(20 + n, 3, date(2026, 8 + n, 2), D("10"), "", "Bob") for n in range(3)],
        key=lambda p: (p.on, p.id), reverse=True)
    facts = payment_facts(payments, streams, TODAY)
    assert set(facts.customers) == {("EUR", "bob")}
    found = concentration_nudges(streams, gather(MonthlyIndex.build(payments), streams, TODAY), facts.customers,
                                 to="EUR")
    assert [n.key for n in found] == ["concentration:stream:2"], "the rental is most of it: a stream, not a customer"


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
