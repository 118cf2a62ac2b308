"""Schema migrations, tested on frozen files of every version under ``tests/fixtures/``.

``v1.json`` is a file as schema 1 wrote it; ``v2.json`` one as schema 2 wrote it
(with every record kind schema 2 added); ``v3.json`` one as schema 3 writes it (a
stream's customer counting and start, the goal's portfolio choice, tick dates, pauses);
``v4.json`` one as schema 4 writes it (payments imported from a platform, with their
source, id, fee, currency and a refund); ``v5.json`` one as schema 5 writes it (the
measures: hours, bills, the three parts, step entries); ``v6.json`` one as schema 6 writes
it (a sub-task with a due date, a payment with its units). Never edit them: they are what users have on disk. When
schema 7 arrives, add its migration to ``MIGRATIONS``, keep them all, add ``v7.json`` and a
test that opens each older fixture. A stand-in
migration to the version after the current one (``crashkit.NEXT``) shows the
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
from crashkit import NEXT, fake_v2_migration
from storekit import fingerprint, fixed

from tenfold.domain.errors import NewerSchemaError, StoreError
from tenfold.store import schema
from tenfold.store.backups import BackupError, list_backups, migration_kind
from tenfold.store.store import Store

FIXTURES = Path(__file__).parent.parent / "fixtures"


def copy_fixture(tmp_path: Path, name: str = "v1.json") -> Path:
    target = tmp_path / "tenfold.json"
    shutil.copyfile(FIXTURES / name, target)
    target.chmod(0o600)
    return target


@pytest.fixture
def schema_v2(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend this Tenfold reads schema NEXT (the stand-in after the real ones); undone after the test."""
    monkeypatch.setattr(schema, "SCHEMA_VERSION", NEXT)
    monkeypatch.setattr(schema, "MIGRATIONS", {**schema.MIGRATIONS, NEXT: fake_v2_migration})


def test_v1_fixture_upgrades_to_the_current_schema_with_every_record(tmp_path: Path) -> None:
    path = copy_fixture(tmp_path)
    original = path.read_bytes()
    with Store.open(path, today=fixed()) as store:
        assert store.goal is not None and store.goal.amount == Decimal("10000.00")
        assert store.goal_history() == []
        assert store.steps()[0].done_on == date(2026, 3, 1)
        assert store.steps()[0].idea_id is None and store.steps()[3].savings_months is None
        assert [s.name for s in store.streams()] == ["ETF", "Sourdough ebook"]
        ebook = store.streams()[1]
        assert (ebook.cadence, ebook.expected, ebook.idea_id) == ("irregular", None, None)
        assert ebook.upkeep_hours == 0
        assert sorted(p.amount for p in store.payments()) == [Decimal("0.10"), Decimal("12.50")]
        assert all(p.customer == "" for p in store.payments())
        assert store.ideas()[0].reach == "a course for 1,000,000"
        assert (store.ideas()[0].rating, store.ideas()[0].ladder) == (0, ())
        assert store.draft("payment") == {"amount": "abc", "note": "half typed"}
        assert store.rates() == [] and store.step_items() == [] and store.dismissed() == {}
    data = orjson.loads(path.read_bytes())
    assert data["meta"]["1"]["schema_version"] == schema.SCHEMA_VERSION
    assert data["streams"]["1"]["upfront_money"] == "0" and data["ideas"]["1"]["ladder"] == []
    assert data["streams"]["1"]["started_on"] is None and data["hours"] == {} and data["parts"] == {}
    assert [b.kind for b in list_backups(path)] == ["before-migration-v1"]
    assert list_backups(path)[0].path.read_bytes() == original


def test_v2_fixture_upgrades_keeping_every_meaning(tmp_path: Path) -> None:
    """Today's files: portfolio stays out of the goal, starts and tick days are unknown, the
    customer counting follows the category (an ebook sells through a store; a rental has one tenant),
    and nothing is measured yet (no hours, bills, ratings or step entries)."""
    path = copy_fixture(tmp_path, "v2.json")
    original = path.read_bytes()
    with Store.open(path, today=fixed()) as store:
        assert store.goal is not None and not store.goal.portfolio_counts
        assert [(s.name, s.customers, s.started_on) for s in store.streams()] == [
            ("ETF", "platform", None), ("Sourdough ebook", "platform", None)]
        assert [(i.done, i.done_on) for i in store.step_items()] == [(True, None), (False, None)]
        assert store.pauses() == []
        assert store.goal.amount == Decimal("12000.00") and len(store.payments()) == 3
        ebook = next(s for s in store.streams() if s.name == "Sourdough ebook")
        assert store.hours() == [] and store.freedom is None and store.parts("stream", ebook.id) is None
        assert all(i.extra == {} for i in store.step_items())
    data = orjson.loads(path.read_bytes())
    assert data["meta"]["1"]["schema_version"] == schema.SCHEMA_VERSION
    assert data["goal_history"]["1"]["portfolio_counts"] is False and data["pauses"] == {}
    assert data["hours"] == data["freedom"] == data["parts"] == {}
    assert [b.kind for b in list_backups(path)] == ["before-migration-v2"]
    assert list_backups(path)[0].path.read_bytes() == original


MEASURES = ("hours", "freedom", "parts")
"""The tables schema 5 adds, empty in an upgraded file."""


def test_v3_fixture_upgrades_changing_no_record(tmp_path: Path) -> None:
    """Schema 4 only lets payments keep where they came from, schema 5 adds empty tables for the
    measures: an older file's records stay as they are."""
    path = copy_fixture(tmp_path, "v3.json")
    before = orjson.loads(path.read_bytes())
    with Store.open(path, today=fixed()) as store:
        assert all((p.currency, p.fee, p.external_id, p.source, p.refund_of, p.refund) == ("", None, "", "", "", False)
                   for p in store.payments())
    after = orjson.loads(path.read_bytes())
    assert after["meta"]["1"]["schema_version"] == schema.SCHEMA_VERSION == 6
    assert all(after[table] == {} for table in MEASURES)
    assert {k: v for k, v in after.items() if k not in ("meta", "payment_index", *MEASURES)} == {
        k: v for k, v in before.items() if k not in ("meta", "payment_index")}
    assert [b.kind for b in list_backups(path)] == ["before-migration-v3"]


def test_v4_fixture_upgrades_keeping_imported_payments(tmp_path: Path) -> None:
    path = copy_fixture(tmp_path, "v4.json")
    original = path.read_bytes()
    with Store.open(path, today=fixed()) as store:
        sale, refund = sorted((p for p in store.payments() if p.source), key=lambda p: p.id)
        assert (sale.amount, sale.currency, sale.fee, sale.external_id, sale.customer) == (
            Decimal("9.41"), "USD", Decimal("0.59"), "5TY12345AB678901C", "Ana Buyer")
        assert (refund.amount, refund.refund, refund.is_refund, refund.refund_of, refund.fee) == (
            Decimal("-9.71"), True, True, "5TY12345AB678901C", Decimal("-0.29"))
        assert len(store.payments()) == 5
        assert store.hours() == [] and store.freedom is None and store.parts_ratings() == []
    after, before = orjson.loads(path.read_bytes()), orjson.loads(original)
    assert after["meta"]["1"]["schema_version"] == 6 and all(after[table] == {} for table in MEASURES)
    assert {k: v for k, v in after.items() if k not in ("meta", "payment_index", *MEASURES)} == {
        k: v for k, v in before.items() if k not in ("meta", "payment_index")}
    assert [b.kind for b in list_backups(path)] == ["before-migration-v4"]
    assert list_backups(path)[0].path.read_bytes() == original


def test_v5_fixture_upgrades_with_every_record_and_no_due_dates(tmp_path: Path) -> None:
    path = copy_fixture(tmp_path, "v5.json")
    before = orjson.loads(path.read_bytes())
    with Store.open(path, today=fixed()) as store:
        ebook = next(s for s in store.streams() if s.name == "Sourdough ebook")
        assert ebook.started_on == date(2026, 3, 2)
        assert [(h.stream_id, h.on, h.hours, h.note) for h in store.hours()] == [
            (ebook.id, date(2026, 3, 10), Decimal("1.5"), "answered reader mail")]
        assert store.freedom is not None
        assert (store.freedom.bills, store.freedom.savings, store.freedom.hourly_rate) == (
            Decimal("2400.00"), Decimal("12000.00"), Decimal("35.00"))
        rating = store.parts("stream", ebook.id)
        assert rating is not None and rating.weakest == "delivery"
        mentor = store.step_items(7)[0]
        assert mentor.extra["outcome"] == "no" and mentor.extra["sent_on"] == "2026-03-18"
        assert mentor.done_on == date(2026, 3, 18)
        assert [p.days() for p in store.pauses()] == [[date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 12)]]
        assert len([p for p in store.payments() if p.source]) == 2
        assert all(i.due_on is None for i in store.step_items())
        assert all(p.units is None for p in store.payments())
    after = orjson.loads(path.read_bytes())
    assert after["meta"]["1"]["schema_version"] == 6
    assert {k: v for k, v in after.items() if k not in ("meta", "payment_index")} == {
        k: v for k, v in before.items() if k not in ("meta", "payment_index")}, "no record changes"
    assert [b.kind for b in list_backups(path)] == ["before-migration-v5"]


def test_v6_fixture_opens_untouched_with_a_due_date_and_units(tmp_path: Path) -> None:
    path = copy_fixture(tmp_path, "v6.json")
    before = fingerprint(path)
    with Store.open(path, today=fixed()) as store:
        assert [(i.text, i.due_on) for i in store.step_items(3)] == [
            ("Outline the ebook", None), ("Write chapter 1", date(2026, 4, 10))]
        assert store.step_items(7)[0].extra["outcome"] == "no"
        assert store.freedom is not None and len(store.hours()) == 1
        assert [(p.amount, p.units) for p in store.payments() if p.units] == [(Decimal("12.50"), 1)]
    assert fingerprint(path) == before  # current version: opening rewrites nothing
    assert list_backups(path) == []


def test_v3_fixture_opens_with_every_record(tmp_path: Path) -> None:
    path = copy_fixture(tmp_path, "v3.json")
    with Store.open(path, today=fixed()) as store:
        assert store.goal is not None and store.goal.portfolio_counts
        assert [(s.name, s.customers, s.started_on) for s in store.streams()] == [
            ("ETF", "platform", None), ("Sourdough ebook", "each", date(2026, 3, 2))]
        assert [p.days() for p in store.pauses()] == [[date(2026, 3, 10), date(2026, 3, 11), date(2026, 3, 12)]]
        assert store.step_items()[0].done_on == date(2026, 3, 21)
        assert store.goal is not None and store.goal.amount == Decimal("12000.00")
        assert [v.goal.amount for v in store.goal_history()] == [Decimal("10000.00")]
        assert store.goal_history()[0].replaced_on == date(2026, 3, 20)
        ebook = next(s for s in store.streams() if s.name == "Sourdough ebook")
        assert (ebook.cadence, ebook.expected, ebook.upfront_money, ebook.upfront_hours, ebook.upkeep_hours) == (
            "monthly", Decimal("40.00"), Decimal("150.00"), Decimal("60"), Decimal("2.5"))
        assert ebook.idea_id == 1
        assert store.payments()[0].customer == "Bakery Ltd"
        assert [r.describe() for r in store.rates()] == ["1 USD = 0.92 EUR (2026-03-01)"]
        idea = store.ideas()[0]
        assert idea.rating == 1_000_000 and idea.passive_level == 2
        assert [(r.people, r.how, r.automated) for r in idea.ladder] == [
            (1, "teach a neighbour", False), (1_000_000, "video course", True)]
        assert store.steps()[0].idea_id == 1 and store.steps()[3].savings_months == Decimal("6")
        assert [(i.step, i.text, i.done, i.stream_id) for i in store.step_items()] == [
            (3, "Outline the ebook", True, None), (8, "", False, ebook.id)]
        assert store.dismissed() == {"upkeep:stream:1": date(2026, 3, 20)}
        assert store.hours() == [] and store.freedom is None and store.parts("stream", ebook.id) is None
        assert all(i.extra == {} for i in store.step_items())
    assert [b.kind for b in list_backups(path)] == ["before-migration-v3"]


@pytest.mark.usefixtures("schema_v2")
def test_upgrade_backs_up_first_then_rewrites(tmp_path: Path) -> None:
    path = copy_fixture(tmp_path)
    original = path.read_bytes()
    with Store.open(path, today=fixed()) as store:
        assert len(store.payments()) == 2
    data = orjson.loads(path.read_bytes())
    assert data["meta"]["1"]["schema_version"] == NEXT
    assert all(s["started_on"] is None for s in data["streams"].values())
    assert all(s["cadence"] == "irregular" for s in data["streams"].values())  # the real v2 ran too
    backups = list_backups(path)
    assert [b.kind for b in backups] == [migration_kind(1)] == ["before-migration-v1"]
    assert backups[0].path.read_bytes() == original  # byte for byte
    Store.open(path, today=fixed()).close()  # already upgraded: no second upgrade, no second copy
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

    real_v2 = schema.MIGRATIONS[2]

    def to_v3(doc: dict[str, Any]) -> dict[str, Any]:
        seen.append(3)
        assert doc["meta"]["1"]["schema_version"] == 2  # v2 ran first
        return fake_v2_migration(doc)

    def to_v2(doc: dict[str, Any]) -> dict[str, Any]:
        seen.append(2)
        return real_v2(doc)

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
    assert orjson.loads(path.read_bytes())["meta"]["1"]["schema_version"] == NEXT


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
