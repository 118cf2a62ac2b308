"""The monthly index: one pass to build, then kept right payment by payment; checked by hand."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

import pytest
from oracles import summarize

from tenfold.domain.folds import summary_from
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex, months_back
from tenfold.domain.streams import Stream
from tenfold.figures.expected import last_paid
from tenfold.figures.totals import stream_month_totals

BOOK = Stream(1, "Book", "ebook", "passive", "EUR")
ETF = Stream(2, "ETF", "dividends", "portfolio", "USD")
JOB = Stream(3, "Consulting", "business", "active", "EUR")


def pay(pid: int, stream: Stream, day: str, amount: str) -> Payment:
    return Payment(pid, stream.id, date.fromisoformat(day), Decimal(amount), "")


PAYMENTS = [
    pay(1, BOOK, "2026-10-03", "10.10"),
    pay(2, BOOK, "2026-10-31", "0.20"),
    pay(3, ETF, "2026-10-15", "33.33"),
    pay(4, BOOK, "2026-11-02", "5.00"),
    pay(5, JOB, "2026-11-20", "900.00"),
    pay(6, BOOK, "2025-10-15", "99.00"),
]


def newest_first(payments: list[Payment]) -> list[Payment]:
    return sorted(payments, key=lambda p: (p.on, p.id), reverse=True)


def test_build_sums_each_month_and_stream() -> None:
    index = MonthlyIndex.build(PAYMENTS)
    assert index.count == 6
    assert dict(index.month((2026, 10))) == {1: Decimal("10.30"), 2: Decimal("33.33")}
    assert dict(index.month((2026, 11))) == {1: Decimal("5.00"), 3: Decimal("900.00")}
    assert dict(index.month((2024, 1))) == {}
    assert index.months() == [(2025, 10), (2026, 10), (2026, 11)]
    assert index.series(1, [(2026, 9), (2026, 10), (2026, 11)]) == [Decimal(0), Decimal("10.30"), Decimal("5.00")]
    assert index.first_month([2, 3]) == (2026, 10)
    assert index.first_month([1]) == (2025, 10)
    assert index.first_month([99]) is None
    assert index.last_paid(newest_first(PAYMENTS)) == {1: date(2026, 11, 2), 2: date(2026, 10, 15),
                                                       3: date(2026, 11, 20)}


def test_months_back() -> None:
    assert months_back((2026, 2), 4) == [(2025, 11), (2025, 12), (2026, 1), (2026, 2)]
    assert months_back((2026, 2), 1) == [(2026, 2)]


def test_remove_replace_and_drop_stream_by_hand() -> None:
    index = MonthlyIndex.build(PAYMENTS)
    index.remove(PAYMENTS[1])  # 0.20 from October's book
    assert index.month((2026, 10))[1] == Decimal("10.10")
    moved = pay(1, ETF, "2026-09-03", "10.10")
    index.replace(PAYMENTS[0], moved)  # the book's last October payment moves to the ETF, in September
    assert 1 not in index.month((2026, 10))
    assert dict(index.month((2026, 9))) == {2: Decimal("10.10")}
    index.drop_stream(2)
    assert index.months() == [(2025, 10), (2026, 11)]
    assert index.count == 3
    with pytest.raises(KeyError):
        index.remove(moved)


def test_last_paid_follows_a_deleted_latest_payment() -> None:
    payments = list(PAYMENTS)
    index = MonthlyIndex.build(payments)
    latest = payments.pop(3)  # the book's 2026-11-02
    index.remove(latest)
    assert index.last_paid(newest_first(payments))[1] == date(2026, 10, 31)
    # Remove the book's other payments too: it has no last payment any more.
    for p in [p for p in payments if p.stream_id == 1]:
        payments.remove(p)
        index.remove(p)
    assert 1 not in index.last_paid(newest_first(payments))
    # A payment added while the stream was stale still counts.
    back = pay(7, BOOK, "2026-01-01", "1.00")
    payments.append(back)
    index.add(back)
    assert index.last_paid(newest_first(payments))[1] == date(2026, 1, 1)


def test_a_refund_is_never_a_streams_last_payment() -> None:
    sale = pay(1, BOOK, "2026-12-28", "95.40")
    refund = Payment(2, BOOK.id, date(2027, 1, 6), Decimal("-9.99"), "", refund=True)
    earlier = pay(3, BOOK, "2026-11-28", "110.00")
    payments = [earlier, sale, refund]
    index = MonthlyIndex.build(payments)
    assert index.last_paid(newest_first(payments)) == {1: date(2026, 12, 28)}
    payments.remove(sale)  # the latest sale goes: the one before it is found, past the refund
    index.remove(sale)
    assert index.last_paid(newest_first(payments)) == {1: date(2026, 11, 28)}
    index.remove(refund)
    payments.remove(refund)
    assert index.last_paid(newest_first(payments)) == {1: date(2026, 11, 28)}


def test_random_changes_match_a_fresh_build() -> None:
    """Hundreds of adds, edits and deletes: the kept index equals one built from scratch."""
    rng = random.Random(5)
    streams = [BOOK, ETF, JOB]
    payments: dict[int, Payment] = {}
    index = MonthlyIndex()
    for pid in range(1, 600):
        action = rng.random()
        day = date(2025, 1, 1) + timedelta(days=rng.randrange(700))
        amount = Decimal(rng.randrange(1, 10_000)) / 100 * (-1 if rng.random() < 0.15 else 1)
        new = Payment(pid, rng.choice(streams).id, day, amount, "", refund=amount < 0)
        if action < 0.6 or not payments:
            payments[pid] = new
            index.add(new)
        elif action < 0.8:
            old = payments[rng.choice(list(payments))]
            edited = Payment(old.id, new.stream_id, new.on, new.amount, "")
            payments[old.id] = edited
            index.replace(old, edited)
        else:
            old = payments.pop(rng.choice(list(payments)))
            index.remove(old)
        if pid % 150 == 0:
            ordered = newest_first(list(payments.values()))
            assert index.last_paid(ordered) == last_paid(ordered)
    fresh = MonthlyIndex.build(payments.values())
    assert index.count == fresh.count == len(payments)
    for month in {(p.on.year, p.on.month) for p in payments.values()}:
        assert dict(index.month(month)) == dict(fresh.month(month)) == stream_month_totals(
            list(payments.values()), *month)
    assert index.months() == fresh.months()


def test_summary_from_the_index_equals_summarize() -> None:
    today = date(2026, 11, 21)
    index = MonthlyIndex.build(PAYMENTS)
    assert summary_from(index, [BOOK, ETF, JOB], today) == summarize(PAYMENTS, [BOOK, ETF, JOB], today)
    summary = summary_from(index, [BOOK, ETF, JOB], today)
    assert summary.passive_last_month == {"EUR": Decimal("10.30")}
    assert summary.last_month == {"EUR": Decimal("10.30"), "USD": Decimal("33.33")}
    assert summary.this_month == {"EUR": Decimal("905.00")}
