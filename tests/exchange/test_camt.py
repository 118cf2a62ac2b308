"""ISO 20022 camt statements read as a bank file's rows, whatever their version."""

from __future__ import annotations

import pytest

from tenfold.exchange.camt import HEADER, looks_like_camt
from tenfold.exchange.csvmapping import CsvImportError
from tenfold.exchange.read_table import read_table


def document(version: str, entries: str, account: str = "<IBAN>CH9300762011623852957</IBAN>") -> bytes:
    return (f'<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:{version}"><BkToCstmrStmt>'
            f"<Stmt><Acct><Id>{account}</Id></Acct>{entries}</Stmt></BkToCstmrStmt></Document>").encode()


def test_an_old_version_with_a_reversal_and_a_value_date_and_time() -> None:
    raw = document("camt.053.001.02",
                   '<Ntry><NtryRef>1</NtryRef><Amt Ccy="CHF">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>'
                   "<ValDt><DtTm>2024-03-04T09:30:00</DtTm></ValDt><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>Lea</Nm>"
                   "</Dbtr><Cdtr><Nm>Me</Nm></Cdtr></RltdPties></TxDtls></NtryDtls></Ntry>"
                   '<Ntry><NtryRef>2</NtryRef><Amt Ccy="CHF">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>'
                   "<RvslInd>true</RvslInd><Sts>BOOK</Sts><BookgDt><Dt>2024-03-06</Dt></BookgDt></Ntry>")
    table = read_table(raw, "statement.xml")
    assert table.kind == "camt"
    assert table.sheets[0].rows == [
        (1, HEADER),
        (2, ["2024-03-04", "BOOK", "100.00", "CHF", "Lea", "", "CH9300762011623852957:1", ""]),
        (3, ["2024-03-06", "BOOK", "-100.00", "CHF", "", "", "CH9300762011623852957:2", "reversed credit"]),
    ]


def test_a_debit_names_its_creditor_and_an_account_without_iban_its_other_id() -> None:
    raw = document("camt.052.001.08",
                   '<Ntry><AcctSvcrRef>R9</AcctSvcrRef><Amt Ccy="EUR">7.50</Amt><CdtDbtInd>DBIT</CdtDbtInd>'
                   "<Sts><Cd>INFO</Cd></Sts><BookgDt><Dt>2024-03-07</Dt></BookgDt><NtryDtls><TxDtls><RltdPties>"
                   "<Dbtr><Pty><Nm>Me</Nm></Pty></Dbtr><Cdtr><Pty><Nm>Shop</Nm></Pty></Cdtr></RltdPties>"
                   "<RmtInf><Ustrd>order 1</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>",
                   account="<Othr><Id>12-3456</Id></Othr>")
    rows = read_table(raw, "intraday.xml").sheets[0].rows
    assert rows[1] == (2, ["2024-03-07", "pending (for information)", "-7.50", "EUR", "Shop", "order 1", "12-3456:R9",
                           ""])


@pytest.mark.parametrize(("raw", "says"), [
    (b'<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>', "not valid XML"),
    (document("camt.053.001.04", ""), "no statement entries"),
])
def test_a_broken_or_empty_statement_is_refused_in_one_line(raw: bytes, says: str) -> None:
    with pytest.raises(CsvImportError) as caught:
        read_table(raw, "statement.xml")
    assert says in str(caught.value.problems[0])


def test_what_is_a_camt_file() -> None:
    assert looks_like_camt(document("camt.054.001.02", ""))
    assert not looks_like_camt(b"Date,Note,Amount\n2024-03-01,camt.053,1\n")
