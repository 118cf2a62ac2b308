"""Pure arithmetic behind ``tenfold report``, ``tenfold status`` and CSV import, checked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from oracles import aggregate

from tenfold.domain.errors import FieldError
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.exchange.extraction import Options
from tenfold.exchange.importing import read_source
from tenfold.exchange.plan import ImportPlan, plan_import
from tenfold.figures.status import percent, status_line
from tenfold.figures.totals import month_totals
from tenfold.reports.aggregate import month_period, parse_month
from tenfold.reports.build import build_report

BOOK = Stream(1, "Book", "ebook", "passive", "EUR")
SHARES = Stream(2, "ETF", "dividends", "portfolio", "USD")
JOB = Stream(3, "Agency", "other", "active", "EUR")
STREAMS = [BOOK, SHARES, JOB]


def pay(stream: Stream, day: str, amount: str) -> Payment:
    return Payment(0, stream.id, date.fromisoformat(day), Decimal(amount), "")


PAYMENTS = [
    pay(BOOK, "2026-01-03", "10.10"),
    pay(BOOK, "2026-01-31", "0.20"),
    pay(BOOK, "2025-12-31", "5.00"),
    pay(SHARES, "2026-01-15", "33.33"),
    pay(JOB, "2026-01-02", "1000.00"),
    pay(JOB, "2025-11-30", "999.00"),  # two months back: in neither column
]


def test_a_month_report_across_the_new_year() -> None:
    period = month_period((2026, 1))
    report = build_report(aggregate(PAYMENTS, period), STREAMS, [], "EUR", period)
    assert period.compare == (2025, 12)
    rows = {f.stream.name: (f.by_month[(2026, 1)], f.by_month[(2025, 12)]) for f in report.streams}
    assert rows == {
        "Book": (Decimal("10.30"), Decimal("5.00")),
        "ETF": (Decimal("33.33"), Decimal(0)),
        "Agency": (Decimal("1000.00"), Decimal(0)),
    }
    assert [f.stream.name for f in report.streams] == ["Agency", "Book", "ETF"]
    assert report.all.amount == Decimal("1010.30") and report.all.unconverted == {"USD": Decimal("33.33")}
    assert report.months[0].all.amount == Decimal("5.00")
    assert report.passive.amount == Decimal("10.30")


@pytest.mark.parametrize("text", ["2026-00", "2026-13", "26-01", "2026/01", "", "3000-01"])
def test_parse_month_refuses(text: str) -> None:
    with pytest.raises(FieldError):
        parse_month(text)


def test_parse_month() -> None:
    assert parse_month(" 2026-09 ") == (2026, 9)


@pytest.mark.parametrize(
    ("ratio", "expected"),
    [("0", 0), ("0.004", 0), ("0.005", 1), ("0.0083", 1), ("0.5", 50), ("0.996", 99), ("1", 100), ("2.345", 235)],
)
def test_percent(ratio: str, expected: int) -> None:
    assert percent(Decimal(ratio)) == expected


def test_status_line_counts_passive_income_in_the_goal_currency_only() -> None:
    goal = Goal("text", Decimal("200.00"), "EUR", date(2027, 1, 1), date(2026, 1, 1))
    steps = [StepState(1, date(2026, 1, 1)), StepState(2, date(2026, 1, 2))]
    line = status_line(
        goal=goal, passive=month_totals(PAYMENTS, STREAMS, 2026, 1, kind="passive"), steps=steps,
        checkins={date(2026, 1, 30), date(2026, 1, 31)}, today=date(2026, 1, 31),
    )
    assert line == "Goal 10.30/200.00 EUR so far this month (5%) · streak 2 days · next: 3 Plan your steps"


def _plan(text: str) -> ImportPlan:
    return plan_import(read_source(text.encode(), "p.csv", Options()), list(STREAMS), [], create_kind=None,
                       default_currency="EUR")


def test_imported_rows_match_streams_by_name_and_keep_exact_amounts() -> None:
    plan = _plan("date,stream,amount,note\n2026-01-05,book,0.10,a\n2026-01-06,ETF,7,\n")
    found = [(p.stream_id, p.amount, p.note) for p in plan.payments]
    assert found == [(1, Decimal("0.10"), "a"), (2, Decimal("7.00"), "")]


def test_imported_rows_collect_every_problem_and_round_estimates_half_even() -> None:
    plan = _plan("date,stream,amount\n2026-01-05,Book,1.235\n\n2026-01-06,Nope,1\n2026-01-07,Book,x\n")
    assert [p.line for p in plan.problems] == [5, 4]
    assert plan.payments[0].amount == Decimal("1.24")  # three decimals: rounded half to even to the cent
