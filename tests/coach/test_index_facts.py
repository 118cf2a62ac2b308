"""The today card's checks from the monthly totals: the plain pass's answer, without waiting for the payments."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from oracles import year_facts
from storekit import fixed

from tenfold.coach.facts import PaymentFacts, index_facts
from tenfold.coach.nudges import all_nudges
from tenfold.domain.goal import COUNTED_PASSIVE, COUNTED_WITH_PORTFOLIO
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.streams import Stream
from tenfold.figures.evidence import gather
from tenfold.store.store import Store
from tenfold.tui.screens.today import gather_today

TODAY = date(2026, 11, 21)
STREAMS = [Stream(1, "Books", "ebook", "passive", "EUR"), Stream(2, "Course", "course", "passive", "USD"),
           Stream(3, "Consulting", "business", "active", "EUR"), Stream(4, "Shop", "other", "passive", "EUR"),
           Stream(5, "Shares", "dividends", "portfolio", "EUR"),
           Stream(6, "Store", "software", "passive", "EUR", customers="platform")]
CUSTOMERS = ["", "", "Acme", "acme ", "Bolt", "Zed"]
CURRENCIES = ["", "", "", "GBP"]


def random_payments(rng: random.Random, count: int) -> list[Payment]:
    return [Payment(n + 1, rng.choice(STREAMS).id, TODAY - timedelta(days=rng.randrange(-45, 800)),
                    Decimal(rng.randrange(1, 300_000)) / 100, "", rng.choice(CUSTOMERS),
                    currency=rng.choice(CURRENCIES)) for n in range(count)]


def newest_first(payments: list[Payment]) -> list[Payment]:
    return sorted(payments, key=lambda p: (p.on, p.id), reverse=True)


@pytest.mark.parametrize("seed", range(6))
def test_the_index_gives_the_plain_passes_facts(seed: int) -> None:
    rng = random.Random(seed)
    payments = random_payments(rng, rng.choice([0, 1, 30, 600]))
    index = MonthlyIndex.build(payments)
    for today in (TODAY, date(2026, 1, 1), date(2025, 12, 31), date(2027, 3, 15)):
        for kinds in (COUNTED_PASSIVE, COUNTED_WITH_PORTFOLIO):
            assert index_facts(index, newest_first(payments), STREAMS, today, kinds) == year_facts(
                payments, STREAMS, today, kinds)


def test_customers_counted_from_the_newest_payments_only_ever_come_out_lower() -> None:
    """Before every payment is read, a customer's share may be missed, never made up."""
    rng = random.Random(11)
    payments = random_payments(rng, 900)
    index = MonthlyIndex.build(payments)
    ordered = newest_first(payments)
    full = index_facts(index, ordered, STREAMS, TODAY)
    some = index_facts(index, ordered[:100], STREAMS, TODAY)
    assert some.last_paid == full.last_paid
    assert full.customers  # the test has named customers to miss
    for key, (_name, total) in some.customers.items():
        assert total <= full.customers[key][1]
    evidence = gather(index, STREAMS, TODAY)

    def keys(facts: PaymentFacts) -> set[str]:
        found = all_nudges(goal=None, passive=Decimal(0), streams=STREAMS, facts=facts, evidence=evidence, steps=[],
                           backup_items=0, today=TODAY)
        return {n.key for n in found}

    assert keys(some) <= keys(full)


def test_the_card_is_gathered_without_reading_the_payments(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    rng = random.Random(3)
    with Store.open(db, today=fixed(TODAY)) as store:
        ids = [store.add_stream(Stream(0, s.name, s.category, s.kind, s.currency)).id for s in STREAMS]
        store.add_payments([Payment(0, rng.choice(ids), TODAY - timedelta(days=rng.randrange(500)),
                                    Decimal(rng.randrange(1, 9999)) / 100, "") for _ in range(3000)])
    with Store.open(db, read_only=True, today=fixed(TODAY), defer_payments=True) as store:
        assert not store.payments_ready
        early = gather_today(store)
        assert not store.payments_ready  # the card did not wait for them
        store.wait_for_payments()
        assert gather_today(store) == early  # no named customers: the same card once they are read
        facts = index_facts(store.monthly_index(), store.payments(), store.streams(), TODAY)
        assert facts == year_facts(store.payments(), store.streams(), TODAY)
