"""Values a careful user would not type, but a script, a paste or a stray key does: real ``tenfold`` processes.

Each is refused like any other typing mistake - one line on stderr, exit 2, the
data file byte for byte as it was - never an "unexpected error" (exit 70) and never
taken as something else than was typed.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from cli_support import TODAY, process_env, run_tenfold, seed

from tenfold.domain.ideas import parse_idea
from tenfold.domain.step_items import StepItem
from tenfold.store.store import Store


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return process_env(tmp_path, TODAY)


def tenfold(db: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run_tenfold(db, env, *args)


def with_an_item(tmp_path: Path) -> Path:
    """The usual data file, with item 1 on step 3 and idea 1 (so ids are looked up, not only listed)."""
    db: Path = seed(tmp_path / "t.json")
    with Store.open(db, today=lambda: date(2026, 11, 21)) as store:
        store.add_step_item(StepItem(0, 3, "Outline the ebook", "", False, date(2026, 11, 21)))
        store.add_idea(parse_idea(who="Bakers", value="A starter", reach="", delivery="", written_on=date(2026, 11, 2)))
    return db


def refused_as_typing(db: Path, env: dict[str, str], args: tuple[str, ...]) -> str:
    """Run a command that must be refused as bad input; return its one line."""
    before = db.read_bytes()
    result = tenfold(db, env, *args)
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tenfold: ") and "unexpected" not in lines[0], result.stderr
    assert db.read_bytes() == before
    return lines[0]


SUPERSCRIPT = [
    ("steps", "items", "²"),
    ("steps", "add-item", "²", "--text", "Outline"),
    ("steps", "done", "3", "²"),
    ("steps", "edit", "3", "²", "--text", "Outline"),
    ("tick", "²"),
]


@pytest.mark.parametrize("args", SUPERSCRIPT, ids=[" ".join(a) for a in SUPERSCRIPT])
def test_a_superscript_number_is_a_typing_mistake_not_a_crash(tmp_path: Path, env: dict[str, str],
                                                              args: tuple[str, ...]) -> None:
    """``²`` is a digit to Python's ``str.isdigit`` but not to ``int``: it used to end in exit 70."""
    line = refused_as_typing(with_an_item(tmp_path), env, args)
    assert "'²'" in line
    assert not (tmp_path / "state").exists()  # no crash log


OTHER_DIGITS = [
    ("add", "payment", "--stream", "Royalties", "--amount", "5", "--date", "٢٠٢٦-١١-٢٠"),
    ("add", "stream", "--name", "Tips", "--kind", "active", "--started", "２０２６-０１-０１"),
    ("pause", "--from", "٢٠٢٦-١١-٢٠"),
    ("report", "--month", "٢٠٢٦-١٠"),
    ("report", "--year", "２０２６"),
    ("review", "--date", "٢٠٢٦-١١-٢٠"),
    ("tick", "３"),
    ("untick", "٣"),
    ("steps", "items", "٣"),
    ("steps", "done", "3", "١"),
    ("parts", "--idea", "١", "--delivery", "2"),
    ("import", "--skip-rows", "٣", "statement.csv"),
]


@pytest.mark.parametrize("args", OTHER_DIGITS, ids=[" ".join(a[:2]) + f"-{i}" for i, a in enumerate(OTHER_DIGITS)])
def test_digits_of_other_scripts_are_refused_as_amounts_are(tmp_path: Path, env: dict[str, str],
                                                            args: tuple[str, ...]) -> None:
    """An amount of ``٣٤`` or ``３４`` is refused; a date, month, year or number written so was taken.

    One rule for every field: what one refuses, no other accepts.
    """
    db = with_an_item(tmp_path)
    assert "is not an amount" in refused_as_typing(db, env, ("add", "payment", "--stream", "Royalties",
                                                              "--amount", "٣٤"))
    refused_as_typing(db, env, args)


def test_a_refused_amount_is_quoted_as_typed(tmp_path: Path, env: dict[str, str]) -> None:
    """``-$5`` was quoted back as ``'$5'``: the message must show what the user typed."""
    db: Path = seed(tmp_path / "t.json")
    for typed in ("-$5", "-Infinity", "-12,50 EUR"):
        line = refused_as_typing(db, env, ("add", "payment", "--stream", "Royalties", "--amount", typed))
        assert f"'{typed}'" in line, line


def test_a_long_backup_name_is_not_echoed_whole(tmp_path: Path, env: dict[str, str]) -> None:
    """A 5,000-character name came back whole in the message: a screenful, not a line."""
    db: Path = seed(tmp_path / "t.json")
    line = refused_as_typing_or_failed(db, env, ("backup", "restore", "x" * 5000))
    assert "has no backup called 'xxxx" in line and len(line) < len(str(db)) + 150, len(line)


def refused_as_typing_or_failed(db: Path, env: dict[str, str], args: tuple[str, ...]) -> str:
    """Run a command that must be refused (exit 1 or 2); return its one line."""
    before = db.read_bytes()
    result = tenfold(db, env, *args)
    assert result.returncode in (1, 2) and result.stdout == "", result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tenfold: ") and "unexpected" not in lines[0], result.stderr
    assert db.read_bytes() == before
    return lines[0]


@pytest.mark.parametrize("args", [("status",), ("add", "payment", "--stream", "Royalties", "--amount", "5")])
def test_an_empty_db_option_is_not_the_default_file(tmp_path: Path, env: dict[str, str], args: tuple[str, ...]) -> None:
    """``tenfold --db "$FILE" ...`` with FILE unset read and wrote the user's own data file, as if --db were
    not there: a script's mistake landed in the real ledger."""
    home = tmp_path / "home"
    (home / "data" / "tenfold").mkdir(parents=True)
    default = seed(home / "data" / "tenfold" / "tenfold.json")
    before = default.read_bytes()
    env = {**env, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    result = subprocess.run([sys.executable, "-m", "tenfold", "--db", "", *args], capture_output=True, text=True,
                            env=env, timeout=30, check=False, stdin=subprocess.DEVNULL)
    assert (result.returncode, result.stdout) == (2, ""), result.stdout
    assert result.stderr == "tenfold: --db: give the data file's name, e.g. --db ~/tenfold.json\n"
    assert default.read_bytes() == before
