"""Planned pauses: a holiday or an illness that does not break the streak.

A streak coaches a daily habit, and a week in bed should not wipe out months of
it. But a pause that could cover anything would make the streak mean nothing, so
pauses are limited: at most :data:`PAUSE_DAYS_PER_MONTH` days in any calendar
month, counted over every pause. A paused day neither counts toward the streak
nor breaks it; a day with work on it counts as usual, paused or not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tenfold.domain.dates import date_from_store, parse_date
from tenfold.domain.errors import FormErrors, collect

PAUSE_DAYS_PER_MONTH = 5
"""A few days a month at most: enough for a long weekend away or a cold, not for a lapse."""

PAUSE_RULE = (
    f"A planned pause (a holiday, an illness) keeps the streak: paused days neither count nor "
    f"break it. At most {PAUSE_DAYS_PER_MONTH} paused days in any calendar month."
)


@dataclass(frozen=True)
class Pause:
    """Days from ``start`` to ``end`` (both included) the user planned not to work on the goal."""

    id: int
    start: date
    end: date

    def days(self) -> list[date]:
        """Every day of the pause."""
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    @classmethod
    def from_store(cls, doc_id: int, doc: dict[str, Any]) -> Pause:
        """Build from the data file; raises on a bad shape."""
        start, end = date_from_store(doc["start"]), date_from_store(doc["end"])
        if end < start:
            raise ValueError("a pause ends before it starts")
        return cls(doc_id, start, end)


def paused_days(pauses: Iterable[Pause]) -> set[date]:
    """Every paused day of ``pauses``."""
    return {day for p in pauses for day in p.days()}


def parse_pause(*, start: str, end: str, existing: Iterable[Pause]) -> Pause:
    """Validate a pause: two dates in order, within the monthly allowance with the pauses already planned."""
    errors: dict[str, str] = {}
    first = collect(errors, "from", lambda: parse_date(start, "from"))
    last = collect(errors, "to", lambda: parse_date(end, "to") if end.strip() else first)
    if first is not None and last is not None and last < first:
        errors["to"] = "The pause must end on or after the day it starts"
    if errors or first is None or last is None:
        raise FormErrors(errors)
    pause = Pause(0, first, last)
    taken = paused_days(existing)
    per_month: dict[tuple[int, int], int] = {}
    for day in taken | set(pause.days()):
        per_month[(day.year, day.month)] = per_month.get((day.year, day.month), 0) + 1
    over = sorted(m for m, n in per_month.items() if n > PAUSE_DAYS_PER_MONTH)
    if over:
        year, month = over[0]
        already = sum(1 for d in taken if (d.year, d.month) == (year, month))
        left = max(0, PAUSE_DAYS_PER_MONTH - already)
        raise FormErrors({"to": f"At most {PAUSE_DAYS_PER_MONTH} paused days a month; {year:04d}-{month:02d} "
                                f"has {left} left"})
    return pause
