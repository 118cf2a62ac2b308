"""Data files that used to crash or hang every command: each now ends in one line, and the file is untouched.

Real ``python -m tenfold`` processes with a timeout, as a user meets them: a FIFO
where the data file goes (every read used to wait for ever), a payment id too big
for 64 bits (every writer failed to save), an amount of 1e999999999 (every command
overflowed), and a payment listed twice (one would have been dropped at the next save).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import orjson
import pytest
from cli_support import TODAY, seed

from tenfold.store.store import Store


def fifo(db: Path) -> None:
    db.unlink()
    os.mkfifo(db, 0o600)


def edited(change: Callable[[dict[str, dict[str, dict[str, object]]]], None]) -> Callable[[Path], None]:
    def damage(db: Path) -> None:
        document = orjson.loads(db.read_bytes())
        change(document)
        db.write_bytes(orjson.dumps(document))

    return damage


def listed_twice(db: Path) -> None:
    raw = db.read_bytes()
    first = orjson.dumps(orjson.loads(raw)["payments"]["1"])
    db.write_bytes(raw.replace(b'"payments":{', b'"payments":{"2":' + first + b",", 1))


DAMAGE: dict[str, tuple[Callable[[Path], None], str]] = {
    "a fifo": (fifo, "is not a regular file (a fifo)"),
    "a 30-digit payment id": (edited(lambda d: d["payments"].update({"9" * 30: d["payments"].pop("1")})),
                              "has a damaged record in payments (id 999"),
    "an amount of 1e999999999": (edited(lambda d: d["payments"]["1"].update(amount="1e999999999")), "out of range"),
    "a payment listed twice": (listed_twice, 'lists the key "2" twice'),
}

COMMANDS = {
    "status": ["status"],
    "report": ["report"],
    "export": ["export"],
    "goal history": ["goal", "history"],
    "review": ["review"],
    "tick": ["tick", "2"],
    "add payment": ["add", "payment", "--stream", "Royalties", "--amount", "1"],
    "app": [],
}


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    return {**clean, "TENFOLD_TODAY": TODAY, "XDG_STATE_HOME": str(tmp_path / "state")}


def with_a_good_backup(tmp_path: Path) -> Path:
    """A data file, and a good backup of it (taken before a save on a later day)."""
    db: Path = seed(tmp_path / "t.json")
    with Store.open(db, today=lambda: date(2026, 11, 2)) as store:
        store.tick(1, date(2026, 11, 2))
    return db


def state(db: Path) -> tuple[int, bytes]:
    st = os.stat(db)
    return st.st_mode, b"" if db.is_fifo() else db.read_bytes()


def run(env: dict[str, str], db: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tenfold", "--db", str(db), *args],
        capture_output=True, text=True, env=env, timeout=30, check=False, stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_every_command_says_one_line_and_leaves_the_file(tmp_path: Path, env: dict[str, str], damage: str) -> None:
    make, says = DAMAGE[damage]
    db = with_a_good_backup(tmp_path)
    make(db)
    before = state(db)
    for name, args in COMMANDS.items():
        result = run(env, db, args)  # a hang fails here, with subprocess.TimeoutExpired
        assert result.returncode == 1, (name, result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"tenfold: {db}: "), (name, result.stderr)
        assert says in lines[0], (name, lines[0])
        if name == "app":
            assert "A good backup exists (t." in lines[0] and "run tenfold in a terminal to open it" in lines[0]
        assert state(db) == before, name
    assert not (tmp_path / "state").exists(), "nothing was logged as a crash"


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_doctor_names_the_problem_and_the_backup(tmp_path: Path, env: dict[str, str], damage: str) -> None:
    make, says = DAMAGE[damage]
    db = with_a_good_backup(tmp_path)
    make(db)
    before = state(db)
    result = run(env, db, ["doctor"])
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if line.startswith("  problem  ")]
    assert len(problems) == 1 and says in problems[0] and "tenfold backup restore t." in problems[0]
    assert result.stderr == ""
    assert state(db) == before
