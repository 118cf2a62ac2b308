"""Schema migrations, tested on frozen files of every older version under ``tests/fixtures/``.

Schema 1 is the only version so far, so ``fixtures/v1.json`` is frozen as the app
writes it today. When schema 2 arrives: add its migration to ``MIGRATIONS``, keep
``v1.json`` as it is, add ``v2.json``, and add a test that opens each older
fixture. Until then a stand-in v2 migration (and v3) registered here shows the
framework working end to end, including the backup taken before upgrading.
"""

from __future__ import annotations

import errno
import os
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest

from crashkit import fake_v2_migration
from storekit import fingerprint, fixed
from tenfold import schema
from tenfold.backups import BackupError, list_backups, migration_kind
from tenfold.errors import NewerSchemaError, StoreError
from tenfold.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


def copy_fixture(tmp_path: Path, name: str = "v1.json") -> Path:
    target = tmp_path / "tenfold.json"
    shutil.copyfile(FIXTURES / name, target)
    target.chmod(0o600)
    return target


@pytest.fixture
def schema_v2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend this Tenfold reads schema 2; undone after the test."""
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {2: fake_v2_migration})


def test_v1_fixture_opens_with_every_record(tmp_path: Path) -> None:
    path = copy_fixture(tmp_path)
    before = fingerprint(path)
    with Store.open(path, today=fixed()) as store:
        assert store.goal is not None and store.goal.amount == Decimal("10000.00")
        assert store.steps()[0].done_on == date(2026, 3, 1)
        assert [s.name for s in store.streams()] == ["ETF", "Sourdough ebook"]
        assert sorted(p.amount for p in store.payments()) == [Decimal("0.10"), Decimal("12.50")]
        assert store.ideas()[0].reach == "a course for 1,000,000"
        assert store.draft("payment") == {"amount": "abc", "note": "half typed"}
    assert fingerprint(path) == before  # current version: opening rewrites nothing
    assert list_backups(path) == []


@pytest.mark.usefixtures("schema_v2")
def test_upgrade_backs_up_first_then_rewrites(tmp_path: Path) -> None:
    path = copy_fixture(tmp_path)
    original = path.read_bytes()
    with Store.open(path, today=fixed()) as store:
        assert len(store.payments()) == 2
    data = orjson.loads(path.read_bytes())
    assert data["meta"]["1"]["schema_version"] == 2
    assert all(s["started_on"] is None for s in data["streams"].values())
    backups = list_backups(path)
    assert [b.kind for b in backups] == [migration_kind(1)] == ["before-migration-v1"]
    assert backups[0].path.read_bytes() == original  # byte for byte
    Store.open(path, today=fixed()).close()  # already v2: no second upgrade, no second copy
    assert len(list_backups(path)) == 1


@pytest.mark.usefixtures("schema_v2")
def test_read_only_open_upgrades_in_memory_only(tmp_path: Path) -> None:
    path = copy_fixture(tmp_path)
    before = fingerprint(path)
    with Store.open(path, read_only=True) as store:
        assert len(store.streams()) == 2
    assert fingerprint(path) == before
    assert not (tmp_path / "backups").exists()


def test_migrations_run_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def to_v3(doc: dict[str, Any]) -> dict[str, Any]:
        seen.append(3)
        assert doc["meta"]["1"]["schema_version"] == 2  # v2 ran first
        return doc

    def to_v2(doc: dict[str, Any]) -> dict[str, Any]:
        seen.append(2)
        return fake_v2_migration(doc)

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(schema, "MIGRATIONS", {3: to_v3, 2: to_v2})
    path = copy_fixture(tmp_path)
    Store.open(path, today=fixed()).close()
    assert seen == [2, 3]
    assert orjson.loads(path.read_bytes())["meta"]["1"]["schema_version"] == 3
    assert [b.kind for b in list_backups(path)] == ["before-migration-v1"]


def test_a_failing_migration_leaves_the_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: dict[str, Any]) -> dict[str, Any]:
        raise KeyError("streams")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {2: broken})
    path = copy_fixture(tmp_path)
    before = fingerprint(path)
    with pytest.raises(StoreError) as caught:
        Store.open(path, today=fixed())
    assert "could not be upgraded from schema 1 to 2" in str(caught.value)
    assert "left as it is" in str(caught.value)
    assert fingerprint(path) == before
    assert list_backups(path) == []


@pytest.mark.usefixtures("schema_v2")
def test_no_upgrade_without_its_backup(tmp_path: Path) -> None:
    """If the pre-migration copy cannot be written (disk full), the file is not upgraded."""
    path = copy_fixture(tmp_path)
    before = fingerprint(path)
    real_write = os.write

    def full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    os.write = full
    try:
        with pytest.raises(BackupError, match="the disk is full"):
            Store.open(path, today=fixed())
    finally:
        os.write = real_write
    assert fingerprint(path) == before
    Store.open(path, today=fixed()).close()  # space again: the upgrade goes through
    assert orjson.loads(path.read_bytes())["meta"]["1"]["schema_version"] == 2


def test_a_newer_file_is_refused_untouched(tmp_path: Path) -> None:
    path = copy_fixture(tmp_path)
    data = orjson.loads(path.read_bytes())
    data["meta"]["1"]["schema_version"] = schema.SCHEMA_VERSION + 1
    path.write_bytes(orjson.dumps(data))
    before = fingerprint(path)
    for read_only in (False, True):
        with pytest.raises(NewerSchemaError) as caught:
            Store.open(path, read_only=read_only)
        assert "newer Tenfold" in str(caught.value) and "upgrade Tenfold" in str(caught.value)
    assert fingerprint(path) == before
    assert list_backups(path) == []
