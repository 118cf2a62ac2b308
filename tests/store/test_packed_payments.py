"""A file whose payments were read packed (the app's way) is written byte for byte as one read whole.

The oracle is the store itself, opened on a copy of the same file without its
index (every payment read at open, the table a plain dict, as before packing):
the same changes through both must leave the two files equal after every write.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import orjson
import pytest
from storekit import fixed, signed_again

from tenfold.domain.errors import WriteFailedError
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.file.packed import PackedRows
from tenfold.store.payment_index import split_payments
from tenfold.store.reading.payments import CHUNK
from tenfold.store.schema import PAYMENT_INDEX, PAYMENTS
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)
NOTES = ["", "invoice 12", 'ends with a backslash \\', 'quotes "}," and },"1":{ inside', "ü ß 😀", "}", "{", ',"x":']


def a_payment(rng: random.Random, stream_id: int) -> Payment:
    """A payment typed or imported, with texts that try to look like the table's own bytes."""
    imported = rng.random() < 0.3
    amount = Decimal(rng.randrange(1, 99999)) / 100 * rng.choice([1, 1, 1, -1])
    return Payment(
        0, stream_id, TODAY - timedelta(days=rng.randrange(900)), amount, rng.choice(NOTES) * rng.randrange(1, 3),
        rng.choice(["", "Acme", "Acme"]),
        currency=rng.choice(["", "USD"]) if imported else "",
        fee=Decimal(rng.randrange(0, 300)) / 100 if imported else None,
        external_id=f"tx-{rng.randrange(10**6)}" if imported else "",
        source="paypal" if imported else "", refund=amount < 0,
        refund_of="tx-1" if imported and amount < 0 else "",
        units=rng.choice([None, 1, 3]) if amount > 0 else None,
    )


def made(path: Path, rng: random.Random, count: int, craft: bytes = b"") -> None:
    """A file of ``count`` payments; ``craft``: the first payment's fields edited by hand, the index signed again."""
    with Store.open(path, today=fixed(TODAY)) as store:
        ids = [store.add_stream(Stream(0, name, "ebook", "passive", "EUR")).id for name in ("Books", "Course", "Ads")]
        store.add_payments([a_payment(rng, rng.choice(ids)) for _ in range(count)])
    if craft:
        prefix, view = split_payments(path.read_bytes()) or (b"", memoryview(b""))
        path.write_bytes(signed_again(prefix, b'{"1":{' + craft + b"," + bytes(view)[len(b'{"1":{'):]))


def change(store: Store, rng: random.Random, step: int) -> None:
    """One change of the kinds the app makes to payments (each one write)."""
    payments = store.payments()
    streams = [s.id for s in store.streams()]
    kind = step % 6
    if kind == 0:
        store.add_payment(a_payment(rng, rng.choice(streams)))
    elif kind == 1 and payments:
        old = rng.choice(payments)
        store.update_payment(Payment(old.id, old.stream_id, old.on, old.amount + 1, rng.choice(NOTES)))
    elif kind == 2 and payments:
        store.delete_payment(rng.choice(payments).id)
    elif kind == 3 and payments:
        store.delete_payment(max(p.id for p in payments))  # the largest id: the next one added reuses nothing
    elif kind == 4:
        store.add_payments([a_payment(rng, rng.choice(streams)) for _ in range(rng.randrange(1, 40))])
    elif kind == 5 and len(streams) > 1 and rng.random() < 0.3:
        store.delete_stream(rng.choice(streams))
    else:
        store.add_payment(a_payment(rng, rng.choice(streams)))


def same_file(one: Path, other: Path, *, crafted: bool) -> bool:
    """Byte for byte; for a crafted file, all but the payments' index, whose checksum covers its
    newest payments as built (a crafted field is not in them) in an open with the index, and as
    read in one without (so it differed before packing too)."""
    if not crafted:
        return one.read_bytes() == other.read_bytes()
    (prefix, payments), (prefix2, payments2) = (split_payments(p.read_bytes()) or (b"", b"") for p in (one, other))
    without = [{k: v for k, v in orjson.loads(p).items() if k != PAYMENT_INDEX} for p in (prefix, prefix2)]
    return bytes(payments) == bytes(payments2) and without[0] == without[1]


def table_of(store: Store) -> object:
    document = store._database.storage.read()  # what the document holds: packed or a dict
    assert document is not None
    return document[PAYMENTS]


@pytest.mark.parametrize(("seed", "count", "craft", "packs"), [
    (1, 9000, b"", True),  # several chunks
    (2, 40, b"", True),
    # Crafted (the index signed again): read the usual way, and written as before.
    (3, 3000, b'"extra":{"a":{"5":{}}}', False),  # a record holding objects
    (4, 3000, b'"extra": 1', False),  # not as orjson writes it
    # A list, among notes holding ``":{``: the records are then looked at one by one, a list is refused.
    (5, 3000, b'"extra":[{"5":"x"}]', False),
])
def test_packed_payments_are_written_as_before(tmp_path: Path, seed: int, count: int, craft: bytes,
                                               packs: bool) -> None:
    rng = random.Random(seed)
    packed_path, plain_path = tmp_path / "packed.json", tmp_path / "plain.json"
    made(packed_path, rng, count, craft)
    shutil.copyfile(packed_path, plain_path)
    with Store.open(packed_path, today=fixed(TODAY), defer_payments=True) as packed, \
            Store.open(plain_path, today=fixed(TODAY)) as plain:
        assert packed.payments() == plain.payments()
        assert isinstance(table_of(packed), PackedRows) is packs
        assert not isinstance(table_of(plain), PackedRows)
        if count > 3000:
            assert packed_path.stat().st_size > 2 * CHUNK
        for step in range(30):
            rng_state = rng.getstate()
            change(packed, rng, step)
            rng.setstate(rng_state)
            change(plain, rng, step)
            assert same_file(packed_path, plain_path, crafted=bool(craft)), f"after step {step}"
            assert packed.payments() == plain.payments()
    with Store.open(packed_path, today=fixed(TODAY), defer_payments=True) as again:
        assert again.payments() == plain.payments()


def test_equal_values_are_shared(tmp_path: Path) -> None:
    made(tmp_path / "d.json", random.Random(4), 2000)
    with Store.open(tmp_path / "d.json", today=fixed(TODAY), defer_payments=True) as store:
        payments = store.payments()
        assert len({id(p.on) for p in payments}) == len({p.on for p in payments})
        assert len({id(p.amount) for p in payments}) == len({str(p.amount) for p in payments})


def test_a_failed_save_of_packed_payments_is_undone_as_with_a_dict(tmp_path: Path) -> None:
    """Each change fails once (disk full) and is made again: both files end the same, and so do the payments."""
    rng = random.Random(6)
    packed_path, plain_path = tmp_path / "packed.json", tmp_path / "plain.json"
    made(packed_path, rng, 3000)
    shutil.copyfile(packed_path, plain_path)
    real_write = os.write

    def full(*_args: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with Store.open(packed_path, today=fixed(TODAY), defer_payments=True) as packed, \
            Store.open(plain_path, today=fixed(TODAY)) as plain:
        packed.payments()  # read (packed) first, as the app does; a write before would take the table as parsed
        packed.tick(2, TODAY)  # the day's backup is taken: the failing saves are plain ones
        plain.tick(2, TODAY)
        assert isinstance(table_of(packed), PackedRows)
        for step in range(12):
            before = list(packed.payments())
            rng_state = rng.getstate()
            for store in (packed, plain):
                rng.setstate(rng_state)
                os.write = full
                try:
                    with pytest.raises(WriteFailedError):
                        change(store, rng, step)
                finally:
                    os.write = real_write
            assert packed.payments() == before
            rng_state = rng.getstate()
            for store in (packed, plain):
                rng.setstate(rng_state)
                change(store, rng, step)
            assert same_file(packed_path, plain_path, crafted=False), f"after step {step}"
            assert packed.payments() == plain.payments()
