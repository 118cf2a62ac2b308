"""Bytes to rows: encodings, delimiters, preambles, Excel cells, and files that are not tables."""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal

import openpyxl
import pytest

from tenfold.exchange.csvmapping import CsvImportError
from tenfold.exchange.extraction import Options
from tenfold.exchange.importing import read_source
from tenfold.exchange.read_table import cell_text, decode_text, read_table, sniff_delimiter


@pytest.mark.parametrize(
    ("raw", "text", "label"),
    [
        ("Café;1".encode(), "Café;1", "UTF-8"),
        (b"\xef\xbb\xbf" + "Café".encode(), "\ufeffCafé", "UTF-8"),
        ("Café\n".encode("utf-16"), "Café\n", "UTF-16"),
        ("Gläubiger €".encode("cp1252"), "Gläubiger €", "Windows-1252 (not UTF-8)"),
        (b"caf\x81\xe9", "caf\x81é", "Latin-1 (not UTF-8)"),
    ],
)
def test_encodings_are_found(raw: bytes, text: str, label: str) -> None:
    decoded, used = decode_text(raw)
    assert decoded.lstrip("\ufeff") == text.lstrip("\ufeff") and used == label


def test_a_named_encoding_that_does_not_fit_names_the_line() -> None:
    with pytest.raises(CsvImportError, match=r"line 2: is not ascii text"):
        decode_text("a\nCafé".encode(), "ascii")


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ('"Datum";"Betrag"\n"01.03.2024";"1.234,56"\n"02.03.2024";"7,00"\n', ";"),
        ("Date\tAmount\nJan 1, 2024\t$1,234.00\n", "\t"),
        ("Konto;DE12\n\nDatum;Text;Betrag\n01.03.2024;x;1,00\n02.03.2024;y;2,00\n", ";"),
    ],
)
def test_delimiters_are_sniffed(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_excel_cells_read_as_a_csv_would_hold_them() -> None:
    assert cell_text(0.1) == "0.1" and cell_text(55.44) == "55.44" and cell_text(3) == "3"
    assert cell_text(datetime(2024, 3, 2)) == "2024-03-02"
    assert cell_text(datetime(2024, 3, 2, 14, 22)) == "2024-03-02 14:22:00"
    assert cell_text(None) == "" and cell_text(True) == "TRUE"


def test_a_workbook_reads_every_sheet_its_profile_knows() -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sales"
    sheet.append(["Date", "Stream", "Amount"])
    sheet.append([datetime(2024, 3, 2), "Book", 12.5])
    sheet.append([datetime(2024, 3, 3), "Book", 0.1])
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), "sales.xlsx")
    assert table.kind == "xlsx" and table.sheets[0].rows[1] == (2, ["2024-03-02", "Book", "12.5"])
    extraction = read_source(buffer.getvalue(), "sales.xlsx", Options())
    assert [e.amount for e in extraction.entries] == [Decimal("12.5"), Decimal("0.1")]


def test_the_header_is_found_after_a_preamble() -> None:
    raw = b"Kontoauszug\nKonto: 123\n\nBuchungstag;Verwendungszweck;Betrag\n01.03.2024;Honorar;1.234,56\n"
    extraction = read_source(raw, "konto.csv", Options(stream="Honorare"))
    assert extraction.profile.name == "bank-de"
    assert extraction.layout.parts[0].header_line == 4
    assert [(e.on.isoformat(), e.amount, e.stream) for e in extraction.entries] == [
        ("2024-03-01", Decimal("1234.56"), "Honorare")]


def test_german_paypal_headers_are_recognised() -> None:
    header = ('"Datum","Uhrzeit","Zeitzone","Name","Typ","Status","Währung","Brutto","Gebühr","Netto",'
              '"Absender E-Mail-Adresse","Empfänger E-Mail-Adresse","Transaktionscode","Artikelbezeichnung",'
              '"Zugehöriger Transaktionscode","Guthaben","Auswirkung auf Guthaben"\n')
    rows = ('"02.03.2024","10:00:00","MEZ","Ana","Handyzahlung","Abgeschlossen","EUR","1.250,00","-43,80",'
            '"1.206,20","ana@example.com","shop@example.de","1A","Kurs","","1.206,20","Haben"\n'
            '"05.03.2024","10:00:00","MEZ","","Allgemeine Abbuchung","Abgeschlossen","EUR","-1.206,20","0,00",'
            '"-1.206,20","","","2B","","","0,00","Soll"\n')
    extraction = read_source((header + rows).encode("utf-8-sig"), "Download.CSV", Options())
    assert extraction.profile.name == "paypal"
    assert [(e.amount, e.fee, e.stream, e.currency) for e in extraction.entries] == [
        (Decimal("1206.20"), Decimal("43.80"), "Kurs", "EUR")]
    assert extraction.skipped["payouts and transfers to or from your bank"].rows == 1


def test_a_quote_never_closed_is_named_by_the_line_it_opens_on() -> None:
    """The rest of the file read into one cell was reported as "has 2 fields; the header has 3"."""
    raw = b'Date,Description,Amount\n2024-03-01,"unterminated,5.00\n2024-03-02,ok,6.00\n2024-03-03,ok,7.00\n'
    with pytest.raises(CsvImportError) as caught:
        read_table(raw, "x.csv")
    problem = caught.value.problems[0]
    assert problem.line == 2 and "never closed" in problem.message


def test_a_cell_over_two_lines_and_an_inch_mark_are_not_unclosed_quotes() -> None:
    raw = b'Date,Description,Amount\n2024-03-01,ACME 12" DISPLAY,5.00\n2024-03-02,"Page and\r\nSpine Books",6.00\n'
    rows = read_table(raw, "x.csv").sheets[0].rows
    assert [cells[1] for _line, cells in rows[1:]] == ['ACME 12" DISPLAY', "Page and\r\nSpine Books"]
