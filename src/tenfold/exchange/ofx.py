"""OFX, QFX and QBO bank statements (the "Quicken", "Money" or "OFX" download most banks offer) as rows.

OFX 1.x is SGML: aggregates such as ``<STMTTRN>`` are closed, single values are
not (``<TRNAMT>-45.99`` runs to the next tag). OFX 2.x is the same vocabulary in
XML, with every tag closed. Both are read by one tolerant scan of the tags, so
the rows come out as a bank CSV would give them - date, type, amount, currency,
name, memo, id - and the bank profile reads them like any other bank file
(:mod:`tenfold.exchange.profiles.bank`): credits count, debits are skipped.

- The date is the day posted (``DTPOSTED``, else ``DTUSER``), written in the
  file as ``YYYYMMDD`` with an optional time and zone: it is given as ISO, the
  day as the bank wrote it.
- The currency is the statement's (``CURDEF``), or the transaction's own when it
  names one (``<CURRENCY><CURSYM>``; an ``ORIGCURRENCY`` only says what the money
  was before the bank converted it).
- The id is the bank's ``FITID``, unique within an account, so it is given with
  the account number: two accounts in one file (or in two imports) never
  collide.
- Credit card statements (``CCSTMTRS``) are marked: a card's credits are
  payments to the card and merchants' refunds, never income.
"""

from __future__ import annotations

import html
import re

from tenfold.exchange.csvmapping import CsvImportError, Problem, Row

HEADER = ["Date", "Type", "Amount", "Currency", "Name", "Memo", "Transaction ID"]
CARD_TYPE = "credit card statement"
"""The type given to a credit card statement's lines: the bank profile skips them."""

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9.]*)>([^<]*)")
_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})")
_STATEMENTS = {"STMTRS": "", "CCSTMTRS": CARD_TYPE}
_VALUES = ("TRNTYPE", "DTPOSTED", "DTUSER", "TRNAMT", "FITID", "NAME", "PAYEE", "MEMO")


def looks_like_ofx(head: bytes) -> bool:
    """Whether a file's first bytes are an OFX document (SGML header, or XML with its processing instruction)."""
    text = head[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    return text.startswith(b"OFXHEADER") or b"<?OFX " in text or (text.startswith(b"<OFX>"))


def ofx_rows(text: str) -> list[Row]:
    """The header row and one row per transaction, each with the line its ``<STMTTRN>`` starts on.

    CsvImportError for a document with no statement in it: nothing to import is said
    plainly, not shown as an empty preview.
    """
    rows: list[Row] = [(1, list(HEADER))]
    statement: str | None = None
    currency, account = "", ""
    txn: dict[str, str] | None = None
    txn_line, line, counted_to = 0, 1, 0
    inside: list[str] = []

    def flush() -> None:
        nonlocal txn
        if txn is not None:
            rows.append((txn_line, _row(txn, currency, account, statement or "")))
            txn = None

    for match in _TAG.finditer(text):
        closing, tag, value = match.group(1) == "/", match.group(2).upper(), html.unescape(match.group(3).strip())
        if closing:
            if tag in ("STMTTRN", "BANKTRANLIST", *_STATEMENTS):  # SGML may leave a transaction open
                flush()
            if tag in inside:
                del inside[len(inside) - 1 - inside[::-1].index(tag):]
            continue
        if tag in _STATEMENTS:
            flush()
            statement, currency, account = _STATEMENTS[tag], "", ""
        elif tag == "STMTTRN":
            flush()
            line += text.count("\n", counted_to, match.start())
            counted_to = match.start()
            txn, txn_line = {}, line
        elif txn is None:
            if tag == "CURDEF" and value:
                currency = value
            elif tag == "ACCTID" and value and not account:
                account = value
        elif tag == "CURSYM" and "CURRENCY" in inside and value:
            txn.setdefault("CURRENCY", value)
        elif tag in _VALUES and value:
            txn.setdefault(tag, value)
        if not value and tag not in ("STMTTRN", *_STATEMENTS):
            inside.append(tag)
    flush()
    if statement is None:
        raise CsvImportError([Problem(1, "is an OFX file with no bank or credit card statement in it")])
    return rows


def _row(txn: dict[str, str], currency: str, account: str, statement: str) -> list[str]:
    day = txn.get("DTPOSTED") or txn.get("DTUSER") or ""
    iso = _DAY.match(day)
    fitid = txn.get("FITID", "")
    return [
        f"{iso.group(1)}-{iso.group(2)}-{iso.group(3)}" if iso else day,
        statement or txn.get("TRNTYPE", ""),
        txn.get("TRNAMT", ""),
        txn.get("CURRENCY", currency),
        txn.get("NAME") or txn.get("PAYEE", ""),
        txn.get("MEMO", ""),
        f"{account}:{fitid}" if account and fitid else fitid,
    ]
