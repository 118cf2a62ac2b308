"""SWIFT MT940 statements read as a bank file's rows: German and Dutch details, reversals, New Year."""

from __future__ import annotations

import pytest

from tenfold.exchange.csvmapping import CsvImportError
from tenfold.exchange.mt940 import HEADER, looks_like_mt940
from tenfold.exchange.read_table import read_table


def statement(*lines: str, account: str = "NL91INGB0001234567", opening: str = ":60F:C231229EUR100,00") -> bytes:
    return "\r\n".join([":20:940S", f":25:{account}", ":28C:1", opening, *lines, ":62F:C240102EUR0,00", "-"]).encode()


def test_german_subfields_name_the_payer_and_the_purpose_across_wrapped_lines() -> None:
    raw = statement(":61:2403040304CR150,00NTRFNONREF//0304A1",
                    ":86:166?00GUTSCHRIFT?109310?20Rechnung 2024-17 Sauer", "teig?21kurs?32Max Muster?33mann",
                    account="10020030/1234567890")
    table = read_table(raw, "umsatz.sta")
    assert table.kind == "mt940" and table.describe() == "MT940 bank statement, UTF-8"
    assert table.sheets[0].rows == [
        (1, HEADER),
        (5, ["2024-03-04", "150.00", "EUR", "Max Mustermann", "Rechnung 2024-17 Sauerteigkurs",
             "10020030/1234567890:0304A1", ""]),
    ]


def test_dutch_keywords_and_a_counterparty_field_name_the_payer() -> None:
    raw = statement(":61:240329C24,99NTRFEREF//240329A9",
                    ":86:/EREF/NOTPROVIDED//CNTP/NL12RABO0123456789/RABONL2U/J Jansen/Utrecht/",
                    "/REMI/USTD//Ebook bestelling 88/",
                    ":61:240330D10,00NTRFNONREF",
                    ":86:/TRTP/SEPA OVERBOEKING/IBAN/NL44ABNA0123456789/BIC/ABNANL2A/NAME/Bakkerij/REMI/Meel/")
    rows = read_table(raw, "mt940.txt").sheets[0].rows
    assert rows[1][1] == ["2024-03-29", "24.99", "EUR", "J Jansen", "Ebook bestelling 88",
                          "NL91INGB0001234567:240329A9", ""]
    assert rows[2][1] == ["2024-03-30", "-10.00", "EUR", "Bakkerij", "Meel", "", ""]  # NONREF: no id


def test_a_booking_across_new_year_and_reversals_booking_the_other_way() -> None:
    raw = statement(":61:2312311229C5,00NTRF//A", ":61:2312310102C6,00NTRF//B",
                    ":61:240102RD12,50NRTI//C", ":61:240102RC7,00NTRF//D", ":86:plain text,  said once")
    rows = [r[1] for r in read_table(raw, "x.sta").sheets[0].rows[1:]]
    assert [(r[0], r[1], r[6]) for r in rows] == [
        ("2023-12-29", "5.00", ""), ("2024-01-02", "6.00", ""),  # booked the next year
        ("2024-01-02", "12.50", "returned debit"), ("2024-01-02", "-7.00", "reversed credit")]
    assert rows[3][4] == "plain text, said once"


@pytest.mark.parametrize(("raw", "says"), [
    (statement(), "MT940 bank statement with no bookings"),
    (statement(":61:24AB04C1,00NTRF"), "MT940 statement line that cannot be read: '24AB04C1,00NTRF'"),
])
def test_an_empty_or_unreadable_statement_is_refused_in_one_line(raw: bytes, says: str) -> None:
    with pytest.raises(CsvImportError) as caught:
        read_table(raw, "statement.sta")
    assert says in str(caught.value.problems[0])


def test_what_is_an_mt940_file() -> None:
    assert looks_like_mt940(statement())
    assert not looks_like_mt940(b"Date,Note,Amount\n2024-03-01,:20: in a note,1\n")
