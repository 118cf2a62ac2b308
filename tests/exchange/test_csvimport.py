"""Column mapping and duplicate detection of CSV imports (pure functions, fixed dates)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tenfold.domain.errors import FieldError
from tenfold.domain.ledger import Payment, Stream
from tenfold.exchange.csvimport import CsvImportError, plan_import
from tenfold.exchange.csvmapping import column_mapping, normalise, parse_map_options

BOOK = Stream(1, "Book", "ebook", "passive", "EUR")
ETF = Stream(2, "ETF", "dividends", "portfolio", "USD")


def test_headers_are_recognised_by_common_names() -> None:
    header = ["Transaction_Date", "Income Source", "Net", "Description", "Paid by", "CCY", "Balance"]
    assert column_mapping(header, {}) == {"date": 0, "stream": 1, "amount": 2, "note": 3, "customer": 4,
                                          "currency": 5}
    assert normalise("  Booking-Date ") == "booking date"


def test_an_override_wins_and_frees_its_column() -> None:
    # "Amount" would be the amount; the user says the amount is in "Gross", and "Amount" is then unused
    assert column_mapping(["date", "stream", "Amount", "Gross"], {"amount": "gross"})["amount"] == 3
    with pytest.raises(CsvImportError, match="missing column date"):  # "Day" now holds the note
        column_mapping(["Day", "Source", "Sum"], {"note": "Day"})


def test_one_column_for_two_fields_is_refused() -> None:
    with pytest.raises(CsvImportError, match="mapped to both"):
        column_mapping(["date", "stream", "amount", "memo"], {"note": "memo", "customer": "Memo"})


def test_parse_map_options() -> None:
    assert parse_map_options(["date=Booking date", " Stream = Source "]) == {"date": "Booking date", "stream": "Source"}
    for bad in (["x=y"], ["date"], ["date="], ["date=a", "date=b"]):
        with pytest.raises(FieldError):
            parse_map_options(bad)


def test_duplicates_of_the_ledger_and_of_earlier_rows_are_skipped_and_counted() -> None:
    existing = [Payment(9, BOOK.id, date(2026, 1, 2), Decimal("5.00"), "sale")]
    text = (
        "date,stream,amount,note,customer\n"
        "2026-01-02,Book,5,sale,Kobo\n"       # line 2: in the ledger (customer is not part of the key)
        "2026-01-02,Book,5,other,\n"          # line 3: a different note: new
        "2026-01-03,ETF,7.5,,\n"              # line 4: new
        "2026-01-03,etf,7.50,,\n"             # line 5: repeats line 4
        "2026-01-02,Book,5.00,other,\n"       # line 6: repeats line 3
    )
    plan = plan_import(text, [BOOK, ETF], existing)
    assert [(d.line, d.earlier_line) for d in plan.duplicates] == [(2, None), (5, 4), (6, 3)]
    assert [(p.on.day, p.stream_id, p.amount, p.note) for p in plan.new] == [
        (2, BOOK.id, Decimal("5.00"), "other"), (3, ETF.id, Decimal("7.50"), "")]
    assert plan.duplicates[0].describe() == "line 2 is already in the ledger"
    assert plan.duplicates[1].describe() == "line 5 repeats line 4"
    assert plan.ignored == () and list(plan.mapping) == ["date", "stream", "amount", "note", "customer"]


def test_a_currency_column_must_match_the_stream() -> None:
    with pytest.raises(CsvImportError) as caught:
        plan_import("date,stream,amount,currency\n2026-01-02,Book,5,usd\n2026-01-02,ETF,5,usd\n", [BOOK, ETF])
    assert [str(p) for p in caught.value.problems] == ["line 2: currency: USD is not the currency of Book (EUR)"]
