"""Upkeep from logged hours, reach per month, step 8's measured experiments, on fixed dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.coach.facts import PaymentFacts
from tenfold.coach.nudges import payback_nudges, upkeep_nudges
from tenfold.domain.hours import HoursEntry
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.step_items import StepItem
from tenfold.domain.streams import Stream
from tenfold.figures.evidence import StreamEvidence
from tenfold.figures.experiments import measure
from tenfold.figures.measures import build_measures
from tenfold.figures.reach import reach_in, rung_of
from tenfold.figures.upkeep import logged_by_month, monthly_hours, upkeep_trend

D = Decimal
SHOP = Stream(1, "Shop", "business", "passive", "EUR", upkeep_hours=D("4"), idea_id=7, started_on=date(2026, 1, 1))
TODAY = date(2026, 7, 1)


def pay(pid: int, on: date, amount: str, customer: str = "", stream: Stream = SHOP) -> Payment:
    return Payment(pid, stream.id, on, D(amount), "", customer)


def hours(hid: int, on: date, spent: str) -> HoursEntry:
    return HoursEntry(hid, SHOP.id, on, D(spent))


PAYMENTS = [pay(i + 1, date(2026, m, 10), "120") for i, m in enumerate(range(1, 7))]


def test_income_per_hour_uses_the_estimate_until_hours_are_logged() -> None:
    trend = upkeep_trend(SHOP, MonthlyIndex.build(PAYMENTS), {}, TODAY)
    # 360 over 3 x 4 estimated hours = 30.00 an hour, both periods.
    assert (trend.recent.per_hour, trend.recent.source) == (D("30.00"), "estimate")
    assert trend.describe() == "30.00 EUR/h (estimate)"


def test_logged_hours_replace_the_estimate_from_the_first_logged_month_and_say_so() -> None:
    logged = logged_by_month([hours(1, date(2026, 5, 3), "10"), hours(2, date(2026, 5, 20), "2"),
                              hours(3, date(2026, 6, 1), "6")])
    trend = upkeep_trend(SHOP, MonthlyIndex.build(PAYMENTS), logged, TODAY)
    # Apr estimate 4 + May logged 12 + Jun logged 6 = 22 hours; 360 / 22 = 16.36 an hour.
    assert trend.recent.hours == D("22") and trend.recent.source == "logged + estimate"
    assert trend.recent.per_hour == D("16.36")
    assert trend.describe() == "16.36 EUR/h (logged + estimate), down from 30.00"
    # Hours a month as spent, over Apr-Jun: (4 + 12 + 6) / 3 = 7.33.
    assert monthly_hours([SHOP], logged, TODAY, {SHOP.id: SHOP.started_on}) == {SHOP.id: D("7.33")}


def test_the_active_in_disguise_check_uses_the_real_hours() -> None:
    year = [(2025, m) for m in range(7, 13)] + [(2026, m) for m in range(1, 7)]
    evidence = {SHOP.id: StreamEvidence(tuple(year), {m: D("120") for m in year}, 12)}
    assert upkeep_nudges([SHOP], evidence) == []  # the estimate: 4 hours
    fired = upkeep_nudges([SHOP], evidence, {SHOP.id: D("30")})
    assert [n.key for n in fired] == ["upkeep:stream:1"]
    assert fired[0].text == ("Shop took 30 hours a month by the hours you logged and earns about 120.00 EUR "
                             "(4.00 EUR an hour, over its last complete 12 months)")
    new = upkeep_nudges([SHOP], {SHOP.id: StreamEvidence((), {}, 0)}, {SHOP.id: D("30")})
    assert new[0].text == ("Shop took 30 hours a month by the hours you logged, too new to say what it earns an "
                           "hour: no complete month yet"), "one sentence, no doubled brackets"


def test_reach_counts_distinct_named_customers_in_a_complete_month_beside_the_plan() -> None:
    idea = Idea(7, "bakers", "recipes", "", "", date(2025, 12, 1), rating=1_000)
    payments = [pay(1, date(2026, 6, 1), "10", "Anna"), pay(2, date(2026, 6, 2), "10", "anna "),
                *[pay(3 + i, date(2026, 6, 3), "10", f"Buyer {i}") for i in range(36)],
                pay(50, date(2026, 6, 4), "10"), pay(51, date(2026, 7, 1), "10", "Later")]
    reach = reach_in((2026, 6), [SHOP], payments, {7: idea})[SHOP.id]
    assert (reach.customers, reach.payments, reach.unnamed, reach.planned, reach.rung) == (37, 39, 1, 1_000, 10)
    assert reach.describe() == "planned 1k, reached 37 in 2026-06 (+1 payment without a name)"
    quiet = reach_in((2026, 5), [SHOP], payments, {})[SHOP.id]
    assert quiet.describe() == "no payments in 2026-05"
    royalty = reach_in((2026, 6), [SHOP], [pay(1, date(2026, 6, 30), "80")], {})[SHOP.id]
    assert royalty.describe() == "no customers named in 2026-06 (1 payment)"
    assert [rung_of(n) for n in (0, 1, 9, 10, 999, 1000, 2_000_000)] == [0, 1, 1, 10, 100, 1000, 1_000_000]


def test_an_experiment_takes_baseline_and_result_from_the_ledger_once_the_month_is_complete() -> None:
    payments = [pay(1, date(2026, 3, 5), "100", "A"), pay(2, date(2026, 5, 5), "50", "A"),
                pay(3, date(2026, 5, 6), "70", "B")]
    index = MonthlyIndex.build(payments)
    item = StepItem(1, 8, "Price up", "", False, date(2026, 4, 2), SHOP.id,
                    extra={"figure": "customers", "check_on": "2026-05-31"})
    measured = measure(item, SHOP, index, payments, {}, TODAY)
    assert (measured.baseline, measured.result, measured.from_ledger) == ("1 in 2026-03", "2 in 2026-05", True)
    income = StepItem(2, 8, "Price up", "", False, date(2026, 4, 2), SHOP.id,
                      extra={"figure": "income", "check_on": "2026-07-15", "baseline": "my own"})
    early = measure(income, SHOP, index, payments, {}, TODAY)
    assert early.baseline == "my own" and early.result == "due 2026-07-15 (measured once 2026-07 is complete)"
    free = StepItem(3, 8, "Ads", "", False, date(2026, 4, 2), None, extra={"figure": "clicks", "result": "+20%"})
    assert measure(free, None, index, payments, {}, TODAY).result == "+20%"


def test_measures_gather_everything_and_raise_a_far_payback_once() -> None:
    costly = Stream(2, "Course", "course", "passive", "EUR", upfront_money=D("5000"), started_on=date(2025, 1, 1))
    payments = [pay(i + 1, date(2025, m, 5), "50", stream=costly) for i, m in enumerate(range(1, 13))]
    m = build_measures(streams=[SHOP, costly], payments=payments, index=MonthlyIndex.build(payments), rates=[],
                       goal=None, freedom=None, hours=[], ideas={}, today=date(2026, 1, 2))
    assert m.freedom is None and list(m.paybacks) == [costly.id]
    nudges = payback_nudges(m.paybacks.values())
    assert [n.key for n in nudges] == ["payback:stream:2"]
    assert nudges[0].text == "After 12 months, Course has earned back 12% of what it cost up front: worth a review?"
    assert m.hours_a_month == {SHOP.id: D("4"), costly.id: D("0")}


def test_savings_written_with_the_bills_count_as_a_backup_plan() -> None:
    from tenfold.coach.nudges import all_nudges
    from tenfold.domain.freedom import Freedom
    from tenfold.domain.goal import Goal

    goal = Goal("free", D("2400"), "EUR", date(2028, 1, 1), date(2026, 1, 1))
    facts = PaymentFacts({}, {})

    def keys(freedom: Freedom | None) -> list[str]:
        m = build_measures(streams=[SHOP], payments=[], index=MonthlyIndex(), rates=[], goal=goal, freedom=freedom,
                           hours=[], ideas={}, today=TODAY)
        return [n.key for n in all_nudges(goal=goal, passive=D(0), streams=[SHOP], facts=facts, evidence={},
                                           steps=[], backup_items=0, today=TODAY, measures=m)]

    assert "backup" in keys(None)
    assert "backup" in keys(Freedom("EUR", D("2400")))
    assert "backup" not in keys(Freedom("EUR", D("2400"), D("9000")))


def test_reach_of_a_platform_or_a_tenant_is_shown_as_such_not_as_one_customer() -> None:
    """A platform passing on its buyers' money, or a tenant by design, is not "reached 1"."""
    book = Stream(2, "Book", "ebook", "passive", "EUR", customers="platform")
    flat = Stream(3, "Flat", "rental", "passive", "EUR", customers="one")
    payments = [pay(1, date(2026, 6, 1), "80", "Amazon KDP", stream=book),
                pay(2, date(2026, 6, 20), "12", "Amazon KDP", stream=book),
                pay(3, date(2026, 6, 1), "900", "Mrs Berg", stream=flat)]
    reach = reach_in((2026, 6), [book, flat], payments, {})
    assert reach[book.id].describe() == "through a platform: 2 payments in 2026-06 (its buyers are not seen)"
    assert reach[flat.id].describe() == "one repeat customer by design: 1 payment in 2026-06"
    assert reach[book.id].rung is None and reach[flat.id].rung is None  # not on the ladder: not counted
    assert reach_in((2026, 5), [book], payments, {})[book.id].describe() == "no payments in 2026-05"


def test_deliveries_sit_beside_customers_where_payments_give_units_and_refunds_add_none() -> None:
    """Units on the month's sales are its deliveries; a refund's units are not; without units, nothing changes."""
    book = Stream(2, "Book", "ebook", "passive", "EUR", customers="platform")
    sold = [Payment(1, book.id, date(2026, 6, 30), D("55.44"), "Amazon.com", units=12),
            Payment(2, book.id, date(2026, 6, 30), D("13.02"), "Amazon.co.uk", units=3),
            Payment(3, book.id, date(2026, 6, 30), D("4.00"), "no units given"),
            Payment(4, book.id, date(2026, 6, 12), D("-6.99"), "refund", refund=True, units=1),
            Payment(5, book.id, date(2026, 7, 1), D("9.00"), "next month", units=40)]
    reach = reach_in((2026, 6), [book, SHOP], sold, {})
    assert reach[book.id].deliveries == 15
    assert reach[book.id].describe() == (
        "through a platform: 3 payments in 2026-06 (its buyers are not seen; 15 delivered)")
    assert reach[SHOP.id].deliveries is None, "no payment of the stream gives units"
    named = [pay(1, date(2026, 6, 1), "10", "Anna"), pay(2, date(2026, 6, 2), "30", "Ben"),
             Payment(3, SHOP.id, date(2026, 6, 3), D("20"), "", "Cleo", units=2)]
    shop = reach_in((2026, 6), [SHOP], named, {})[SHOP.id]
    assert shop.describe() == "reached 3 in 2026-06 (2 delivered)", "only the payments that say so count"
    refunded = reach_in((2026, 6), [book], [sold[3]], {})[book.id]
    assert refunded.deliveries is None and "delivered" not in refunded.describe()


def test_fee_lines_and_refunds_are_not_payments_that_reach_anyone() -> None:
    """A statement that writes each fee as a line of its own (Etsy) and a refund: three sales reached three
    people, not seven payments; a refunded buyer's name is not a customer reached."""
    named = [pay(1, date(2026, 6, 1), "24", "Anna"), pay(2, date(2026, 6, 1), "-0.20", ""),
             pay(3, date(2026, 6, 1), "-1.56", ""), pay(4, date(2026, 6, 8), "30", "Ben"),
             pay(5, date(2026, 6, 8), "-1.95", ""), pay(6, date(2026, 6, 9), "12", ""),
             Payment(7, SHOP.id, date(2026, 6, 20), D("-30"), "", "Cleo", refund=True)]
    reach = reach_in((2026, 6), [SHOP], named, {})[SHOP.id]
    assert (reach.payments, reach.customers, reach.unnamed) == (3, 2, 1)
    assert reach.describe() == "reached 2 in 2026-06 (+1 payment without a name)"
