"""Data sets for the benchmark, made through the real store and cached between runs.

Streams, the goal and the steps go through the store's public methods. The
payments, ideas and check-ins - up to a million records - are made in the store's
own record format (``Payment.to_store``, ``Idea.to_store``) and written into the
document with the store's own ``atomic_write``: a million ``add_payment`` calls,
or even one ``add_payments`` batch, would take minutes. The file is then opened
with ``Store.open``, so every record passes the same validation as a user's file,
and saved once by it (``save_payment_index``, as the app does for a file without
an index), so it is laid out exactly as every file Tenfold saves.

Everything is seeded, so two runs measure the same data. Dates end at ``today``
so "this month" in the app has income in it, as it would for a real user.

Building the million-payment file takes about a minute; it is kept in a cache
folder outside the repository (``TENFOLD_BENCH_CACHE``, default
``/tmp/tenfold-bench-cache``), keyed by :data:`GENERATOR_VERSION`, the schema version, the spec and
the day, and copied from there.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import orjson

from tenfold.domain.goal import Goal
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import CATEGORIES, Stream
from tenfold.store.file.atomic import atomic_write
from tenfold.store.file.document import load_document
from tenfold.store.payment_index import FORMAT as INDEX_FORMAT
from tenfold.store.schema import SCHEMA_VERSION
from tenfold.store.store import Store

GENERATOR_VERSION = 2
"""Bump when what :func:`build` makes changes: cached files of other versions are not used."""
CACHE = Path(os.environ.get("TENFOLD_BENCH_CACHE", "/tmp/tenfold-bench-cache"))


@dataclass(frozen=True)
class Spec:
    """How much of everything a data set holds."""

    name: str
    streams: int
    payments: int
    ideas: int
    checkin_days: int
    years: int
    goal: bool = True

    @property
    def key(self) -> str:
        """The part of a cached file's name that says what is in it."""
        return f"{self.streams}s-{self.payments}p-{self.ideas}i-{self.checkin_days}c-{self.years}y-{int(self.goal)}g"


EMPTY = Spec("empty", 0, 0, 0, 0, 0, goal=False)


def heavy(payments: int) -> Spec:
    """A heavy user's ten years (200 streams, 5,000 ideas, a check-in every day) with ``payments`` payments.

    Only the number of payments changes between the sizes of the scale table, so
    its rows show what the payments alone cost.
    """
    label = f"{payments // 1_000_000}M" if payments >= 1_000_000 else f"{payments // 1000}k"
    return Spec(label, 200, payments, 5_000, 3_650, 10)


SIZES = (1_000, 10_000, 100_000, 300_000, 1_000_000)
SPECS = {"empty": EMPTY, **{heavy(n).name: heavy(n) for n in SIZES}}

CURRENCIES = ("EUR", "EUR", "EUR", "USD", "GBP")
KIND_CYCLE = ("passive", "passive", "passive", "portfolio", "active")
WORDS = (
    "newsletter readers", "colleagues", "local bakeries", "parents of toddlers", "hobby gardeners",
    "freelance designers", "students", "small landlords", "indie game makers", "retired teachers",
)


def _streams(spec: Spec) -> list[Stream]:
    return [
        Stream(0, f"{CATEGORIES[i % len(CATEGORIES)].title()} {i + 1:03d}", CATEGORIES[i % len(CATEGORIES)],
               KIND_CYCLE[i % len(KIND_CYCLE)], CURRENCIES[i % len(CURRENCIES)])
        for i in range(spec.streams)
    ]


def _payment_rows(rng: random.Random, spec: Spec, stream_ids: list[int], today: date) -> dict[str, object]:
    """The payments table, ids 1..N, each record made by ``Payment.to_store`` (amounts exact, never floats)."""
    days = max(1, spec.years * 365)
    dates = [today - timedelta(days=n) for n in range(days)]
    rows: dict[str, object] = {}
    for n in range(spec.payments):
        note = "" if n % 3 else f"invoice {n:06d}"
        amount = Decimal(rng.randint(100, 250_000)).scaleb(-2)
        rows[str(n + 1)] = Payment(n + 1, rng.choice(stream_ids), dates[rng.randrange(days)], amount, note).to_store()
    return rows


def _ideas(rng: random.Random, spec: Spec, today: date) -> list[Idea]:
    days = max(1, spec.years * 365)
    return [
        Idea(
            0,
            f"{rng.choice(WORDS)} #{n}",
            "A short guide that saves them an afternoon of searching, written once and kept up to date.",
            "A landing page, a newsletter swap with two related writers, a post in their forum.",
            "Sold as a download; payment and delivery are automatic.",
            today - timedelta(days=rng.randrange(days)),
        )
        for n in range(spec.ideas)
    ]


def build(spec: Spec, path: Path, today: date, seed: int = 7) -> Path:
    """Create the data file for ``spec`` at ``path`` (which must not exist yet)."""
    rng = random.Random(seed)
    clock: Callable[[], date] = lambda: today  # noqa: E731 - a fixed clock, as the tests use
    with Store.open(path, today=clock) as store:
        if spec.goal:
            store.set_goal(Goal("Pay the rent from royalties and dividends.", Decimal("3000.00"), "EUR",
                                today + timedelta(days=700), today - timedelta(days=spec.years * 365)))
            store.tick(1, today - timedelta(days=30))
            store.tick(2, today - timedelta(days=20))
        ids = [store.add_stream(s).id for s in _streams(spec)]
    if spec.payments or spec.ideas or spec.checkin_days:
        document = load_document(path)
        if spec.payments:
            document.pop("payments", None)
            document["payments"] = _payment_rows(rng, spec, ids, today)
        document["ideas"] = {str(n + 1): idea.to_store() for n, idea in enumerate(_ideas(rng, spec, today))}
        days = {today - timedelta(days=n) for n in range(spec.checkin_days)}
        days |= {date.fromisoformat(d["on"]) for d in document.get("checkins", {}).values()}
        document["checkins"] = {str(n + 1): {"on": d.isoformat()} for n, d in enumerate(sorted(days))}
        atomic_write(path, orjson.dumps(document))
        del document
        # Opened in full (every record validated) and saved once: laid out as Tenfold saves it, with its index.
        with Store.open(path, today=clock) as store:
            assert store.payment_count() == spec.payments
            store.save_payment_index()
    return path


def cached(spec: Spec, today: date) -> Path:
    """The data file for ``spec`` in the cache folder, built the first time it is asked for."""
    # The schema too: a file cached before a schema change is migrated by every command that
    # writes it, and each run would time a migration (and its backup) instead of the command.
    folder = CACHE / f"v{GENERATOR_VERSION}-schema{SCHEMA_VERSION}"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    # The index's format is in the name: a file whose index is of an older format is read in
    # full and saved again by the program, which is not what a user's file costs.
    path = folder / f"{spec.key}-{today.isoformat()}-index{INDEX_FORMAT}.json"
    if not path.exists():
        for old in folder.glob(f"{spec.key}-*-index{INDEX_FORMAT}.json"):  # another day's copy: dates would be off
            old.unlink()
        work = folder / f"building-{os.getpid()}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(mode=0o700)
        try:
            built = build(spec, work / "data.json", today)
            os.replace(built, path)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return path


def copy_of(spec: Spec, folder: Path, today: date, name: str | None = None) -> Path:
    """A private copy of the cached file in ``folder``: measurements that save change it."""
    target = folder / f"{name or spec.name}.json"
    shutil.copyfile(cached(spec, today), target)
    os.chmod(target, 0o600)
    return target


if __name__ == "__main__":  # quick check: python benchmarks/datasets.py [NAME ...]
    import sys
    import time

    for key in sys.argv[1:] or list(SPECS):
        started = time.perf_counter()
        made = cached(SPECS[key], date.today())
        print(f"{key}: {made} {made.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")
