"""Data files and output files a user's system can hand the command line: real ``tenfold`` processes.

A hand-edited date, a link that points at itself, a file marked read-only, a disk
that fills up under an export: each ends in the answer or in one clear line, with
the exit code scripts rely on (2: you typed something wrong; 1: the file or the
system failed), and the data file as it was.
"""

from __future__ import annotations

import resource
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest
from cli_support import TODAY, lock_held, process_env, run_tenfold, seed


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return process_env(tmp_path, TODAY)


def tenfold(db: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run_tenfold(db, env, *args)


def one_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    lines = result.stderr.splitlines()
    assert (result.returncode, len(lines)) == (code, 1), result.stderr
    assert lines[0].startswith("tenfold: ") and "unexpected" not in lines[0]
    return lines[0]


def test_a_check_in_in_year_one_does_not_break_the_streak(tmp_path: Path, env: dict[str, str]) -> None:
    """A hand edit put a check-in on 0001-01-01: counting the streak back stepped off the calendar (exit 70)."""
    db: Path = seed(tmp_path / "t.json")
    document = orjson.loads(db.read_bytes())
    document["checkins"]["2"] = {"on": "0001-01-01"}
    db.write_bytes(orjson.dumps(document))
    status = tenfold(db, env, "status")
    assert (status.returncode, status.stderr) == (0, "")
    assert "streak ended 2026-11-01 after 1 day (best 1)" in status.stdout
    review = tenfold(db, env, "review", "--date", TODAY)
    assert (review.returncode, review.stderr) == (0, "")
    assert not (tmp_path / "state" / "tenfold" / "cli-error.log").exists()


def limited_memory() -> None:
    """In the child: at most 2 GB of address space, so reading without end fails fast instead of
    drawing the whole machine into swap (the limit only turns that into a MemoryError)."""
    resource.setrlimit(resource.RLIMIT_AS, (2 * 2**30, 2 * 2**30))


@pytest.mark.parametrize("source", ["device", "endless pipe"])
def test_an_import_never_reads_without_end(tmp_path: Path, env: dict[str, str], source: str) -> None:
    """``tenfold import /dev/zero`` read until the system killed it; ``... | tenfold import -`` too."""
    db: Path = seed(tmp_path / "t.json")
    before = db.read_bytes()
    args = ["/dev/zero"] if source == "device" else ["-"]
    with open("/dev/zero", "rb") as zeros:
        result = subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), "import", *args, "--yes"],
                                capture_output=True, text=True, env=env, timeout=60, check=False,
                                stdin=zeros if source == "endless pipe" else subprocess.DEVNULL,
                                preexec_fn=limited_memory)
    line = one_line(result, 1)
    if source == "device":
        assert line == "tenfold: /dev/zero: is a device, not a file; choose the file you downloaded"
    else:
        assert line.startswith("tenfold: standard input: is larger than 256 MB, more than one import reads")
    assert db.read_bytes() == before


def small_files_only() -> None:
    """In the child: no file may grow past 64 bytes, as on a full disk (EFBIG instead of the signal)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))


@pytest.mark.parametrize("command", [["export"], ["export", "--format", "csv"], ["review"]])
def test_an_output_file_the_system_refuses_is_a_failure_not_a_typing_mistake(
    tmp_path: Path, env: dict[str, str], command: list[str]
) -> None:
    """``export -o`` said 2 ("you typed something wrong") when the disk refused the file; ``review -o`` said 1."""
    db: Path = seed(tmp_path / "t.json")
    out = tmp_path / "out.txt"
    result = subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), *command, "-o", str(out)],
                            capture_output=True, text=True, env=env, timeout=60, check=False,
                            stdin=subprocess.DEVNULL, preexec_fn=small_files_only)
    assert one_line(result, 1) == f"tenfold: {out}: cannot be written: File too large"
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out")) == []  # no temp file left


@pytest.mark.parametrize("args", [["status"], ["add", "payment", "--stream", "Royalties", "--amount", "1"], ["doctor"]])
def test_a_link_that_leads_back_to_itself_is_called_a_loop(tmp_path: Path, env: dict[str, str],
                                                            args: list[str]) -> None:
    """``t.json -> u.json -> t.json`` was reported as "a symbolic link to t.json, which does not exist"."""
    (tmp_path / "t.json").symlink_to("u.json")
    (tmp_path / "u.json").symlink_to("t.json")
    line = one_line(tenfold(tmp_path / "t.json", env, *args), 1)
    assert "a loop" in line and "does not exist" not in line, line
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "state") == ["t.json", "u.json"]


@pytest.mark.parametrize("args", [["add", "payment", "--stream", "Royalties", "--amount", "1"], ["tick", "1"],
                                  ["goal", "set", "More", "--amount", "9", "--by", "2028-01-01"]])
def test_a_data_file_marked_read_only_is_not_replaced(tmp_path: Path, env: dict[str, str], args: list[str]) -> None:
    """``chmod 400`` on the data file (a year closed, a file kept as evidence): a save replaced it with a new,
    writable file beside it, since replacing a file asks only the folder. It is refused and left as it is;
    reading it still works."""
    db: Path = seed(tmp_path / "t.json")
    db.chmod(0o400)
    before = (db.read_bytes(), db.stat().st_ino)
    line = one_line(tenfold(db, env, *args), 1)
    assert line == f"tenfold: {db}: is read-only (mode 0400); to change it, make it writable: chmod 600 {db}"
    assert (db.read_bytes(), db.stat().st_ino, stat.S_IMODE(db.stat().st_mode)) == (*before, 0o400)
    status = tenfold(db, env, "status")
    assert status.returncode == 0 and status.stdout.startswith("Goal 12.50/1,500.00 EUR")


def test_ctrl_c_while_waiting_for_the_app_is_one_line(tmp_path: Path, env: dict[str, str]) -> None:
    """Ctrl+C while a write waits for the app to let go: stderr held a blank line, then the message; a script
    reading stderr got two lines. The blank line only closes a terminal's ``^C`` echo, so only a terminal gets it."""
    db: Path = seed(tmp_path / "t.json")
    before = db.read_bytes()
    with lock_held(db):
        proc = subprocess.Popen([sys.executable, "-m", "tenfold", "--db", str(db), "tick", "1"], env=env,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1.0)  # importing, reading, then waiting for the lock (3 s)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    assert (proc.returncode, out, err) == (1, "", "tenfold: stopped; nothing was changed\n")
    assert db.read_bytes() == before
