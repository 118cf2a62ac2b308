"""A write after a deferred open (the command line) does not build every payment, and loses nothing.

The payments table is parsed, checked a column at a time and written back as it
was, with the new payments and an index counted forward from the file's own.
These tests hold that to the slow way: the file afterwards must read back, in
full, as every payment before plus the new ones, with an index a fresh build
agrees with; and the column check must never pass a table that would not build.
"""

from __future__ import annotations

import dataclasses
import os
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest
from storekit import fingerprint, fixed

from tenfold.domain.errors import DamagedFileError, WriteFailedError
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.streams import Stream
from tenfold.store.payment_index import NEWEST
from tenfold.store.reading.loading import validate_payments
from tenfold.store.reading.payments import rows_are_payments
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)


def seeded(path: Path, rng: random.Random) -> list[Payment]:
    """A file with payments typed by hand and imported ones (currency, fee, refund), saved with its index."""
    with Store.open(path, today=fixed(TODAY)) as store:
        streams = [store.add_stream(Stream(0, f"S{n}", "ebook", "passive", "EUR")) for n in range(3)]
        store.add_payments([
            Payment(0, rng.choice(streams).id, TODAY - timedelta(days=rng.randrange(400)),
                    Decimal(rng.randrange(1, 9999)) / 100, rng.choice(["", "ü", 'a "quoted" note']),
                    customer=rng.choice(["", "ACME"]), currency=rng.choice(["", "", "GBP"]),
                    fee=rng.choice([None, Decimal("0.30")]), refund=rng.random() < 0.05)
            for _ in range(400)
        ])
        return list(store.payments())


def content(p: Payment) -> tuple[Any, ...]:
    return dataclasses.astuple(dataclasses.replace(p, id=0))


@pytest.mark.parametrize("seed", [1, 2])
def test_adds_and_ticks_after_a_deferred_open_keep_every_payment_and_an_exact_index(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "t.json"
    rng = random.Random(seed)
    before = seeded(path, rng)
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        sid = store.streams()[1].id
        one = store.add_payment(Payment(0, sid, TODAY, Decimal("12.50"), "typed"))
        many = store.add_payments([Payment(0, sid, TODAY - timedelta(days=n), Decimal(n), "batch") for n in range(3)])
        store.tick(3, TODAY)
        assert not store.payments_ready, "the payments were never built"
        assert store.payment_count() == len(before) + 4
        assert store.newest_payments()[:2] == [many[0], one]  # today, the newest entered first
    with Store.open(path, read_only=True, today=fixed(TODAY), defer_payments=True) as quick:
        assert not quick.payments_ready, "written with an index that matches"
        restored, first, count = quick.monthly_index(), quick.newest_payments(), quick.payment_count()
        every = quick.payments()
        assert count == len(every) and first == every[:NEWEST] and quick.steps()[2].done
        assert sorted(map(content, every)) == sorted(map(content, [*before, one, *many]))
        assert {p.id for p in every} == {p.id for p in before} | {one.id} | {p.id for p in many}
        assert restored.months() == MonthlyIndex.build(every).months()
        assert all(restored.cells(m) == MonthlyIndex.build(every).cells(m) for m in restored.months())
        assert restored.last_paid(every) == MonthlyIndex.build(every).last_paid(every)


def test_a_payment_added_after_a_deferred_open_takes_the_id_tinydb_would_give(tmp_path: Path) -> None:
    """The next id comes from the column check's pass over the ids: the largest in the file, plus one."""
    path = tmp_path / "t.json"
    before = seeded(path, random.Random(8))
    largest = max(p.id for p in before)
    with Store.open(path, today=fixed(TODAY)) as store:
        store.delete_payment(largest)  # the largest id gone: TinyDB, opening afresh, reuses it
        store.delete_payment(min(p.id for p in before))
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        added = store.add_payments([Payment(0, store.streams()[0].id, TODAY, Decimal("2.00"), "") for _ in range(2)])
        assert not store.payments_ready
        assert [p.id for p in added] == [largest, largest + 1]
    with Store.open(path, read_only=True, today=fixed(TODAY)) as full:
        assert len(full.payments()) == len(before)


def test_a_write_of_other_records_after_a_deferred_open_keeps_the_index(tmp_path: Path) -> None:
    """A tick alone (no payment written) still writes the payments' index: the next start needs it."""
    path = tmp_path / "t.json"
    before = seeded(path, random.Random(6))
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        store.tick(5, TODAY)
        assert not store.payments_ready
    with Store.open(path, read_only=True, today=fixed(TODAY), defer_payments=True) as quick:
        assert not quick.payments_ready, "opened from the index"
        assert quick.payment_count() == len(before) and quick.steps()[4].done
        assert quick.payments() == before


def test_a_failed_write_after_a_deferred_open_is_undone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "t.json"
    before = seeded(path, random.Random(3))
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        store.tick(2, TODAY)  # the day's backup and check-in are behind us
        on_disk = fingerprint(path)
        real = os.replace

        def full_disk(src: Any, dst: Any, **kwargs: Any) -> None:
            if Path(dst) == path:
                raise OSError(28, "No space left on device")
            real(src, dst, **kwargs)

        monkeypatch.setattr(os, "replace", full_disk)
        with pytest.raises(WriteFailedError):
            store.add_payment(Payment(0, store.streams()[0].id, TODAY, Decimal("9.99"), "never saved"))
        monkeypatch.setattr(os, "replace", real)
        assert fingerprint(path) == on_disk
        assert store.payment_count() == len(before)
        assert store.newest_payments()[:NEWEST] == before[:NEWEST]
        kept = store.add_payment(Payment(0, store.streams()[0].id, TODAY, Decimal("1.00"), "saved"))
    with Store.open(path, read_only=True, today=fixed(TODAY)) as full:
        assert sorted(map(content, full.payments())) == sorted(map(content, [*before, kept]))


def test_a_payment_of_a_stream_gone_from_the_file_refuses_the_write(tmp_path: Path) -> None:
    """A stream removed by hand leaves its payments behind: the file is damaged, and left as it is."""
    path = tmp_path / "t.json"
    seeded(path, random.Random(4))
    document = orjson.loads(path.read_bytes())
    gone = next(iter(document["streams"]))
    del document["streams"][gone]
    path.write_bytes(orjson.dumps(document))  # the layout Tenfold writes: the index still matches the payments
    before = fingerprint(path)
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        assert not store.payments_ready
        with pytest.raises(DamagedFileError, match="for a stream that does not exist"):
            store.tick(4, TODAY)
    assert fingerprint(path) == before


BAD_VALUES: dict[str, list[Any]] = {
    "stream_id": ["1", 1.0, True, None, 99, -1, [1]],
    "on": ["2026-02-30", "2026-13-01", 20260101, "", None, "yesterday", ["2026-01-01"]],
    "amount": ["NaN", "Infinity", "1e999", "1,50", "", 1.5, None, "x", {"v": 1}, "999999999999.999", "-1000000000000"],
    "note": [1, None, ["n"]],
    "customer": [0, False, {}],
    "currency": ["usd", "EURO", 5],
    "fee": ["x", 1.5, "NaN"],
    "refund": ["yes", 1, None],
    "external_id": [7],
    "source": [None],
    "refund_of": [3],
}


def test_the_column_check_never_passes_a_table_that_would_not_build() -> None:
    rng = random.Random(5)
    streams = {1, 2, 3}
    good = {
        str(n): {"stream_id": rng.choice([1, 2, 3]), "on": f"2026-0{rng.randrange(1, 10)}-1{rng.randrange(10)}",
                 "amount": f"{rng.randrange(-500, 5000) / 100:.2f}", "note": rng.choice(["", "ü"])}
        | ({"customer": "ACME"} if n % 3 == 0 else {})
        | ({"currency": "GBP", "fee": "0.30", "external_id": f"t{n}", "source": "paypal"} if n % 7 == 0 else {})
        | ({"refund": True, "refund_of": "t7"} if n % 11 == 0 else {})
        for n in range(1, 120)
    }
    assert rows_are_payments(good, streams)
    validate_payments(Path("t.json"), good, streams)
    passed_only_when_valid = 0
    for _ in range(600):
        table: dict[str, Any] = {k: dict(v) for k, v in good.items()}
        key = rng.choice(list(table))
        roll = rng.random()
        if roll < 0.75:
            field = rng.choice(list(BAD_VALUES))
            table[key][field] = rng.choice(BAD_VALUES[field])
        elif roll < 0.85:
            del table[key][rng.choice(["stream_id", "on", "amount"])]
        elif roll < 0.95:
            table[rng.choice(["01", " 5", "-3", "1.0", "x", "1" * 20, "٣"])] = table.pop(key)
        else:
            table[key] = rng.choice([[], "record", None])
        try:
            validate_payments(Path("t.json"), table, streams)
            builds = True
        except DamagedFileError:
            builds = False
        if rows_are_payments(table, streams):
            assert builds, f"passed a table that does not build: {table.get(key, key)}"
            passed_only_when_valid += 1
    assert passed_only_when_valid > 0, "some changes still build (a key 01 is the id 1): the check must pass those"
