"""``tenfold status`` from the index: the same line as from every payment, without reading them again.

The plain way is the store opened in full and this month's counted payments
summed (``month_totals`` over the streams as the goal counts them, pauses kept
out of the streak); the glance reads the tables before the payments and
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

from tenfold.domain.goal import Goal, as_counted
from tenfold.domain.ledger import Payment
from tenfold.domain.pauses import Pause, paused_days
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.figures.status import counted_this_month, status_line
from tenfold.figures.totals import month_totals
from tenfold.store.payment_index import fingerprint, split_payments
from tenfold.store.reading import verified
from tenfold.store.reading.quick import read_glance
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)


def random_file(path: Path, seed: int) -> Path:
    """Streams of every kind in three currencies, payments over two years (some in the future, some in
    a currency other than their stream's), a rate, check-ins around a planned pause; odd seeds' goals
    count portfolio income."""
    rng = random.Random(seed)
    with Store.open(path, today=fixed(TODAY)) as store:
        store.set_goal(Goal("Rent from royalties", Decimal("900.00"), "EUR", date(2028, 1, 1), date(2025, 1, 1),
                            portfolio_counts=seed % 2 == 1))
        streams = [store.add_stream(Stream(0, f"S{n}", "ebook", kind, currency))
                   for n, (kind, currency) in enumerate([("passive", "EUR"), ("passive", "USD"), ("active", "EUR"),
                                                         ("portfolio", "GBP"), ("passive", "GBP")])]
        store.add_rate(Rate(0, "USD", "EUR", Decimal("0.92"), date(2025, 1, 1)))
        store.add_payments([Payment(0, rng.choice(streams).id, TODAY - timedelta(days=rng.randrange(-20, 700)),
                                    Decimal(rng.randrange(1, 500_000)) / 100, "",
                                    currency=rng.choice(["", "", "USD"])) for _ in range(400)])
        store.add_pause(Pause(0, TODAY - timedelta(days=5), TODAY - timedelta(days=3)))
        store.tick(1, TODAY)
    for back in (*range(0, 3), *range(6, 12)):  # a save each day, with three days off in between, planned
        with Store.open(path, today=fixed(TODAY - timedelta(days=back))) as store:
            store.save_draft("note", {"text": str(back)})
    return path


def plain_line(path: Path, today: date) -> str:
    """The status line the obvious way: every payment read, this month's counted ones summed."""
    with Store.open(path, read_only=True) as store:
        counted = as_counted(store.streams(), store.goal)
        passive = month_totals(store.payments(), counted, today.year, today.month, kind="passive")
        return status_line(goal=store.goal, passive=passive, steps=store.steps(), checkins=store.checkins(),
                           today=today, rates=store.rates(), paused=paused_days(store.pauses()))


def glance_line(path: Path, cache: Path, today: date) -> str:
    glance = read_glance(path, cache)
    assert glance is not None
    contents = glance.contents
    with Store.open(path, read_only=True) as store:  # the steps as the store fills them in
        steps = store.steps()
    passive = counted_this_month(glance.index.month((today.year, today.month)), contents.streams.values(),
                                 contents.goal)
    return status_line(goal=contents.goal, passive=passive, steps=steps, checkins=contents.checkins, today=today,
                       rates=list(contents.rates.values()), paused=paused_days(contents.pauses.values()))


@pytest.mark.parametrize("seed", range(4))
def test_the_glance_gives_the_plain_line_for_any_month(tmp_path: Path, seed: int) -> None:
    db = random_file(tmp_path / "t.json", seed)
    cache = tmp_path / "state" / "verified.json"
    assert "streak 9 days" in plain_line(db, TODAY)  # the planned pause kept it unbroken
    for today in (TODAY, TODAY - timedelta(days=40), TODAY - timedelta(days=400), TODAY + timedelta(days=15)):
        assert glance_line(db, cache, today) == plain_line(db, today)


def test_an_index_edited_by_hand_is_not_trusted_even_once_the_payments_were_checked(tmp_path: Path) -> None:
    """The checksum covers the index too: a remembered check of the payments does not vouch for it."""
    db = random_file(tmp_path / "t.json", 2)
    cache = tmp_path / "verified.json"
    assert read_glance(db, cache) is not None
    raw = db.read_bytes()
    parts = split_payments(raw)
    assert parts is not None
    totals = raw.index(b'["', raw.index(b'"months":{'))  # a month's totals: a list of texts
    db.write_bytes(raw[:totals + 2] + b"9" + raw[totals + 2:])  # one sum made larger, the payments as they were
    now = verified.identity(db)
    assert now is not None
    verified.remember(cache, db, now, fingerprint(parts[1]))  # the payments' true fingerprint, for this version
    assert read_glance(db, cache) is None


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


@pytest.mark.parametrize("seed", range(4))
def test_the_start_read_in_one_go_is_the_start_found_by_searching(tmp_path: Path, seed: int) -> None:
    """Once the payments' length is known, the table's start is read at its place; a length that does not put
    the payments' key there (the file changed) gives None, never other bytes."""
    from tenfold.store.reading.quick import _prefix

    path = random_file(tmp_path / "t.json", seed)
    size = path.stat().st_size
    searched = _prefix(path, size)
    assert searched is not None
    at_once = _prefix(path, size, searched[1])
    assert at_once is not None and at_once[:2] == searched[:2] and at_once[2] <= searched[2]
    assert _prefix(path, size, searched[1] + 1) is None
    assert _prefix(path, size, searched[1] - 1) is None
    assert _prefix(path, size, size) is None
