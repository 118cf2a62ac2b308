"""Month reports of the ledger: what each stream paid this month and the month before.

Pure arithmetic on domain objects, with nothing from Textual or click, so the
command line, the ledger pane and the tests all get the very same figures.
Totals stay per currency: adding euros to dollars without a rate would be a lie.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from tenfold.dates import previous_month
from tenfold.errors import FieldError
from tenfold.ledger import Payment, Stream
from tenfold.totals import Totals

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")

Month = tuple[int, int]


def parse_month(text: str, field: str = "month") -> Month:
    """Parse ``YYYY-MM`` into (year, month), or raise FieldError saying why not."""
    raw = text.strip()
    match = _MONTH_RE.match(raw)
    if match is None:
        raise FieldError(field, f"'{raw[:20]}' is not a month; use YYYY-MM, e.g. 2026-11")
    year, month = int(match.group(1)), int(match.group(2))
    if not 1900 <= year <= 2200:
        raise FieldError(field, "Use a year between 1900 and 2200")
    if not 1 <= month <= 12:
        raise FieldError(field, f"{raw} has no month {month}; months run 01 to 12")
    return (year, month)


def month_label(month: Month) -> str:
    """``2026-11``: ISO-style, sorts and reads the same everywhere."""
    return f"{month[0]:04d}-{month[1]:02d}"


@dataclass(frozen=True)
class StreamRow:
    """One stream's income in the reported month and the month before it."""

    name: str
    kind: str
    category: str
    currency: str
    this_month: Decimal
    last_month: Decimal


@dataclass(frozen=True)
class MonthReport:
    """Per-stream figures for a month and the one before, with per-currency totals."""

    month: Month
    previous: Month
    rows: list[StreamRow]

    def total(self, *, last: bool = False, kind: str | None = None) -> Totals:
        """Sum per currency of this (or last) month, optionally one kind of stream only."""
        totals: defaultdict[str, Decimal] = defaultdict(Decimal)
        for row in self.rows:
            if kind is None or row.kind == kind:
                value = row.last_month if last else row.this_month
                if value:
                    totals[row.currency] += value
        return dict(totals)


def month_report(payments: Iterable[Payment], streams: Iterable[Stream], month: Month) -> MonthReport:
    """Every stream's income in ``month`` and the month before, in one pass over the payments."""
    before = previous_month(*month)
    this: defaultdict[int, Decimal] = defaultdict(Decimal)
    last: defaultdict[int, Decimal] = defaultdict(Decimal)
    for p in payments:
        key = (p.on.year, p.on.month)
        if key == month:
            this[p.stream_id] += p.amount
        elif key == before:
            last[p.stream_id] += p.amount
    rows = [
        StreamRow(s.name, s.kind, s.category, s.currency, this[s.id], last[s.id])
        for s in sorted(streams, key=lambda s: s.name.casefold())
    ]
    return MonthReport(month, before, rows)
