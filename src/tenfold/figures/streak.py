"""The streak: how many days in a row the user has worked on their goal.

A day counts when anything was saved on it (the store records these check-ins).
The streak ends today, or yesterday when nothing is saved yet today: the day is
not over, and a prompt that drops to zero every morning would punish, not coach.

A planned pause (:mod:`tenfold.domain.pauses`) neither counts nor breaks: the
streak steps over paused days. A returning user whose streak broke is told when
it ended and the best so far, never only "no streak yet": the work done counts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tenfold.domain.text import count_of

_ONE = timedelta(days=1)


def _run_back(have: set[date], paused: set[date], day: date) -> tuple[int, date]:
    """Worked days in the run ending on ``day`` (paused days stepped over), and the day before the run."""
    count = 0
    while day in have or day in paused:
        count += day in have
        if day == date.min:  # a hand-edited file's check-in in year 1: no day before it to step to
            break
        day -= _ONE
    return count, day


def streak(days: Iterable[date], today: date, paused: Iterable[date] = ()) -> int:
    """Consecutive check-in days ending today, or ending yesterday if today has none yet."""
    have, off = set(days), set(paused)
    day = today if today in have or today in off else today - _ONE
    return _run_back(have, off, day)[0]


@dataclass(frozen=True)
class StreakFacts:
    """The streak now, the best one so far, and when the last one ended (when none runs now)."""

    current: int
    best: int
    ended_on: date | None = None
    """The last worked day of the latest run, when the streak is broken."""
    ended_length: int = 0

    def describe(self) -> str:
        """``streak 4 days``, ``streak 4 days (best 9)``, ``streak ended 2027-01-10 after 12 days (best 12)``."""
        if self.current:
            best = f" (best {self.best:,})" if self.best > self.current else ""
            return f"streak {count_of(self.current, 'day')}{best}"
        if self.ended_on is not None:
            length = count_of(self.ended_length, "day")
            return f"streak ended {self.ended_on.isoformat()} after {length} (best {self.best:,})"
        return "no streak yet"


def streak_facts(days: Iterable[date], today: date, paused: Iterable[date] = ()) -> StreakFacts:
    """The current streak, the best run ever (pauses stepped over), and the end of the last run."""
    have, off = {d for d in days if d <= today}, set(paused)
    current = streak(have, today, off)
    best, ended_on, ended_length = 0, None, 0
    seen: set[date] = set()
    for last in sorted(have, reverse=True):
        if last in seen:
            continue
        length, before = _run_back(have, off, last)
        day = last
        while day > before:  # every day of this run is accounted for
            seen.add(day)
            day -= _ONE
        best = max(best, length)
        if ended_on is None and not current:
            ended_on, ended_length = last, length
    return StreakFacts(current, best, ended_on, ended_length)
