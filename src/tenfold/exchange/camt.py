"""ISO 20022 bank statements (camt.053, and the intraday camt.052 and notification camt.054) as rows.

European banks offer these XML files beside (or instead of) CSV. Each entry
(``<Ntry>``) is one booking: an amount with its currency, credit or debit
(``CRDT``/``DBIT``), a status, a booking day, and details naming the other party
and what the payment was for. They come out as a bank CSV would give them, so the
bank profile (:mod:`tenfold.exchange.profiles.bank`) reads them like any bank
file: credits count, debits and pending bookings are skipped.

- The day is the booking date, else the value date (a date or a date and time:
  the day as written).
- A debit is given as a negative amount; a reversal books the other way, and is typed
  as such: a debit returned to the account is the user's own money back, not income.
- The status is the entry's (``BOOK``, ``PDNG``, ``INFO``); only booked ones count.
- The other party is the debtor of a credit (who paid), the creditor of a debit.
- The id is the bank's reference for the entry (``AcctSvcrRef``, else ``NtryRef``,
  else the transaction's end-to-end id), given with the account (its IBAN) so two
  accounts never collide.

Namespaces differ between versions (``camt.053.001.02`` to ``.08``), so elements
are matched by their local names.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tenfold.exchange.csvmapping import RETURNED_DEBIT, REVERSED_CREDIT, CsvImportError, Problem, Row

HEADER = ["Date", "Status", "Amount", "Currency", "Counterparty", "Description", "Transaction ID", "Type"]
PENDING = {"PDNG": "pending", "INFO": "pending (for information)", "FUTR": "pending (future)"}
_CAMT = re.compile(rb"urn:iso:std:iso:20022:tech:xsd:camt\.05[234]")


def looks_like_camt(head: bytes) -> bool:
    """Whether a file's first bytes are an ISO 20022 camt.052/053/054 document."""
    return _CAMT.search(head[:4096]) is not None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(element: ET.Element, *path: str) -> ET.Element | None:
    """The first descendant along ``path`` of local names (any namespace), or None."""
    found: ET.Element | None = element
    for name in path:
        if found is None:
            return None
        found = next((child for child in found if _local(child.tag) == name), None)
    return found


def _text(element: ET.Element | None, *path: str) -> str:
    found = _find(element, *path) if element is not None else None
    return (found.text or "").strip() if found is not None else ""


def _entries(root: ET.Element) -> list[tuple[str, ET.Element]]:
    """(account, entry) for every ``<Ntry>`` of every statement, report or notification."""
    out = []
    for statement in root.iter():
        if _local(statement.tag) not in ("Stmt", "Rpt", "Ntfctn"):
            continue
        account = _text(statement, "Acct", "Id", "IBAN") or _text(statement, "Acct", "Id", "Othr", "Id")
        out += [(account, child) for child in statement if _local(child.tag) == "Ntry"]
    return out


def camt_rows(raw: bytes) -> list[Row]:
    """The header row and one row per entry; CsvImportError when the XML cannot be read or holds no entry.

    XML keeps no useful line numbers once parsed, so rows are numbered as the
    entries come (the header is row 1, the first entry row 2).
    """
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as exc:
        raise CsvImportError([Problem(exc.position[0], f"is an ISO 20022 bank statement that is not valid XML "
                                                       f"({exc})")]) from None
    entries = _entries(root)
    if not entries:
        raise CsvImportError([Problem(1, "is an ISO 20022 bank file with no statement entries in it")])
    rows: list[Row] = [(1, list(HEADER))]
    for number, (account, entry) in enumerate(entries, start=2):
        rows.append((number, _row(account, entry)))
    return rows


def _row(account: str, entry: ET.Element) -> list[str]:
    amount = _find(entry, "Amt")
    value = (amount.text or "").strip() if amount is not None else ""
    currency = amount.get("Ccy", "") if amount is not None else ""
    credit = _text(entry, "CdtDbtInd").upper() != "DBIT"
    reversal = ""
    if _text(entry, "RvslInd").lower() == "true":
        reversal = RETURNED_DEBIT if not credit else REVERSED_CREDIT
        credit = not credit  # a reversal books the other way
    if value and not credit:
        value = "-" + value.lstrip("+-")
    status = _text(entry, "Sts", "Cd") or _text(entry, "Sts")
    day = (_text(entry, "BookgDt", "Dt") or _text(entry, "BookgDt", "DtTm")
           or _text(entry, "ValDt", "Dt") or _text(entry, "ValDt", "DtTm"))[:10]
    details = _find(entry, "NtryDtls", "TxDtls")
    party = "Dbtr" if credit else "Cdtr"
    other = (_text(details, "RltdPties", party, "Nm") or _text(details, "RltdPties", party, "Pty", "Nm")) \
        if details is not None else ""
    unstructured = [(u.text or "").strip() for u in (details.iter() if details is not None else ())
                    if _local(u.tag) == "Ustrd"]
    purpose = " ".join(t for t in (*unstructured, _text(entry, "AddtlNtryInf")) if t)
    ref = (_text(entry, "AcctSvcrRef") or _text(entry, "NtryRef")
           or (_text(details, "Refs", "EndToEndId") if details is not None else ""))
    if ref.upper() == "NOTPROVIDED":
        ref = ""
    return [day, PENDING.get(status.upper(), status), value, currency, other, purpose,
            f"{account}:{ref}" if account and ref else ref, reversal]
