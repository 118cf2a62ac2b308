"""Income lines of one day and stream become one entry, added up unrounded; other entries stay as they are."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tenfold.exchange.combine import combine, fold_orders
from tenfold.exchange.extraction import Entry

DAY = date(2024, 3, 5)


def entry(line: int, stream: str, amount: str, kind: str = "income", note: str = "", units: int | None = None,
          on: date = DAY, currency: str | None = "USD", external_id: str = "") -> Entry:
    return Entry(line, "", on, stream, Decimal(amount), currency, None, "", note, external_id, "", kind, units)


def test_lines_of_one_day_stream_and_currency_add_up_unrounded() -> None:
    out = combine([entry(2, "Song", "0.004", note="Spotify", units=3), entry(3, "Other", "1.00"),
                   entry(4, "song", "0.0041", note="Deezer", units=2), entry(5, "Song", "0.002", currency="EUR")])
    assert [(e.line, e.stream, e.amount, e.currency, e.units, e.note) for e in out] == [
        (2, "Song", Decimal("0.0081"), "USD", 5, "2 report lines: Spotify, Deezer"),
        (3, "Other", Decimal("1.00"), "USD", None, ""),
        (5, "Song", Decimal("0.002"), "EUR", None, ""),
    ]


def test_refunds_other_days_and_lines_with_ids_stay_apart() -> None:
    lines = [entry(2, "Song", "1.00"), entry(3, "Song", "-0.50", kind="refund"),
             entry(4, "Song", "1.00", on=date(2024, 3, 6)), entry(5, "Song", "2.00", external_id="T-1"),
             entry(6, "Song", "3.00")]
    out = combine(lines)
    assert [(e.line, e.amount, e.kind) for e in out] == [
        (2, Decimal("4.00"), "income"), (3, Decimal("-0.50"), "refund"), (4, Decimal("1.00"), "income"),
        (5, Decimal("2.00"), "income"),
    ]
    assert out[0].note == "2 report lines"


def line(n: int, order: str, amount: str, kind: str, *, fee: bool = False, on: date = DAY) -> Entry:
    """A row of an order, as Google Play writes one: the order's number on every row."""
    return Entry(n, "", on, "App", Decimal(amount), "EUR", None, "", order, "", order, kind, None, platform_fee=fee)


def test_an_orders_fee_and_tax_lines_fold_into_its_charge_and_refund_of_the_day() -> None:
    later = date(2024, 3, 20)
    out = fold_orders([line(2, "A", "4.99", "income"), line(3, "A", "-0.63", "deduction", fee=True),
                       line(4, "A", "-0.80", "deduction"), line(5, "B", "2.49", "income"),
                       line(6, "A", "-4.99", "refund", on=later), line(7, "A", "0.63", "deduction", fee=True, on=later),
                       line(8, "A", "0.80", "deduction", on=later),
                       line(9, "C", "-0.30", "deduction", fee=True)])  # no charge of C that day: stays a line
    assert [(e.line, e.amount, e.fee, e.kind) for e in out] == [
        (2, Decimal("3.56"), Decimal("0.63"), "income"), (5, Decimal("2.49"), None, "income"),
        (6, Decimal("-3.56"), Decimal("-0.63"), "refund"), (9, Decimal("-0.30"), None, "deduction"),
    ]


@given(st.lists(st.tuples(st.sampled_from("ABC"), st.integers(-500, 500), st.sampled_from(("income", "refund",
                                                                                           "deduction")),
                          st.booleans(), st.integers(0, 2)), max_size=30))
def test_folding_keeps_every_cent_and_every_charge_and_refund(rows: list[tuple[str, int, str, bool, int]]) -> None:
    lines = [line(n, order, str(Decimal(cents) / 100), kind, fee=fee and kind == "deduction", on=date(2024, 3, 1 + day))
             for n, (order, cents, kind, fee, day) in enumerate(rows, start=2)]
    out = fold_orders(lines)
    assert sum((e.amount for e in out), Decimal(0)) == sum((e.amount for e in lines), Decimal(0))
    assert [e.line for e in out if e.kind != "deduction"] == [e.line for e in lines if e.kind != "deduction"]
    kept = sum((e.fee or Decimal(0) for e in out), Decimal(0))
    folded_fees = -sum((e.amount for e in lines if e.platform_fee), Decimal(0)) + sum(
        (e.amount for e in out if e.platform_fee), Decimal(0))
    assert kept == folded_fees
