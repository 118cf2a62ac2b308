"""Every figure of ``tenfold report``, checked by hand on a small ledger over fixed dates.

The ledger (amounts in each stream's currency):

============  =========  ===  ==========  ==========  ==========
stream        kind       cur  2025-12     2026-01     2026-02
============  =========  ===  ==========  ==========  ==========
Book          passive    EUR  5.00        100 + 20    60.00
Course        passive    USD  10.00       50.00       200.00
ETF           portfolio  USD              10.00
Job           active     EUR              1000.00     500.00
Shop          passive    GBP              30.00
============  =========  ===  ==========  ==========  ==========

Rates: 1 USD = 0.90 EUR from 2026-01-01; 1 EUR = 1.25 USD from 2026-02-15 (so
February's USD is divided by 1.25). No GBP rate, and no rate before 2026.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from oracles import aggregate

from tenfold.domain.errors import FieldError
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.reports.aggregate import choose_period, month_period, year_period
from tenfold.reports.build import build_report, report_currency
from tenfold.reports.formats import concentration_note, notes, per_hour, to_csv, to_document, to_markdown
from tenfold.reports.model import Report

D = Decimal
BOOK = Stream(1, "Book", "ebook", "passive", "EUR", upfront_money=D("500"), upfront_hours=D("40"), upkeep_hours=D("2"))
COURSE = Stream(2, "Course", "course", "passive", "USD")
ETF = Stream(3, "ETF", "dividends", "portfolio", "USD")
JOB = Stream(4, "Job", "other", "active", "EUR", upkeep_hours=D("160"))
SHOP = Stream(5, "Shop", "other", "passive", "GBP")
STREAMS = [SHOP, JOB, ETF, COURSE, BOOK]
USD_EUR = Rate(1, "USD", "EUR", D("0.90"), date(2026, 1, 1))
EUR_USD = Rate(2, "EUR", "USD", D("1.25"), date(2026, 2, 15))
RATES = [USD_EUR, EUR_USD]
TODAY = date(2026, 2, 20)


def pay(stream: Stream, day: str, amount: str) -> Payment:
    return Payment(0, stream.id, date.fromisoformat(day), D(amount), "")


PAYMENTS = [
    pay(BOOK, "2025-12-31", "5.00"),
    pay(COURSE, "2025-12-01", "10.00"),
    pay(BOOK, "2026-01-05", "100.00"),
    pay(BOOK, "2026-01-31", "20.00"),
    pay(COURSE, "2026-01-10", "50.00"),
    pay(ETF, "2026-01-11", "10.00"),
    pay(JOB, "2026-01-01", "1000.00"),
    pay(SHOP, "2026-01-20", "30.00"),
    pay(BOOK, "2026-02-01", "60.00"),
    pay(COURSE, "2026-02-28", "200.00"),
    pay(JOB, "2026-02-02", "500.00"),
]


def report_for(period_text: dict[str, str], only: Stream | None = None) -> Report:
    period = choose_period(TODAY, **period_text)
    every = aggregate(PAYMENTS)  # as the command line does: each stream's first month from all of history
    first = {sid: (y, m) for y, m, sid in sorted(every, reverse=True)}
    return build_report(aggregate(PAYMENTS, period), STREAMS, RATES, "EUR", period, only, first_paid=first)


def test_aggregate_sums_each_stream_per_month_and_only_the_shown_months() -> None:
    everything = aggregate(PAYMENTS)
    assert everything[(2026, 1, BOOK.id)] == D("120.00")
    assert everything[(2025, 12, COURSE.id)] == D("10.00")
    assert len(everything) == 10
    feb = aggregate(PAYMENTS, month_period((2026, 2)))  # February and January, to compare
    assert set(feb) == {k for k in everything if k[:2] in {(2026, 1), (2026, 2)}}
    assert feb[(2026, 2, COURSE.id)] == D("200.00")


def test_one_month_compared_with_the_month_before() -> None:
    r = report_for({"month": "2026-02"})
    jan, feb = r.months
    assert (jan.month, feb.month) == ((2026, 1), (2026, 2))
    # February: EUR 60 + 500; USD 200 / 1.25 = 160 -> 720.00; passive 60 + 160 = 220.00
    assert (feb.all.amount, feb.passive.amount, feb.passive_share) == (D("720.00"), D("220.00"), D("0.3056"))
    assert [c.describe() for c in feb.all.used] == ["1 EUR = 1.25 USD (2026-02-15), used inverted"]
    # January: EUR 1120; USD 60 * 0.90 = 54 -> 1174.00; passive 120 + 45 = 165.00; 30 GBP has no rate,
    # so January's passive share is unknown (not 14.05% of what could be converted)
    assert (jan.all.amount, jan.passive.amount, jan.passive_share) == (D("1174.00"), D("165.00"), None)
    assert jan.share_unknown and not feb.share_unknown
    assert jan.all.unconverted == {"GBP": D("30.00")} == jan.passive.unconverted
    # the totals are February's alone: the month compared with counts in none of them
    assert (r.all.amount, r.passive.amount, r.passive_share) == (D("720.00"), D("220.00"), D("0.3056"))
    assert r.all.unconverted == {} and r.missing == ()
    assert [c.describe() for c in r.rates_used] == ["1 EUR = 1.25 USD (2026-02-15), used inverted"]


def test_streams_shares_and_income_per_hour_of_upkeep_for_a_month() -> None:
    r = report_for({"month": "2026-02"})
    by = {f.stream.name: f for f in r.streams}
    assert [f.stream.name for f in r.streams] == ["Book", "Course", "ETF", "Job", "Shop"]
    assert by["Book"].by_month == {(2026, 1): D("120.00"), (2026, 2): D("60.00")}
    assert (by["Book"].total, by["Book"].converted) == (D("60.00"), D("60.00"))
    # passive: Book 60, Course 160, Shop 0 (of 220)
    assert by["Book"].share_of_passive == D("0.2727")
    assert by["Course"].share_of_passive == D("0.7273")
    assert by["Shop"].share_of_passive == D("0.0000")
    assert by["ETF"].share_of_passive is None and by["Job"].share_of_passive is None
    assert by["Book"].per_upkeep_hour == D("30.00")  # 60 / 2 hours
    assert by["Job"].per_upkeep_hour == D("3.12")  # 500 / 160 = 3.125, half to even
    assert by["Course"].per_upkeep_hour is None
    assert r.leader == ("Course", D("0.7273"))
    assert not r.concentrated, "February is still running on 2026-02-20: no warning from a partial month"


def test_a_year_adds_each_month_at_its_own_rate() -> None:
    r = report_for({"year": "2026"})  # today is 2026-02-20: January and February only
    assert r.period.months == ((2026, 1), (2026, 2)) and r.period.compare is None
    assert (r.all.amount, r.passive.amount, r.passive_share) == (D("1894.00"), D("385.00"), None)
    assert r.share_unknown  # 30 GBP has no rate: the period's passive share is not known
    assert r.all.unconverted == {"GBP": D("30.00")} and r.missing == (("GBP", (2026, 1)),)
    by = {f.stream.name: f for f in r.streams}
    # Course: 50 * 0.90 + 200 / 1.25 = 45 + 160 = 205.00 EUR
    assert (by["Course"].total, by["Course"].converted) == (D("250.00"), D("205.00"))
    assert (by["Shop"].converted, by["Shop"].unconverted) == (D("0.00"), D("30.00"))
    # passive 180 + 205 + 0 = 385: Book 46.75%, Course 53.25% of what has a rate; Shop's share is unknown
    assert (by["Book"].share_of_passive, by["Course"].share_of_passive) == (D("0.4675"), D("0.5325"))
    assert by["Shop"].share_of_passive is None and by["Shop"].share_unknown and not by["Book"].share_unknown
    assert by["Book"].per_upkeep_hour == D("45.00")  # 180 / (2 hours x 2 months)
    assert [c.describe() for c in r.rates_used] == [
        "1 USD = 0.90 EUR (2026-01-01)", "1 EUR = 1.25 USD (2026-02-15), used inverted"]
    note = concentration_note(r)
    assert note is not None and "Course brings 53.2% of your passive income (of the part with a rate)" in note


def test_money_without_a_rate_is_shown_apart_and_never_added() -> None:
    r = report_for({"year": "2025"})  # December 2025: no rate yet for the 10 USD
    assert len(r.period.months) == 12
    assert (r.all.amount, r.passive.amount, r.passive_share) == (D("5.00"), D("5.00"), None)  # 10 USD unknown
    assert r.all.unconverted == {"USD": D("10.00")}
    by = {f.stream.name: f for f in r.streams}
    assert (by["Course"].converted, by["Course"].unconverted) == (D("0.00"), D("10.00"))
    assert by["Book"].per_upkeep_hour == D("2.50")  # 5 / 2 hours: it began in 2025-12, one month of upkeep
    lines = notes(r)
    assert any("10.00 USD (2025-12)" in line and "tenfold add rate --from USD --to EUR" in line for line in lines)


def test_no_income_means_no_shares_and_no_warning() -> None:
    r = report_for({"month": "2024-05"})
    assert r.passive_share is None and r.leader is None and not r.concentrated
    assert all(f.share_of_passive is None for f in r.streams if f.stream.kind == "passive")
    assert concentration_note(r) is None


def test_one_stream_listed_but_measured_against_all_income() -> None:
    r = report_for({"month": "2026-02"}, only=BOOK)
    assert [f.stream.name for f in r.streams] == ["Book"]
    assert r.streams[0].share_of_passive == D("0.2727")
    assert r.all.amount == D("720.00")
    assert "Only Book is listed" in " ".join(notes(r))


def test_periods() -> None:
    assert month_period((2026, 1)).compare == (2025, 12)
    assert choose_period(TODAY).months == ((2026, 1),), "by default the last full month"
    assert not choose_period(TODAY).so_far and choose_period(TODAY).heading == "2026-01"
    assert choose_period(TODAY, month="2026-02").heading == "2026-02 so far"
    assert choose_period(TODAY, year="2026").heading == "2026-01 to 2026-02 so far"
    assert year_period(2024, TODAY).label == "2024"
    assert choose_period(TODAY, year="2026").label == "2026-01 to 2026-02"
    with pytest.raises(FieldError, match="not begun"):
        choose_period(TODAY, year="2027")
    with pytest.raises(FieldError, match="either a month or a year"):
        choose_period(TODAY, month="2026-01", year="2026")
    with pytest.raises(FieldError):
        choose_period(TODAY, year="26")


def test_report_currency_is_the_goals_else_the_most_common() -> None:
    goal = Goal("x", D("100"), "CHF", date(2027, 1, 1), date(2026, 1, 1))
    assert report_currency(goal, STREAMS) == "CHF"
    assert report_currency(None, STREAMS) == "EUR"  # EUR 2, USD 2, GBP 1: the tie goes to A-Z
    assert report_currency(None, [COURSE]) == "USD"
    assert report_currency(None, []) == "EUR"


def test_csv_has_a_row_per_month_and_stream() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv(report_for({"month": "2026-02"})))))
    assert len(rows) == 2 * len(STREAMS)
    assert rows[0] == {"month": "2026-01", "stream": "Book", "kind": "passive", "category": "ebook",
                       "currency": "EUR", "amount": "120.00", "fees": ""}
    assert rows[-1]["month"] == "2026-02" and rows[-1]["stream"] == "Shop" and rows[-1]["amount"] == "0.00"


def test_json_and_markdown_say_the_same() -> None:
    r = report_for({"year": "2026"})
    doc = to_document(r)
    assert doc["totals"] == {"all": "1894.00", "passive": "385.00", "passive_share": None,
                             "not_converted": {"GBP": "30.00"}, "fees": None, "fees_not_converted": {}}
    assert doc["largest_passive_stream"] == {"name": "Course", "share": "0.5325", "warning": True}
    book = next(s for s in doc["streams"] if s["name"] == "Book")
    assert book["months"] == {"2026-01": "120.00", "2026-02": "60.00"}
    assert book["income_per_upkeep_hour"] == "45.00" and book["upfront_money"] == "500"
    md = to_markdown(r)
    assert "| **Total** | 1,894.00 | 385.00 | – | 30.00 GBP |" in md
    assert "| Book | passive | 500.00 EUR | 40 h | 2 h | 45.00 EUR/h |" in md


def test_income_per_upkeep_hour_counts_only_complete_months_since_the_stream_began() -> None:
    """A course begun in February is not divided by a year, and the running month is left out."""
    period = choose_period(TODAY, year="2026")
    late = build_report(aggregate(PAYMENTS, period), STREAMS, RATES, "EUR", period, today=TODAY,
                        first_paid={BOOK.id: (2025, 12)})
    by = {f.stream.name: f for f in late.streams}
    assert by["Book"].per_upkeep_hour == D("60.00")  # January only: 120 / 2 hours; February is running
    assert by["Course"].per_upkeep_hour is None  # first paid in February: no complete month yet


def test_the_concentration_warning_waits_for_three_complete_months_and_a_complete_period() -> None:
    """On 7 January, a course that paid in December is not "100% of your passive income" yet."""
    course = [Payment(1, COURSE.id, date(2026, 12, 20), D("100.00"), "")]
    jan7 = date(2027, 1, 7)
    december = choose_period(jan7)
    early = build_report(aggregate(course, december), STREAMS, RATES, "EUR", december, today=jan7,
                         first_paid={COURSE.id: (2026, 12)})
    assert early.leader is not None and not early.concentrated and concentration_note(early) is None
    running = choose_period(jan7, month="2027-01")
    assert not build_report(aggregate(course, running), STREAMS, RATES, "EUR", running, today=jan7).concentrated
    later = build_report(aggregate(course, december), STREAMS, RATES, "EUR", december, today=jan7,
                         first_paid={COURSE.id: (2026, 10)})
    assert later.concentrated, "three complete months of history: now it is worth saying"


def test_a_stream_with_upkeep_and_no_complete_month_says_so() -> None:
    busy = Stream(9, "Coaching", "business", "passive", "EUR", upkeep_hours=D("10"))
    jan7 = date(2027, 1, 7)
    period = choose_period(jan7, month="2027-01")
    r = build_report(aggregate([Payment(1, 9, jan7, D("50"), "")], period), [busy], [], "EUR", period, today=jan7)
    assert per_hour(r.streams[0]) == "no complete month yet"
