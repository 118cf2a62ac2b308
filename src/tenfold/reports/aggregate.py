"""The ledger's reports, part one: which months a report covers, and the one pass over payments.

Every figure of a report (per month, per stream, shares, conversions, income per
hour of upkeep) is built from one aggregate: each stream's sum per month, made in
a single pass over the payments (:func:`aggregate`). With ten years of payments
that pass is most of a report's own work; everything after it touches at most
months x streams numbers.

Pure arithmetic on domain objects, with nothing from Textual or click, so the
command line, the app and the tests all get the very same figures. The figures
themselves are in :mod:`tenfold.reports.build`, the output formats in
:mod:`tenfold.reports.formats` and :mod:`tenfold.reports.tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from tenfold.domain.dates import previous_month
from tenfold.domain.errors import FieldError
from tenfold.domain.monthly import Extras, MonthlyIndex

_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
_YEAR_RE = re.compile(r"^\d{4}$", re.ASCII)

Month = tuple[int, int]
MonthlyTotals = dict[tuple[int, int, int], Decimal]
"""``(year, month, stream id) -> sum`` in the stream's own currency; payments in another currency are
summed under their account key instead (:func:`tenfold.domain.monthly.account_key`)."""
MonthlyExtras = dict[tuple[int, int, int], Extras]
"""``(year, month, account key) -> fees and refunds``, only where a payment had a fee or was a refund."""


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


def parse_year(text: str, field: str = "year") -> int:
    """Parse ``YYYY``, or raise FieldError saying why not."""
    raw = text.strip()
    if not _YEAR_RE.match(raw):
        raise FieldError(field, f"'{raw[:20]}' is not a year; use YYYY, e.g. 2026")
    year = int(raw)
    if not 1900 <= year <= 2200:
        raise FieldError(field, "Use a year between 1900 and 2200")
    return year


def month_label(month: Month) -> str:
    """``2026-11``: ISO-style, sorts and reads the same everywhere."""
    return f"{month[0]:04d}-{month[1]:02d}"


@dataclass(frozen=True)
class Period:
    """The months a report adds up, and for a one-month report the month before, to compare.

    ``compare`` is shown beside the month but counts in no total or share.
    """

    months: tuple[Month, ...]
    compare: Month | None = None
    so_far: bool = False
    """The period holds the running month: its figures are not final ("so far")."""
    recorded_from: Month | None = None
    """The ledger's first month, when the months asked for began before it and were cut to start there."""
    named: str | None = None
    """The label of the period asked for (``2026``), kept when its months were cut."""

    @property
    def shown(self) -> tuple[Month, ...]:
        """Every month with a column: the month compared with first, then the period."""
        return ((self.compare,) if self.compare else ()) + self.months

    @property
    def label(self) -> str:
        """``2026-11`` for a month, ``2026`` for a whole year, ``2026-01 to 2026-03`` otherwise."""
        if self.named is not None:
            return self.named
        first, last = self.months[0], self.months[-1]
        if first == last:
            return month_label(first)
        if first[0] == last[0] and first[1] == 1 and last[1] == 12:
            return str(first[0])
        return f"{month_label(first)} to {month_label(last)}"

    @property
    def heading(self) -> str:
        """The label, marked ``so far`` while the period is still running, and where the records begin."""
        text = f"{self.label} so far" if self.so_far else self.label
        return f"{text} (recorded from {month_label(self.recorded_from)})" if self.recorded_from else text


def month_period(month: Month, today: date | None = None) -> Period:
    """One month, compared with the month before; ``so far`` when it is ``today``'s month."""
    return Period((month,), previous_month(*month), today is not None and month == (today.year, today.month))


def year_period(year: int, today: date) -> Period:
    """The months of ``year``; this year stops at this month, since later months have no income yet.

    A year that has not begun is refused, so a report never divides by months
    that have not happened.
    """
    if year > today.year:
        raise FieldError("year", f"{year} has not begun yet; choose {today.year} or earlier")
    last = today.month if year == today.year else 12
    return Period(tuple((year, m) for m in range(1, last + 1)), so_far=year == today.year)


def since_first(period: Period, first: Month | None) -> Period:
    """``period`` without the months before the ledger's first payment (``first``).

    A month before the first payment was not recorded: shown as 0.00, beside the
    first month or as a year's first rows, it would read as a month without income.
    So a month is not compared with one before it, and a year starts at ``first``.
    """
    if period.compare is not None and (first is None or period.compare < first):
        return replace(period, compare=None)
    kept = tuple(m for m in period.months if first is not None and m >= first)
    if len(period.months) > 1 and kept and kept[0] != period.months[0]:
        year = period.months[0][0]
        whole_year = period.months[0] == (year, 1) and period.months[-1][0] == year  # this year: to this month
        return replace(period, months=kept, recorded_from=kept[0], named=str(year) if whole_year else period.label)
    return period


def last_full_month(today: date) -> Month:
    """The month before ``today``'s: the latest whose figures are final."""
    return previous_month(today.year, today.month)


def choose_period(today: date, month: str | None = None, year: str | None = None) -> Period:
    """The period asked for by ``--month`` or ``--year``; by default the last full month (with the one before).

    A month still running is a partial figure: on the 7th, a monthly royalty not yet
    paid would make another stream look like all the income. It is one ``--month``
    away, marked "so far".
    """
    if month and year:
        raise FieldError("month", "Choose either a month or a year, not both")
    if year:
        return year_period(parse_year(year), today)
    return month_period(parse_month(month) if month else last_full_month(today), today)


def aggregate_index(index: MonthlyIndex, period: Period | None = None) -> MonthlyTotals:
    """:func:`aggregate` from the monthly totals the store keeps: the same sums, no payment read."""
    months = index.months() if period is None else [m for m in period.shown if m in set(index.months())]
    return {(m[0], m[1], sid): total for m in months for sid, total in index.month(m).items()}


def extras_index(index: MonthlyIndex, period: Period | None = None) -> MonthlyExtras:
    """Each account's fees and refunds per month, from the monthly totals the store keeps (no payment read)."""
    months = index.months() if period is None else [m for m in period.shown if m in set(index.months())]
    return {(m[0], m[1], key): extras for m in months for key, extras in index.extras(m).items()}
