"""PackedRows behaves as the dict it stands for, and writes exactly the bytes orjson writes for that dict."""

from __future__ import annotations

from typing import Any

import orjson
from hypothesis import given, settings
from hypothesis import strategies as st

from tenfold.store.file.packed import PackedRows, packable

TEXT = st.lists(st.sampled_from([*'ab"\\{}:,é 0\n', '},"', '":{', '},"5":{']), max_size=6).map("".join)
RECORD = st.fixed_dictionaries(
    {"stream_id": st.integers(1, 300), "on": st.just("2026-01-02"), "amount": st.sampled_from(["1.00", "-2.50"]),
     "note": TEXT},
    optional={"customer": TEXT, "refund": st.just(True), "units": st.integers(1, 9)},
)


def packed(table: dict[str, Any]) -> PackedRows:
    """Flat records in increasing order: packed even when their texts look like JSON (packable is stricter)."""
    return PackedRows(orjson.dumps(table), len(table), max(map(int, table), default=0))


@st.composite
def tables(draw: st.DrawFn) -> dict[str, Any]:
    ids = sorted(draw(st.sets(st.integers(1, 15), max_size=8)))  # few: removing every one is likely
    return {str(i): draw(RECORD) for i in ids}


OPS = st.lists(
    st.tuples(st.sampled_from(["get", "set", "del", "dump", "has", "mutate"]), st.integers(0, 18), RECORD),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(tables(), OPS)
def test_packed_rows_match_a_dict(table: dict[str, Any], ops: list[tuple[str, int, dict[str, Any]]]) -> None:
    model = {k: dict(v) for k, v in table.items()}
    rows = packed(table)
    for op, number, record in ops:
        key = str(number)
        if op == "get":
            assert rows.get(key) == model.get(key)
        elif op == "has":
            assert (key in rows) == (key in model)
        elif op == "set":
            rows[key] = dict(record)
            model[key] = dict(record)
        elif op == "mutate" and key in model:  # as TinyDB's update changes the record it reads
            rows[key]["note"] = record["note"]
            model[key]["note"] = record["note"]
        elif op == "del":
            assert (key in rows) == (key in model)
            if key in model:
                del rows[key]
                del model[key]
        elif op == "dump":
            assert bytes(rows.dumps()) == orjson.dumps(model)
        assert len(rows) == len(model)
    assert list(rows) == list(model)
    assert bytes(rows.dumps()) == orjson.dumps(model)
    assert dict(rows.items()) == model


def test_bytes_are_kept_until_a_change() -> None:
    table = {"1": {"note": "a"}, "5": {"note": "b"}}
    data = orjson.dumps(table)
    rows = PackedRows(data, 2, 5)
    assert rows.dumps() is data
    rows["7"] = {"note": "c"}
    assert rows.dumps() == orjson.dumps({**table, "7": {"note": "c"}})


def test_what_does_not_pack() -> None:
    def check(data: bytes, after: int = 0) -> int | None:
        return packable(data[1:-1], orjson.loads(data), after)

    assert check(b'{"1":{"a":1},"3":{"a":2}}') == 3
    assert check(b'{"1":{"a":1},"3":{"a":2}}', after=1) is None  # not after the previous piece
    assert check(b'{"3":{"a":1},"1":{"a":2}}') is None  # not in increasing order
    assert check(b'{"01":{"a":1}}') is None  # not an id as Tenfold writes it
    assert check(b'{"x":{"a":1}}') is None
    assert check(b'{"1":{"a":{"b":1}}}') is None  # a record holding an object
    assert check(b'{"1":{"a":"\\":{"}}') == 1  # a text that looks like one
    assert check(b'{"1":{"a":[1]}}') == 1  # a list, which no boundary can be in
    assert check(b'{"1":{"a":[{"5":{}}]}}') is None  # a list holding an object
    assert check(b'{"1": {"a":1}}') is None  # not as orjson writes it
    assert packable(b'"1":{"a":1},"1":{"a":2}', {"1": {"a": 2}}, 0) is None  # a key listed twice


def test_a_changed_record_that_no_longer_packs_makes_the_table_a_dict_again() -> None:
    rows = packed({"1": {"a": 1}, "2": {"a": 2}})
    rows["2"] = {"a": {"nested": True}}
    rows["1"] = {"a": 3}
    expected = {"1": {"a": 3}, "2": {"a": {"nested": True}}}
    assert rows.dumps() == orjson.dumps(expected)
    rows["0"] = {"a": 0}  # a smaller id, last
    expected["0"] = {"a": 0}
    assert rows.dumps() == orjson.dumps(expected)
    assert dict(rows) == expected


def test_every_record_removed() -> None:
    table = {"1": {"note": "a"}, "2": {"note": "b"}}
    rows = PackedRows(orjson.dumps(table), 2, 2)
    del rows["1"], rows["2"]
    assert rows.dumps() == b"{}"
    assert len(rows) == 0 and list(rows) == []
    rows["3"] = {"note": "c"}
    assert rows.dumps() == b'{"3":{"note":"c"}}'
    del rows["3"]
    assert rows.dumps() == b"{}"


def test_the_largest_removed_and_put_back_still_packs() -> None:
    table = {"1": {"note": "a"}, "2": {"note": "b"}, "3": {"note": "c"}}
    rows = PackedRows(orjson.dumps(table), 3, 3)
    del rows["3"]
    rows["3"] = {"note": "c2"}  # as the undo of a removal puts it back: last
    rows["4"] = {"note": "d"}
    expected = {"1": {"note": "a"}, "2": {"note": "b"}, "3": {"note": "c2"}, "4": {"note": "d"}}
    assert rows.dumps() == orjson.dumps(expected)
    assert rows._data == orjson.dumps(expected) and rows._largest == 4  # still bytes, not a dict
    del rows["4"], rows["3"], rows["2"], rows["1"]
    rows["9"] = {"note": "e"}
    assert rows.dumps() == b'{"9":{"note":"e"}}' and rows._largest == 9
