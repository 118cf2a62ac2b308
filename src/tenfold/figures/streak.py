"""The streak: how many days in a row the user has worked on their goal.

A day counts when anything was saved on it (the store records these check-ins).
The streak ends today, or yesterday when nothing is saved yet today: the day is
not over, and a prompt that drops to zero every morning would punish, not coach.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta


def streak(days: Iterable[date], today: date) -> int:
    """Consecutive check-in days ending today, or ending yesterday if today has none yet."""
    have = set(days)
    one = timedelta(days=1)
    day = today if today in have else today - one
    count = 0
    while day in have:
        count += 1
        day -= one
    return count
