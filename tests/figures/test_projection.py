"""Projection and goal figures, checked by hand over fixed dates.

Figures worked out with a calculator, written next to each assertion.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.figures.goal_figures import goal_figures
from tenfold.figures.projection import Projection, add_months, describe, growth_needed, project

D = Decimal
OCT = (2026, 10)


def run(recent: str, previous: str, target: str = "1700", deadline: tuple[int, int] = (2027, 12),
        history_from: tuple[int, int] | None = (2025, 1)) -> Projection:
    return project(recent=D(recent), previous=D(previous), target=D(target), last_full=OCT, deadline=deadline,
                   history_from=history_from)


def test_add_months() -> None:
    assert add_months((2026, 10), 3) == (2027, 1)
    assert add_months((2026, 12), 12) == (2027, 12)
    assert add_months((2026, 1), 0) == (2026, 1)


def test_on_track() -> None:
    # 1331 / 1000 = 1.331 = 1.1 ** 3: +10% a month. ln(1700/1331) / ln(1.1) = 0.2447 / 0.0953 = 2.57 -> 3 months.
    p = run("1331", "1000")
    assert p == Projection("on_track", growth=D("0.1000"), reach=(2027, 1), deadline=(2027, 12))
    assert describe(p) == "At +10.0% a month, reached around 2027-01: on time for 2027-12."


def test_late_says_the_growth_needed() -> None:
    # Deadline 2026-12: 2 months after October. sqrt(1700 / 1331) = 1.13015 -> +13.01% a month.
    p = run("1331", "1000", deadline=(2026, 12))
    assert p == Projection("late", growth=D("0.1000"), reach=(2027, 1), needed=D("0.1301"), deadline=(2026, 12))
    assert describe(p) == ("At +10.0% a month, reached around 2027-01: after 2026-12. "
                           "Meeting the target by 2026-12 needs +13.0% a month.")


def test_deadline_month_itself_is_on_time() -> None:
    assert run("1331", "1000", deadline=(2027, 1)).status == "on_track"


def test_not_growing() -> None:
    # 0.8 ** (1/3) = 0.92832 -> -7.17% a month. By 2027-12 (14 months): (1500/800) ** (1/14) = 1.04592 -> +4.59%.
    p = run("800", "1000", target="1500")
    assert p == Projection("not_growing", growth=D("-0.0717"), needed=D("0.0459"), deadline=(2027, 12))
    assert describe(p) == ("Not growing (-7.2% a month over the last 6 months): at this pace never. "
                           "Meeting the target by 2027-12 needs +4.6% a month.")
    assert run("1000", "1000").status == "not_growing"


def test_too_slow_to_name_a_month() -> None:
    # 1000.30 / 1000 = 1.0003 -> +0.01% a month; a million takes ln(999.7) / 0.0001 = 69,000 months.
    p = run("1000.30", "1000", target="1000000")
    assert p.status == "late" and p.reach is None and p.growth == D("0.0001")
    assert "more than 100 years from now" in describe(p)


def test_the_honest_cases() -> None:
    assert run("1700", "100").status == "reached"
    assert run("0", "100") == Projection("no_income", deadline=(2027, 12))
    # History from 2026-06: only 5 full months up to October.
    p = run("850", "500", history_from=(2026, 6))
    assert p.status == "too_new" and p.needed == growth_needed(D("850"), D("1700"), 14)
    assert describe(p).startswith("A projection needs 6 full months of passive income; yours starts 2026-06.")
    assert run("850", "500", history_from=(2026, 5)).status == "on_track"  # exactly 6 months
    assert run("850", "0").status == "no_base"
    assert run("850", "500", deadline=OCT) == Projection("past_deadline", deadline=OCT)
    assert run("850", "500", deadline=(2026, 3)).status == "past_deadline"


def test_growth_needed() -> None:
    # (2000 / 1000) ** (1/12) = 1.05946 -> +5.95% a month for a year.
    assert growth_needed(D("1000"), D("2000"), 12) == D("0.0595")
    assert growth_needed(D("0"), D("2000"), 12) is None
    assert growth_needed(D("1000"), D("2000"), 0) is None
    assert growth_needed(D("3000"), D("2000"), 5) == D("0")


def test_goal_figures_convert_with_rates_and_keep_the_rest_apart() -> None:
    book = Stream(1, "Book", "ebook", "passive", "EUR")
    etf = Stream(2, "ETF", "dividends", "passive", "USD")
    job = Stream(3, "Consulting", "business", "active", "EUR")
    uk = Stream(4, "UK shop", "software", "passive", "GBP")
    rates = [Rate(1, "USD", "EUR", D("0.5"), date(2026, 1, 1)), Rate(2, "USD", "EUR", D("0.8"), date(2026, 9, 15))]
    amounts = [
        (book, "2026-05-10", "100"), (book, "2026-06-10", "100"), (book, "2026-07-10", "100"),
        (book, "2026-08-10", "200"), (etf, "2026-08-20", "100"),  # August: 200 + 100 USD at 0.5 = 250
        (book, "2026-09-10", "200"), (uk, "2026-09-12", "10"),  # September: 200, and 10 GBP with no rate
        (book, "2026-10-01", "150"), (book, "2026-10-31", "50"), (etf, "2026-10-20", "100"),  # 200 + 80 = 280
        (job, "2026-10-05", "1000"),  # active: never counts toward the goal
        (book, "2026-11-02", "30"),  # this month so far
    ]
    index = MonthlyIndex.build(
        Payment(i, s.id, date.fromisoformat(day), D(a), "") for i, (s, day, a) in enumerate(amounts, 1))
    goal = Goal("Books", D("1500"), "EUR", date(2027, 12, 31), date(2026, 1, 1))
    figures = goal_figures(index, [book, etf, job, uk], rates, goal, date(2026, 11, 21))
    assert [i.amount for i in figures.recent] == [D("250.00"), D("200"), D("280.00")]
    assert figures.last_month.month == OCT and figures.last_month.amount == D("280.00")
    assert figures.average == D("243.33")  # 730 / 3
    assert figures.this_month.amount == D("30")
    assert figures.unconverted == {"GBP": D("10")}
    assert figures.rates_used == ["USD: 1 USD = 0.5 EUR (2026-01-01)", "USD: 1 USD = 0.8 EUR (2026-09-15)"]
    # Previous 3 months (May-July) average 100. (243.33 / 100) ** (1/3) = 1.34503 -> +34.50% a month;
    # ln(1500 / 243.33) / ln(1.345) = 1.8188 / 0.2964 = 6.14 -> 7 months after October: 2027-05.
    # How sure: the best recent month (280) reaches it in 5.66 -> 6 months (2027-04), the worst (200) in
    # ln(7.5) / 0.2964 = 6.80 -> 7 months (2027-05).
    assert figures.projection == Projection("on_track", growth=D("0.3450"), reach=(2027, 5), deadline=(2027, 12),
                                            earliest=(2027, 4), latest=(2027, 5))


def test_the_projection_says_how_sure_it_is() -> None:
    # Months 1000 x3 then 1210, 1331, 1452 (average 1331): +10% a month as above.
    # Best month 1452: ln(1700/1452)/ln(1.1) = 1.65 -> 2 months: 2026-12; worst 1210: 3.57 -> 4: 2027-02.
    p = project(recent=D("1331"), previous=D("1000"), target=D("1700"), last_full=OCT, deadline=(2027, 12),
                history_from=(2025, 1), months=[D(1000)] * 3 + [D(1210), D(1331), D(1452)])
    assert (p.reach, p.earliest, p.latest, p.fell) == ((2027, 1), (2026, 12), (2027, 2), None)
    assert describe(p) == ("At +10.0% a month, reached around 2027-01 (2026-12 to 2027-02; rests on 6 full months): "
                           "on time for 2027-12.")


def test_on_time_is_never_said_after_a_fall_without_saying_so() -> None:
    # 1000 x3, then 1600, 1800, 720 (average 1373.33): +11.2% a month, but October fell 60% from September.
    p = project(recent=D("1373.33"), previous=D("1000"), target=D("1700"), last_full=OCT, deadline=(2027, 12),
                history_from=(2025, 1), months=[D(1000)] * 3 + [D(1600), D(1800), D(720)])
    assert p.status == "on_track" and p.fell == (OCT, D("0.6000"))
    text = describe(p)
    assert "on time, at that pace, for 2027-12" in text
    assert text.endswith("But 2026-10 fell 60% from the month before: if that holds, this pace does not.")
