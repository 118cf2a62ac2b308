"""The goal's history: what changed between versions, the timeline, and ``tenfold goal history``."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from cli_support import invoke, lock_held

from tenfold.domain.goal import Goal, GoalVersion
from tenfold.domain.goal_history import GoalChange, diff_goals, goal_timeline, timeline_text
from tenfold.store.store import Store

FIRST = Goal("Royalties pay the rent", Decimal("1000.00"), "EUR", date(2027, 6, 30), date(2026, 1, 5))
SECOND = Goal("Royalties pay the rent", Decimal("1500.00"), "EUR", date(2027, 12, 31), date(2026, 3, 1))
THIRD = Goal("Two ebooks and a course pay the rent", Decimal("1200.00"), "USD", date(2027, 12, 1),
             date(2026, 9, 9))


def test_diff_names_each_changed_field_with_its_direction() -> None:
    assert diff_goals(FIRST, SECOND) == (
        GoalChange("amount", "1,000.00", "1,500.00", "raised"),
        GoalChange("deadline", "2027-06-30", "2027-12-31", "184 days later"),
    )
    assert diff_goals(SECOND, THIRD) == (
        GoalChange("amount", "1,500.00", "1,200.00", "lowered"),
        GoalChange("currency", "EUR", "USD"),
        GoalChange("deadline", "2027-12-31", "2027-12-01", "30 days earlier"),
        GoalChange("text", "Royalties pay the rent", "Two ebooks and a course pay the rent"),
    )
    assert [c.describe() for c in diff_goals(SECOND, THIRD)] == [
        "amount 1,500.00 → 1,200.00 (lowered)",
        "currency EUR → USD",
        "deadline 2027-12-31 → 2027-12-01 (30 days earlier)",
        'text "Royalties pay the rent" → "Two ebooks and a course pay the rent"',
    ]


def test_the_day_written_and_surrounding_spaces_are_not_changes() -> None:
    same = Goal("  Royalties pay the rent\n", FIRST.amount, FIRST.currency, FIRST.deadline, date(2026, 2, 2))
    assert diff_goals(FIRST, same) == ()
    one_day = Goal(FIRST.text, FIRST.amount, FIRST.currency, date(2027, 7, 1), FIRST.written_on)
    assert diff_goals(FIRST, one_day)[0].note == "1 day later"


def test_a_long_text_change_shows_the_start_of_both_texts() -> None:
    long = Goal("word " * 40, FIRST.amount, FIRST.currency, FIRST.deadline, FIRST.written_on)
    described = diff_goals(FIRST, long)[0].describe()
    assert described.startswith('text "Royalties pay the rent" → "word word')
    assert described.endswith('…"') and len(described) < 110


def test_timeline_diffs_each_version_with_the_one_that_replaced_it() -> None:
    history = [GoalVersion(1, FIRST, date(2026, 3, 1)), GoalVersion(2, SECOND, date(2026, 9, 9))]
    entries = goal_timeline(THIRD, history)
    assert [(e.goal, e.replaced_on, e.current) for e in entries] == [
        (THIRD, None, True), (SECOND, date(2026, 9, 9), False), (FIRST, date(2026, 3, 1), False),
    ]
    assert entries[0].changes == ()
    assert entries[1].changes == diff_goals(SECOND, THIRD)
    assert entries[2].changes == diff_goals(FIRST, SECOND)
    assert entries[2].changes_line() == (
        "amount 1,000.00 → 1,500.00 (raised); deadline 2027-06-30 → 2027-12-31 (184 days later)"
    )
    assert goal_timeline(None, []) == []


def test_timeline_text_for_the_command_line() -> None:
    lines = timeline_text(goal_timeline(SECOND, [GoalVersion(1, FIRST, date(2026, 3, 1))]))
    assert lines == [
        "Now (written 2026-03-01): 1,500.00 EUR a month by 2027-12-31",
        "  Royalties pay the rent",
        "2026-01-05 to 2026-03-01: 1,000.00 EUR a month by 2027-06-30",
        "  Royalties pay the rent",
        "  then changed: amount 1,000.00 → 1,500.00 (raised); deadline 2027-06-30 → 2027-12-31 (184 days later)",
    ]
    assert timeline_text(goal_timeline(SECOND, []))[-1].startswith("The goal has not been rewritten yet")
    assert timeline_text([])[0].startswith("No goal written yet")


def test_the_store_keeps_each_rewrite_and_the_command_lists_them(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    assert invoke(db, "goal", "set", "Royalties pay the rent", "--amount", "1000", "--by", "2027-06-30",
                  today="2026-01-05").exit_code == 0
    invoke(db, "goal", "set", "Royalties pay the rent", "--amount", "1500", "--by", "2027-12-31", today="2026-03-01")
    with Store.open(db, read_only=True) as store:
        assert len(store.goal_history()) == 1
    with lock_held(db):  # read-only: works while the app holds the file
        result = invoke(db, "goal", "history", today="2026-03-05")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Now (written 2026-03-01): 1,500.00 EUR a month by 2027-12-31",
        "  Royalties pay the rent",
        "2026-01-05 to 2026-03-01: 1,000.00 EUR a month by 2027-06-30",
        "  Royalties pay the rent",
        "  then changed: amount 1,000.00 → 1,500.00 (raised); deadline 2027-06-30 → 2027-12-31 (184 days later)",
    ]
