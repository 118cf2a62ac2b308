"""``tenfold backup list`` and ``tenfold backup restore NAME`` on real files."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from click.testing import CliRunner, Result
from storekit import SRC, TODAY, fingerprint, fixed, held_by_another_process, new_filled

from tenfold.cli import cli
from tenfold.store.backups import BEFORE_RESTORE, list_backups
from tenfold.store.store import Store


def tenfold(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], env={"TENFOLD_TODAY": "2026-03-20"},
                              catch_exceptions=False)


def two_days_of_backups(tmp_path: Path) -> Path:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed(TODAY + timedelta(days=1))) as store:
        store.delete_payment(store.payments()[0].id)
    return path


def test_list_shows_newest_first_with_kind_and_time(tmp_path: Path) -> None:
    path = two_days_of_backups(tmp_path)
    result = tenfold(path, "backup", "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("tenfold.2026-03-16T") and lines[0].endswith("daily")
    assert lines[1].startswith("tenfold.2026-03-15T")
    assert " 2026-03-16 " in lines[0] and re.search(r" \d+(\.\d)? K?B ", lines[0])


def test_list_without_backups(tmp_path: Path) -> None:
    result = tenfold(tmp_path / "tenfold.json", "backup", "list")
    assert result.exit_code == 0
    assert "No backups yet" in result.output


def test_restore_puts_the_backup_back_and_keeps_the_current_file(tmp_path: Path) -> None:
    path = two_days_of_backups(tmp_path)
    current = path.read_bytes()
    newest = list_backups(path)[0]
    result = tenfold(path, "backup", "restore", newest.name)
    assert result.exit_code == 0, result.output
    assert f"Restored {newest.name} into {path}." in result.output
    assert path.read_bytes() == newest.path.read_bytes()
    kept = [b for b in list_backups(path) if b.kind == BEFORE_RESTORE]
    assert len(kept) == 1 and kept[0].path.read_bytes() == current
    assert kept[0].taken_at.date() == date(2026, 3, 20)  # named by the same clock as everything else
    assert kept[0].name in result.output
    with Store.open(path, read_only=True) as store:
        assert len(store.payments()) == 2


def test_restore_an_unknown_name_is_one_clear_line(tmp_path: Path) -> None:
    path = two_days_of_backups(tmp_path)
    before = fingerprint(path)
    result = tenfold(path, "backup", "restore", "tenfold.1999-01-01T000000.daily.json")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "has no backup called" in result.stderr
    assert fingerprint(path) == before


def test_restore_while_the_app_is_open_is_refused(tmp_path: Path) -> None:
    """A real process holds the file; a real ``tenfold`` process is refused, no traceback."""
    path = two_days_of_backups(tmp_path)
    before, name = fingerprint(path), list_backups(path)[0].name
    with held_by_another_process(path) as holder:
        result = subprocess.run(
            [sys.executable, "-m", "tenfold", "--db", str(path), "backup", "restore", name],
            capture_output=True, text=True, timeout=30, env={**os.environ, "PYTHONPATH": str(SRC)},
        )
    assert result.returncode == 1
    assert f"in use by process {holder.pid}" in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert fingerprint(path) == before


def test_restore_works_when_the_data_file_is_damaged(tmp_path: Path) -> None:
    """That is when people need it most: the store cannot open, the command still works."""
    path = two_days_of_backups(tmp_path)
    path.write_bytes(b"\x00\x00garbage")
    good = list_backups(path)[0]
    assert tenfold(path, "backup", "list").exit_code == 0
    result = tenfold(path, "backup", "restore", good.name)
    assert result.exit_code == 0, result.output
    kept = next(b for b in list_backups(path) if b.kind == BEFORE_RESTORE)
    assert kept.path.read_bytes() == b"\x00\x00garbage"  # even the damaged file is kept
    Store.open(path).close()
