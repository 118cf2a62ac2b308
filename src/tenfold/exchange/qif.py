"""QIF (Quicken Interchange Format) bank and card downloads as rows.

A QIF file is a list of records, one field per line, each line starting with
a letter (``D`` date, ``T`` or ``U`` amount, ``P`` payee, ``M`` memo, ``N`` check
number or reference), each record ended by ``^``; ``!Type:Bank`` (or ``Cash``,
``CCard``...) says what follows. Records come out as a bank CSV's rows and the
bank profile reads them (:mod:`tenfold.exchange.profiles.bank`): credits count,
debits are skipped.

Dates are written as the bank's locale has them (``03/04/2024``, ``3/ 4'24``,
``04.03.2024``): they are given as written, with a two-digit year after an
apostrophe made four-digit, so the date column settles day or month first from
the whole file, or asks, exactly as for a CSV. A card account's records
(``!Type:CCard``) are marked as card lines: a card's credits are not income.
"""

from __future__ import annotations

import re

from tenfold.exchange.csvmapping import CsvImportError, Problem, Row
from tenfold.exchange.ofx import CARD_TYPE

HEADER = ["Date", "Type", "Amount", "Payee", "Memo", "Number"]
_SHORT_YEAR = re.compile(r"^(\d{1,2})/\s*(\d{1,2})'\s*(\d{2})$")
_CARD_TYPES = ("ccard", "oth l")
_SKIPPED_TYPES = ("invst", "memorized", "cat", "class")

OWN_TRANSFER_TYPE = "transfer between your own accounts"
"""The type a QIF line gets when its category names one of the user's accounts (``[Savings]``)."""


def looks_like_qif(head: bytes) -> bool:
    """Whether a file starts with a QIF header line (``!Type:Bank``, ``!Account``, ``!Option:...``)."""
    first = head[:200].lstrip(b"\xef\xbb\xbf \t\r\n")
    return first[:6].lower() in (b"!type:", b"!accou", b"!optio", b"!clear")


def _date(text: str) -> str:
    """``3/ 4'24`` -> ``3/4/2024`` (Quicken's apostrophe years are 2000s); others as written."""
    match = _SHORT_YEAR.match(text.strip())
    if match:
        return f"{match.group(1)}/{match.group(2)}/20{match.group(3)}"
    return text.strip().replace("' ", "/").replace("'", "/")


def qif_rows(text: str) -> list[Row]:
    """The header row and one row per record, each with the line the record starts on."""
    rows: list[Row] = [(1, list(HEADER))]
    kind = "bank"
    record: dict[str, str] = {}
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("!"):
            if stripped.lower().startswith("!type:"):
                kind = stripped[6:].strip().lower()
            continue
        if stripped == "^":
            if record and not kind.startswith(_SKIPPED_TYPES):
                rows.append((start, _row(record, kind)))
            record = {}
            continue
        if not record:
            start = number
        code, value = stripped[0].upper(), stripped[1:].strip()
        if code in "DTUPMN" and code not in record:
            record[code] = value
        elif code == "L" and "L" not in record:  # the category: a transfer shows as [Account name]
            record["L"] = value
    if record and not kind.startswith(_SKIPPED_TYPES):
        rows.append((start, _row(record, kind)))
    if len(rows) == 1:
        raise CsvImportError([Problem(1, "is a QIF file with no bank or card transactions in it")])
    return rows


def _row(record: dict[str, str], kind: str) -> list[str]:
    transfer = record.get("L", "").startswith("[")
    typed = CARD_TYPE if kind.startswith(_CARD_TYPES) else (OWN_TRANSFER_TYPE if transfer else "")
    return [_date(record.get("D", "")), typed, record.get("T") or record.get("U", ""), record.get("P", ""),
            record.get("M", ""), record.get("N", "")]
