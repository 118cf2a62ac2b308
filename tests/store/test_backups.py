"""Backups: one before the first save of each day, the last 14 kept, restores that can be undone."""

from __future__ import annotations

import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from storekit import TODAY, fingerprint, fixed, held_by_another_process, new_filled

from tenfold.domain.errors import DamagedFileError, LockedError, StoreError
from tenfold.store.backups import (
    BEFORE_RESTORE,
    DAILY,
    KEEP_DAILY,
    list_backups,
    make_backup,
    migration_kind,
    parse_backup_name,
    restore_backup,
)
from tenfold.store.store import Store


def test_first_save_of_each_day_keeps_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)  # first save on TODAY: the backup holds the fresh, empty file
    empty = list_backups(path)
    assert [b.kind for b in empty] == [DAILY]
    before = path.read_bytes()
    with Store.open(path, today=fixed(TODAY)) as store:
        store.tick(5, TODAY)  # same day: no new copy
        assert len(list_backups(path)) == 1
    after_today = path.read_bytes()
    tomorrow = TODAY + timedelta(days=1)
    with Store.open(path, today=fixed(tomorrow)) as store:
        assert len(list_backups(path)) == 1  # opening alone takes no copy
        store.untick(5)
        store.tick(6, tomorrow)
    backups = list_backups(path)
    assert [b.taken_at.date() for b in backups] == [tomorrow, TODAY]
    assert backups[0].path.read_bytes() == after_today  # yesterday's last state, before today's first save
    assert before != after_today


def test_backups_are_private(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    folder = tmp_path / "backups"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [stat.S_IMODE(b.path.stat().st_mode) for b in list_backups(path)] == [0o600]


def test_only_the_last_14_daily_copies_are_kept_and_migration_copies_always(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path, day=date(2026, 1, 1))
    migration = make_backup(path, migration_kind(1), datetime(2026, 1, 1, 9, 0))
    restore_copy = make_backup(path, BEFORE_RESTORE, datetime(2026, 1, 1, 9, 5))
    for offset in range(1, 21):
        day = date(2026, 1, 1) + timedelta(days=offset)
        with Store.open(path, today=fixed(day)) as store:
            store.tick(1 + offset % 8, day)
    backups = list_backups(path)
    daily = [b.taken_at.date() for b in backups if b.kind == DAILY]
    assert len(daily) == KEEP_DAILY == 14
    assert daily == [date(2026, 1, 21) - timedelta(days=i) for i in range(14)]  # the newest 14 days
    assert migration in backups and restore_copy in backups


def test_names_sort_by_time_and_say_why(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    when = datetime(2026, 11, 21, 10, 15, 0)
    first = make_backup(path, migration_kind(1), when)
    second = make_backup(path, migration_kind(1), when)  # same second: never overwrites
    assert first is not None and second is not None
    assert first.name == "tenfold.2026-11-21T101500.before-migration-v1.json"
    assert second.name == "tenfold.2026-11-21T101500-1.before-migration-v1.json"
    assert list_backups(path)[:2] == [second, first]
    assert parse_backup_name(path, "other.2026-11-21T101500.daily.json") is None
    assert parse_backup_name(path, "tenfold.2026-13-41T101500.daily.json") is None
    assert make_backup(tmp_path / "missing.json", DAILY, when) is None


def test_restore_keeps_the_current_file_as_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed(TODAY + timedelta(days=1))) as store:
        store.delete_payment(store.payments()[0].id)  # the mistake we want to undo
    mistake = path.read_bytes()
    wanted = list_backups(path)[0]  # taken before that delete
    chosen, kept = restore_backup(path, wanted.name, datetime(2026, 3, 16, 12, 0))
    assert chosen == wanted and kept is not None
    assert path.read_bytes() == wanted.path.read_bytes()
    assert kept.kind == BEFORE_RESTORE and kept.path.read_bytes() == mistake
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with Store.open(path, read_only=True) as store:
        assert len(store.payments()) == 2
    restore_backup(path, kept.name)  # and the restore itself can be undone
    assert path.read_bytes() == mistake


def test_restore_refuses_unknown_and_damaged_backups_without_touching_anything(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    before, backups = fingerprint(path), list_backups(path)
    with pytest.raises(StoreError, match=r"has no backup called 'nope\.json'; 'tenfold backup list' shows them"):
        restore_backup(path, "nope.json")
    bad = tmp_path / "backups" / "tenfold.2026-01-01T000000.daily.json"
    bad.write_bytes(b'{"meta": ')
    with pytest.raises(DamagedFileError) as caught:
        restore_backup(path, bad.name)
    assert str(bad) in str(caught.value)
    assert fingerprint(path) == before
    assert {b.name for b in list_backups(path)} == {b.name for b in backups} | {bad.name}


def test_restore_while_another_tenfold_has_the_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    name, before = list_backups(path)[0].name, fingerprint(path)
    with held_by_another_process(path) as holder, pytest.raises(LockedError, match=f"process {holder.pid}"):
        restore_backup(path, name)
    assert fingerprint(path) == before
    assert [b.kind for b in list_backups(path)] == [DAILY]


def test_an_open_store_restores_under_its_own_lock_and_reloads(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed(TODAY + timedelta(days=1))) as store:
        store.delete_idea(store.ideas()[0].id)
        assert store.ideas() == []
        _, kept = store.restore(store.backups()[0].name)
        assert [i.who for i in store.ideas()] == ["home bakers"]
        store.tick(8, store.today())  # and it saves on top of the restored file
    assert kept is not None
    with Store.open(path, read_only=True) as store:
        assert store.steps()[7].done and len(store.ideas()) == 1


def test_half_written_backups_are_cleaned_on_open(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    folder = tmp_path / "backups"
    half = folder / ".tenfold.2026-03-16T080000.daily.json.x1y2z3.tmp"
    other = folder / ".notes.txt.abc.tmp"
    half.write_bytes(b"{")
    other.write_bytes(b"keep")
    Store.open(path).close()
    assert not half.exists() and other.exists()
