"""A key listed twice is refused whichever way the file is laid out; a good file is never refused for it.

The cheap count (tenfold.store.file.duplicates) only decides when the exact check
must run; these files take the exact path, and must come out right there too.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest
from storekit import fixed, new_filled

from tenfold.domain.errors import DamagedFileError
from tenfold.domain.ledger import Payment
from tenfold.store.store import Store


def test_braces_in_texts_are_not_a_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        sid = store.streams()[0].id
        store.add_payment(Payment(0, sid, date(2026, 3, 1), Decimal("1.00"), 'invoice {7} "x":{y}'))
    with Store.open(path, read_only=True) as store:
        assert 'invoice {7} "x":{y}' in [p.note for p in store.payments()]


def spaced(doc: dict[str, Any]) -> bytes:
    """The layout Python's json (and so TinyDB) writes: spaces after commas and colons."""
    return json.dumps(doc, indent=2).encode()


def test_a_spaced_file_opens(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    new_filled(path)
    doc = orjson.loads(path.read_bytes())
    path.write_bytes(spaced(doc))
    with Store.open(path, read_only=True) as store:
        assert len(store.payments()) == 2


@pytest.mark.parametrize("layout", ["compact", "spaced"])
def test_a_payment_listed_twice_is_refused(tmp_path: Path, layout: str) -> None:
    path = tmp_path / "t.json"
    new_filled(path)
    doc = orjson.loads(path.read_bytes())
    raw = spaced(doc) if layout == "spaced" else orjson.dumps(doc)
    head = b'"payments": {' if layout == "spaced" else b'"payments":{'
    raw = raw.replace(head, head + b'"2": ' + orjson.dumps(doc["payments"]["1"]) + b",", 1)
    path.write_bytes(raw)
    with pytest.raises(DamagedFileError, match='lists the key "2" twice'):
        Store.open(path, read_only=True)
    assert path.read_bytes() == raw


def test_a_payment_listed_twice_beside_braces_in_texts_is_refused(tmp_path: Path) -> None:
    """The braces send the file past the first count; the second count still sees the dropped record."""
    path = tmp_path / "t.json"
    new_filled(path)
    doc = orjson.loads(path.read_bytes())
    doc["payments"]["1"]["note"] = "{{ braces }}"
    raw = orjson.dumps(doc)
    raw = raw.replace(b'"payments":{', b'"payments":{"2":' + orjson.dumps(doc["payments"]["1"]) + b",", 1)
    path.write_bytes(raw)
    with pytest.raises(DamagedFileError, match='lists the key "2" twice'):
        Store.open(path, read_only=True)
