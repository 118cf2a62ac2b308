"""OFX statements (1.x SGML and 2.x XML) read as a bank file's rows."""

from __future__ import annotations

import pytest

from tenfold.exchange.csvmapping import CsvImportError
from tenfold.exchange.ofx import CARD_TYPE, HEADER, looks_like_ofx
from tenfold.exchange.read_table import read_table

XML = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<?OFX OFXHEADER="200" VERSION="220" SECURITY="NONE" OLDFILEUID="NONE" NEWFILEUID="NONE"?>
<OFX>
  <BANKMSGSRSV1><STMTTRNRS><TRNUID>1</TRNUID>
    <STMTRS>
      <CURDEF>EUR</CURDEF>
      <BANKACCTFROM><BANKID>DEUTDEFF</BANKID><ACCTID>DE89370400440532013000</ACCTID>
        <ACCTTYPE>CHECKING</ACCTTYPE></BANKACCTFROM>
      <BANKTRANLIST>
        <STMTTRN>
          <TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20240304</DTPOSTED><TRNAMT>99.00</TRNAMT>
          <FITID>A-1</FITID><NAME>Marie &amp; Paul Dupont</NAME><MEMO>Coaching March</MEMO>
        </STMTTRN>
        <STMTTRN>
          <TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20240306093000.000[+1:CET]</DTPOSTED><TRNAMT>12.00</TRNAMT>
          <FITID>A-2</FITID><NAME>Etsy</NAME>
          <CURRENCY><CURRATE>0.92</CURRATE><CURSYM>USD</CURSYM></CURRENCY>
        </STMTTRN>
        <STMTTRN>
          <TRNTYPE>CREDIT</TRNTYPE><DTPOSTED>20240307</DTPOSTED><TRNAMT>10.00</TRNAMT>
          <FITID>A-3</FITID><NAME>Ko-fi</NAME>
          <ORIGCURRENCY><CURRATE>0.92</CURRATE><CURSYM>USD</CURSYM></ORIGCURRENCY>
        </STMTTRN>
      </BANKTRANLIST>
    </STMTRS>
  </STMTTRNRS></BANKMSGSRSV1>
</OFX>
"""

SGML_TWO_ACCOUNTS = """OFXHEADER:100
DATA:OFXSGML
CHARSET:1252

<OFX>
<BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>GBP<BANKACCTFROM><ACCTID>11<ACCTTYPE>SAVINGS</BANKACCTFROM>
<BANKTRANLIST><STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240301<TRNAMT>5.00<FITID>1<NAME>Caf\xe9 Cr\xe8me</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS>
<STMTTRNRS><STMTRS><CURDEF>GBP<BANKACCTFROM><ACCTID>22</BANKACCTFROM>
<BANKTRANLIST><STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240302<TRNAMT>7.00<FITID>1<NAME>Shop
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240303<TRNAMT>-2.00<FITID>2<NAME>Fee
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1>
<CREDITCARDMSGSRSV1><CCSTMTTRNRS><CCSTMTRS><CURDEF>GBP<CCACCTFROM><ACCTID>4111</CCACCTFROM>
<BANKTRANLIST><STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240310<TRNAMT>50.00<FITID>9<NAME>PAYMENT</STMTTRN>
</BANKTRANLIST></CCSTMTRS></CCSTMTTRNRS></CREDITCARDMSGSRSV1>
</OFX>
"""


def test_an_xml_statement_gives_iso_days_the_accounts_ids_and_each_lines_currency() -> None:
    table = read_table(XML.encode("utf-8"), "statement.ofx")
    assert table.kind == "ofx" and table.describe() == "OFX bank statement, UTF-8"
    rows = table.sheets[0].rows
    assert rows[0] == (1, HEADER)
    account = "DE89370400440532013000"
    assert [cells for _line, cells in rows[1:]] == [
        ["2024-03-04", "CREDIT", "99.00", "EUR", "Marie & Paul Dupont", "Coaching March", f"{account}:A-1"],
        ["2024-03-06", "CREDIT", "12.00", "USD", "Etsy", "", f"{account}:A-2"],  # the amount is in its CURRENCY
        ["2024-03-07", "CREDIT", "10.00", "EUR", "Ko-fi", "", f"{account}:A-3"],  # converted: the statement's
    ]
    assert [line for line, _cells in rows[1:]] == [10, 14, 19]  # where each <STMTTRN> starts in the file


def test_sgml_with_unclosed_values_two_accounts_and_a_card() -> None:
    table = read_table(SGML_TWO_ACCOUNTS.encode("cp1252"), "download.qfx")
    cells = [c for _line, c in table.sheets[0].rows[1:]]
    assert cells == [
        ["2024-03-01", "CREDIT", "5.00", "GBP", "Café Crème", "", "11:1"],
        ["2024-03-02", "CREDIT", "7.00", "GBP", "Shop", "", "22:1"],  # the same FITID in another account
        ["2024-03-03", "DEBIT", "-2.00", "GBP", "Fee", "", "22:2"],  # an SGML file that never closes its lines
        ["2024-03-10", CARD_TYPE, "50.00", "GBP", "PAYMENT", "", "4111:9"],
    ]


def test_an_ofx_file_without_a_statement_is_refused_plainly() -> None:
    with pytest.raises(CsvImportError) as caught:
        read_table(b"OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>\n", "empty.ofx")
    assert "is an OFX file with no bank or credit card statement in it" in str(caught.value.problems[0])


@pytest.mark.parametrize(("head", "ofx"), [
    (b"OFXHEADER:100\r\nDATA:OFXSGML", True),
    (b"\xef\xbb\xbf<?xml version='1.0'?>\n<?OFX OFXHEADER=\"200\"?>", True),
    (b"<OFX><SIGNONMSGSRSV1>", True),
    (b"Date,Description,Amount\n2024-03-01,<OFX>,1", False),
])
def test_what_is_an_ofx_file(head: bytes, ofx: bool) -> None:
    assert looks_like_ofx(head) is ofx
