"""A write after a deferred open skips the payments' check only for the bytes the store itself checked.

The payments' index keeps ``checked``, a sum of the payments' bytes taken when the
store wrote them (:mod:`tenfold.store.payment_index`). A write whose payments still
give it needs no column check; any other file - a sum that does not match, an index
of an older format, a file written by plain TinyDB - has its payments checked, and
a damaged one is refused with the file left as it is.
"""

from __future__ import annotations

import json
import random
import zlib
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import orjson
import pytest
from storekit import fingerprint, fixed, signed_again

from tenfold.domain.errors import DamagedFileError
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.payment_index import FORMAT, split_payments
from tenfold.store.schema import PAYMENT_INDEX
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)


def seeded(path: Path) -> int:
    """A file with 300 payments of three streams, saved with its index; the first stream's id."""
    rng = random.Random(9)
    with Store.open(path, today=fixed(TODAY)) as store:
        streams = [store.add_stream(Stream(0, f"S{n}", "ebook", "passive", "EUR")) for n in range(3)]
        store.add_payments([
            Payment(0, rng.choice(streams).id, TODAY - timedelta(days=rng.randrange(300)),
                    Decimal(rng.randrange(1, 9999)) / 100, rng.choice(["", 'a "quoted" note']))
            for _ in range(300)
        ])
        return streams[0].id


def index_record(path: Path) -> dict[str, object]:
    prefix, _payments = split_payments(path.read_bytes()) or (b"{}", memoryview(b""))
    record: dict[str, object] = orjson.loads(prefix)[PAYMENT_INDEX]["1"]
    return record


def edited_payments(path: Path, old: bytes, new: bytes, *, checked_too: bool) -> None:
    """Change the payments' bytes and make the index's fingerprint match (a crafted file);
    ``checked_too``: the checked sum as well, as if the store had checked and written them."""
    prefix, view = split_payments(path.read_bytes()) or (b"", memoryview(b""))
    payments = bytes(view).replace(old, new, 1)
    assert payments != bytes(view)
    if checked_too:
        document = orjson.loads(prefix)
        record = document[PAYMENT_INDEX]["1"]
        record["checked"] = zlib.crc32(b"checked:%d" % record["largest"], zlib.crc32(payments))
        prefix = orjson.dumps(document)
    path.write_bytes(signed_again(prefix, payments))


def test_every_save_writes_the_checked_sum_of_the_payments_bytes(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    sid = seeded(path)
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        store.add_payment(Payment(0, sid, TODAY, Decimal("1.00"), "after a deferred open"))
    _prefix, payments = split_payments(path.read_bytes()) or (b"", memoryview(b""))
    record = index_record(path)
    assert record["format"] == FORMAT and type(record["largest"]) is int
    assert record["checked"] == zlib.crc32(b"checked:%d" % record["largest"], zlib.crc32(payments))


def test_a_payment_damaged_behind_a_matching_fingerprint_but_not_its_checked_sum_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    seeded(path)
    edited_payments(path, b'"amount":"', b'"amount":"x', checked_too=False)
    before = fingerprint(path)
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        assert not store.payments_ready, "opened with its index: the fingerprint matches"
        with pytest.raises(DamagedFileError, match="damaged record in payments"):
            store.add_payment(Payment(0, store.streams()[0].id, TODAY, Decimal("1.00"), ""))
    assert fingerprint(path) == before


@pytest.mark.parametrize("checked_too", [False, True])
def test_a_matching_checked_sum_skips_the_column_check(tmp_path: Path, checked_too: bool) -> None:
    """``true`` for stream 1 builds (``True == 1``) but the column check takes only ints, so it
    builds every payment when it runs: the payments are left unbuilt only when the check was skipped."""
    path = tmp_path / "t.json"
    sid = seeded(path)
    assert sid == 1
    edited_payments(path, b'"stream_id":1,', b'"stream_id":true,', checked_too=checked_too)
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        store.add_payment(Payment(0, sid, TODAY, Decimal("1.00"), ""))
        assert store.payments_ready is not checked_too
    with Store.open(path, read_only=True, today=fixed(TODAY)) as full:
        assert len(full.payments()) == 301


def test_a_matching_checked_sum_still_refuses_a_payment_of_a_stream_gone(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    seeded(path)
    document = orjson.loads(path.read_bytes())
    del document["streams"]["2"]
    path.write_bytes(orjson.dumps(document))  # the payments' bytes and both sums untouched
    before = fingerprint(path)
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        assert not store.payments_ready
        with pytest.raises(DamagedFileError, match="for a stream that does not exist"):
            store.tick(3, TODAY)
    assert fingerprint(path) == before


def test_a_largest_id_edited_with_the_fingerprint_made_to_match_is_not_trusted(tmp_path: Path) -> None:
    """The checked sum covers the largest id too: a smaller one would have TinyDB overwrite a payment."""
    path = tmp_path / "t.json"
    sid = seeded(path)
    prefix, view = split_payments(path.read_bytes()) or (b"", memoryview(b""))
    document = orjson.loads(prefix)
    document[PAYMENT_INDEX]["1"]["largest"] = 1
    path.write_bytes(signed_again(orjson.dumps(document), bytes(view)))
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        assert not store.payments_ready, "opened with its index: the fingerprint matches"
        added = store.add_payment(Payment(0, sid, TODAY, Decimal("1.00"), "new"))
    assert added.id == 301
    with Store.open(path, read_only=True, today=fixed(TODAY)) as full:
        assert len(full.payments()) == 301


def older_index(path: Path) -> None:
    """The index as Tenfold wrote it before the checked sum: format 3, no ``checked``."""
    prefix, view = split_payments(path.read_bytes()) or (b"", memoryview(b""))
    document = orjson.loads(prefix)
    record = document[PAYMENT_INDEX]["1"]
    del record["checked"]
    record["format"] = 3
    path.write_bytes(signed_again(orjson.dumps(document), bytes(view)))


def plain_json(path: Path) -> None:
    """The records written back by Python's json module, as plain TinyDB writes them (no index)."""
    document = orjson.loads(path.read_bytes())
    del document[PAYMENT_INDEX]
    path.write_text(json.dumps(document))


@pytest.mark.parametrize("rewrite", [older_index, plain_json])
def test_a_file_not_vouched_for_by_a_current_index_is_checked_in_full(tmp_path: Path, rewrite: object) -> None:
    path = tmp_path / "t.json"
    seeded(path)
    assert callable(rewrite)
    rewrite(path)
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        assert store.payments_ready and not store.opened_with_index, "read in full at open"
        store.tick(2, TODAY)
    assert index_record(path)["format"] == FORMAT, "written again with a current index"
    damaged = tmp_path / "damaged.json"
    seeded(damaged)
    edited_payments(damaged, b'"on":"', b'"on":"9', checked_too=True)
    rewrite(damaged)
    before = fingerprint(damaged)
    with pytest.raises(DamagedFileError, match="damaged record in payments"):
        Store.open(damaged, today=fixed(TODAY), defer_payments=True)
    assert fingerprint(damaged) == before


def test_the_index_keeps_the_largest_id_through_adds_deletes_and_deferred_writes(tmp_path: Path) -> None:
    """A write after a deferred open takes the next id from the index: it must be the file's largest."""
    path = tmp_path / "t.json"
    sid = seeded(path)
    rng = random.Random(2)
    for round_ in range(6):
        with Store.open(path, today=fixed(TODAY), defer_payments=round_ % 2 == 0) as store:
            if round_ % 2 == 0:
                added = store.add_payment(Payment(0, sid, TODAY, Decimal("3.00"), ""))
                assert not store.payments_ready and added.id == int(str(index_record(path)["largest"]))
            ids = sorted(p.id for p in store.payments())
            for doomed in (ids[-1], rng.choice(ids[:-1])):  # the largest, and one other
                store.delete_payment(doomed)
            store.add_payments([Payment(0, sid, TODAY, Decimal("1.00"), "") for _ in range(rng.randrange(3))])
        with Store.open(path, read_only=True, today=fixed(TODAY)) as full:
            assert index_record(path)["largest"] == max((p.id for p in full.payments()), default=0)
