"""Helpers shared by the command-line tests (no tests here).

Everything is real: TinyDB files in a temporary folder, click's CliRunner, and a
second Python process that holds the write lock the way the running app does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner, Result

from tenfold.cli import cli
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.store import Store

TODAY = "2026-11-21"
"""Every test runs on this day, pinned through $TENFOLD_TODAY."""

HOLD_LOCK = (
    "import sys\n"
    "from tenfold.store.store import Store\n"
    "store = Store.open(sys.argv[1])\n"
    "print('ready', flush=True)\n"
    "sys.stdin.read()\n"  # hold the lock until the test closes our stdin
    "store.close()\n"
)


def process_env(tmp_path: Path, today: str = TODAY) -> dict[str, str]:
    """The environment of a real ``tenfold`` process in a test: no TENFOLD_ setting from outside, today pinned,
    the state folder (logs, remembered checks) in the test's own folder."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    return {**clean, "TENFOLD_TODAY": today, "XDG_STATE_HOME": str(tmp_path / "state")}


def run_tenfold(db: Path, env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m tenfold --db DB ARGS`` in a process of its own, with nothing on its standard input."""
    return subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), *args], capture_output=True, text=True,
                          env=env, timeout=timeout, check=False, stdin=subprocess.DEVNULL)


IMPORTS = Path(__file__).parent.parent / "fixtures" / "imports"
"""The real files the import tests read, each a layout a platform or bank writes."""


def import_to_bank(db: Path, env: dict[str, str], source: Path, *more: str) -> subprocess.CompletedProcess[str]:
    """``tenfold import SOURCE --stream Bank --create-streams passive --yes MORE`` in a process of its own."""
    return run_tenfold(db, env, "import", str(source), "--stream", "Bank", "--create-streams", "passive", "--yes",
                       *more)


def invoke(db: Path, *args: str, input: str | None = None, today: str = TODAY) -> Result:
    """Run ``tenfold --db DB ARGS`` in-process; exceptions other than SystemExit propagate.

    The state folder (``tenfold status`` keeps a small cache there) is beside the data file,
    never the user's own.
    """
    runner = CliRunner()
    env = {"TENFOLD_TODAY": today, "XDG_STATE_HOME": str(db.parent / "state")}
    return runner.invoke(cli, ["--db", str(db), *args], input=input, env=env, catch_exceptions=False)


def one_error_line(result: Result) -> str:
    """The single stderr line of a refused command, after checking it is exactly one."""
    lines = result.stderr.splitlines()
    assert result.exit_code != 0, result.output
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("tenfold: ")
    assert "Traceback" not in result.output
    return lines[0]


def seed(db: Path) -> Path:
    """A data file with a goal, two streams (EUR passive, USD active) and two payments."""
    with Store.open(db, today=lambda: date(2026, 11, 1)) as store:
        store.set_goal(Goal("Royalties pay the rent", Decimal("1500.00"), "EUR", date(2027, 12, 31), date(2026, 11, 1)))
        royalties = store.add_stream(Stream(0, "Royalties", "royalties", "passive", "EUR"))
        consulting = store.add_stream(Stream(0, "Consulting", "other", "active", "USD"))
        store.add_payment(Payment(0, royalties.id, date(2026, 11, 3), Decimal("12.50"), "October sales"))
        store.add_payment(Payment(0, consulting.id, date(2026, 10, 20), Decimal("400.00"), ""))
    return db


def read(db: Path) -> Store:
    """The data file as the app would see it, opened read-only."""
    return Store.open(db, read_only=True)


@contextmanager
def lock_held(db: Path, release_after: float | None = None) -> Iterator[int]:
    """Another real process holds the write lock on ``db``; yields its pid.

    With ``release_after`` it lets go after that many seconds, as a user closing
    the app would.
    """
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdin is not None
    assert proc.stdout.readline().strip() == "ready"
    timer = threading.Timer(release_after, proc.stdin.close) if release_after is not None else None
    if timer:
        timer.start()
    try:
        yield proc.pid
    finally:
        if timer:
            timer.join()
        if not proc.stdin.closed:
            proc.stdin.close()
        proc.wait(timeout=10)
        proc.stdout.close()
