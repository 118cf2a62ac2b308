"""``tenfold status`` from the index: the same line as from every payment, without reading them again.

The plain way is the store opened in full and this month's passive payments
summed (``month_totals``); the glance reads the tables before the payments and
the index, and checks the payments against the index once per version of the file.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import invoke
from storekit import fixed

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment, Stream
from tenfold.domain.monthly import by_currency
from tenfold.domain.rates import Rate
from tenfold.figures.status import status_line
from tenfold.figures.totals import month_totals
from tenfold.store.payment_index import split_payments
from tenfold.store.reading import verified
from tenfold.store.reading.quick import read_glance
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)


def random_file(path: Path, seed: int) -> Path:
    """Streams of every kind in three currencies, payments over two years (some in the future), a rate."""
    rng = random.Random(seed)
    with Store.open(path, today=fixed(TODAY)) as store:
        store.set_goal(Goal("Rent from royalties", Decimal("900.00"), "EUR", date(2028, 1, 1), date(2025, 1, 1)))
        streams = [store.add_stream(Stream(0, f"S{n}", "ebook", kind, currency))
                   for n, (kind, currency) in enumerate([("passive", "EUR"), ("passive", "USD"), ("active", "EUR"),
                                                         ("portfolio", "GBP"), ("passive", "GBP")])]
        store.add_rate(Rate(0, "USD", "EUR", Decimal("0.92"), date(2025, 1, 1)))
        store.add_payments([Payment(0, rng.choice(streams).id, TODAY - timedelta(days=rng.randrange(-20, 700)),
                                    Decimal(rng.randrange(1, 500_000)) / 100, "") for _ in range(400)])
        store.tick(1, TODAY)
    return path


def plain_line(path: Path, today: date) -> str:
    """The status line the obvious way: every payment read, this month's passive ones summed."""
    with Store.open(path, read_only=True) as store:
        passive = month_totals(store.payments(), store.streams(), today.year, today.month, kind="passive")
        return status_line(goal=store.goal, passive=passive, steps=store.steps(), checkins=store.checkins(),
                           today=today, rates=store.rates())


def glance_line(path: Path, cache: Path, today: date) -> str:
    glance = read_glance(path, cache)
    assert glance is not None
    streams = {s.id: s for s in glance.contents.streams.values()}
    with Store.open(path, read_only=True) as store:  # the steps as the store fills them in
        steps = store.steps()
    return status_line(goal=glance.contents.goal, passive=by_currency(glance.index.month((today.year, today.month)),
                                                                      streams, "passive"),
                       steps=steps, checkins=glance.contents.checkins, today=today,
                       rates=list(glance.contents.rates.values()))


@pytest.mark.parametrize("seed", range(4))
def test_the_glance_gives_the_plain_line_for_any_month(tmp_path: Path, seed: int) -> None:
    db = random_file(tmp_path / "t.json", seed)
    cache = tmp_path / "state" / "verified.json"
    for today in (TODAY, TODAY - timedelta(days=40), TODAY - timedelta(days=400), TODAY + timedelta(days=15)):
        assert glance_line(db, cache, today) == plain_line(db, today)


def test_payments_are_read_once_per_version_of_the_file(tmp_path: Path) -> None:
    db = random_file(tmp_path / "t.json", 9)
    cache = tmp_path / "state" / "verified.json"
    size = db.stat().st_size
    parts = split_payments(db.read_bytes())
    assert parts is not None
    first, again = read_glance(db, cache), read_glance(db, cache)
    assert first is not None and again is not None
    assert first.checked and first.bytes_read == size  # checked once: every byte
    assert not again.checked  # then taken from the cache: the payments are not read to be checked
    assert again.contents == first.contents
    assert all(again.index.cells(m) == first.index.cells(m) for m in first.index.months())
    with Store.open(db, today=fixed(TODAY)) as store:  # a new version of the file
        store.add_payment(Payment(0, store.streams()[0].id, TODAY, Decimal("1.00"), ""))
    changed = read_glance(db, cache)
    assert changed is not None and changed.checked and changed.bytes_read == db.stat().st_size
    assert changed.index.count == first.index.count + 1


def test_a_cache_that_does_not_match_the_index_is_not_trusted(tmp_path: Path) -> None:
    db = random_file(tmp_path / "t.json", 3)
    cache = tmp_path / "verified.json"
    now = verified.identity(db)
    assert now is not None
    parts = split_payments(db.read_bytes())
    assert parts is not None
    verified.remember(cache, db, now, (len(parts[1]), 12345))  # the right size, the wrong checksum
    assert read_glance(db, cache) is None
    cache.write_bytes(b"{not json")  # damaged: ignored, then replaced
    glance = read_glance(db, cache)
    assert glance is not None and glance.checked
    assert verified.known(cache, db, now) is not None


def test_a_file_rewritten_by_another_program_is_read_in_full(tmp_path: Path) -> None:
    db = random_file(tmp_path / "t.json", 5)
    db.write_text(json.dumps(json.loads(db.read_bytes())), encoding="utf-8")  # as TinyDB writes it
    assert read_glance(db, tmp_path / "verified.json") is None
    result = invoke(db, "status", today=TODAY.isoformat())
    assert result.exit_code == 0, result.stderr
    assert result.stdout == plain_line(db, TODAY) + "\n"


def test_the_command_prints_the_plain_line_and_then_reads_no_payment(tmp_path: Path) -> None:
    db = random_file(tmp_path / "t.json", 7)
    expected = plain_line(db, TODAY) + "\n"
    assert invoke(db, "status", today=TODAY.isoformat()).stdout == expected
    cache = tmp_path / "state" / "tenfold" / "verified-payments.json"
    assert cache.exists() and cache.stat().st_mode & 0o777 == 0o600
    assert invoke(db, "status", today=TODAY.isoformat()).stdout == expected
    glance = read_glance(db, cache)
    assert glance is not None and not glance.checked


def test_only_the_start_of_a_big_file_is_read(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with Store.open(db, today=fixed(TODAY)) as store:
        stream = store.add_stream(Stream(0, "Books", "ebook", "passive", "EUR"))
        store.add_payments([Payment(0, stream.id, TODAY - timedelta(days=n % 300), Decimal("1.25"), "x" * 40)
                            for n in range(5000)])
    cache = tmp_path / "verified.json"
    assert read_glance(db, cache) is not None
    glance = read_glance(db, cache)
    assert glance is not None and glance.bytes_read < db.stat().st_size // 2
