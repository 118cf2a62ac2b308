"""Freedom (bills covered) and payback, checked by hand on fixed dates.

Each expected figure is worked out next to its assertion.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.domain.freedom import Freedom
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.figures.freedom import freedom_figures, savings_text, share_text, status_text, when_text
from tenfold.figures.payback import payback, paybacks

D = Decimal
EBOOK = Stream(1, "Ebook", "ebook", "passive", "EUR", upfront_money=D("300"), upfront_hours=D("20"),
               started_on=date(2026, 1, 10))
COURSE = Stream(2, "Course", "course", "passive", "USD", upfront_hours=D("10"), started_on=date(2026, 1, 1))
JOB = Stream(3, "Day job", "other", "active", "EUR")
RATES = [Rate(1, "USD", "EUR", D("0.90"), date(2025, 12, 1)), Rate(2, "USD", "EUR", D("0.80"), date(2026, 6, 1))]
BILLS = Freedom("EUR", D("2000"), D("9000"), D("30"))


def pay(pid: int, stream: Stream, on: date, amount: str) -> Payment:
    return Payment(pid, stream.id, on, D(amount), "")


def monthly(stream: Stream, amounts: dict[tuple[int, int], str], start: int = 1) -> list[Payment]:
    return [pay(start + i, stream, date(y, m, 15), a) for i, ((y, m), a) in enumerate(amounts.items())]


# ----- freedom -------------------------------------------------------------------------


def test_freedom_shares_savings_and_when_with_two_currencies() -> None:
    payments = [
        *monthly(EBOOK, {(2026, 1): "100", (2026, 2): "100", (2026, 3): "100",
                         (2026, 4): "200", (2026, 5): "200", (2026, 6): "400"}),
        *monthly(COURSE, {(2026, 6): "500"}, start=50),  # 500 USD at the June rate 0.80 = 400 EUR
        pay(60, JOB, date(2026, 6, 25), "3000"),  # active: never counts
        pay(61, EBOOK, date(2026, 7, 2), "999"),  # the running month: never measured
    ]
    goal = Goal("free", D("3000"), "EUR", date(2027, 12, 31), date(2026, 1, 1))
    f = freedom_figures(MonthlyIndex.build(payments), [EBOOK, COURSE, JOB], RATES, BILLS, goal, date(2026, 7, 1))
    assert f is not None
    # June: 400 EUR + 400 EUR = 800 of 2000 = 40%.
    assert f.last_month.month == (2026, 6) and f.last_month.amount == D("800.00")
    assert f.share_last == D("0.4000") and share_text(f.share_last) == "40%"
    # Apr-Jun: (200 + 200 + 800) / 3 = 400 = 20% of the bills.
    assert f.average == D("400.00") and f.share_average == D("0.2000")
    # Shortfall 2000 - 800 = 1200; 9000 / 1200 = 7.5 months.
    assert f.shortfall == D("1200.00") and f.savings_months == D("7.5")
    assert savings_text(f) == "Savings 9,000.00 EUR last 7.5 months at today's shortfall of 1,200.00 EUR."
    # Pace: (400 / 100) ** (1/3) - 1 = +58.74% a month; ln(2000/400) / ln(1.5874) = 3.48 -> 4 months after June.
    assert f.projection.status == "on_track" and f.projection.reach == (2026, 10)
    # The range: June's 800 as the level reaches 2,000 in 2 months; April's 200 in 5.
    assert when_text(f) == ("At +58.7% a month, passive income pays the bills around 2026-10 "
                            "(2026-08 to 2026-11; rests on 6 full months).")
    assert status_text(f) == "freedom 40%"


def test_no_month_for_the_bills_on_a_few_lumpy_payments_and_it_does_not_swing() -> None:
    """Three payments in six months are no pace: no month is named on the first day of three
    consecutive months (the month would otherwise jump), only why; the fourth paying month names it."""
    lumpy = monthly(EBOOK, {(2026, 1): "50", (2026, 4): "300", (2026, 6): "900", (2026, 8): "200"})
    index = MonthlyIndex.build(lumpy)
    said = []
    for today in (date(2026, 7, 1), date(2026, 8, 1), date(2026, 9, 1)):
        f = freedom_figures(index, [EBOOK], [], BILLS, None, today)
        assert f is not None and f.projection.status == "too_few" and f.projection.reach is None
        said.append(when_text(f))
    assert said[0] == ("Too few payments to name a month: passive income came in 3 of the last 6 full months, "
                       "and a pace needs 4.")
    assert [n for n in said if n.startswith("Too few payments to name a month")] == said, "never a month"
    assert "came in 2 of the last 6" in said[1] and "came in 3 of the last 6" in said[2]
    goal = Goal("free", D("3000"), "EUR", date(2027, 12, 31), date(2026, 1, 1))
    with_goal = freedom_figures(index, [EBOOK], [], BILLS, goal, date(2026, 7, 1))
    # (2,000 / 400) ** (1/18) - 1 = +9.4% a month from June 2026 to December 2027.
    assert with_goal is not None and when_text(with_goal).endswith("Covering them by 2027-12 needs +9.4% a month.")
    steady = monthly(EBOOK, {(2026, m): str(100 * m) for m in range(1, 7)})
    named = freedom_figures(MonthlyIndex.build(steady), [EBOOK], [], BILLS, None, date(2026, 7, 1))
    assert named is not None and named.paying_months == 6 and named.projection.status == "on_track"


def test_freedom_without_a_rate_leaves_the_other_currency_out_and_says_so() -> None:
    payments = monthly(COURSE, {(2026, 6): "500"})
    f = freedom_figures(MonthlyIndex.build(payments), [COURSE], [], BILLS, None, date(2026, 7, 1))
    assert f is not None
    assert f.last_month.amount == 0 and f.left_out == {"USD": D("500")}
    assert f.share_last == 0 and f.savings_months == D("4.5")  # 9000 / 2000
    assert when_text(f) == "No passive income in the 1 full month recorded so far."  # the ledger began in June


def test_freedom_needs_the_bills_and_says_when_they_are_covered() -> None:
    assert freedom_figures(MonthlyIndex(), [EBOOK], [], Freedom("EUR"), None, date(2026, 7, 1)) is None
    payments = monthly(EBOOK, {(2026, 4): "2500", (2026, 5): "2500", (2026, 6): "2500"})
    f = freedom_figures(MonthlyIndex.build(payments), [EBOOK], [], BILLS, None, date(2026, 7, 1))
    assert f is not None and f.share_last == D("1.2500") and share_text(f.share_last) == "125%"
    assert f.shortfall == 0 and f.savings_months is None
    assert savings_text(f) == "Savings untouched: last month's passive income paid the bills."
    assert when_text(f) == "The 3-month average pays the bills."


def test_freedom_too_new_says_the_growth_needed_by_the_goal_deadline() -> None:
    payments = monthly(EBOOK, {(2026, 5): "100", (2026, 6): "100"})
    goal = Goal("free", D("3000"), "EUR", date(2026, 12, 31), date(2026, 1, 1))
    f = freedom_figures(MonthlyIndex.build(payments), [EBOOK], [], BILLS, goal, date(2026, 7, 1))
    assert f is not None and f.projection.status == "too_new"
    # The ledger begins in May: average 100 (May, June; April is unknown, not 0) -> 2000 in 6 months
    # (June to December): (2000 / 100) ** (1/6) - 1 = +64.8%.
    assert when_text(f) == ("Too early to say when: the pace needs 6 full months of passive income. "
                            "Covering them by 2026-12 needs +64.8% a month.")


# ----- payback -----------------------------------------------------------------------


def test_no_upfront_cost_means_no_payback_line() -> None:
    assert payback(JOB, [pay(1, JOB, date(2026, 1, 5), "3000")], BILLS, [], date(2026, 7, 1)) is None
    assert paybacks([JOB], [], BILLS, [], date(2026, 7, 1)) == {}


def test_paid_back_on_the_day_the_total_reached_the_cost() -> None:
    # Cost 300 + 20 h x 30 EUR = 900.
    payments = [pay(1, EBOOK, date(2026, 2, 3), "500"), pay(2, EBOOK, date(2026, 3, 9), "450"),
                pay(3, EBOOK, date(2026, 4, 1), "50")]
    p = payback(EBOOK, payments, BILLS, [], date(2026, 7, 1))
    assert p is not None and p.cost == D("900.00") and p.hours_value == D("600")
    assert p.paid_back_on == date(2026, 3, 9) and p.earned == D("1000")
    assert p.describe() == "Paid back on 2026-03-09 (900.00 EUR cost)"


def test_a_refund_after_payback_undoes_it_only_below_the_cost() -> None:
    base = [pay(1, EBOOK, date(2026, 2, 3), "500"), pay(2, EBOOK, date(2026, 3, 9), "450")]
    small = payback(EBOOK, [*base, pay(3, EBOOK, date(2026, 4, 2), "-40")], BILLS, [], date(2026, 7, 1))
    assert small is not None and small.paid_back_on == date(2026, 3, 9)  # 910 >= 900: still paid back
    big = payback(EBOOK, [*base, pay(3, EBOOK, date(2026, 4, 2), "-150")], BILLS, [], date(2026, 7, 1))
    assert big is not None and big.paid_back_on is None and big.earned == D("800")
    # 800 / 900 = 88%; Jan-Jun are 6 complete months; Apr-Jun pace (-150 + 0 + 0) / 3 = -50: never at this pace.
    assert big.share == D("0.8889") and big.months == 6 and big.pace == D("-50.00") and big.expected is None
    assert big.describe() == "88% after 6 months: no payback at the recent pace (-50.00 EUR a month)"
    again = [*base, pay(3, EBOOK, date(2026, 4, 2), "-150"), pay(4, EBOOK, date(2026, 5, 20), "120")]
    back = payback(EBOOK, again, BILLS, [], date(2026, 7, 1))
    assert back is not None and back.paid_back_on == date(2026, 5, 20)  # 920 again: paid back that day


def test_a_stream_that_never_pays_back_is_raised_after_a_year() -> None:
    payments = monthly(EBOOK, {(2026, m): "10" for m in range(1, 13)})
    p = payback(EBOOK, payments, BILLS, [], date(2027, 1, 1))
    # 120 of 900 = 13% after 12 months (Jan-Dec); pace 10 a month: 780 / 10 = 78 months after December.
    assert p is not None and p.share == D("0.1333") and p.months == 12 and p.expected == (2033, 6)
    assert p.describe() == "13% after 12 months, expected payback 2033-06 at the recent pace"
    assert p.far
    younger = payback(EBOOK, payments[:11], BILLS, [], date(2026, 12, 1))
    assert younger is not None and younger.months == 11 and not younger.far


def test_hours_in_another_currency_are_valued_at_the_rate_of_the_day_the_stream_began() -> None:
    # 10 h x 30 EUR = 300 EUR; 1 USD = 0.90 EUR on 2026-01-01 -> 300 / 0.90 = 333.33 USD (the later 0.80 is not used).
    p = payback(COURSE, [pay(1, COURSE, date(2026, 6, 15), "100")], BILLS, RATES, date(2026, 7, 1))
    assert p is not None and p.cost == D("333.33") and p.unvalued is None
    # Pace Apr-Jun (0 + 0 + 100) / 3 = 33.33; 233.33 left / 33.33 = 7.0006 -> 8 months after June.
    assert p.describe() == "30% after 6 months, expected payback 2027-02 at the recent pace"
    without = payback(COURSE, [], BILLS, [], date(2026, 7, 1))
    assert without is not None and without.cost == 0
    assert without.describe() == "Payback unknown: up-front hours not valued: no rate from EUR to USD on 2026-01-01"
    no_rate = payback(EBOOK, [], Freedom("EUR", D("2000")), [], date(2026, 7, 1))
    assert no_rate is not None and no_rate.cost == D("300.00")
    assert no_rate.unvalued == "up-front hours not valued: set your hourly rate in step 4"


def test_the_first_month_has_no_pace_yet() -> None:
    new = Stream(9, "New", "course", "passive", "EUR", upfront_money=D("100"), started_on=date(2026, 7, 1))
    p = payback(new, [pay(1, new, date(2026, 7, 1), "10")], None, [], date(2026, 7, 3))
    assert p is not None and p.months == 0 and p.pace is None
    assert p.describe() == "10% after 0 months: too new for a pace"


def test_imported_payments_in_another_currency_count_converted_and_fees_are_already_off() -> None:
    """An imported sale keeps its own currency (USD on a EUR ebook) and what the platform kept (its fee):
    the amount is what reached the user, converted at its month's last day; a refund takes money back."""
    sale = Payment(1, EBOOK.id, date(2026, 2, 3), D("500"), "", "Ana", currency="USD", fee=D("15"))
    refund = Payment(2, EBOOK.id, date(2026, 2, 20), D("-100"), "", "Ana", currency="USD", refund=True)
    own = pay(3, EBOOK, date(2026, 3, 9), "500")
    p = payback(EBOOK, [sale, refund, own], BILLS, RATES, date(2026, 7, 1))
    # (500 - 100) USD x 0.90 = 360 EUR, + 500 EUR = 860 of 900: not paid back yet.
    assert p is not None and p.earned == D("860.00") and p.paid_back_on is None and p.left_out == {}
    late = Payment(4, EBOOK.id, date(2026, 6, 2), D("50"), "", currency="USD")
    done = payback(EBOOK, [sale, refund, own, late], BILLS, RATES, date(2026, 7, 1))
    assert done is not None and done.paid_back_on == date(2026, 6, 2)  # 50 USD x 0.80 = 40: 900 that day
    # Without a rate the dollars are left out, never added as euros, and the line says so.
    alone = payback(EBOOK, [sale, own], BILLS, [], date(2026, 7, 1))
    assert alone is not None and alone.earned == D("500") and alone.left_out == {"USD": D("500")}
    assert alone.describe() == ("55% after 6 months: no payback at the recent pace (0.00 EUR a month) "
                                "(500.00 USD not counted: no rate into EUR)")
