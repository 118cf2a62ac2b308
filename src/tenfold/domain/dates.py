"""ISO dates, typed by people: strict YYYY-MM-DD with messages that explain why."""

from __future__ import annotations

import calendar
import re
from datetime import date

from tenfold.domain.errors import FieldError

_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)


def parse_date(text: str, field: str = "date") -> date:
    """Parse ``YYYY-MM-DD``; explain impossible dates such as 2026-02-30."""
    raw = text.strip()
    if not raw:
        raise FieldError(field, "Enter a date as YYYY-MM-DD")
    match = _ISO_RE.match(raw)
    if match is None:
        raise FieldError(field, f"'{raw[:20]}' is not a date; use YYYY-MM-DD, e.g. 2027-12-31")
    year, month, day = (int(g) for g in match.groups())
    if year < 1900 or year > 2200:
        raise FieldError(field, "Use a year between 1900 and 2200")
    if not 1 <= month <= 12:
        raise FieldError(field, f"{raw} has no month {month}; months run 01 to 12")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        raise FieldError(field, f"{raw} is not a real date: {name} {year} has {last} days")
    return date(year, month, day)


def date_from_store(value: object) -> date:
    """Read an ISO date from the data file."""
    if not isinstance(value, str):
        raise ValueError(f"date {value!r} is not a string")
    return date.fromisoformat(value)


def optional_date_from_store(value: object) -> date | None:
    """Read an ISO date that may be missing (null)."""
    return None if value is None else date_from_store(value)


def previous_month(year: int, month: int) -> tuple[int, int]:
    """The month before (year, month)."""
    return (year - 1, 12) if month == 1 else (year, month - 1)


def time_to(deadline: date, today: date) -> str:
    """``3 days left``, ``1 day left``, ``12 days past``: how far a deadline is, in words."""
    days = (deadline - today).days
    if days >= 0:
        return f"{days:,} day left" if days == 1 else f"{days:,} days left"
    return "1 day past" if days == -1 else f"{-days:,} days past"
