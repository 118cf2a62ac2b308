"""QIF downloads read as a bank file's rows."""

from __future__ import annotations

import pytest

from tenfold.exchange.csvmapping import CsvImportError
from tenfold.exchange.ofx import CARD_TYPE
from tenfold.exchange.qif import HEADER, OWN_TRANSFER_TYPE, looks_like_qif
from tenfold.exchange.read_table import read_table

QIF = """!Type:Bank
D4/ 3'24
T1.250,00
PHonorar Verlag
^
D15.03.2024
U-9,99
PStreaming
MMonatlich
N1042
^
!Type:CCard
D03/16/2024
T200.00
PPAYMENT - THANK YOU
^
!Type:Invst
D03/17/2024
NBuy
T1000.00
^
!Type:Bank
D03/18/2024
T40.00
PSAVINGS
L[Tagesgeld]
"""


def test_records_with_their_lines_apostrophe_years_cards_and_transfers() -> None:
    table = read_table(QIF.encode("cp1252"), "download.qif")
    assert table.kind == "qif"
    assert table.sheets[0].rows == [
        (1, HEADER),
        (2, ["4/3/2024", "", "1.250,00", "Honorar Verlag", "", ""]),
        (6, ["15.03.2024", "", "-9,99", "Streaming", "Monatlich", "1042"]),
        (13, ["03/16/2024", CARD_TYPE, "200.00", "PAYMENT - THANK YOU", "", ""]),  # a card's credit: not income
        # no closing ^ at the end; investments left out
        (23, ["03/18/2024", OWN_TRANSFER_TYPE, "40.00", "SAVINGS", "", ""]),
    ]


def test_a_qif_file_without_transactions_is_refused_plainly() -> None:
    with pytest.raises(CsvImportError) as caught:
        read_table(b"!Type:Cat\nNGroceries\nE\n^\n", "categories.qif")
    assert "is a QIF file with no bank or card transactions in it" in str(caught.value.problems[0])


def test_what_is_a_qif_file() -> None:
    assert looks_like_qif(b"\xef\xbb\xbf!Type:Bank\r\nD01/02/2024")
    assert looks_like_qif(b"!Account\nNChecking\n^\n!Type:Bank\n")
    assert not looks_like_qif(b"Date,Amount\n!Type:Bank,1\n")
