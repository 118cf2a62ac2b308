"""The honest checks: each rule over fixed dates, firing and not firing, with hand-checked figures."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal

import pytest

from tenfold.coach.facts import payment_facts, year_start
from tenfold.coach.nudges import (
    Nudge,
    active,
    all_nudges,
    backup_nudge,
    concentration_nudges,
    goal_nudges,
    quiet_nudges,
    upkeep_nudges,
)
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.figures.evidence import StreamEvidence, gather

TODAY = date(2026, 11, 21)
GOAL = Goal("Ebooks pay the rent", Decimal("1500"), "EUR", date(2027, 12, 31), date(2026, 1, 2))
D = Decimal


def stream(sid: int, name: str = "", *, kind: str = "passive", currency: str = "EUR", cadence: str = "irregular",
           upkeep: str = "0", customers: str = "each") -> Stream:
    return Stream(sid, name or f"Stream {sid}", "ebook", kind, currency, cadence, upkeep_hours=D(upkeep),
                  customers=customers)


def pay(pid: int, sid: int, on: date, amount: str, customer: str = "") -> Payment:
    return Payment(pid, sid, on, D(amount), "", customer)


def newest_first(*payments: Payment) -> list[Payment]:
    return sorted(payments, key=lambda p: (p.on, p.id), reverse=True)


def best(this: str = "0", last: str = "0", currency: str = "EUR") -> Decimal:
    """The month the backup rule compares with the EUR goal: the better of this and last month."""
    if currency != "EUR":
        return D(0)
    return max(D(this), D(last))


def keys(nudges: list[Nudge]) -> list[str]:
    return [n.key for n in nudges]


# ----- the goal ------------------------------------------------------------------------


def test_no_goal_fires_and_says_how_to_write_one() -> None:
    [nudge] = goal_nudges(None, TODAY)
    assert nudge.key == "no-goal"
    assert "Press w" in nudge.why


def test_a_goal_with_an_amount_and_a_future_deadline_is_fine() -> None:
    assert goal_nudges(GOAL, TODAY) == []


def test_a_goal_without_an_amount_fires() -> None:
    goal = Goal("Someday", D(0), "EUR", date(2027, 1, 1), TODAY)
    assert keys(goal_nudges(goal, TODAY)) == ["goal-amount"]


def test_a_deadline_passes_the_day_after_it_not_on_it() -> None:
    goal = Goal("Soon", D(100), "EUR", TODAY, date(2026, 1, 1))
    assert goal_nudges(goal, TODAY) == []
    [nudge] = goal_nudges(goal, TODAY + timedelta(days=1))
    assert nudge.key == "goal-deadline:2026-11-21"
    assert nudge.text == "Your goal's deadline, 2026-11-21, has passed"


# ----- the backup plan -------------------------------------------------------------------

UNTICKED = [StepState(n) for n in range(1, 9)]


def test_no_backup_plan_fires_while_passive_income_is_short_of_the_goal() -> None:
    assert keys(backup_nudge(GOAL, best("100", "200"), UNTICKED, 0)) == ["backup"]
    assert keys(backup_nudge(GOAL, D(0), UNTICKED, 0)) == ["backup"]
    assert keys(backup_nudge(GOAL, best("1499.99", "1499.99"), UNTICKED, 0)) == ["backup"]


def test_income_in_another_currency_does_not_cover_the_goal() -> None:
    assert keys(backup_nudge(GOAL, best("5000", "5000", "USD"), UNTICKED, 0)) == ["backup"]


def test_a_backup_item_or_months_of_savings_on_step_4_is_a_plan() -> None:
    assert backup_nudge(GOAL, best("100"), UNTICKED, 1) == []
    with_savings = [*UNTICKED[:3], StepState(4, savings_months=D(6)), *UNTICKED[4:]]
    assert backup_nudge(GOAL, best("100"), with_savings, 0) == []
    savings_on_step_3 = [*UNTICKED[:2], StepState(3, savings_months=D(6)), *UNTICKED[3:]]
    assert keys(backup_nudge(GOAL, best("100"), savings_on_step_3, 0)) == ["backup"]


def test_no_backup_nudge_once_this_or_last_month_covered_the_goal_or_without_a_goal() -> None:
    assert backup_nudge(GOAL, best("1500", "0"), UNTICKED, 0) == []
    assert backup_nudge(GOAL, best("0", "1500.01"), UNTICKED, 0) == []
    assert backup_nudge(None, D(0), UNTICKED, 0) == []


# ----- one pass over the payments ------------------------------------------------------------


def test_the_window_is_the_12_complete_months_before_this_one() -> None:
    assert year_start(TODAY) == date(2025, 11, 1)
    assert year_start(date(2028, 2, 29)) == date(2027, 2, 1)


def test_facts_find_each_last_payment_and_sum_customers_of_streams_sold_one_by_one() -> None:
    streams = [stream(1), stream(2, kind="active"), stream(3), stream(4, customers="platform")]
    payments = newest_first(
        pay(1, 1, date(2026, 12, 1), "999", "Acme"),  # after today: last payment only
        pay(2, 1, TODAY, "10.50", "Acme"),  # the running month: not complete, not counted
        pay(3, 1, date(2026, 10, 31), "4.50", "ACME "),
        pay(4, 1, date(2025, 11, 1), "1.00", "Acme"),  # first day of the window
        pay(5, 1, date(2025, 10, 31), "1000", "Acme"),  # the day before it: outside
        pay(6, 2, date(2026, 6, 1), "3000", "Employer"),  # active: no customer total
        pay(7, 3, date(2026, 1, 1), "7"),  # no customer named
        pay(8, 4, date(2026, 2, 1), "70", "Gumroad"),  # a platform is a channel, not a customer
    )
    facts = payment_facts(payments, streams, TODAY)
    assert facts.last_paid == {1: date(2026, 12, 1), 2: date(2026, 6, 1), 3: date(2026, 1, 1), 4: date(2026, 2, 1)}
    assert facts.customers == {("EUR", "acme"): ("ACME", D("5.50"))}


class Counted:
    """An iterable that counts how many payments were read from it."""

    def __init__(self, payments: list[Payment]) -> None:
        self.payments, self.read = payments, 0

    def __iter__(self) -> Iterator[Payment]:
        for p in self.payments:
            self.read += 1
            yield p


def test_the_pass_stops_after_the_year_once_every_stream_has_a_last_payment() -> None:
    old = [pay(10 + i, 1 + i % 2, date(2020, 1, 1) - timedelta(days=i), "1") for i in range(1000)]
    payments = Counted([pay(1, 1, TODAY, "5"), pay(2, 2, date(2026, 1, 1), "5"), *old])
    payment_facts(payments, [stream(1), stream(2)], TODAY)
    assert payments.read == 3
    never_paid = Counted(payments.payments)
    facts = payment_facts(never_paid, [stream(1), stream(2), stream(3)], TODAY)
    assert never_paid.read == 1002  # stream 3 has no payment: every one is read, once
    assert 3 not in facts.last_paid


def test_facts_over_100000_payments_take_well_under_a_second() -> None:
    start = date(2016, 11, 22)
    payments = newest_first(*(pay(i, 1 + i % 200, start + timedelta(days=i % 3650), "12.34") for i in range(100_000)))
    streams = [stream(i) for i in range(1, 202)]  # stream 201 was never paid: the worst case
    began = time.perf_counter()
    facts = payment_facts(payments, streams, TODAY)
    assert time.perf_counter() - began < 0.5
    assert len(facts.last_paid) == 200


# ----- one stream or one customer ----------------------------------------------------------------


MONTHS = [(2026, 8), (2026, 9), (2026, 10)]


def evidence(by_stream: dict[int, str], months: list[tuple[int, int]] = MONTHS,
             payments: int = 3) -> dict[int, StreamEvidence]:
    """Each stream's income spread evenly over ``months``, ``payments`` payments each."""
    return {sid: StreamEvidence(tuple(months), {m: D(total) / len(months) for m in months}, payments)
            for sid, total in by_stream.items()}


def customers(named: dict[tuple[str, str], tuple[str, str]]) -> dict[tuple[str, str], tuple[str, Decimal]]:
    return {k: (n, D(v)) for k, (n, v) in named.items()}


def test_one_stream_bringing_more_than_60_percent_fires() -> None:
    streams = [stream(1, "Ebooks"), stream(2, "Ads")]
    [nudge] = concentration_nudges(streams, evidence({1: "700", 2: "300"}), {}, to="EUR")
    assert nudge.key == "concentration:stream:1"
    assert nudge.text == "Ebooks brought 70% of your passive income over the last 12 complete months"


def test_exactly_60_percent_or_no_income_does_not_fire() -> None:
    streams = [stream(1), stream(2)]
    assert concentration_nudges(streams, evidence({1: "1200", 2: "800"}), {}, to="EUR") == []
    assert concentration_nudges(streams, {}, {}, to="EUR") == []


def test_concentration_waits_for_enough_payments_and_months() -> None:
    """One new stream with one month of sales, or five payments in all, is not yet evidence."""
    streams = [stream(1, "Course"), stream(2, "Book")]
    assert concentration_nudges(streams, evidence({1: "900", 2: "100"}, payments=2), {}, to="EUR") == []
    assert concentration_nudges(streams, evidence({1: "900", 2: "100"}, months=[(2026, 10)], payments=9), {},
                                to="EUR") == []
    assert keys(concentration_nudges(streams, evidence({1: "900", 2: "100"}), {}, to="EUR")) == [
        "concentration:stream:1"]


def test_active_streams_do_not_count_and_portfolio_counts_when_the_goal_says_so() -> None:
    streams = [stream(1), stream(2), stream(3, kind="active"), stream(4, kind="portfolio")]
    found = evidence({1: "500", 2: "500", 3: "9000", 4: "10000"})
    assert concentration_nudges(streams, found, {}, to="EUR") == []
    assert keys(concentration_nudges(streams, found, {}, to="EUR", kinds=frozenset({"passive", "portfolio"}))) == [
        "concentration:stream:4"]


def test_one_named_customer_paying_most_of_it_fires() -> None:
    streams = [stream(1), stream(2), stream(3)]
    by_stream = evidence({1: "1200", 2: "900", 3: "900"})
    found = concentration_nudges(streams, by_stream, customers({("EUR", "acme"): ("Acme", "1830")}), to="EUR")
    assert keys(found) == ["concentration:customer:acme"]
    assert found[0].text == "Acme paid 61% of your passive income over the last 12 complete months"
    assert concentration_nudges(streams, by_stream, customers({("EUR", "acme"): ("Acme", "1800")}), to="EUR") == []


# ----- upkeep ------------------------------------------------------------------------------------


def test_a_passive_stream_with_more_than_20_hours_of_upkeep_fires_with_its_hourly_figure() -> None:
    [nudge] = upkeep_nudges([stream(12, "Drop shop", upkeep="21")], evidence({12: "300"}))
    assert nudge.key == "upkeep:stream:12"
    # 300 over its 3 complete months is 100 a month; 100 / 21 hours = 4.76 an hour.
    assert nudge.text == ("Drop shop takes 21 hours a month and earns about 100.00 EUR (4.76 EUR an hour, "
                          "over its last complete 3 months)")
    assert "More than 20 hours" in nudge.why


def test_a_stream_begun_this_month_is_too_new_for_an_hourly_figure() -> None:
    [nudge] = upkeep_nudges([stream(12, "Course", upkeep="30")], evidence({12: "0"}, months=[]))
    assert "too new to say what it earns an hour" in nudge.text


def test_20_hours_or_an_active_stream_does_not_fire() -> None:
    streams = [stream(1, upkeep="20"), stream(2, kind="active", upkeep="160"), stream(3, kind="portfolio", upkeep="30")]
    assert upkeep_nudges(streams, {}) == []


# ----- quiet streams -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cadence", "last", "fires"),
    [
        ("monthly", date(2026, 9, 21), False),  # two months ago to the day: not yet
        ("monthly", date(2026, 9, 20), True),
        ("quarterly", date(2026, 5, 21), False),
        ("quarterly", date(2026, 5, 20), True),
        ("yearly", date(2024, 11, 21), False),
        ("yearly", date(2024, 11, 20), True),
        ("irregular", date(2026, 8, 23), False),  # 90 days ago
        ("irregular", date(2026, 8, 22), True),  # 91 days ago
    ],
)
def test_quiet_after_twice_the_cadence_or_90_days(cadence: str, last: date, fires: bool) -> None:
    found = quiet_nudges([stream(3, "Course", cadence=cadence)], {3: last}, TODAY)
    assert keys(found) == ([f"quiet:stream:3:{last.isoformat()}"] if fires else [])


def test_a_quiet_nudge_says_how_long_and_a_never_paid_stream_is_left_alone() -> None:
    [nudge] = quiet_nudges([stream(3, "Course", cadence="monthly"), stream(4)], {3: date(2026, 9, 20)}, TODAY)
    assert nudge.text == "No payment from Course for 62 days (last 2026-09-20)"
    assert "two months" in nudge.why


# ----- all together ---------------------------------------------------------------------------------


def test_all_nudges_put_the_goal_first_and_dismissed_ones_are_gone() -> None:
    streams = [stream(1, "Shop", upkeep="40", cadence="monthly")]
    payments = newest_first(*(pay(n, 1, date(2026, 6 + n % 3, n), "50") for n in range(1, 7)))
    found = all_nudges(
        goal=None, passive=D(0), streams=streams, facts=payment_facts(payments, streams, TODAY),
        evidence=gather(MonthlyIndex.build(payments), streams, TODAY), steps=UNTICKED, backup_items=0, today=TODAY,
    )
    assert keys(found) == ["no-goal", "concentration:stream:1", "upkeep:stream:1", "quiet:stream:1:2026-08-05"]
    assert keys(active(found, {"upkeep:stream:1": TODAY, "other": TODAY})) == [
        "no-goal", "concentration:stream:1", "quiet:stream:1:2026-08-05"
    ]
    assert active(found, []) == found


def test_a_healthy_ledger_has_no_nudges() -> None:
    streams = [stream(1, cadence="monthly"), stream(2, cadence="monthly")]
    payments = newest_first(pay(1, 1, date(2026, 11, 1), "500", "Acme"), pay(2, 2, date(2026, 11, 2), "500", "Bob"))
    steps = [*UNTICKED[:3], StepState(4, savings_months=D(9)), *UNTICKED[4:]]
    assert all_nudges(
        goal=GOAL, passive=D(1000), streams=streams, facts=payment_facts(payments, streams, TODAY),
        evidence=gather(MonthlyIndex.build(payments), streams, TODAY), steps=steps, backup_items=0, today=TODAY,
    ) == []
