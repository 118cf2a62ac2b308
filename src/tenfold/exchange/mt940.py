"""SWIFT MT940 bank statements (``.sta``, ``.mt940``, ``.940``) as rows.

Many European banks (Dutch, German, Polish, Swiss...) offer the SWIFT statement
beside CSV. It is text in tagged fields: ``:25:`` the account, ``:60F:`` the
opening balance (its currency is the statement's), then per booking a ``:61:``
statement line and a ``:86:`` line of details, and ``:62F:`` the closing
balance; a line ``-`` ends a statement, and a file holds any number of them.

A ``:61:`` line is written as ``240304`` (value date) ``0304`` (booking date,
optional) ``C`` or ``D`` (credit or debit; ``RC``/``RD`` a reversal, which books
the other way and is typed as such, as in :mod:`tenfold.exchange.camt`: a debit
returned is the user's own money back, not income) an optional third letter of
the currency, the amount with a decimal comma (``150,00``), the transaction type
(``NTRF``), the customer's reference and, after ``//``, the bank's reference.
The details name the other party and the purpose: German banks as numbered
subfields (``?20`` to ``?29`` the purpose, ``?32``/``?33`` the name), Dutch and
others as keywords (``/NAME/``, ``/REMI/``), any other bank as plain text.

The rows come out as a bank CSV would give them, so the bank profile reads them
(:mod:`tenfold.exchange.profiles.bank`): credits count, debits are skipped. The
day is the booking date (the value date when there is none).
"""

from __future__ import annotations

import re

from tenfold.exchange.csvmapping import RETURNED_DEBIT, REVERSED_CREDIT, CsvImportError, Problem, Row

HEADER = ["Date", "Amount", "Currency", "Counterparty", "Description", "Transaction ID", "Type"]
_TAG = re.compile(r"^:(\d{2}[A-Z]?):(.*)$")
_LINE = re.compile(r"^(\d{2})(\d{2})(\d{2})(\d{4})?(RC|RD|C|D)[A-Z]?(\d+(?:,\d*)?)(?:[NFS][A-Z0-9]{3})?"
                   r"([^/]*)(?://(.*))?$")
_BALANCE = re.compile(r"^[CD]\d{6}([A-Z]{3})")
_GERMAN = re.compile(r"\?(\d{2})")
_KEYWORDS = re.compile(r"/(NAME|REMI|EREF|ORDP|BENM|CNTP|TRCD|TRTP|IBAN|BIC|CSID|MARF|ULTD|ULTC|PURP|ADDR)/")


def looks_like_mt940(head: bytes) -> bool:
    """Whether a file's first bytes hold an MT940 statement: a ``:20:`` and a ``:25:`` or ``:60F:`` field."""
    text = head[:4096]
    return (re.search(rb"(?m)^:20:", text) is not None
            and re.search(rb"(?m)^:(25|60F|60M|61):", text) is not None)


def _fields(text: str) -> list[tuple[int, str, str]]:
    """(line, tag, value) of every field, continuation lines joined as written (split at a fixed width)."""
    fields: list[tuple[int, str, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        match = _TAG.match(line)
        if match:
            fields.append((number, match.group(1), match.group(2)))
        elif line.strip() == "-" or line.startswith(("{", "}")):
            fields.append((number, "-", ""))
        elif fields and fields[-1][1] != "-":
            at, tag, value = fields[-1]
            fields[-1] = (at, tag, value + ("\n" if tag == "61" else "") + line)
    return fields


def mt940_rows(text: str) -> list[Row]:
    """The header row and one row per statement line; CsvImportError when the file holds none."""
    rows: list[Row] = [(1, list(HEADER))]
    account = currency = ""
    pending: tuple[int, list[str]] | None = None
    for number, tag, value in _fields(text):
        if tag == "86" and pending is not None:
            pending[1][3], pending[1][4] = _details(value)
            continue
        if pending is not None:
            rows.append(pending)
            pending = None
        if tag == "25":
            account = value.strip()
        elif tag in ("60F", "60M"):
            match = _BALANCE.match(value.strip())
            currency = match.group(1) if match else currency
        elif tag == "61":
            pending = (number, _statement_line(number, value, account, currency))
    if pending is not None:
        rows.append(pending)
    if len(rows) == 1:
        raise CsvImportError([Problem(1, "is an MT940 bank statement with no bookings in it")])
    return rows


def _statement_line(number: int, value: str, account: str, currency: str) -> list[str]:
    first, _, _supplement = value.partition("\n")
    match = _LINE.match(first.strip())
    if match is None:
        raise CsvImportError([Problem(number, f"is an MT940 statement line that cannot be read: "
                                              f"'{first.strip()[:40]}'")])
    yy, mm, dd, booked, mark, amount, own_ref, bank_ref = match.groups()
    year, month, day = 2000 + int(yy), int(mm), int(dd)
    if booked:  # the booking date has no year: the value date's, or the next or last one across New Year
        booked_month, day = int(booked[:2]), int(booked[2:])
        year += 1 if booked_month < month - 6 else -1 if booked_month > month + 6 else 0
        month = booked_month
    credit = mark in ("C", "RD")  # a reversal books the other way
    money = amount.replace(",", ".").rstrip(".")
    ref = (bank_ref or "").strip() or (own_ref or "").strip()
    ref = "" if ref.upper() in ("NONREF", "NOTPROVIDED") else ref
    reversal = {"RD": RETURNED_DEBIT, "RC": REVERSED_CREDIT}.get(mark, "")
    return [f"{year:04d}-{month:02d}-{day:02d}", money if credit else f"-{money}", currency, "", "",
            f"{account}:{ref}" if account and ref else ref, reversal]


def _details(value: str) -> tuple[str, str]:
    """(the other party, the purpose) from a ``:86:`` field, whichever way the bank writes it."""
    text = value.strip()
    if _GERMAN.match(text[3:6] if text[:3].isdigit() else text[:3]) or text.startswith("?"):
        parts = _GERMAN.split(text)
        numbered = {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}
        purpose = "".join(numbered.get(f"{n}", "") for n in (*range(20, 30), *range(60, 64)))
        name = (numbered.get("32", "") + numbered.get("33", "")).strip()
        return name, " ".join((purpose or numbered.get("00", "")).split())
    if _KEYWORDS.search(text):
        parts = _KEYWORDS.split(text)
        keyed: dict[str, str] = {}
        for i in range(1, len(parts) - 1, 2):
            keyed.setdefault(parts[i], parts[i + 1].strip("/ "))
        party = keyed.get("CNTP", "").split("/")  # account, bank code, name, town
        name = keyed.get("NAME", "") or (party[2] if len(party) > 2 else "")
        purpose = keyed.get("REMI", "")
        purpose = re.sub(r"^(USTD|STRD)//?", "", purpose).replace("/", " ")
        return name, " ".join(purpose.split())
    return "", " ".join(text.split())
