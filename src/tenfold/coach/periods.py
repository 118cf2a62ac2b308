"""The periods a review looks at: the last seven days, a calendar month (so far), the last complete month.

A review names its period in its title and in its sentences ("this week", "this
month"); both come from here so the screen, the command line and the Markdown
agree. Pure functions of dates: never the clock.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def week_period(day: date) -> tuple[date, date]:
    """The seven days ending on ``day``."""
    return day - timedelta(days=6), day


def month_period(day: date, today: date) -> tuple[date, date]:
    """The calendar month holding ``day``; a month still running ends ``today``."""
    start = day.replace(day=1)
    end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if start <= today < end:
        end = today
    return start, end


def last_month_period(today: date) -> tuple[date, date]:
    """The month a monthly review looks at by default: the last complete one.

    On the 1st, "this month" is one day old and every section would be empty; the
    month just ended is what a review is for. On a month's last day the month is
    complete by the evening, so it is that month.
    """
    if today.day == calendar.monthrange(today.year, today.month)[1]:
        return month_period(today, today)
    return month_period(today.replace(day=1) - timedelta(days=1), today)


def is_whole_month(start: date, end: date) -> bool:
    """Whether the period starts on a month's first day and stays inside that month."""
    return start.day == 1 and (start.year, start.month) == (end.year, end.month)


def period_title(start: date, end: date) -> str:
    """``Weekly review · 2026-11-15 to 2026-11-21`` or ``Monthly review · November 2026``."""
    if period_span(start, end) == "this month":
        last = calendar.monthrange(end.year, end.month)[1]
        so_far = "" if end.day == last else f" (to {end.isoformat()})"
        return f"Monthly review · {calendar.month_name[start.month]} {start.year}{so_far}"
    if (end - start).days == 6:
        return f"Weekly review · {start.isoformat()} to {end.isoformat()}"
    return f"Review · {start.isoformat()} to {end.isoformat()}"


def period_span(start: date, end: date) -> str:
    """How the review names its own period in sentences."""
    if is_whole_month(start, end) and (end - start).days > 6:
        return "this month"
    return "this week" if (end - start).days == 6 else "in the period"
