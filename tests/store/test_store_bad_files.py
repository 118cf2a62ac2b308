"""Every kind of bad data file is refused with a clear message and left byte-for-byte untouched."""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from storekit import fingerprint, fixed, new_filled

from tenfold.domain.errors import DamagedFileError, NewerSchemaError, StoreError
from tenfold.store.store import Store


def good(tmp_path: Path) -> dict[str, Any]:
    """The document of a filled, valid file, to damage in one place."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    doc: dict[str, Any] = orjson.loads(new_filled(scratch / "good.json"))
    return doc


def damaged(doc: dict[str, Any], table: str, key: str, field: str, value: object) -> bytes:
    doc[table][key][field] = value
    return orjson.dumps(doc)


def twice(table: str, key: str, copy_of: str) -> Callable[[dict[str, Any]], bytes]:
    """The file with ``table`` listing ``key`` twice: first with ``copy_of``'s record, then its own.

    A JSON reader keeps one of the two (orjson the last), so the other would be
    dropped at the next save without a word.
    """

    def make(doc: dict[str, Any]) -> bytes:
        head = b'"%s":{' % table.encode()
        first = b'"%s":' % key.encode() + orjson.dumps(doc[table][copy_of]) + b","
        raw = orjson.dumps(doc)
        assert raw.count(head) == 1
        return raw.replace(head, head + first)

    return make


def table_twice(doc: dict[str, Any]) -> bytes:
    """Two ``ideas`` tables: the first would be dropped whole."""
    raw = orjson.dumps(doc)
    return raw[:-1] + b',"ideas":' + orjson.dumps({"1": doc["ideas"]["1"]}) + b"}"


def newer(doc: dict[str, Any]) -> bytes:
    doc["meta"]["1"]["schema_version"] = 99
    return orjson.dumps(doc)


CASES: dict[str, tuple[Callable[[dict[str, Any]], bytes], type[Exception], str]] = {
    "not JSON": (lambda d: b"this is not json", DamagedFileError, "not valid JSON"),
    "truncated": (lambda d: orjson.dumps(d)[:-25], DamagedFileError, "not valid JSON, perhaps truncated"),
    "0 bytes": (lambda d: b"", DamagedFileError, "is empty (0 bytes)"),
    "a Latin-1 byte": (lambda d: orjson.dumps(d).replace(b'"meta"', b'"m\xe9ta"', 1), DamagedFileError,
                       "is not UTF-8 text: byte 4 is not part of any character"),
    "only whitespace": (lambda d: b" \n\n", DamagedFileError, "is empty"),
    "NaN in the JSON": (lambda d: b'{"meta": {"1": {"schema_version": NaN}}}', DamagedFileError, "not valid JSON"),
    "a list, not a dict": (lambda d: b"[1, 2, 3]", DamagedFileError, "shape"),
    "table is a list": (lambda d: b'{"meta": [1]}', DamagedFileError, "shape"),
    "record is a number": (lambda d: b'{"meta": {"1": 5}}', DamagedFileError, "shape"),
    "no schema version": (lambda d: b'{"_default": {}}', DamagedFileError, "records no schema version"),
    "schema version 0": (lambda d: b'{"meta": {"1": {"schema_version": 0}}}', DamagedFileError, "impossible"),
    "newer schema": (newer, NewerSchemaError, "newer Tenfold (schema 99"),
    "amount not a number": (lambda d: damaged(d, "payments", "1", "amount", "abc"), DamagedFileError,
                            "damaged record in payments (id 1"),
    "amount stored as a float": (lambda d: damaged(d, "payments", "1", "amount", 12.5), DamagedFileError,
                                 "not a string"),
    "impossible date": (lambda d: damaged(d, "payments", "2", "on", "2026-02-30"), DamagedFileError,
                        "damaged record in payments (id 2"),
    "missing field": (lambda d: (d["streams"]["1"].pop("kind"), orjson.dumps(d))[1], DamagedFileError,
                      "damaged record in streams"),
    "unknown stream kind": (lambda d: damaged(d, "streams", "1", "kind", "magic"), DamagedFileError,
                            "damaged record in streams"),
    "payment for a missing stream": (lambda d: damaged(d, "payments", "1", "stream_id", 42), DamagedFileError,
                                     "stream that does not exist"),
    "step 9": (lambda d: damaged(d, "steps", "1", "number", 9), DamagedFileError, "damaged record in steps"),
    "goal text a number": (lambda d: damaged(d, "goal", "1", "text", 7), DamagedFileError, "damaged record in goal"),
    "bad check-in": (lambda d: damaged(d, "checkins", "1", "on", "yesterday"), DamagedFileError,
                     "damaged record in checkins"),
    "bad draft": (lambda d: damaged(d, "drafts", "1", "values", "x"), DamagedFileError, "damaged record in drafts"),
    "payment listed twice": (twice("payments", "2", "1"), DamagedFileError, 'the key "2" twice'),
    "idea listed twice": (twice("ideas", "1", "1"), DamagedFileError, 'the key "1" twice'),
    "table listed twice": (table_twice, DamagedFileError, 'the key "ideas" twice'),
    "payment id of 30 digits": (lambda d: (d["payments"].update({"1" * 30: d["payments"].pop("1")}),
                                           orjson.dumps(d))[1], DamagedFileError, "damaged record in payments (id 111"),
    "amount of 1e999999999": (lambda d: damaged(d, "payments", "1", "amount", "1e999999999"), DamagedFileError,
                              "out of range"),
    "goal of -1e999999999": (lambda d: damaged(d, "goal", "1", "amount", "-1e999999999"), DamagedFileError,
                             "out of range"),
    "non-numeric id": (lambda d: (d["ideas"].update({"x": d["ideas"]["1"]}), orjson.dumps(d))[1], DamagedFileError,
                       "damaged record in ideas (id x"),
}


FIXTURE_CURRENT = Path(__file__).parent.parent / "fixtures" / "v6.json"


def v2(table: str, key: str, field: str, value: object) -> Callable[[dict[str, Any]], bytes]:
    """A case on the current (schema 6) fixture, which holds one of every record kind schemas 2 to 6 added.

    A damaged file of the current version is refused before anything is written (an older
    one would be backed up before its upgrade)."""

    def make(_doc: dict[str, Any]) -> bytes:
        return damaged(orjson.loads(FIXTURE_CURRENT.read_bytes()), table, key, field, value)

    return make


CASES.update({
    "unknown cadence": (v2("streams", "1", "cadence", "weekly"), DamagedFileError, "damaged record in streams"),
    "negative upkeep": (v2("streams", "1", "upkeep_hours", "-3"), DamagedFileError, "cannot be negative"),
    "stream's idea id is text": (v2("streams", "1", "idea_id", "1"), DamagedFileError, "damaged record in streams"),
    "customer a number": (v2("payments", "3", "customer", 5), DamagedFileError, "damaged record in payments"),
    "rate of zero": (v2("rates", "1", "rate", "0"), DamagedFileError, "damaged record in rates"),
    "rate between one currency": (v2("rates", "1", "to", "USD"), DamagedFileError, "damaged record in rates"),
    "rung of 7 people": (v2("ideas", "1", "ladder", [{"people": 7, "how": "x", "automated": False}]),
                         DamagedFileError, "damaged record in ideas"),
    "rating of 5": (v2("ideas", "1", "rating", 5), DamagedFileError, "damaged record in ideas"),
    "ladder a number": (v2("ideas", "1", "ladder", 7), DamagedFileError, "damaged record in ideas"),
    "ladder true": (v2("ideas", "1", "ladder", True), DamagedFileError, "damaged record in ideas"),
    "item on step 2": (v2("step_items", "1", "step", 2), DamagedFileError, "damaged record in step_items"),
    "due date not a date": (v2("step_items", "4", "due_on", "soon"), DamagedFileError,
                            "damaged record in step_items"),
    "earlier goal without a date": (v2("goal_history", "1", "replaced_on", None), DamagedFileError,
                                    "damaged record in goal_history"),
    "dismissed key a number": (v2("dismissed", "1", "key", 5), DamagedFileError, "damaged record in dismissed"),
    "snoozed until no day": (v2("dismissed", "1", "until", "next week"), DamagedFileError,
                             "damaged record in dismissed"),
    "savings months text": (v2("steps", "4", "savings_months", "six"), DamagedFileError,
                            "damaged record in steps"),
    "unknown customer counting": (v2("streams", "1", "customers", "some"), DamagedFileError,
                                  "damaged record in streams"),
    "portfolio choice as text": (v2("goal", "1", "portfolio_counts", "yes"), DamagedFileError,
                                 "damaged record in goal"),
    "pause ending before it starts": (v2("pauses", "1", "end", "2026-03-01"), DamagedFileError,
                                      "damaged record in pauses"),
    "hours of 25 in a day": (v2("hours", "1", "hours", "25"), DamagedFileError, "damaged record in hours"),
    "hours of a stream that is gone": (v2("hours", "1", "stream_id", 99), DamagedFileError,
                                       "for a stream that does not exist"),
    "bills as a number": (v2("freedom", "1", "bills", 2400), DamagedFileError, "damaged record in freedom"),
    "a part rated 6": (v2("parts", "1", "delivery", 6), DamagedFileError, "damaged record in parts"),
    "a step entry not text": (v2("step_items", "3", "extra", {"outcome": 1}), DamagedFileError,
                              "damaged record in step_items"),
})


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
@pytest.mark.parametrize("defer", [False, True], ids=["in full", "from the index"])
def test_bad_file_is_refused_untouched(tmp_path: Path, case: str, read_only: bool, defer: bool) -> None:
    make, error, says = CASES[case]
    path = tmp_path / "tenfold.json"
    path.write_bytes(make(good(tmp_path)))
    path.chmod(0o600)
    before = fingerprint(path)
    with pytest.raises(error) as caught:
        Store.open(path, read_only=read_only, today=fixed(), defer_payments=defer).wait_for_payments()
    message = str(caught.value)
    assert says in message
    assert message.startswith(str(path))  # names the file
    assert "\n" not in message  # one line
    assert "left as it is" in message
    assert fingerprint(path) == before
    assert not (tmp_path / "backups").exists()  # nothing was written anywhere
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".tenfold.json.lock")) == [
        "scratch", "tenfold.json"]
    # the lock was let go: a second try fails the same way, not with "in use"
    with pytest.raises(error):
        Store.open(path, today=fixed())


def test_damage_appearing_after_open_is_not_overwritten(tmp_path: Path) -> None:
    """A file damaged behind the store's back is noticed at the next save, never replaced."""
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        path.write_bytes(b'{"trunc')
        before = fingerprint(path)
        with pytest.raises(StoreError):
            store.tick(5, store.today())
        assert fingerprint(path) == before


@pytest.mark.parametrize("kind", ["fifo", "socket"])
@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_a_data_file_that_is_not_a_file_is_refused_without_waiting(tmp_path: Path, kind: str, read_only: bool) -> None:
    """A FIFO would block the first read for ever, until something wrote into it."""
    path = tmp_path / "tenfold.json"
    if kind == "fifo":
        os.mkfifo(path, 0o600)
    else:
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(path))
    outcome: list[BaseException | None] = []

    def open_it() -> None:
        try:
            Store.open(path, read_only=read_only, today=fixed(), defer_payments=True).close()
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=open_it, daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # unblock the reader so the process can end
        with open(path, "wb") if kind == "fifo" else contextlib.nullcontext():
            pass
        pytest.fail("opening the data file hung")
    assert isinstance(outcome[0], DamagedFileError)
    assert str(outcome[0]) == (
        f"{path}: is not a regular file (a {kind}), so it is not a Tenfold file; it was left as it is"
    )
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".tenfold.json.lock")) == ["tenfold.json"]
