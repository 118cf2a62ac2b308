"""Crash tests with real processes: die after every write/fsync/replace of a save, and random SIGKILLs.

The child (``crash_child.py``) saves through the real Store. A process that dies
mid-save must leave the file exactly as it was before the save or exactly as the
save meant it, never anything between; backups must be whole too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from crash_child import CRASH_CODE
from crashkit import NEXT, Model, apply_to_store, generate_ops, install_fake_v2, store_snapshot
from soak import CHILD, SRC, soak
from storekit import fixed

from tenfold.store import schema
from tenfold.store.backups import list_backups
from tenfold.store.reading.loading import read_contents
from tenfold.store.store import Store

SEED = 7
PRIOR = 30
DAY1, DAY2 = date(2026, 5, 1), date(2026, 5, 2)


def run_child(db: Path, today: date, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, str(CHILD), str(db), "--today", today.isoformat(), "--seed", str(SEED), *extra],
        capture_output=True, text=True, timeout=30, env=env,
    )


def prepared(tmp_path: Path) -> Path:
    """A folder whose file holds the first PRIOR edits, saved on DAY1 (so DAY1's backup exists)."""
    base = tmp_path / "base"
    base.mkdir()
    with Store.open(base / "tenfold.json", today=fixed(DAY1)) as store:
        for op in generate_ops(SEED, PRIOR):
            apply_to_store(store, op)
    return base


def crash_sweep(base: Path, tmp_path: Path, today: date, *extra: str) -> tuple[bytes, bytes, list[str]]:
    """Run the save once cleanly, then once per crash point N = 1, 2, ... until it no longer crashes.

    Returns the old bytes, the new bytes and, for each N, which version the file held.
    """
    old = (base / "tenfold.json").read_bytes()
    reference = tmp_path / "reference"
    shutil.copytree(base, reference)
    clean = run_child(reference / "tenfold.json", today, *extra)
    assert clean.returncode == 0, clean.stderr
    new = (reference / "tenfold.json").read_bytes()
    assert new != old
    earlier = {b.name for b in list_backups(base / "tenfold.json")}
    seen: list[str] = []
    for n in range(1, 60):
        folder = tmp_path / f"crash-{n}"
        shutil.copytree(base, folder)
        db = folder / "tenfold.json"
        result = run_child(db, today, "--die-after", str(n), *extra)
        if result.returncode == 0:
            assert db.read_bytes() == new
            break
        assert result.returncode == CRASH_CODE, result.stderr
        assert "ack" not in result.stdout  # it died before the save returned
        now = db.read_bytes()
        assert now in (old, new), f"crash after call {n} left a file that is neither version"
        seen.append("old" if now == old else "new")
        for backup in list_backups(db):  # any backup the save made is whole: the file as it was before
            if backup.name not in earlier:
                assert backup.path.read_bytes() == old, backup.name
        with Store.open(db, today=lambda: today) as store:  # opens cleanly and cleans up
            assert store_snapshot(store)
        assert not list(folder.glob(".*.tmp")) and not list((folder / "backups").glob(".*.tmp"))
    else:  # pragma: no cover
        pytest.fail("the save never finished")
    assert "old" in seen and "new" in seen, seen
    assert seen == sorted(seen, key=lambda v: v == "new"), f"the file went back to old: {seen}"
    return old, new, seen


@pytest.mark.parametrize("today", [DAY2, DAY1], ids=["first-save-of-the-day", "later-save"])
def test_crash_after_every_write_fsync_and_replace_of_a_save(tmp_path: Path, today: date) -> None:
    base = prepared(tmp_path)
    _, _, seen = crash_sweep(base, tmp_path, today, "--start", str(PRIOR), "--count", "1")
    model = Model()
    for op in generate_ops(SEED, PRIOR + 1):
        model.apply(op)
    with Store.open(tmp_path / "reference" / "tenfold.json", read_only=True) as store:
        assert store_snapshot(store) == model.snapshot()
    # A save writes the file's pieces (one os.write each), fsyncs, renames and fsyncs the folder: the
    # file is the old one until the rename, the new one after it. The first save of a day also writes
    # the daily backup first (its own write, fsync, rename, folder fsync): more crash points, all safe.
    assert seen.count("new") == 2, seen  # after the rename, and after the folder's fsync
    assert seen.count("old") >= (6 if today == DAY2 else 2), seen  # at least one write and the fsync
    print(f"\n{today}: {len(seen)} crash points, file held {seen}")


def test_crash_at_every_point_of_a_migration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opening a current file with a (fake) next-version Tenfold: backup then rewrite; a crash anywhere is safe."""
    base = prepared(tmp_path)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION)
    monkeypatch.setattr(schema, "MIGRATIONS", dict(schema.MIGRATIONS))
    install_fake_v2()  # so this process can open what the child left, v1 or v2
    old, _, seen = crash_sweep(base, tmp_path, DAY2, "--fake-v2", "--arm-at", "open", "--count", "0")
    assert read_contents(tmp_path / "reference" / "tenfold.json").version == NEXT
    migration = [b for b in list_backups(tmp_path / "reference" / "tenfold.json") if b.kind.startswith("before-mig")]
    assert [b.path.read_bytes() for b in migration] == [old]
    print(f"\nmigration: {len(seen)} crash points, file held {seen}")


def test_random_kills_lose_no_acknowledged_save(tmp_path: Path) -> None:
    result = soak(tmp_path, kills=20, seed=20261121)
    print(f"\nsurvived {result.survived}/{result.kills} kills in {result.seconds:.1f}s; "
          f"{result.acked} saves acknowledged; {result.left_temp_files} kills left a half-written temp file")
    assert not result.failures, result.failures
    assert result.survived == result.kills == 20
    assert result.acked > 50  # the kills landed while the child was saving, not only while it started


def test_random_kills_while_saving_in_the_background_leave_whole_versions(tmp_path: Path) -> None:
    """As the app saves: edits go on while a thread writes; a kill leaves a whole version, every flushed edit in it."""
    result = soak(tmp_path, kills=20, seed=20261122, background=True)
    print(f"\nbackground: survived {result.survived}/{result.kills} kills in {result.seconds:.1f}s; "
          f"{result.acked} flushed edits acknowledged; {result.left_temp_files} kills left a temp file")
    assert not result.failures, result.failures
    assert result.survived == result.kills == 20
    assert result.acked > 50
