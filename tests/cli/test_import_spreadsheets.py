"""Spreadsheets and CSVs as people really save them, through a real ``python -m tenfold import`` process.

Each case is a small real file (workbooks written with openpyxl) and is checked as a
careful user would: the amounts and dates stored, exactly, or a refusal that
leaves the data file as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cli_support import read

from tenfold.store.store import Store

D = Decimal
HEADER = ["Date", "Product", "Amount"]
Stored = list[tuple[date, Decimal, str]]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    return {**clean, "TENFOLD_TODAY": "2027-01-15", "XDG_STATE_HOME": str(tmp_path / "state")}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "tenfold.json"
    Store.open(path, today=lambda: date(2027, 1, 15)).close()
    return path


def workbook(path: Path, rows: Sequence[Sequence[Any]], shape: Callable[[Any, Any], None] | None = None) -> Path:
    """A real .xlsx with ``rows`` on its first sheet; ``shape(book, sheet)`` formats, merges, hides."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    if shape is not None:
        shape(book, sheet)
    book.save(path)
    return path


def as_excel_writes(path: Path, numbers: dict[str, str]) -> Path:
    """Write numbers as Excel does, to 17 digits (19.990000000000002); openpyxl writes 16 (19.99)."""
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for short, full in numbers.items():
        assert f"<v>{short}</v>" in sheet
        sheet = sheet.replace(f"<v>{short}</v>", f"<v>{full}</v>")
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as book:
        for name, raw in parts.items():
            book.writestr(name, raw)
    return path


def tenfold(db: Path, env: dict[str, str], source: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), "import", str(source), "--yes",
                           "--create-streams", "passive", *args],
                          capture_output=True, text=True, env=env, timeout=60, check=False)


def stored(db: Path) -> Stored:
    """Each payment as (date, amount, currency), the stream's currency where the payment names none, by date."""
    store = read(db)
    currency = {s.id: s.currency for s in store.streams()}
    out = sorted((p.on, p.amount, p.currency or currency[p.stream_id]) for p in store.payments())
    store.close()
    return out


def imports(db: Path, env: dict[str, str], source: Path, *args: str) -> Stored:
    result = tenfold(db, env, source, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Problems: none" in result.stdout
    return stored(db)


def refused(db: Path, env: dict[str, str], source: Path, *args: str) -> str:
    """The problems shown; one line on stderr, no traceback, and the data file unchanged."""
    before = db.read_bytes()
    result = tenfold(db, env, source, *args)
    assert result.returncode != 0
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("tenfold: "), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert db.read_bytes() == before
    return result.stdout


def test_date_cells_with_and_without_a_time_are_the_day_they_show(db: Path, env: dict[str, str],
                                                                 tmp_path: Path) -> None:
    path = workbook(tmp_path / "dates.xlsx", [
        HEADER, [datetime(2026, 12, 31, 23, 59, 59), "Ebook", 10], [datetime(2026, 12, 1, 0, 0), "Ebook", 11],
        [date(2026, 11, 30), "Ebook", 12], [datetime(2026, 11, 15, 10, 30), "Ebook", 13]])
    assert imports(db, env, path, "--currency", "EUR") == [
        (date(2026, 11, 15), D("13.00"), "EUR"), (date(2026, 11, 30), D("12.00"), "EUR"),
        (date(2026, 12, 1), D("11.00"), "EUR"), (date(2026, 12, 31), D("10.00"), "EUR")]


def test_dates_left_as_excel_day_numbers_are_read_as_the_days_they_count(db: Path, env: dict[str, str],
                                                                         tmp_path: Path) -> None:
    """A date column whose format was lost shows 46000: Excel's day 46000 is 9 December 2025."""
    path = workbook(tmp_path / "serials.xlsx", [HEADER, [46000, "Ebook", 10], [46001.5, "Ebook", 11],
                                                 ["46002", "Ebook", 12]])
    assert imports(db, env, path, "--currency", "EUR") == [
        (date(2025, 12, 9), D("10.00"), "EUR"), (date(2025, 12, 10), D("11.00"), "EUR"),
        (date(2025, 12, 11), D("12.00"), "EUR")]


def test_day_numbers_count_from_1904_in_a_workbook_that_does(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    def mac(book: Any, _sheet: Any) -> None:
        book.epoch = datetime(1904, 1, 1)

    path = workbook(tmp_path / "mac.xlsx", [HEADER, [44538, "Ebook", 10]], mac)
    assert imports(db, env, path, "--currency", "EUR") == [(date(2025, 12, 9), D("10.00"), "EUR")]


def test_day_numbers_in_a_csv_are_refused_with_what_to_do(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "serials.csv"
    path.write_text("Date,Product,Amount\n46000,Ebook,10.00\n", encoding="utf-8")
    shown = refused(db, env, path)
    assert "line 2: Date: '46000' is an Excel day number, not a date; format the column as dates in Excel " \
           "and save the CSV again, or import the .xlsx" in shown


def test_text_dates_as_a_sheet_writes_them(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    path = workbook(tmp_path / "text.xlsx", [HEADER, ["31.12.2026", "Ebook", 1], ["12/31/2026", "Ebook", 2],
                                             ["11/05/2026", "Ebook", 3], ["2026-12-31T10:00:00Z", "Ebook", 4]])
    assert imports(db, env, path, "--currency", "EUR") == [
        (date(2026, 11, 5), D("3.00"), "EUR"), (date(2026, 12, 31), D("1.00"), "EUR"),
        (date(2026, 12, 31), D("2.00"), "EUR"), (date(2026, 12, 31), D("4.00"), "EUR")]


def test_money_cells_are_read_exactly_without_float_noise(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    path = workbook(tmp_path / "money.xlsx", [
        HEADER, ["2026-11-01", "Ebook", 19.99], ["2026-11-02", "Ebook", 0.3],
        ["2026-11-03", "Ebook", 1234.5], ["2026-11-04", "Ebook", "(12.50)"], ["2026-11-05", "Ebook", "€ 24.00"],
        ["2026-11-06", "Ebook", "USD 3.00"], ["2026-11-07", "Ebook", 2.675]])
    as_excel_writes(path, {"19.99": "19.990000000000002", "0.3": "0.30000000000000004"})
    assert imports(db, env, path, "--currency", "EUR") == [
        (date(2026, 11, 1), D("19.99"), "EUR"), (date(2026, 11, 2), D("0.30"), "EUR"),
        (date(2026, 11, 3), D("1234.50"), "EUR"), (date(2026, 11, 4), D("-12.50"), "EUR"),
        (date(2026, 11, 5), D("24.00"), "EUR"), (date(2026, 11, 6), D("3.00"), "USD"),
        (date(2026, 11, 7), D("2.68"), "EUR")]


@pytest.mark.parametrize(("number_format", "currency"), [
    ('"£"#,##0.00', "GBP"), ("#,##0.00\\ [$€-407]", "EUR"), ("[$$-409]#,##0.00_);([$$-409]#,##0.00)", "USD"),
    ('#,##0.00 "CHF"', "CHF"), ("[$JPY] #,##0", "JPY")])
def test_currency_formatted_cells_are_in_the_currency_they_show(db: Path, env: dict[str, str], tmp_path: Path,
                                                                number_format: str, currency: str) -> None:
    """The cell shows £19.99; the file holds 19.99 and the format: the payment is in pounds, not the default."""
    def money(_book: Any, sheet: Any) -> None:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=3, max_col=3):
            cell.number_format = number_format

    path = workbook(tmp_path / "formatted.xlsx", [HEADER, ["2026-11-01", "Ebook", 19], ["2026-11-02", "Ebook", -5]],
                    money)
    assert imports(db, env, path) == [(date(2026, 11, 1), D(19), currency), (date(2026, 11, 2), D(-5), currency)]


def test_a_currency_column_names_each_rows_currency(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    path = workbook(tmp_path / "currencies.xlsx", [[*HEADER, "Currency"], ["2026-11-01", "Ebook", 19.99, "usd"],
                                                   ["2026-11-02", "Ebook", 5, "GBP"]])
    assert imports(db, env, path) == [(date(2026, 11, 1), D("19.99"), "USD"), (date(2026, 11, 2), D("5.00"), "GBP")]


def test_european_semicolon_csv_with_thousands_dots(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "eu.csv"
    path.write_bytes("Date;Product;Amount\r\n01.11.2026;Ebook;1.234,56\r\n02.11.2026;Ebook;\"1.000.000,00\"\r\n"
                     "03.11.2026;Ebook;19,99 €\r\n04.11.2026;Ebook;-12,50\r\n".encode("cp1252"))
    assert imports(db, env, path) == [
        (date(2026, 11, 1), D("1234.56"), "EUR"), (date(2026, 11, 2), D("1000000.00"), "EUR"),
        (date(2026, 11, 3), D("19.99"), "EUR"), (date(2026, 11, 4), D("-12.50"), "EUR")]


def test_title_rows_blank_rows_and_a_labelled_total(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    def title(_book: Any, sheet: Any) -> None:
        sheet.merge_cells("A1:C1")

    path = workbook(tmp_path / "report.xlsx", [
        ["Sales report 2026"], ["Exported 2026-12-01"], [], HEADER, ["2026-11-01", "Ebook", 10], [None, None, None],
        ["2026-11-02", "Ebook", 5], ["Total", None, 15]], title)
    assert imports(db, env, path, "--currency", "EUR") == [
        (date(2026, 11, 1), D("10.00"), "EUR"), (date(2026, 11, 2), D("5.00"), "EUR")]


def test_a_totals_row_with_only_the_sum_is_skipped(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    """=SUM(C2:C3) under the amounts, with no label: the sum of the rows above, not a payment without a date."""
    path = workbook(tmp_path / "sum.xlsx", [HEADER, ["2026-11-01", "Ebook", 10.2], ["2026-11-02", "Ebook", 5.1],
                                            [None, None, 15.3]])
    as_excel_writes(path, {"15.3": "15.299999999999999"})  # 10.2 + 5.1 in floating point
    result = tenfold(db, env, path, "--currency", "EUR")
    assert result.returncode == 0, result.stdout
    assert "  totals and balance lines: 1 (+15.30 EUR)" in result.stdout
    assert stored(db) == [(date(2026, 11, 1), D("10.20"), "EUR"), (date(2026, 11, 2), D("5.10"), "EUR")]


def test_an_amount_without_a_date_that_is_no_total_is_refused(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    path = workbook(tmp_path / "nodate.xlsx", [HEADER, ["2026-11-01", "Ebook", 10], [None, None, 7]])
    assert "line 3: (sheet 'Sheet') Date: '' is empty" in refused(db, env, path)


def test_data_on_the_second_sheet_hidden_columns_and_a_repeated_header(db: Path, env: dict[str, str],
                                                                      tmp_path: Path) -> None:
    def shape(book: Any, sheet: Any) -> None:
        sheet.title = "Summary"
        data = book.create_sheet("Data")
        header = [*HEADER, "Internal ref"]
        for row in (header, ["2026-11-01", "Ebook", 10, "x1"], ["Page 2"], header,
                    ["2026-11-02", "Ebook", 5, None, None, None]):
            data.append(row)
        data.column_dimensions["D"].hidden = True

    path = workbook(tmp_path / "pages.xlsx", [["Summary"], ["Total", 15]], shape)
    assert imports(db, env, path, "--currency", "EUR") == [
        (date(2026, 11, 1), D("10.00"), "EUR"), (date(2026, 11, 2), D("5.00"), "EUR")]


@pytest.mark.parametrize(("name", "raw"), [
    ("bom.csv", "\ufeffDate,Product,Amount\r\n2026-11-01,Ebook,10.00\r\n2026-11-02,Ebook,\"1,234.50\"\r\n"
                .encode("utf-8")),
    ("excel-utf16.csv", "Date\tProduct\tAmount\r\n2026-11-01\tEbook\t10.00\r\n2026-11-02\tEbook\t\"1,234.50\"\r\n"
                        .encode("utf-16")),
    ("trailing.csv", b"Date,Product,Amount,,\r\n2026-11-01,Ebook,10.00,,\r\n2026-11-02,Ebook,1234.50,,\r\n,,,,\r\n"),
])
def test_csv_as_excel_saves_it(db: Path, env: dict[str, str], tmp_path: Path, name: str, raw: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    assert imports(db, env, path, "--currency", "EUR") == [
        (date(2026, 11, 1), D("10.00"), "EUR"), (date(2026, 11, 2), D("1234.50"), "EUR")]


def test_a_currency_format_that_contradicts_the_currency_column_is_refused_with_what_to_do(
        db: Path, env: dict[str, str], tmp_path: Path) -> None:
    """Euros shown (a German Excel's currency format) in a row the file says is in dollars: neither is guessed."""
    def euros(_book: Any, sheet: Any) -> None:
        sheet["C2"].number_format = "#,##0.00 [$€-407]"

    path = workbook(tmp_path / "contradiction.xlsx", [[*HEADER, "Currency"], ["2026-11-01", "Ebook", 10.2, "USD"]],
                    euros)
    assert "line 2: (sheet 'Sheet') the amount is in EUR but the currency column says USD; correct the one that " \
           "is wrong (in a workbook, the cell's currency format counts too)" in refused(db, env, path)


@pytest.mark.parametrize("header", ["Amount (net)", "Earnings (est)", "Amount (old)"])
def test_a_word_in_brackets_after_amount_is_not_a_currency(db: Path, env: dict[str, str], tmp_path: Path,
                                                          header: str) -> None:
    """Three letters in a header name a currency only when they are a currency's code (``Revenue (USD)``)."""
    source = tmp_path / "sales.csv"
    source.write_text(f"Date,Product,{header}\n2026-12-03,Ebook,19.99\n", encoding="utf-8")
    assert imports(db, env, source, "--currency", "EUR") == [(date(2026, 12, 3), D("19.99"), "EUR")]


def test_a_currency_code_in_brackets_after_amount_still_names_the_currency(db: Path, env: dict[str, str],
                                                                         tmp_path: Path) -> None:
    source = tmp_path / "sales.csv"
    source.write_text("Date,Product,Amount (gbp)\n2026-12-03,Ebook,19.99\n", encoding="utf-8")
    assert imports(db, env, source) == [(date(2026, 12, 3), D("19.99"), "GBP")]
