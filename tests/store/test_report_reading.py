"""The report's reading of a file without a matching index: the same records, sums and refusals as the store's.

``read_for_report`` sums such a file's payments without building them
(:mod:`tenfold.store.reading.sums`). Whatever the file holds, it must give what the
usual reading gives: the same records and the index :meth:`MonthlyIndex.build` makes of
every payment, or - for a damaged file - the very error :func:`read_contents` raises,
the first damage found in the order the store reads the tables, whatever else is wrong.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from storekit import fixed

from tenfold.domain.errors import StoreError
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.store.reading.loading import read_contents
from tenfold.store.reading.quick import read_for_report
from tenfold.store.reading.sums import PaymentRows
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)
Document = dict[str, Any]


def rewritten(tmp_path: Path, change: Callable[[Document], object] | None = None) -> Path:
    """A file the store wrote (typed and imported payments, a rate), rewritten by another program after
    ``change``: its payments' index no longer matches."""
    saved = tmp_path / "saved.json"
    with Store.open(saved, today=fixed(TODAY)) as store:
        book = store.add_stream(Stream(0, "Book", "ebook", "passive", "EUR"))
        rent = store.add_stream(Stream(0, "Rent", "rental", "passive", "EUR"))
        store.add_rate(Rate(0, "GBP", "EUR", Decimal("1.17"), date(2025, 1, 1)))
        store.add_payments([
            Payment(0, (book, rent)[n % 2].id, TODAY - timedelta(days=7 * n), Decimal(n * 101) / 100,
                    "note" if n % 3 else "", customer="Ann" if n % 4 == 0 else "",
                    currency="GBP" if n % 5 == 0 else "", fee=Decimal("0.30") if n % 6 == 0 else None,
                    refund=n % 7 == 0)
            for n in range(1, 60)
        ])
    document = json.loads(saved.read_bytes())
    if change is not None:
        change(document)
    path = tmp_path / "rewritten.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    path.chmod(0o600)
    return path


def first_payment(document: Document) -> dict[str, Any]:
    return next(iter(document["payments"].values()))


def last_payment(document: Document) -> dict[str, Any]:
    return list(document["payments"].values())[-1]  # type: ignore[no-any-return]


def test_a_rewritten_file_gives_the_records_and_sums_of_every_payment(tmp_path: Path) -> None:
    path = rewritten(tmp_path)
    contents, index, payments = read_for_report(path)
    assert isinstance(payments, PaymentRows), "summed without building the payments"
    full = read_contents(path)
    built = MonthlyIndex.build(full.payments.values())
    assert index.months() == built.months()
    for month in built.months():
        assert index.cells(month) == built.cells(month) and index.extras(month) == built.extras(month)
        assert {a: str(t) for a, t in index.month(month).items()} == {a: str(t) for a, t in built.month(month).items()}
    assert index.count == built.count == len(full.payments)
    assert index.last_paid([]) == built.last_paid([])
    assert contents.streams == full.streams and contents.rates == full.rates and contents.payments == {}


def _wrong_stream(document: Document) -> Document:
    first_payment(document)["stream_id"] = 99
    return document


DAMAGE: dict[str, Callable[[Document], object]] = {
    "an amount that is no number": lambda d: first_payment(d).update(amount="one"),
    "a payment of a stream that does not exist": _wrong_stream,
    "a missing stream, then a bad amount": lambda d: (_wrong_stream(d), last_payment(d).update(amount="x")),
    "a bad amount and a bad rate": lambda d: (last_payment(d).update(amount="x"),
                                              next(iter(d["rates"].values())).update(rate="x")),
    "a bad rate only": lambda d: next(iter(d["rates"].values())).update(rate="x"),
    "a bad stream and a bad payment": lambda d: (next(iter(d["streams"].values())).update(kind="odd"),
                                                 first_payment(d).update(amount="x")),
    "a payment that is a list": lambda d: d["payments"].update({"900": [1, 2, 3, 4]}),
    "a payment that is text": lambda d: d["payments"].update({"900": "abcd"}),
    "a payment that is a number": lambda d: d["payments"].update({"900": 4}),
    "a list and a bad rate": lambda d: (d["payments"].update({"900": [1, 2, 3, 4]}),
                                        next(iter(d["rates"].values())).update(rate="x")),
    "an id that is no number": lambda d: d["payments"].update({"x": first_payment(d)}),
    "an id out of range": lambda d: d["payments"].update({"9" * 20: first_payment(d)}),
    "a day that does not exist": lambda d: first_payment(d).update(on="2026-02-30"),
    "an amount out of range": lambda d: first_payment(d).update(amount="1E+20"),
    "a NaN fee": lambda d: first_payment(d).update(fee="NaN"),
    "a newer schema": lambda d: d["meta"]["1"].update(schema_version=999),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_file_is_refused_with_the_stores_own_words(tmp_path: Path, damage: str) -> None:
    path = rewritten(tmp_path, DAMAGE[damage])
    with pytest.raises(StoreError) as usual:
        read_contents(path)
    with pytest.raises(StoreError) as report:
        read_for_report(path)
    assert type(report.value) is type(usual.value)
    assert str(report.value) == str(usual.value)


def test_a_file_the_sums_leave_alone_is_read_in_full(tmp_path: Path) -> None:
    """Two keys of one id are one payment to the store (the last kept): the report reads it as the store does."""
    path = rewritten(tmp_path, lambda d: d["payments"].update({"0" + next(iter(d["payments"])): first_payment(d)}))
    contents, index, payments = read_for_report(path)
    full = read_contents(path)
    assert payments is None and contents.payments == full.payments
    assert index.count == len(full.payments) == 59


FIXTURES = Path(__file__).parent.parent / "fixtures"


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6])
def test_a_file_of_every_schema_version_is_read_as_the_store_reads_it(tmp_path: Path, version: int) -> None:
    """Older files are upgraded in memory first (nothing written); their payments summed as the current ones."""
    path = tmp_path / f"v{version}.json"
    path.write_bytes((FIXTURES / f"v{version}.json").read_bytes())
    path.chmod(0o600)
    before = path.read_bytes()
    contents, index, payments = read_for_report(path)
    full = read_contents(path)
    assert isinstance(payments, PaymentRows)
    built = MonthlyIndex.build(full.payments.values())
    assert [index.cells(m) for m in index.months()] == [built.cells(m) for m in built.months()]
    assert index.last_paid([]) == built.last_paid([]) and index.count == built.count > 0
    assert (contents.version, contents.streams, contents.ideas) == (full.version, full.streams, full.ideas)
    assert path.read_bytes() == before
