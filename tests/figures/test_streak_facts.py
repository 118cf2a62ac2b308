"""A broken streak says when it ended and the best so far; a planned pause does not break it."""

from __future__ import annotations

from datetime import date, timedelta

from tenfold.figures.streak import StreakFacts, streak, streak_facts

TODAY = date(2027, 2, 10)


def days(first: date, count: int) -> set[date]:
    return {first + timedelta(days=n) for n in range(count)}


def test_a_returning_user_hears_when_the_streak_ended_and_the_best() -> None:
    worked = days(date(2026, 12, 1), 20) | days(date(2027, 1, 3), 8)  # 20 days, then 8 ending 2027-01-10
    facts = streak_facts(worked, TODAY)
    assert facts == StreakFacts(0, 20, date(2027, 1, 10), 8)
    assert facts.describe() == "streak ended 2027-01-10 after 8 days (best 20)"


def test_a_running_streak_names_a_better_one() -> None:
    worked = days(date(2026, 12, 1), 20) | days(TODAY - timedelta(days=3), 4)
    assert streak_facts(worked, TODAY).describe() == "streak 4 days (best 20)"
    assert streak_facts(days(TODAY, 1), TODAY).describe() == "streak 1 day"
    assert streak_facts(set(), TODAY).describe() == "no streak yet"


def test_paused_days_neither_count_nor_break() -> None:
    worked = days(date(2027, 2, 1), 4) | days(date(2027, 2, 8), 3)  # 1-4 and 8-10; 5-7 were a holiday
    holiday = days(date(2027, 2, 5), 3)
    assert streak(worked, TODAY) == 3
    assert streak(worked, TODAY, holiday) == 7
    assert streak_facts(worked, TODAY, holiday).describe() == "streak 7 days"
    assert streak(worked, date(2027, 2, 11), holiday) == 7, "today not yet worked: the streak holds"


def test_years_of_days_are_counted_with_a_thousands_separator() -> None:
    worked = days(TODAY - timedelta(days=3649), 3650)
    assert streak_facts(worked, TODAY).describe() == "streak 3,650 days"
    ended = days(TODAY - timedelta(days=1300), 1200) | days(TODAY - timedelta(days=20), 5)
    assert streak_facts(ended, TODAY).describe() == "streak ended 2027-01-25 after 5 days (best 1,200)"
