"""A newcomer's first weeks on the command line: each day's figures make sense for that day.

The file is made with real ``tenfold`` processes, each on its own day (``$TENFOLD_TODAY``),
as someone who starts on Monday 2026-12-07 would make it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import process_env, run_tenfold


def on(day: str, db: Path, tmp_path: Path, *args: str) -> str:
    """Run one command on ``day``; it must succeed. Its standard output."""
    result = run_tenfold(db, process_env(tmp_path, day), *args)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


@pytest.fixture
def newcomer(tmp_path: Path) -> Path:
    """Begun on 2026-12-07: the goal, one passive stream, a payment that week, step 2 ticked; step 3 on 2027-01-02."""
    db = tmp_path / "t.json"
    on("2026-12-07", db, tmp_path, "goal", "set", "Ebooks pay 1000 a month", "--amount", "1000",
       "--currency", "EUR", "--by", "2027-12-31")
    on("2026-12-07", db, tmp_path, "add", "stream", "--name", "Ebook", "--kind", "passive")
    on("2026-12-07", db, tmp_path, "add", "payment", "--stream", "Ebook", "--amount", "38.20", "--date", "2026-12-03")
    on("2026-12-07", db, tmp_path, "tick", "2")
    return db


def test_the_monthly_review_before_a_first_full_month_says_there_is_nothing_to_look_back_on(
        newcomer: Path, tmp_path: Path) -> None:
    text = on("2026-12-25", newcomer, tmp_path, "review", "--month")
    lines = text.splitlines()
    assert lines[0] == "# Monthly review · November 2026"
    assert "Nothing to look back on: your records begin on 2026-12-03, after this period." in lines
    assert "The first month to review is December 2026, complete on 2026-12-31." in lines
    assert "days left" not in text, "a goal written on 2026-12-07 had no days left on 2026-11-30"
    assert "0 days in a row" not in text
    assert "steps done" not in text


def test_the_month_so_far_is_reviewed_as_usual(newcomer: Path, tmp_path: Path) -> None:
    text = on("2026-12-25", newcomer, tmp_path, "review", "--month", "--date", "2026-12-25")
    assert text.startswith("# Monthly review · December 2026 (to 2026-12-25)\n")
    assert "- [x] 2 Set goals (2026-12-07)" in text
    assert "Nothing to look back on" not in text


def test_a_month_reviewed_later_counts_the_steps_done_by_its_end(newcomer: Path, tmp_path: Path) -> None:
    on("2026-12-10", newcomer, tmp_path, "steps", "add-item", "3", "--text", "Outline the course")
    on("2027-01-02", newcomer, tmp_path, "tick", "3")
    on("2027-01-02", newcomer, tmp_path, "steps", "done", "3", "1")
    on("2027-01-03", newcomer, tmp_path, "steps", "add-item", "3", "--text", "Record module 1")
    text = on("2027-01-07", newcomer, tmp_path, "review", "--month")
    assert text.startswith("# Monthly review · December 2026\n")
    assert "1 of 8 steps done. Next: **1 Select your passive income idea**." in text, text
    assert "- [ ] Step 3, sub-task: Outline the course (2026-12-10)" in text, "ticked in January, not in December"
    assert "| 3 Plan your steps | 0 of 1 done |" in text, text
    assert "Record module 1" not in text
    week = on("2027-01-07", newcomer, tmp_path, "review", "--week")
    assert "2 of 8 steps done. Next: **1 Select your passive income idea**." in week


def test_the_report_before_a_first_full_month_says_so_in_one_line(newcomer: Path, tmp_path: Path) -> None:
    text = on("2026-12-07", newcomer, tmp_path, "report")
    assert text == ("No full month recorded yet: the ledger begins in 2026-12. This month so far: "
                    "tenfold report --month 2026-12\n")
    so_far = on("2026-12-07", newcomer, tmp_path, "report", "--month", "2026-12", "--measures", "none")
    assert so_far.startswith("Income report, 2026-12 so far, in EUR\n"), so_far


def test_the_first_full_month_is_not_compared_with_a_month_before_the_ledger(newcomer: Path, tmp_path: Path) -> None:
    text = on("2027-01-01", newcomer, tmp_path, "report", "--measures", "none")
    assert text.startswith("Income report, 2026-12, in EUR\n"), text
    assert "2026-11" not in text, "November was before the first payment: not a month without income"
    document = json.loads(on("2027-01-01", newcomer, tmp_path, "report", "--format", "json", "--measures", "none"))
    assert document["period"]["compared_with"] is None
    assert [m["month"] for m in document["months"]] == ["2026-12"]
    later = on("2027-02-01", newcomer, tmp_path, "report", "--measures", "none")
    assert later.startswith("Income report, 2027-01 (compared with 2026-12), in EUR\n"), later


def test_a_stream_begun_this_month_has_no_complete_month_of_reach_yet(newcomer: Path, tmp_path: Path) -> None:
    week = on("2026-12-25", newcomer, tmp_path, "review", "--week")
    ebook = next(line for line in week.splitlines() if line.startswith("- Ebook:"))
    assert "reach: no complete month yet" in ebook, ebook
    assert "2026-11" not in ebook, "the stream began in December: November says nothing of its reach"
    january = on("2027-01-07", newcomer, tmp_path, "review", "--week")
    ebook = next(line for line in january.splitlines() if line.startswith("- Ebook:"))
    assert "in 2026-12" in ebook, ebook


def test_the_bills_are_not_said_to_be_covered_0_percent_by_a_month_before_the_ledger(
        newcomer: Path, tmp_path: Path) -> None:
    on("2026-12-20", newcomer, tmp_path, "bills", "set", "--amount", "2000", "--currency", "EUR", "--savings", "6000")
    measures = " ".join(on("2026-12-20", newcomer, tmp_path, "report", "--measures", "only").split())  # any width
    assert "covered 0%" not in measures
    assert "Bills 2,000.00 EUR a month: last month not recorded: the ledger begins in 2026-12." in measures, measures
    status = on("2026-12-20", newcomer, tmp_path, "status", "--freedom")
    assert "freedom 0%" not in status
    assert "freedom: no full month yet" in status, status
    later = " ".join(on("2027-01-02", newcomer, tmp_path, "report", "--measures", "only").split())
    assert "Passive income covered 2% of your 2,000.00 EUR of bills in 2026-12 (38.20 EUR)" in later, later
    document = json.loads(on("2026-12-20", newcomer, tmp_path, "report", "--measures", "only", "--format", "json"))
    freedom = document["measures"]["freedom"]
    assert (freedom["passive_last_month"], freedom["share_last_month"]) == (None, None), freedom


def test_the_first_review_counts_the_days_since_the_first_day_of_work(newcomer: Path, tmp_path: Path) -> None:
    first = on("2026-12-07", newcomer, tmp_path, "review", "--week")
    assert "- Worked on the plan on 1 of 1 day since you began on 2026-12-07" in first, first
    on("2026-12-09", newcomer, tmp_path, "add", "idea", "--who", "Shop owners", "--value", "Templates")
    month = on("2027-01-01", newcomer, tmp_path, "review", "--month")
    assert "- Worked on the plan on 2 of 25 days since you began on 2026-12-07" in month, month
    later = on("2026-12-20", newcomer, tmp_path, "review", "--week")
    assert "- Worked on the plan on 0 of 7 days this week" in later, later
    before = on("2026-12-20", newcomer, tmp_path, "review", "--week", "--date", "2026-12-03")
    assert "- Worked on the plan on 0 of 7 days this week" in before, "the payment of 12-03 was typed on 12-07"


def test_a_year_report_starts_with_the_ledgers_first_month(newcomer: Path, tmp_path: Path) -> None:
    text = on("2027-01-01", newcomer, tmp_path, "report", "--year", "2026", "--measures", "none")
    assert text.startswith("Income report, 2026 (recorded from 2026-12), in EUR\n"), text
    assert "2026-11" not in text and "2026-01" not in text, "months before the first payment are not zeros"
    assert "Total 2026" in text
    document = json.loads(on("2027-01-01", newcomer, tmp_path, "report", "--year", "2026", "--format", "json",
                             "--measures", "none"))
    assert document["period"]["label"] == "2026"
    assert document["period"]["months"] == ["2026-12"]
