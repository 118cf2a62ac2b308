"""Reading a big file's payments on a thread: in chunks and sorted by day, the same as one parse and one sort."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from operator import attrgetter
from pathlib import Path

import orjson
import pytest
from storekit import fixed

from tenfold.domain.errors import DamagedFileError
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.payment_index import split_payments
from tenfold.store.reading.payments import CHUNK, _parse_in_chunks, newest_first, parse_payments
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)
NOTES = ["", 'ends with a backslash \\', 'quotes "}," and },"1":{ inside', "ü ß 😀", "\\\\", "}", "{", ",\"x\":"]


def big_table(path: Path, rng: random.Random) -> memoryview:
    """A file with more than two chunks of payments whose notes try to look like record boundaries."""
    with Store.open(path, today=fixed(TODAY)) as store:
        stream = store.add_stream(Stream(0, "Books", "ebook", "passive", "EUR"))
        store.add_payments([Payment(0, stream.id, TODAY - timedelta(days=rng.randrange(900)),
                                    Decimal(rng.randrange(1, 99999)) / 100, rng.choice(NOTES) * rng.randrange(1, 4),
                                    rng.choice(["", "Acme"])) for _ in range(9000)])
    parts = split_payments(path.read_bytes())
    assert parts is not None
    assert len(parts[1]) > 2 * CHUNK
    return parts[1]


def test_parsed_in_chunks_it_is_the_same_table(tmp_path: Path) -> None:
    table = big_table(tmp_path / "t.json", random.Random(1))
    whole = orjson.loads(table)
    chunked = _parse_in_chunks(table)
    assert chunked is not None and chunked == whole and list(chunked) == list(whole)
    assert parse_payments(tmp_path / "t.json", table) == whole


def test_a_damaged_table_gives_the_usual_error(tmp_path: Path) -> None:
    table = bytes(big_table(tmp_path / "t.json", random.Random(2)))
    cut = table[: len(table) // 2] + b"}"  # a record cut in half
    with pytest.raises(DamagedFileError) as caught:
        parse_payments(tmp_path / "t.json", cut)
    assert "is not valid JSON" in str(caught.value)


@pytest.mark.parametrize("seed", range(4))
def test_newest_first_is_the_stores_order(seed: int) -> None:
    rng = random.Random(seed)
    payments = [Payment(n, 1, TODAY - timedelta(days=rng.randrange(30)), Decimal(1), "") for n in range(1, 500)]
    rng.shuffle(payments)
    plain = sorted(payments, key=attrgetter("id"), reverse=True)
    plain.sort(key=attrgetter("on"), reverse=True)
    assert newest_first(payments) == plain
    assert newest_first([]) == []
