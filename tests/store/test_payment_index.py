"""The payments' index kept in the data file: exact after any change, used only when it matches.

A file opened with ``defer_payments`` draws its first figures from the index; these
tests hold the index to the payments themselves (after random changes, a fresh
build from every payment must agree), and check that anything else - a file
changed by another program, a hand edit, a malformed index - is read in full.
"""

from __future__ import annotations

import random
import zlib
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest
from storekit import bad_payment_behind_its_index, fill, fingerprint, fixed, new_filled

from tenfold.domain.errors import DamagedFileError
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.streams import Stream
from tenfold.store.payment_index import FORMAT, NEWEST, index_fingerprint, restore, split_payments
from tenfold.store.reading.quick import read_with_index
from tenfold.store.schema import PAYMENT_INDEX
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)


def same_index(a: MonthlyIndex, b: MonthlyIndex, newest_first: list[Payment]) -> bool:
    return (
        a.months() == b.months()
        and all(a.cells(m) == b.cells(m) and a.extras(m) == b.extras(m) for m in a.months())
        and a.count == b.count
        and a.last_paid(newest_first) == b.last_paid(newest_first)
    )


def random_changes(store: Store, rng: random.Random, steps: int) -> None:
    """Payments added (one by one and as an import), edited, deleted; a stream deleted."""
    streams = [store.add_stream(Stream(0, f"S{n}", "ebook", "passive", "EUR")) for n in range(4)]
    day0 = TODAY - timedelta(days=500)

    def new(sid: int) -> Payment:
        refund = rng.random() < 0.1
        amount = Decimal(rng.randrange(1, 99999)) / 100
        fee = rng.choice([None, None, Decimal(0), Decimal(rng.randrange(1, 999)) / 100])  # fees as imports keep them
        return Payment(0, sid, day0 + timedelta(days=rng.randrange(500)), -amount if refund else amount,
                       rng.choice(["", 'a note, "quoted", with ,"payments":{ in it', "ü"]),
                       currency=rng.choice(["", "", "GBP"]), fee=fee, refund=refund)

    store.add_payments([new(rng.choice(streams).id) for _ in range(1500)])  # an import: the sorted list is dropped
    for _ in range(steps):
        roll = rng.random()
        payments = store.payments()
        if roll < 0.4 or not payments:
            store.add_payment(new(rng.choice(streams).id))
        elif roll < 0.7:
            old = rng.choice(payments)
            store.update_payment(Payment(old.id, rng.choice(streams).id, old.on - timedelta(days=rng.randrange(40)),
                                         old.amount + 1, "edited", currency=old.currency,
                                         fee=rng.choice([old.fee, None, Decimal("0.30")]), refund=old.refund))
        elif roll < 0.97:
            newest = payments[: rng.choice([1, 5, NEWEST + 5])]  # often the newest: their replacements must follow
            store.delete_payment(rng.choice(newest).id)
        else:
            store.delete_stream(streams.pop(rng.randrange(len(streams))).id)
            streams.append(store.add_stream(Stream(0, f"T{rng.random()}", "ads", "passive", "USD")))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_index_in_the_file_matches_every_payment_after_random_changes(tmp_path: Path, seed: int) -> None:
    path = tmp_path / "t.json"
    rng = random.Random(seed)
    with Store.open(path, today=fixed(TODAY)) as store:
        random_changes(store, rng, 150)
    with Store.open(path, read_only=True, today=fixed(TODAY), defer_payments=True) as quick:
        assert not quick.payments_ready, "opened from the index"
        first = quick.newest_payments()
        restored = quick.monthly_index()
        count = quick.payment_count()
        quick.wait_for_payments()
        every = quick.payments()
        assert count == len(every) and first == every[:NEWEST]
        assert same_index(restored, MonthlyIndex.build(every), every)
    with Store.open(path, read_only=True, today=fixed(TODAY)) as full:
        assert full.payments() == every


def test_a_background_save_writes_the_index_of_the_payments_it_writes(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    reports: list[object] = []
    with Store.open(path, today=fixed(TODAY)) as store:
        store.save_in_background(reports.append)
        random_changes(store, random.Random(9), 60)
        store.flush()
    with Store.open(path, read_only=True, today=fixed(TODAY), defer_payments=True) as quick:
        assert not quick.payments_ready
        restored = quick.monthly_index()
        every = quick.payments()
        assert same_index(restored, MonthlyIndex.build(every), every)
    assert reports == []


def edited(path: Path, change: bytes, to: bytes) -> None:
    raw = path.read_bytes()
    assert raw.count(change) >= 1
    path.write_bytes(raw.replace(change, to, 1))


def test_a_file_rewritten_by_another_program_is_read_in_full(tmp_path: Path) -> None:
    """A plain JSON writer (TinyDB's layout, spaces and all) keeps the index but not the layout."""
    path = tmp_path / "t.json"
    new_filled(path)
    document = orjson.loads(path.read_bytes())
    document["payments"]["1"]["amount"] = "13.50"
    path.write_text(__import__("json").dumps(document), encoding="utf-8")
    with Store.open(path, read_only=True, today=fixed(TODAY), defer_payments=True) as store:
        assert store.payments_ready, "no usable index: every payment read at open"
        totals = store.monthly_index().month((2026, 3))
        assert Decimal("13.50") in totals.values()


def test_a_hand_edit_of_the_same_length_is_caught_by_the_checksum(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    new_filled(path)
    _prefix, payments = split_payments(path.read_bytes()) or (b"", b"")
    assert b'"12.50"' in bytes(payments)
    raw = path.read_bytes()
    at = raw.rindex(b'"12.50"')  # the payment, not the index's copy of it among the newest
    path.write_bytes(raw[:at] + b'"12.51"' + raw[at + 7 :])
    with Store.open(path, read_only=True, today=fixed(TODAY), defer_payments=True) as store:
        assert store.payments_ready
        assert Decimal("12.51") in store.monthly_index().month((2026, 3)).values()


@pytest.mark.parametrize("damage", [b'"count":2', b'"format":5', b'"newest":['])
def test_a_malformed_index_is_ignored_and_the_file_still_opens(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "t.json"
    new_filled(path)
    to = {b'"count":2': b'"count":3', b'"format":5': b'"format":9', b'"newest":[': b'"newest":[7,'}[damage]
    edited(path, damage, to)
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        assert store.payments_ready
        assert len(store.payments()) == 2
        store.save_payment_index()
    with Store.open(path, read_only=True, today=fixed(TODAY), defer_payments=True) as again:
        assert not again.payments_ready, "written again, it is used"


def test_a_damaged_payment_behind_a_matching_index_refuses_every_write(tmp_path: Path) -> None:
    """Only a crafted file gets here: the index's checksum matches a payment the store never wrote."""
    path = tmp_path / "t.json"
    new_filled(path)
    bad_payment_behind_its_index(path)
    before = fingerprint(path)
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        assert not store.payments_ready
        with pytest.raises(DamagedFileError, match="damaged record in payments"):
            store.tick(4, TODAY)
        with pytest.raises(DamagedFileError):
            store.payments()
    assert fingerprint(path) == before


def fill_with_300_more(store: Store) -> Stream:
    """The sample records and 300 more payments of its second stream, one a day back from today; that stream."""
    fill(store)
    books = store.streams()[1]
    store.add_payments([Payment(0, books.id, TODAY - timedelta(days=n), Decimal(n + 1), "") for n in range(300)])
    return books


def test_a_write_before_the_payments_are_read_keeps_every_payment(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed(TODAY)) as store:
        fill_with_300_more(store)
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        done: list[bool] = []
        store.read_payments_in_background(lambda: done.append(True))
        store.tick(5, TODAY)  # waits for the thread, takes the payments in, then writes
        assert store.payments_ready and len(store.payments()) == 302
    with Store.open(path, read_only=True, today=fixed(TODAY), defer_payments=True) as again:
        assert again.payment_count() == 302 and again.steps()[4].done
        assert PAYMENT_INDEX not in (again._storage.read() or {})  # made at each save, never kept in memory


def test_a_payment_added_after_a_deferred_read_gets_the_next_id(tmp_path: Path) -> None:
    """The store gives TinyDB the next id when it takes the payments in: the same id TinyDB would count."""
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed(TODAY)) as store:
        books = fill_with_300_more(store)
        store.delete_payment(store.payments()[-1].id)  # the oldest: not the largest id
        largest = max(p.id for p in store.payments())
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        store.wait_for_payments()
        added = store.add_payment(Payment(0, books.id, TODAY, Decimal("1.00"), ""))
        assert added.id == largest + 1
        assert store.add_payment(Payment(0, books.id, TODAY, Decimal("2.00"), "")).id == largest + 2


def test_the_report_reads_the_same_sums_with_and_without_the_index(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed(TODAY)) as store:
        random_changes(store, random.Random(4), 80)
    contents, quick = read_with_index(path)
    assert contents.payments == {}, "answered by the index"
    document = orjson.loads(path.read_bytes())
    del document[PAYMENT_INDEX]
    plain = tmp_path / "plain.json"
    plain.write_bytes(orjson.dumps(document))
    full_contents, full = read_with_index(plain)
    assert len(full_contents.payments) == full.count
    every = sorted(full_contents.payments.values(), key=lambda p: (p.on, p.id), reverse=True)
    assert same_index(quick, full, every)


def tripled_months(path: Path) -> None:
    """Every month's totals in the index tripled, size and checksum left as they were: a hand edit."""
    raw = path.read_bytes()
    parts = split_payments(raw)
    assert parts is not None
    prefix, payments = parts
    document = orjson.loads(prefix)
    months = document[PAYMENT_INDEX]["1"]["months"]
    for columns in months.values():
        columns[1] = [str(Decimal(total) * 3) for total in columns[1]]
    path.write_bytes(orjson.dumps(document)[:-1] + b',"payments":' + bytes(payments) + b"}")


def test_an_edited_index_with_the_payments_checksum_is_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed(TODAY)) as store:
        random_changes(store, random.Random(5), 40)
        every = store.payments()
        truth = MonthlyIndex.build(every)
    tripled_months(path)
    _contents, monthly = read_with_index(path)
    assert same_index(monthly, truth, every)
    with Store.open(path, read_only=True, defer_payments=True) as store:
        assert not store.opened_with_index
        assert same_index(store.monthly_index(), truth, every)


def test_an_index_of_the_first_format_is_rebuilt(tmp_path: Path) -> None:
    """Its checksum covered the payments only: it counts as not matching, and the next save writes a new one."""
    path = tmp_path / "t.json"
    new_filled(path)
    prefix, payments = split_payments(path.read_bytes()) or (b"", memoryview(b""))
    document = orjson.loads(prefix)
    record = document[PAYMENT_INDEX]["1"]
    record["format"], record["size"], record["crc32"] = 1, len(payments), zlib.crc32(payments)
    path.write_bytes(orjson.dumps(document)[:-1] + b',"payments":' + bytes(payments) + b"}")
    with Store.open(path, today=fixed(TODAY), defer_payments=True) as store:
        assert store.payments_ready and not store.opened_with_index
        store.save_payment_index()
    with Store.open(path, read_only=True, defer_payments=True) as store:
        assert store.opened_with_index
    assert orjson.loads(path.read_bytes())[PAYMENT_INDEX]["1"]["format"] == FORMAT


def changed_index(tmp_path: Path, seed: int) -> tuple[list[Payment], MonthlyIndex, Any, memoryview]:
    """A file after random changes: its payments, their index built afresh, the file's index table and payments."""
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed(TODAY)) as store:
        random_changes(store, random.Random(seed), 60)
        every = store.payments()
    prefix, payments = split_payments(path.read_bytes()) or (b"", memoryview(b""))
    return every, MonthlyIndex.build(every), orjson.loads(prefix)[PAYMENT_INDEX], payments


def test_a_summing_reader_restores_the_same_sums_without_the_newest_payments(tmp_path: Path) -> None:
    """``restore(whole=False)`` (``tenfold status``) skips what only the app uses, never a check."""
    every, truth, table, payments = changed_index(tmp_path, seed=11)
    whole, summing = restore(table, payments), restore(table, payments, whole=False)
    assert whole is not None and summing is not None
    assert same_index(summing.monthly, truth, every) and same_index(whole.monthly, truth, every)
    assert len(whole.newest) == NEWEST and whole.pieces
    assert summing.newest == () and summing.pieces == {}
    table["1"]["months"].popitem()  # a month gone: its checksum no longer matches, for either reader
    assert restore(table, payments, whole=False) is None and restore(table, payments) is None


def test_a_reader_of_one_month_decodes_that_month_and_still_checks_the_others(tmp_path: Path) -> None:
    """``tenfold status`` sums this month only: the others are counted and their shape checked, not decoded."""
    _every, truth, table, payments = changed_index(tmp_path, seed=12)
    wanted = truth.months()[-1]
    one = restore(table, payments, whole=False, months=[wanted])
    assert one is not None and one.count == truth.count
    assert one.monthly.months() == [wanted] and one.monthly.cells(wanted) == truth.cells(wanted)
    assert one.monthly.extras(wanted) == truth.extras(wanted)
    # A month it does not decode, written wrong by a writer that also got the checksum right: still refused.
    other = next(key for key in table["1"]["months"] if key != f"{wanted[0]:04d}-{wanted[1]:02d}")
    table["1"]["months"][other][0][0] = "1"  # a stream id written as text; the counts still add up
    table["1"]["size"], table["1"]["crc32"] = index_fingerprint(table["1"], payments)
    assert restore(table, payments, whole=False, months=[wanted]) is None
    assert restore(table, payments) is None


def test_an_edit_of_one_of_the_newest_payments_reaches_the_index(tmp_path: Path) -> None:
    """The newest payments' JSON is kept between saves: an edited one (same id, new record) is written anew."""
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed(TODAY)) as store:
        stream = store.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR"))
        store.add_payments([Payment(0, stream.id, TODAY - timedelta(days=n), Decimal("5.00"), f"n{n}")
                            for n in range(30)])
        store.add_payment(Payment(0, stream.id, TODAY, Decimal("7.00"), "first words"))
        newest = store.payments()[0]
        store.update_payment(Payment(newest.id, stream.id, TODAY, Decimal("7.00"), "second words"))
        store.add_payment(Payment(0, stream.id, TODAY, Decimal("8.00"), "after the edit"))
    with Store.open(path, read_only=True, today=fixed(TODAY), defer_payments=True) as quick:
        assert not quick.payments_ready, "opened from the index"
        notes = [p.note for p in quick.newest_payments()[:2]]
    assert notes == ["after the edit", "second words"]
