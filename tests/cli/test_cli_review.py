"""``tenfold review``: the Markdown review from the command line, read-only and private when saved."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import TODAY, invoke, lock_held, one_error_line, seed


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A private environment with the date pinned through $TENFOLD_TODAY."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    return {**clean, "TENFOLD_TODAY": TODAY, "XDG_STATE_HOME": str(tmp_path / "state")}


def tenfold(db: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=30, check=False)


def test_the_week_ending_today_by_default_while_the_app_holds_the_file(tmp_path: Path, env: dict[str, str]) -> None:
    db = seed(tmp_path / "t.json")  # payments on 2026-11-03 (12.50 EUR) and 2026-10-20 (400 USD)
    before = db.read_bytes()
    with lock_held(db):
        result = tenfold(db, env, "review")
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "# Weekly review · 2026-11-15 to 2026-11-21"
    assert "No payments recorded this week." in lines
    assert "- November 2026 up to 2026-11-21: 12.50 EUR passive, 1% of the target" in lines
    assert db.read_bytes() == before, "reading changes nothing"


def test_month_and_date_choose_the_period(tmp_path: Path, env: dict[str, str]) -> None:
    db = seed(tmp_path / "t.json")
    october = tenfold(db, env, "review", "--month", "--date", "2026-10-05")
    assert october.returncode == 0, october.stderr
    assert october.stdout.startswith("# Monthly review · October 2026\n")
    assert "| Consulting | active |        1 | 400.00 USD |" in october.stdout
    week = tenfold(db, env, "review", "--week", "--date", "2026-11-07")
    assert week.stdout.startswith("# Weekly review · 2026-11-01 to 2026-11-07\n")
    assert "1 payment this week." in week.stdout


def test_output_file_is_private_and_the_command_says_where(tmp_path: Path, env: dict[str, str]) -> None:
    db = seed(tmp_path / "t.json")
    target = tmp_path / "review.md"
    result = tenfold(db, env, "review", "-o", str(target))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"Wrote the review of 2026-11-15 to 2026-11-21 to {target}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# Weekly review · 2026-11-15 to 2026-11-21\n")
    quiet = tenfold(db, env, "-q", "review", "-o", str(target))
    assert (quiet.returncode, quiet.stdout) == (0, "")


@pytest.mark.parametrize(("args", "message"), [
    (("--date", "2026-02-30"), "tenfold: date: 2026-02-30 is not a real date: February 2026 has 28 days"),
    (("--date", "soon"), "tenfold: date: 'soon' is not a date; use YYYY-MM-DD, e.g. 2027-12-31"),
    (("-o", "{tmp}/missing/r.md"), "tenfold: output: The folder {tmp}/missing does not exist"),
    (("-o", "{tmp}"), "tenfold: output: {tmp} is a folder; add a file name such as review.md"),
    (("-o", "{db}"), "tenfold: output: That is Tenfold's data file; choose another file"),
])
def test_refusals_are_one_line(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    db = seed(tmp_path / "t.json")
    before = db.read_bytes()
    filled = [a.format(tmp=tmp_path, db=db) for a in args]
    line = one_error_line(invoke(db, "review", *filled))
    assert line == message.format(tmp=tmp_path, db=db)
    assert db.read_bytes() == before


def test_a_missing_data_file_is_one_line_and_is_not_created(tmp_path: Path) -> None:
    line = one_error_line(invoke(tmp_path / "none.json", "review"))
    assert "does not exist yet" in line
    assert not (tmp_path / "none.json").exists()


@pytest.mark.parametrize(("today", "title"), [
    ("2026-12-01", "# Monthly review · November 2026"),  # the 1st: the month just ended, not one empty day
    ("2026-11-21", "# Monthly review · October 2026"),  # mid-month: the last complete month
    ("2026-11-30", "# Monthly review · November 2026"),  # its last day completes the month
])
def test_a_monthly_review_looks_at_the_last_complete_month(tmp_path: Path, today: str, title: str) -> None:
    db = seed(tmp_path / "t.json")
    out = invoke(db, "review", "--month", today=today).stdout
    assert out.splitlines()[0] == title
    assert "the last complete month" in " ".join(invoke(db, "review", "--help").stdout.split())
