"""``tenfold pause`` and the status line of a returning user."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from cli_support import invoke, one_error_line, read

from tenfold.store.store import Store


def worked(db: Path, first: date, count: int) -> None:
    """Save something on each of ``count`` days from ``first``: the store checks each day in."""
    for n in range(count):
        with Store.open(db, today=fixed(first + timedelta(days=n))) as store:
            store.save_draft("note", {"n": str(n)})


def fixed(day: date) -> Callable[[], date]:
    return lambda: day


def test_a_broken_streak_says_when_it_ended_and_the_best(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    worked(db, date(2026, 11, 1), 6)
    line = invoke(db, "status", today="2026-11-21").stdout
    assert "streak ended 2026-11-06 after 6 days (best 6)" in line


def test_a_pause_keeps_the_streak_and_is_limited(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    worked(db, date(2026, 11, 10), 5)  # 10 to 14; away 15 to 17
    assert "streak 0 days" not in invoke(db, "status", today="2026-11-18").stdout
    assert "streak ended 2026-11-14" in invoke(db, "status", today="2026-11-18").stdout
    done = invoke(db, "pause", "--from", "2026-11-15", "--to", "2026-11-17", today="2026-11-18")
    assert done.stdout.startswith("Paused 3 days, 2026-11-15 to 2026-11-17")
    # 5 worked days, 3 paused, and today: planning the pause was a save, so today counts too
    assert "streak 6 days" in invoke(db, "status", today="2026-11-18").stdout
    too_many = invoke(db, "pause", "--from", "2026-11-20", "--to", "2026-11-22", today="2026-11-18")
    assert one_error_line(too_many) == "tenfold: to: At most 5 paused days a month; 2026-11 has 2 left"
    with read(db) as store:
        assert len(store.pauses()) == 1
    assert invoke(db, "pause", "--list").stdout == "2026-11-15 to 2026-11-17\n"
