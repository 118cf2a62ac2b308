"""Reading payments from a CSV file: all rows are valid, or none is imported.

Rows go through the same :func:`parse_payment` as the ledger form, so an import
refuses exactly what the app refuses. Every problem is reported with the line it
sits on, so the user can fix the file and run the import again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from tenfold.errors import FormErrors, TenfoldError
from tenfold.ledger import Payment, Stream, parse_payment

REQUIRED = ("date", "stream", "amount")
OPTIONAL = ("note",)
FIELD_NAMES = {"on": "date"}
"""The payment form calls the date ``on``; the CSV column is ``date``."""


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


def decode(raw: bytes) -> str:
    """The file's text: UTF-8, with or without the byte-order mark spreadsheets add."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CsvImportError([Problem(line, "is not UTF-8 text; save the file as UTF-8 CSV")]) from None


def _columns(header: list[str]) -> dict[str, int]:
    """Where each known column is; refuses missing, unknown or repeated columns."""
    names = [h.strip().lower() for h in header]
    problems = []
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        problems.append(f"missing column {', '.join(missing)}")
    unknown = [n for n in names if n not in REQUIRED + OPTIONAL]
    if unknown:
        problems.append(f"unknown column {', '.join(repr(u) for u in unknown)}")
    if len(set(names)) != len(names):
        problems.append("a column is repeated")
    if problems:
        expected = ",".join(REQUIRED + OPTIONAL)
        raise CsvImportError([Problem(1, f"{'; '.join(problems)} (the header must be {expected})")])
    return {name: i for i, name in enumerate(names)}


def read_payments(text: str, streams: Iterable[Stream]) -> list[Payment]:
    """Parse every row into a Payment (id 0); raise CsvImportError listing every bad line."""
    streams = list(streams)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise CsvImportError([Problem(reader.line_num, f"is not valid CSV ({exc})")]) from None
    if header is None:
        raise CsvImportError([Problem(1, "the file is empty; the first line must be date,stream,amount,note")])
    columns = _columns(header)
    payments: list[Payment] = []
    problems: list[Problem] = []
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            problems.append(Problem(line, f"is not valid CSV ({exc})"))
            break
        if row is None:
            break
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(Problem(line, f"has {len(row)} fields; the header has {len(header)}"))
            continue
        values = {name: row[i] for name, i in columns.items()}
        try:
            payments.append(
                parse_payment(
                    stream=values["stream"],
                    on=values["date"],
                    amount=values["amount"],
                    note=values.get("note", ""),
                    streams=streams,
                )
            )
        except FormErrors as exc:
            detail = "; ".join(f"{FIELD_NAMES.get(k, k)}: {v}" for k, v in exc.errors.items())
            problems.append(Problem(line, detail))
    if problems:
        raise CsvImportError(problems)
    if not payments:
        raise CsvImportError([Problem(2, "there are no payments below the header")])
    return payments
