"""A damaged file on start: find the newest good backup, set the damaged file aside, never overwrite it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from storekit import fingerprint, fixed, new_filled

from tenfold.domain.errors import DamagedFileError, StoreError
from tenfold.store.backups import DAILY, list_backups, make_backup
from tenfold.store.recovery import describe_age, find_newest_good_backup, quarantine, recover_from_backup
from tenfold.store.store import Store

NOW = datetime(2026, 3, 20, 10, 15, 0)


def damaged_file_with_backups(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A file with a good backup three days old and a damaged (newer) one; then the file is damaged."""
    path = tmp_path / "tenfold.json"
    new_filled(path)
    good = make_backup(path, DAILY, NOW - timedelta(days=3))
    bad = make_backup(path, DAILY, NOW - timedelta(days=1))
    assert good is not None and bad is not None
    bad.path.write_bytes(b'{"meta": {"1": {"schema_ver')
    path.write_bytes(path.read_bytes()[:-40])
    return path, good.path, bad.path


def test_newest_good_backup_skips_damaged_ones_and_says_how_old(tmp_path: Path) -> None:
    path, good, _bad = damaged_file_with_backups(tmp_path)
    found = find_newest_good_backup(path, now=NOW)
    assert found == (good, timedelta(days=3))
    assert describe_age(found[1]) == "3 days ago"


def test_no_good_backup_is_none(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    path.write_bytes(b"garbage")
    assert find_newest_good_backup(path) is None


def test_quarantine_renames_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    path.write_bytes(b"first damaged file")
    earlier = tmp_path / "tenfold.json.damaged-2026-03-20T101500"
    earlier.write_bytes(b"an earlier damaged file")
    kept = quarantine(path, now=NOW)
    assert kept == tmp_path / "tenfold.json.damaged-2026-03-20T101500-1"
    assert kept.read_bytes() == b"first damaged file"
    assert earlier.read_bytes() == b"an earlier damaged file"
    assert not path.exists()
    with pytest.raises(StoreError, match="nothing to set aside"):
        quarantine(path, now=NOW)


def test_recover_from_backup_end_to_end(tmp_path: Path) -> None:
    """What the app does when the user chooses "open the newest good backup"."""
    path, _good, _bad = damaged_file_with_backups(tmp_path)
    damaged_bytes = path.read_bytes()
    with pytest.raises(DamagedFileError):
        Store.open(path, today=fixed())
    found = find_newest_good_backup(path, now=NOW)
    assert found is not None
    kept = recover_from_backup(path, found[0], now=NOW)
    assert kept.name == "tenfold.json.damaged-2026-03-20T101500"
    assert kept.read_bytes() == damaged_bytes
    assert path.read_bytes() == found[0].read_bytes()
    with Store.open(path, today=fixed()) as store:
        assert len(store.payments()) == 2
    assert len(list_backups(path)) == 3  # recovery deletes no backup, good or bad


def test_recovering_from_a_damaged_backup_is_refused_untouched(tmp_path: Path) -> None:
    path, _good, bad = damaged_file_with_backups(tmp_path)
    before = fingerprint(path)
    with pytest.raises(DamagedFileError):
        recover_from_backup(path, bad, now=NOW)
    assert fingerprint(path) == before
    assert not list(tmp_path.glob("*.damaged-*"))


def test_describe_age() -> None:
    assert describe_age(timedelta(seconds=30)) == "just now"
    assert describe_age(timedelta(minutes=1)) == "1 minute ago"
    assert describe_age(timedelta(hours=5, minutes=3)) == "5 hours ago"
    assert describe_age(timedelta(days=1, hours=2)) == "1 day ago"
