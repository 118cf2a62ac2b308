"""The store is TinyDB: its tables write through TinyDB's API, and files pass both ways with plain TinyDB."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
from storekit import fixed
from tinydb import TinyDB, where
from tinydb.table import Document

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store import schema
from tenfold.store.db import TenfoldDB, TenfoldTable, TrackedRows, UndoLog, check_tinydb
from tenfold.store.file.document import load_document
from tenfold.store.file.middleware import WriteBehindMiddleware
from tenfold.store.file.storage import AtomicJSONStorage
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)


def test_what_tenfold_relies_on_in_tinydb_is_still_there() -> None:
    """Fails loudly when a TinyDB release changes the internals the payments' fast writes rely on."""
    assert check_tinydb() == []


def storage_with(path: Path, document: dict[str, Any]) -> WriteBehindMiddleware:
    path.write_bytes(orjson.dumps(document))
    return WriteBehindMiddleware.over(AtomicJSONStorage(path))


def test_tinydb_api_writes_in_place_and_atomically(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    storage = storage_with(path, {"drafts": {"3": {"kind": "goal", "values": {}}}})
    db = TenfoldDB(storage)
    drafts = db.table("drafts")
    assert isinstance(drafts, TenfoldTable)
    assert drafts.insert({"kind": "payment", "values": {"amount": "1"}}) == 4  # after the largest id
    drafts.update({"values": {"amount": "2"}}, where("kind") == "payment")
    drafts.upsert({"kind": "stream", "values": {}}, where("kind") == "stream")
    drafts.remove(doc_ids=[3])
    on_disk = load_document(path)["drafts"]
    assert on_disk == {"4": {"kind": "payment", "values": {"amount": "2"}}, "5": {"kind": "stream", "values": {}}}
    assert drafts.get(doc_id=4) == {"kind": "payment", "values": {"amount": "2"}}
    assert [d.doc_id for d in drafts.search(where("kind") == "stream")] == [5]


def test_replace_makes_the_record_exactly_the_new_one(tmp_path: Path) -> None:
    """A payment whose customer was cleared loses the key: an update would have kept the old one."""
    storage = storage_with(tmp_path / "t.json", {"payments": {"1": {"amount": "1", "customer": "Ann"}}})
    table = TenfoldDB(storage).table("payments")
    table.replace(1, {"amount": "2"})
    table.replace(7, {"amount": "3"})
    assert load_document(tmp_path / "t.json")["payments"] == {"1": {"amount": "2"}, "7": {"amount": "3"}}


class NoScan(dict[str, Any]):
    """A table that fails the test if anything walks all of its rows."""

    def __iter__(self) -> Any:
        raise AssertionError("the whole table was walked")

    def keys(self) -> Any:
        raise AssertionError("the whole table was walked")

    def items(self) -> Any:
        raise AssertionError("the whole table was walked")

    def values(self) -> Any:
        raise AssertionError("the whole table was walked")


def test_a_write_by_id_touches_only_its_records(tmp_path: Path) -> None:
    """TinyDB's own _update_table converts every id of the table on each write; ours touches the one changed."""
    storage = storage_with(tmp_path / "t.json", {"payments": {str(i): {"n": i} for i in range(1, 1001)}})
    table = TenfoldDB(storage).table("payments")
    assert table.insert({"n": 0}) == 1001  # the next id is counted once, by walking the table
    document = storage.read()
    assert document is not None
    rows = NoScan(document["payments"])
    document["payments"] = rows
    storage.begin()
    try:
        assert table.insert({"n": -1}) == 1002
        assert table.insert_multiple([{"n": -2}, {"n": -3}]) == [1003, 1004]
        assert table.update({"n": 5}, doc_ids=[5]) == [5]
        assert table.remove(doc_ids=[6, 99999]) == [6]
        table.replace(7, {"n": 77})
    finally:
        storage.end(commit=False)
    assert dict.__getitem__(rows, "5") == {"n": 5} and "6" not in dict.keys(rows)
    assert dict.__getitem__(rows, "7") == {"n": 77} and dict.__len__(rows) == 1003


def test_a_failed_batch_is_rolled_back_exactly(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    storage = storage_with(path, {"ideas": {"1": {"who": "a"}, "2": {"who": "b"}}})
    before = orjson.dumps(storage.read())
    db = TenfoldDB(storage)
    called: list[str] = []
    storage.begin()
    db.table("ideas").update({"who": "changed"}, doc_ids=[1])
    db.table("ideas").remove(doc_ids=[2])
    db.table("ideas").insert({"who": "new"})
    db.table("fresh").insert({"x": 1})
    storage.undo.on_rollback(lambda: called.append("undone"))
    storage.rollback()
    storage.end(commit=False)
    assert orjson.dumps(storage.read()) == before
    assert called == ["undone"]


def test_the_undo_log_keeps_the_first_version_of_a_record_changed_twice() -> None:
    rows: dict[str, Any] = {"1": {"v": 1}}
    document = {"t": rows}
    undo = UndoLog()
    view = TrackedRows("t", rows, undo)
    view[1]["v"] = 2  # TinyDB's update changes a record in place
    view[1] = {"v": 3}
    undo.rollback(document, lambda name: None)
    assert document == {"t": {"1": {"v": 1}}}


def test_a_file_written_by_plain_tinydb_opens_in_tenfold(tmp_path: Path) -> None:
    """The record layout in the README, written by TinyDB itself, is a Tenfold file."""
    path = tmp_path / "plain.json"
    with TinyDB(path) as plain:
        plain.table("meta").insert({"schema_version": schema.SCHEMA_VERSION, "created_by": "a script"})
        streams = plain.table("streams")
        ebook = streams.insert({"name": "Ebook", "category": "ebook", "kind": "passive", "currency": "EUR",
                                "cadence": "monthly", "expected": "40.00", "upfront_money": "0",
                                "upfront_hours": "30", "upkeep_hours": "1", "idea_id": None})
        plain.table("payments").insert_multiple([
            {"stream_id": ebook, "on": "2026-10-05", "amount": "41.20", "note": "October"},
            {"stream_id": ebook, "on": "2026-11-05", "amount": "38.90", "note": "November", "customer": "KDP"},
        ])
    path.chmod(0o600)
    with Store.open(path, today=fixed(TODAY)) as store:
        assert [s.name for s in store.streams()] == ["Ebook"]
        assert sorted(p.amount for p in store.payments()) == [Decimal("38.90"), Decimal("41.20")]
        store.add_payment(Payment(0, ebook, date(2026, 11, 20), Decimal("5.00"), "a sale"))


def test_what_tenfold_writes_reads_back_with_plain_tinydb(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    with Store.open(path, today=fixed(TODAY)) as store:
        store.set_goal(Goal("Royalties pay the rent", Decimal("1500"), "EUR", date(2027, 12, 31), TODAY))
        stream = store.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR"))
        saved = store.add_payment(Payment(0, stream.id, TODAY, Decimal("12.50"), "first sale", "Ann"))
        store.tick(1, TODAY)
    with TinyDB(path, access_mode="r") as plain:
        payments = plain.table("payments").all()
        assert payments == [Document(saved.to_store(), doc_id=saved.id)]
        assert plain.table("payments").search(where("customer") == "Ann")[0]["amount"] == "12.50"
        assert plain.table("goal").get(doc_id=1)["amount"] == "1500"
        assert plain.table("steps").get(doc_id=1)["done_on"] == TODAY.isoformat()
        assert plain.table("meta").get(doc_id=1)["schema_version"] == schema.SCHEMA_VERSION


def test_the_middleware_serves_plain_tinydb_as_cachingmiddleware_does(tmp_path: Path) -> None:
    """``TinyDB(path, storage=WriteBehindMiddleware(AtomicJSONStorage))``: TinyDB's own way to stack a middleware."""
    path = tmp_path / "plain.json"
    path.write_bytes(b"{}")
    db = TinyDB(path, storage=WriteBehindMiddleware(AtomicJSONStorage))
    db.table("ideas").insert({"who": "writers"})  # plain Table: the whole document through write(), saved at once
    assert load_document(path) == {"ideas": {"1": {"who": "writers"}}}
    middleware = db.storage
    assert isinstance(middleware, WriteBehindMiddleware)
    middleware.write_behind = True  # held back, as the app's saver would, until a flush
    db.table("ideas").insert({"who": "coaches"})
    assert middleware.pending and load_document(path) == {"ideas": {"1": {"who": "writers"}}}
    db.close()  # TinyDB's close stops the middleware, which writes what is pending
    assert load_document(path)["ideas"]["2"] == {"who": "coaches"}
