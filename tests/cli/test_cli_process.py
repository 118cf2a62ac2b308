"""The command line as a user meets it: a real ``python -m tenfold`` process.

No traceback may reach the user, whatever happens: a bad value, a lock held by
the app, a closed pipe, or a bug of ours.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import TODAY, lock_held, read, seed


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """A private environment: pinned date, state folder in tmp, no data file by default."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    return {**clean, "TENFOLD_TODAY": TODAY, "XDG_STATE_HOME": str(tmp_path / "state")}


def tenfold(db: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tenfold", "--db", str(db), *args],
        capture_output=True, text=True, env=env, timeout=30, check=False,
    )


REFUSED_INPUT = [
    ("add", "payment", "--stream", "Royalties", "--amount", "5", "--units", "two"),
    ("add", "payment", "--stream", "Nobody", "--amount", "5"),
    ("add", "payment", "--stream", "Royalties", "--amount", "5", "--date", "2099-01-01"),
    ("bills", "set"),
    ("parts", "--stream", "Nobody", "--delivery", "2"),
    ("steps", "items", "9"),
    ("steps", "add-item", "3", "--text", " "),
    ("steps", "add-item", "3", "--text", "Outline", "--due", "2026-02-30"),
    ("report", "--month", "2026-13"),
    ("report", "--stream", "Nobody"),
    ("review", "--date", "soon"),
    ("import", "--currency", "EURO", "x.csv"),
    ("goal", "set", "Rent", "--amount", "-1", "--currency", "EUR", "--by", "2027-01-01"),
]


@pytest.mark.parametrize("args", REFUSED_INPUT, ids=[" ".join(a[:2]) + f"-{i}" for i, a in enumerate(REFUSED_INPUT)])
def test_refused_input_exits_2_like_a_usage_error_and_writes_nothing(
    tmp_path: Path, env: dict[str, str], args: tuple[str, ...]
) -> None:
    """Scripts can tell "you typed something wrong" (2, as click says it) from "the file or the system failed" (1)."""
    db = seed(tmp_path / "t.json")
    before = db.read_bytes()
    result = tenfold(db, env, *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("tenfold: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_a_damaged_file_exits_1_not_2(tmp_path: Path, env: dict[str, str]) -> None:
    db = seed(tmp_path / "t.json")
    db.write_text("{not json")
    result = tenfold(db, env, "add", "payment", "--stream", "Royalties", "--amount", "5")
    assert result.returncode == 1 and result.stderr.startswith("tenfold: ")
    assert db.read_text() == "{not json"


def test_a_payment_and_the_status_line(tmp_path: Path, env: dict[str, str]) -> None:
    db = seed(tmp_path / "t.json")
    added = tenfold(db, env, "add", "payment", "--stream", "Royalties", "--amount", "7.50")
    assert (added.returncode, added.stdout, added.stderr) == (0, "Added 7.50 EUR to Royalties on 2026-11-21\n", "")
    status = tenfold(db, env, "status")
    assert status.stdout == (
        "Goal 20.00/1,500.00 EUR so far this month (1%) · streak 1 day · next: 1 Select your passive income idea\n"
    )


def test_a_bad_value_is_one_line_and_changes_nothing(tmp_path: Path, env: dict[str, str]) -> None:
    db = seed(tmp_path / "t.json")
    before = db.read_bytes()
    result = tenfold(db, env, "add", "payment", "--stream", "Royalties", "--amount", "abc")
    assert result.returncode == 2
    assert result.stderr == "tenfold: amount: 'abc' is not an amount; type digits like 12.50\n"
    assert result.stdout == ""
    assert db.read_bytes() == before


def test_writing_while_locked_and_reading_while_locked(tmp_path: Path, env: dict[str, str]) -> None:
    db = seed(tmp_path / "t.json")
    before = db.read_bytes()
    with lock_held(db) as pid:
        written = tenfold(db, env, "tick", "1")
        status = tenfold(db, env, "status")
    assert written.returncode == 1
    assert written.stderr.count("\n") == 1
    assert f"is in use by process {pid}" in written.stderr
    assert status.returncode == 0 and status.stdout.startswith("Goal 12.50/1,500.00 EUR")
    assert db.read_bytes() == before


def test_status_imports_neither_textual_nor_rich(tmp_path: Path, env: dict[str, str]) -> None:
    """The status line runs on every prompt: it must not pay for the TUI's imports."""
    db = seed(tmp_path / "t.json")
    code = (
        "import sys\n"
        "from tenfold.cli import cli\n"
        f"cli(['--db', {str(db)!r}, 'status'], standalone_mode=False)\n"
        "print(sorted(m for m in ('textual', 'rich') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert result.stdout.splitlines()[-1] == "[]"


def test_a_closed_pipe_is_not_a_traceback(tmp_path: Path, env: dict[str, str]) -> None:
    db = seed(tmp_path / "t.json")
    rows = "".join(f"2025-{n % 12 + 1:02d}-01,Royalties,1.00,{n:04d}{'x' * 196}\n" for n in range(1200))
    (tmp_path / "p.csv").write_text("date,stream,amount,note\n" + rows)  # ~300 KB of export, no duplicates
    assert tenfold(db, env, "import", str(tmp_path / "p.csv"), "--yes").returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "tenfold", "--db", str(db), "export"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()  # like `tenfold export | head -c 100`
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=30) in (0, 1)  # 1 after EPIPE; some sandboxes never report EPIPE at all
    assert stderr == ""
    assert len(read(db).payments()) == 1202


def test_an_unexpected_error_is_one_line_and_logged(tmp_path: Path, env: dict[str, str]) -> None:
    code = (
        "from tenfold.cli import cli, main\n"
        "@cli.command()\n"
        "def boom():\n"
        "    raise RuntimeError('a bug of ours')\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "--db", str(tmp_path / "t.json"), "boom"],
        capture_output=True, text=True, env=env, check=False,
    )
    assert result.returncode == 70
    log = tmp_path / "state" / "tenfold" / "cli-error.log"
    assert result.stderr == f"tenfold: unexpected error (RuntimeError: a bug of ours); details are in {log}\n"
    assert "Traceback" in log.read_text()
    assert oct(log.stat().st_mode & 0o777) == "0o600"


def test_the_app_without_a_terminal_says_so_in_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    """``tenfold --db FILE > log 2>&1`` with a goal set: one line and a non-zero exit, never a traceback."""
    db = seed(tmp_path / "t.json")
    before = db.read_bytes()
    log = tmp_path / "log"
    with log.open("w") as out:
        result = subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db)], stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT, env=env, timeout=60, check=False)
    text = log.read_text()
    assert result.returncode == 2
    assert text.count("\n") == 1 and text.startswith("tenfold: the app needs a terminal")
    assert "Traceback" not in text
    assert db.read_bytes() == before


def test_a_date_far_ahead_is_counted_with_a_thousands_separator(tmp_path: Path, env: dict[str, str]) -> None:
    db = seed(tmp_path / "t.json")
    result = tenfold(db, env, "add", "payment", "--stream", "Royalties", "--amount", "5", "--date", "2099-01-01")
    assert "2099-01-01 is 26,339 days ahead" in result.stderr


def test_a_read_only_command_ends_as_soon_as_its_output_is_out_and_loses_none_of_it(tmp_path: Path,
                                                                                    env: dict[str, str]) -> None:
    """``report`` and ``status`` end the process once their output is flushed (nothing left to free one by one):
    written to a file, the whole report is there, the same as read through a pipe; a refusal after the file
    was read keeps its message and its exit code."""
    db = seed(tmp_path / "t.json")
    piped = tenfold(db, env, "report", "--format", "json")
    assert piped.returncode == 0 and piped.stderr == ""
    out = tmp_path / "report.json"
    with out.open("w") as handle:
        to_file = subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), "report", "--format", "json"],
                                 stdout=handle, stderr=subprocess.PIPE, text=True, env=env, timeout=30, check=False)
    assert to_file.returncode == 0 and to_file.stderr == ""
    assert out.read_text() == piped.stdout and piped.stdout.rstrip().endswith("}")
    status = tenfold(db, env, "status")
    assert status.returncode == 0 and status.stdout.endswith("\n") and status.stdout.count("\n") == 1
    refused = tenfold(db, env, "report", "--stream", "Nobody")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr.startswith("tenfold: ") and "Nobody" in refused.stderr
