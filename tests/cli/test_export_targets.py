"""``export -o`` and ``review -o`` never write over Tenfold's own files: data, lock, backups, rescue.

Replacing the lock while the app holds it let a second writer in beside the app;
a CSV written over a backup destroyed it. Each is refused with one line and the
file left as it was, also when the name reaches it through a symlink.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from cli_support import invoke, lock_held, one_error_line, seed

from tenfold.store.backups import list_backups
from tenfold.store.rescue import rescue_paths


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    path = seed(tmp_path / "t.json")
    assert invoke(path, "tick", "1").exit_code == 0  # the day's first save: a backup
    return path


def refused(db: Path, target: Path, *args: str) -> str:
    before = target.read_bytes() if target.exists() else None
    result = invoke(db, *args, "-o", str(target))
    line = one_error_line(result)
    assert (target.read_bytes() if target.exists() else None) == before
    return line


def test_the_lock_the_app_holds_is_not_replaced(db: Path) -> None:
    lock = db.with_name(".t.json.lock")
    with lock_held(db) as pid:
        assert refused(db, lock, "export") == (
            "tenfold: That is the lock file of Tenfold's data file; choose another file"
        )
        # The app still has the file to itself: a writing command is refused.
        assert str(pid) in one_error_line(invoke(db, "tick", "2"))


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "ledger"])
def test_backups_are_not_overwritten(db: Path, fmt: str) -> None:
    backup = list_backups(db)[0].path
    assert refused(db, backup, "export", "--format", fmt) == (
        f"tenfold: That is in Tenfold's backups folder ({backup.parent}); choose a file elsewhere"
    )
    assert refused(db, backup.parent / "new.csv", "export", "--format", fmt).endswith("choose a file elsewhere")
    assert not (backup.parent / "new.csv").exists()


def test_the_data_file_and_the_rescue_file_are_refused(db: Path) -> None:
    assert refused(db, db, "export") == "tenfold: That is Tenfold's data file; choose another file"
    for rescue in rescue_paths(db):
        rescue.parent.mkdir(parents=True, exist_ok=True)
        assert refused(db, rescue, "review") == (
            "tenfold: output: That is the rescue file of Tenfold's data file; choose another file"
        )
        assert not rescue.exists()


def test_symlinks_are_followed_before_comparing(db: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "to-lock").symlink_to(db.with_name(".t.json.lock"))
    (elsewhere / "to-data").symlink_to(db)
    (elsewhere / "folder").symlink_to(tmp_path)
    assert refused(db, elsewhere / "to-lock", "export").endswith(
        "lock file of Tenfold's data file; choose another file"
    )
    assert refused(db, elsewhere / "to-data", "export", "--format", "csv").endswith("data file; choose another file")
    backup = list_backups(db)[0].path
    via_folder = elsewhere / "folder" / "backups" / backup.name
    assert refused(db, via_folder, "review").endswith("choose a file elsewhere")
    assert os.path.islink(elsewhere / "to-data")


def test_an_ordinary_file_beside_them_is_fine(db: Path, tmp_path: Path) -> None:
    result = invoke(db, "export", "--format", "csv", "-o", str(tmp_path / "t.csv"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "t.csv").read_text().startswith("date,stream,amount")
