"""Which column of an imported CSV holds which field of a payment.

Exports from banks, shops and platforms name their columns in their own way
("Booking date", "Memo", "Client"), so the header is matched against a few
common names for each field, case and spacing ignored. Whatever is not
recognised can be named by the user (``--map stream=Source`` on the command
line, the same in the app's import dialog); columns left over are ignored.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tenfold.domain.errors import FieldError, TenfoldError

FIELDS = ("date", "stream", "amount", "note", "customer", "currency")
REQUIRED = ("date", "stream", "amount")
FIELD_NAMES = {"on": "date"}
"""The payment form calls the date ``on``; the CSV field is ``date``."""

SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "on", "paid on", "booking date", "transaction date", "value date", "payment date"),
    "stream": ("stream", "income stream", "stream name", "source", "income source"),
    "amount": ("amount", "sum", "value", "total", "amount paid", "net amount", "net"),
    "note": ("note", "notes", "memo", "description", "reference", "details", "comment"),
    "customer": ("customer", "client", "payer", "paid by", "buyer", "from"),
    "currency": ("currency", "cur", "ccy", "currency code"),
}
"""Header names recognised for each field, in order of preference, already normalised."""


Row = tuple[int, list[str]]
"""A row of a file read as a table: its line number in the file (the row number in a sheet) and its cells."""

RETURNED_DEBIT, REVERSED_CREDIT = "returned debit", "reversed credit"
"""The type a bank statement reader (camt, MT940) gives a reversal: a debit returned to the account is the
user's own money back, never income; a credit reversed is income taken back."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, and the line it is on (1 = the header)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class CsvImportError(TenfoldError):
    """The file cannot be imported; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@functools.lru_cache(maxsize=16384)
def normalise(header: str) -> str:
    """``" Booking_Date "`` -> ``"booking date"``: how headers are compared.

    Kept per text: every profile compares its names with every column of a file,
    and a file of a few thousand columns made that millions of calls.
    """
    return " ".join(re.sub(r"[_\-.]+", " ", header).casefold().split())


def parse_map_options(texts: Iterable[str], field: str = "map") -> dict[str, str]:
    """``["date=Booking date", "stream=Source"]`` -> ``{"date": "Booking date", ...}``, or FieldError."""
    mapping: dict[str, str] = {}
    for text in texts:
        name, sep, column = text.partition("=")
        name = name.strip().lower()
        if not sep or not column.strip():
            raise FieldError(field, f"'{text[:30]}' is not FIELD=COLUMN, e.g. amount=Amount")
        if name not in FIELDS:
            raise FieldError(field, f"'{name[:20]}' is not a field; use {', '.join(FIELDS)}")
        if name in mapping:
            raise FieldError(field, f"{name} is mapped twice")
        mapping[name] = column.strip()
    return mapping


def column_mapping(header: list[str], overrides: Mapping[str, str]) -> dict[str, int]:
    """Field -> column index, from ``overrides`` first, then from the header's names.

    Raises CsvImportError (on line 1) when a column named
    in ``overrides`` is not there, a required field has no column, or one column
    would be read for two fields.
    """
    names = [normalise(h) for h in header]
    shown = ", ".join(h.strip() for h in header) or "none"
    problems: list[str] = []
    found: dict[str, int] = {}
    for name, column in overrides.items():
        wanted = normalise(column)
        hits = [i for i, n in enumerate(names) if n == wanted]
        if not hits:
            problems.append(f"there is no column '{column[:30]}' for {name} (the columns are: {shown})")
        elif len(hits) > 1:
            problems.append(f"a column is repeated: '{column[:30]}'")
        else:
            found[name] = hits[0]
    for name in FIELDS:
        if name in found or name in overrides:
            continue
        for synonym in SYNONYMS[name]:
            hits = [i for i, n in enumerate(names) if n == synonym and i not in found.values()]
            if len(hits) > 1:
                problems.append(f"a column is repeated: '{header[hits[0]].strip()}'")
                break
            if hits:
                found[name] = hits[0]
                break
    missing = [n for n in REQUIRED if n not in found and n not in overrides]
    if missing:
        problems.append(f"missing column {', '.join(missing)} (the columns are: {shown})")
    taken: dict[int, str] = {}
    for name, i in found.items():
        if i in taken:
            problems.append(f"the column '{header[i].strip()}' is mapped to both {taken[i]} and {name}")
        taken[i] = name
    if problems:
        raise CsvImportError([Problem(1, "; ".join(problems))])
    return found
