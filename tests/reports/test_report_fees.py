"""Fees and refunds per stream in the report: summed per currency, converted with the dated rates, "-" without."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.reports.aggregate import aggregate_index, extras_index, month_period
from tenfold.reports.build import build_report
from tenfold.reports.formats import to_csv, to_document, to_markdown
from tenfold.reports.model import Report

D = Decimal
BOOK = Stream(1, "Book", "ebook", "passive", "EUR")
APP = Stream(2, "App", "software", "passive", "USD")
RENT = Stream(3, "Flat", "rental", "passive", "EUR")
MARCH = (2024, 3)


def report(payments: list[Payment]) -> Report:
    index = MonthlyIndex.build(payments)
    period = month_period(MARCH)
    rates = [Rate(1, "USD", "EUR", D("0.5"), date(2024, 1, 1))]
    return build_report(aggregate_index(index, period), [BOOK, APP, RENT], rates, "EUR", period,
                        extras=extras_index(index, period))


PAYMENTS = [
    Payment(1, 1, date(2024, 3, 2), D("100.00"), "", fee=D("3.00")),
    Payment(2, 1, date(2024, 3, 5), D("50.00"), "", fee=D("1.50")),
    Payment(3, 1, date(2024, 3, 9), D("-20.00"), "", refund=True),
    Payment(4, 2, date(2024, 3, 9), D("40.00"), "", fee=D("2.00")),
    Payment(5, 1, date(2024, 3, 12), D("10.00"), "", currency="GBP", fee=D("0.40")),  # no GBP rate
    Payment(6, 3, date(2024, 3, 1), D("500.00"), ""),
    Payment(7, 1, date(2024, 2, 20), D("70.00"), "", fee=D("9.00")),  # the month compared: not in the period
]


def test_fees_are_summed_per_stream_and_currency_and_converted_with_the_rates() -> None:
    r = report(PAYMENTS)
    by_name = {f.stream.name: f for f in r.streams}
    book, app, flat, pounds = by_name["Book"], by_name["App"], by_name["Flat"], by_name["Book (GBP)"]
    assert (book.fees, book.fees_converted, book.refunds, book.refunded) == (D("4.50"), D("4.50"), 1, D("-20.00"))
    assert book.total == D("130.00"), "the refund lowers the month's income"
    assert (app.fees, app.fees_converted) == (D("2.00"), D("1.00")), "USD at 0.5 EUR"
    assert (pounds.fees, pounds.fees_converted) == (D("0.40"), None), "no rate: kept apart"
    assert (flat.fees, flat.fees_converted, flat.refunds) == (None, None, 0)
    assert r.fees is not None and r.fees.amount == D("5.50") and r.fees.unconverted == {"GBP": D("0.40")}
    assert book.fees_by_month == {(2024, 2): D("9.00"), MARCH: D("4.50")}


def test_every_format_shows_the_fees_and_a_dash_or_null_without() -> None:
    r = report(PAYMENTS)
    streams = {s["name"]: s for s in to_document(r)["streams"]}
    assert streams["Book"]["fees"] == "4.50" and streams["Book"]["refunds"] == 1
    assert streams["Book"]["refunded"] == "-20.00"
    assert streams["App"]["fees_converted"] == "1.00"
    assert streams["Flat"]["fees"] is None and streams["Flat"]["fees_converted"] is None
    assert to_document(r)["totals"]["fees"] == "5.50"
    rows = to_csv(r).splitlines()
    assert rows[0].endswith(",amount,fees")
    assert "2024-03,Book,passive,ebook,EUR,130.00,4.50" in rows and "2024-03,Flat,passive,rental,EUR,500.00," in rows
    markdown = to_markdown(r)
    assert "| Flat | EUR | - | - | - |" in markdown and "| Book | EUR | 4.50 | 4.50 | 1 (-20.00) |" in markdown


def test_a_ledger_without_fees_or_refunds_shows_none() -> None:
    r = report([Payment(1, 3, date(2024, 3, 1), D("500.00"), "")])
    assert r.fees is None and all(f.fees is None and f.refunds == 0 for f in r.streams)
    assert to_document(r)["totals"]["fees"] is None
    assert "Fees and refunds" not in to_markdown(r)


def test_a_fee_of_zero_is_a_fee_recorded() -> None:
    r = report([Payment(1, 1, date(2024, 3, 1), D("5.00"), "", fee=D("0.00"))])
    assert r.streams[1].stream.name == "Book" and r.streams[1].fees == D("0.00")


def test_the_index_follows_fees_and_refunds_through_edits_and_deletes() -> None:
    index = MonthlyIndex.build(PAYMENTS)
    index.replace(PAYMENTS[0], Payment(1, 1, date(2024, 3, 2), D("100.00"), ""))  # its fee dropped
    index.remove(PAYMENTS[2])
    cell = index.extras(MARCH)[1]
    assert (cell.fee, cell.fees, cell.refunds) == (D("1.50"), 1, 0)
    index.remove(PAYMENTS[1])
    assert 1 not in index.extras(MARCH)
    index.drop_stream(1)
    assert set(index.extras(MARCH)) == {2} and index.extras((2024, 2)) == {}
