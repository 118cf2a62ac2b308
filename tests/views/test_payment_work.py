"""The orders and texts made on a thread give the rows of the plain filter and sort (the oracle)."""

from __future__ import annotations

import bisect
import dataclasses
import random
import threading
from array import array
from datetime import date, timedelta
from decimal import Decimal

import pytest
from oracles import payment_rows

from tenfold.domain.ledger import Payment
from tenfold.views import payment_jobs
from tenfold.views.payment_order import PaymentOrder
from tenfold.views.payment_work import Cancelled, Progress, bucket_order, date_prefix_range, is_date_prefix

NAMES = {1: "Ebook", 2: "ETF", 3: "Ads", 4: "ebook two", 5: "2026-03 launch"}
QUERIES = ["", "eb", "ebook", "2026-03", "2026-0", "2025-12-3", "2026-", "inv", "x", "03", "2026", "zzz"]


def newest_first(payments: list[Payment]) -> list[Payment]:
    return sorted(payments, key=lambda q: (-q.on.toordinal(), -q.id))


def sample(rng: random.Random, count: int, first_id: int = 1) -> list[Payment]:
    start = date(2025, 11, 1)
    notes = ["", "", "x", "inv 7", "paid 2026-03-04", "refund"]
    return [Payment(first_id + n, rng.randrange(1, 6), start + timedelta(days=rng.randrange(150)),
                    Decimal(rng.choice(["1.00", "1.0", "2.50", "9.99", "12", "0.01"])), rng.choice(notes),
                    rng.choice(["", "", "Acme-2026-03"])) for n in range(count)]


def ids(rows: object) -> list[int]:
    return [p.id for p in rows]  # type: ignore[attr-defined]


@pytest.mark.parametrize("reverse", [False, True])
def test_bucket_order_is_a_stable_sort(reverse: bool) -> None:
    rng = random.Random(3)
    keys = [rng.randrange(40) for _ in range(12_000)]
    positions = list(range(len(keys)))
    rng.shuffle(positions)
    got = bucket_order(positions, keys.__getitem__, Progress(), reverse=reverse)
    assert list(got) == sorted(positions, key=keys.__getitem__, reverse=reverse)


@pytest.mark.parametrize("distinct", [2, 9_000])
@pytest.mark.parametrize("reverse", [False, True])
def test_bucket_order_sorts_long_chains_and_many_keys_stably(distinct: int, reverse: bool) -> None:
    """Two keys (chains longer than a step), or nearly one key per position; positions that are
    any sequence of numbers, not all of them, and repeated."""
    rng = random.Random(distinct)
    positions = [rng.randrange(50_000) for _ in range(12_000)]
    keys = {i: Decimal(rng.randrange(distinct)) / 100 for i in set(positions)}
    got = bucket_order(array("i", positions), keys.__getitem__, Progress(), reverse=reverse)
    assert list(got) == sorted(positions, key=keys.__getitem__, reverse=reverse)


def test_a_stopped_job_raises_cancelled() -> None:
    progress = Progress()
    progress.stop.set()
    with pytest.raises(Cancelled):
        bucket_order(list(range(10_000)), lambda i: i % 7, progress)


def test_date_prefixes_are_runs_of_the_date_order() -> None:
    rng = random.Random(4)
    base = newest_first(sample(rng, 500))
    order = list(range(len(base)))
    for q in ("2026-03", "2026-0", "2025-12-3", "2026-", "2025-11-01", "2027-", "2026-13"):
        assert is_date_prefix(q)
        assert [base[i].id for i in date_prefix_range(base, order, q)] == [
            p.id for p in base if p.on.isoformat().startswith(q)], q
    assert not any(is_date_prefix(q) for q in ("2026", "03-2026", "2026-03x", "abcd-", "-2026"))


@pytest.mark.parametrize("seed", range(4))
def test_a_jobs_rows_equal_the_oracle(seed: int) -> None:
    """Everything made on a thread, then each order and query: the oracle's rows; no scan for a month."""
    rng = random.Random(seed)
    base = newest_first(sample(rng, 3000))
    order = PaymentOrder(base, NAMES)
    job = order.job(everything=True)
    thread = threading.Thread(target=lambda: setattr(job, "results", job.run()))
    thread.start()
    thread.join()
    assert order.take(job.results, job)  # type: ignore[attr-defined]
    assert order.sorts == 2 and job.progress.fraction == 1.0
    for sort in ("date", "amount", "stream"):
        for q in QUERIES:
            scanned = order.scanned
            assert ids(order.rows(sort, q)) == payment_rows(base, NAMES, sort, q), (sort, q)
            if is_date_prefix(q):
                assert order.scanned == scanned, "a month is a run of the date order: nothing scanned"
    assert order.sorts == 2, "nothing sorted again on the app's thread"


@pytest.mark.parametrize("seed", range(4))
def test_payments_added_while_a_job_runs_are_taken_in(seed: int) -> None:
    rng = random.Random(seed)
    base = newest_first(sample(rng, 2000))
    order = PaymentOrder(base, NAMES)
    sort = rng.choice(["date", "amount", "stream"])
    q = rng.choice(["eb", "2026-03", "inv", "x"])
    job = order.job(sort, q)
    results = job.run()  # made from the snapshot; payments come in before the app takes the results
    for payment in sample(rng, 5, first_id=10_000):
        bisect.insort(base, payment, key=lambda p: (-p.on.toordinal(), -p.id))
        assert order.follow(base, NAMES)
    assert order.take(results, job)
    for s in ("date", "amount", "stream"):
        for query in ("", q, "2026-0"):
            assert ids(order.rows(s, query)) == payment_rows(base, NAMES, s, query), (s, query)


def test_results_for_another_list_are_refused() -> None:
    base = newest_first(sample(random.Random(1), 300))
    order = PaymentOrder(base, NAMES)
    job = order.job("amount")
    results = job.run()
    fresh = PaymentOrder(list(base), NAMES)  # the store changed more than adds: the pane made a new order
    assert not fresh.take(results, job)
    assert order.take(results, job) and ids(order.rows("amount")) == payment_rows(base, NAMES, "amount")


def test_what_is_quick(monkeypatch: pytest.MonkeyPatch) -> None:
    """Beyond QUICK_ROWS a first sort or a first filter waits for a job; a month then needs none."""
    monkeypatch.setattr(payment_jobs, "QUICK_ROWS", 100)
    base = newest_first([dataclasses.replace(p, note="paid 2026-03-04" if p.id % 400 == 0 else "x", customer="")
                         for p in sample(random.Random(2), 1000)])
    names = {**NAMES, 5: "Launch"}  # no dash in a name: only the four notes hold one
    order = PaymentOrder(base, names)
    assert order.quick("date") and not order.quick("amount") and not order.quick("date", "eb")
    results = (job := order.job(everything=True)).run()
    assert order.take(results, job)
    assert order.quick("amount") and order.quick("stream")
    assert order.quick("amount", "2026-03"), "a month: a run of the date order, and the few texts with a dash"
    assert not order.quick("date", "eb"), "a word: a scan of every text"
    results = (job := order.job("date", "eb")).run()
    assert order.take(results, job) and order.quick("date", "eb")
    assert ids(order.rows("date", "eb")) == payment_rows(base, names, "date", "eb")


def test_made_ahead_of_use_a_month_is_quick_without_the_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ahead of use: the orders and the positions of texts with a dash, not the texts (their memory)."""
    monkeypatch.setattr(payment_jobs, "QUICK_ROWS", 100)
    rng = random.Random(7)
    base = newest_first([dataclasses.replace(p, note="paid 2026-03-04" if p.id % 300 == 0 else "x", customer="")
                         for p in sample(rng, 1000)])
    names = {**NAMES, 5: "Launch"}
    order = PaymentOrder(base, names)
    while (job := order.next_part()) is not None:
        assert order.take(job.run(), job)
    assert order._texts is None
    for payment in sample(rng, 3, first_id=5_000):  # one with a dash in its note, after the positions were found
        bisect.insort(base, dataclasses.replace(payment, note="2026-03 late", customer=""),
                      key=lambda p: (-p.on.toordinal(), -p.id))
        assert order.follow(base, names)
    for sort in ("date", "amount", "stream"):
        for q in ("2026-03", "2026-0", "2025-12-3"):
            assert order.quick(sort, q)
            assert ids(order.rows(sort, q)) == payment_rows(base, names, sort, q), (sort, q)
    assert order._texts is None and not order.quick("date", "eb")


@pytest.mark.parametrize("seed", range(4))
def test_payments_added_before_a_job_and_while_it_runs_are_taken_in(seed: int) -> None:
    """Adds not yet put into the kept orders when a job is made, and more while it runs."""
    rng = random.Random(seed)
    base = newest_first(sample(rng, 2000))
    order = PaymentOrder(base, NAMES)
    order.rows("amount")  # one order kept; the stream order is made by the job
    order.rows("date", "eb")

    def add(count: int, first_id: int) -> None:
        for payment in sample(rng, count, first_id=first_id):
            bisect.insort(base, payment, key=lambda p: (-p.on.toordinal(), -p.id))
            assert order.follow(base, NAMES)

    add(4, 10_000)
    job = order.job("stream", "eb")
    results = job.run()
    add(3, 20_000)
    assert order.take(results, job)
    for s in ("date", "amount", "stream"):
        for query in ("", "eb", "2026-0"):
            assert ids(order.rows(s, query)) == payment_rows(base, NAMES, s, query), (s, query)
