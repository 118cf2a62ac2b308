"""Reading payments from a CSV file: all rows are valid, or none is imported.

Rows go through the same :func:`parse_payment` as the ledger form, so an import
refuses exactly what the app refuses. Every problem is reported with the line it
sits on, so the user can fix the file and run the import again.

Which column holds what is found from the header (:mod:`tenfold.exchange.csvmapping`),
so a bank's or a platform's export can be imported as it is; columns that map to
nothing are ignored and named in the preview. A row with the same date, stream,
amount and note as a payment already in the ledger, or as an earlier row of the
file, is a duplicate: skipped and counted, so importing the same file twice, or
an export back into the ledger it came from, adds nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tenfold.domain.csvsafe import text_cells
from tenfold.domain.errors import FormErrors
from tenfold.domain.ledger import Payment, Stream, parse_payment
from tenfold.exchange.csvmapping import FIELD_NAMES, FIELDS, CsvImportError, Problem, column_mapping

__all__ = ["CsvImportError", "Duplicate", "ImportPlan", "Problem", "decode", "plan_import", "read_payments"]

DuplicateKey = tuple[date, int, Decimal, str]


@dataclass(frozen=True)
class Duplicate:
    """A row skipped because its payment is already there; ``earlier_line`` when it repeats the file."""

    line: int
    payment: Payment
    earlier_line: int | None = None

    def describe(self) -> str:
        """``line 7 repeats line 3`` or ``line 7 is already in the ledger``."""
        if self.earlier_line is not None:
            return f"line {self.line} repeats line {self.earlier_line}"
        return f"line {self.line} is already in the ledger"


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do, before anything is saved."""

    mapping: dict[str, str]
    """Field -> the header of the column it is read from."""
    ignored: tuple[str, ...]
    """Headers of the columns that map to no field."""
    rows: list[tuple[int, Payment]] = field(default_factory=list)
    """Every payment read, with its line, in file order (duplicates too)."""
    new: list[Payment] = field(default_factory=list)
    """The payments to save: every row that is not a duplicate."""
    duplicates: list[Duplicate] = field(default_factory=list)


def decode(raw: bytes) -> str:
    """The file's text: UTF-8, with or without the byte-order mark spreadsheets add."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CsvImportError([Problem(line, "is not UTF-8 text; save the file as UTF-8 CSV")]) from None


def duplicate_key(p: Payment) -> DuplicateKey:
    """What makes two payments the same for an import: date, stream, amount and note."""
    return (p.on, p.stream_id, p.amount, p.note)


def plan_import(
    text: str,
    streams: Iterable[Stream],
    existing: Iterable[Payment] = (),
    overrides: Mapping[str, str] | None = None,
) -> ImportPlan:
    """Read every row, find the duplicates; raise CsvImportError listing every bad line.

    ``overrides`` maps a field to a header, for files whose headers are not
    recognised (``{"stream": "Source"}``).
    """
    streams = list(streams)
    by_id = {s.id: s for s in streams}
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise CsvImportError([Problem(reader.line_num, f"is not valid CSV ({exc})")]) from None
    if header is None:
        raise CsvImportError([Problem(1, "the file is empty; the first line must be date,stream,amount,note")])
    columns = column_mapping(header, overrides or {})
    rows: list[tuple[int, Payment]] = []
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
        values = text_cells({name: row[i] for name, i in columns.items()})
        try:
            payment = parse_payment(
                stream=values["stream"],
                on=values["date"],
                amount=values["amount"],
                note=values.get("note", ""),
                customer=values.get("customer", ""),
                streams=streams,
            )
        except FormErrors as exc:
            detail = "; ".join(f"{FIELD_NAMES.get(k, k)}: {v}" for k, v in exc.errors.items())
            problems.append(Problem(line, detail))
            continue
        currency = values.get("currency", "").strip().upper()
        expected = by_id[payment.stream_id].currency
        if currency and currency != expected:
            problems.append(Problem(line, f"currency: {currency[:10]} is not the currency of "
                                          f"{by_id[payment.stream_id].name} ({expected})"))
            continue
        rows.append((line, payment))
    if problems:
        raise CsvImportError(problems)
    if not rows:
        raise CsvImportError([Problem(2, "there are no payments below the header")])
    return _sort_out(header, columns, rows, existing)


def _sort_out(
    header: list[str], columns: dict[str, int], rows: list[tuple[int, Payment]], existing: Iterable[Payment]
) -> ImportPlan:
    """Split the rows into new payments and duplicates (of the ledger or of an earlier row)."""
    used = set(columns.values())
    plan = ImportPlan(
        mapping={name: header[columns[name]].strip() for name in FIELDS if name in columns},
        ignored=tuple(h.strip() for i, h in enumerate(header) if i not in used),
        rows=rows,
    )
    known = {duplicate_key(p) for p in existing}
    first_line: dict[DuplicateKey, int] = {}
    for line, payment in rows:
        key = duplicate_key(payment)
        if key in known:
            plan.duplicates.append(Duplicate(line, payment))
        elif key in first_line:
            plan.duplicates.append(Duplicate(line, payment, first_line[key]))
        else:
            first_line[key] = line
            plan.new.append(payment)
    return plan


def read_payments(text: str, streams: Iterable[Stream]) -> list[Payment]:
    """Every row as a Payment (id 0), duplicates included; raise CsvImportError listing every bad line."""
    return [p for _line, p in plan_import(text, streams).rows]
