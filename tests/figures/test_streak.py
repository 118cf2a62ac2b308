"""The streak: consecutive days with a check-in, ending today or yesterday."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tenfold.figures.streak import streak

TODAY = date(2026, 3, 1)


def days_before(*offsets: int) -> set[date]:
    return {TODAY - timedelta(days=n) for n in offsets}


@pytest.mark.parametrize(
    ("offsets", "expected"),
    [
        ((), 0),
        ((0,), 1),
        ((1,), 1),  # nothing yet today: yesterday's streak still stands
        ((0, 1, 2), 3),
        ((1, 2, 3, 4), 4),
        ((2, 3, 4), 0),  # a whole day missed ends the streak
        ((0, 1, 3, 4), 2),  # only the run that reaches today counts
        ((0, 2), 1),
        ((-1, 0), 1),  # a check-in dated in the future (clock change) is not counted
    ],
)
def test_streak(offsets: tuple[int, ...], expected: int) -> None:
    assert streak(days_before(*offsets), TODAY) == expected


def test_a_streak_across_february_and_the_new_year() -> None:
    run = {date(2025, 12, 31) + timedelta(days=n) for n in range(62)}  # 2025-12-31 .. 2026-03-02
    assert streak(run, date(2026, 3, 2)) == 62
    assert streak(run, date(2026, 3, 3)) == 62
    assert streak(run, date(2026, 3, 4)) == 0


def test_a_long_streak() -> None:
    run = {TODAY - timedelta(days=n) for n in range(3650)}
    assert streak(run, TODAY) == 3650
