"""Data sets for the benchmark, generated through the real store in a few seconds.

Streams, the goal and the steps go through the store's public methods, payments
through ``Store.add_payments`` (one file write for all of them, as an import would
do). Ideas and check-ins have no batch method, and 5,000 separate saves of a
growing file would take minutes, so those two tables are added to the document
directly with the store's own ``atomic_write``; the store then saves the file once
(``save_payment_index``, as the app does for a file that has no index), so it is
laid out as every file Tenfold saves, and it is opened with ``Store.open`` so
every record passes the same validation as a user's file.

Everything is seeded, so two runs measure the same data. Dates end at ``today``
so "this month" in the app has income in it, as it would for a real user.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import orjson

from tenfold.domain.goal import Goal
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import CATEGORIES, Payment, Stream
from tenfold.store.file.atomic import atomic_write
from tenfold.store.file.document import load_document
from tenfold.store.store import Store


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


EMPTY = Spec("empty", 0, 0, 0, 0, 0, goal=False)
TYPICAL = Spec("typical year", 5, 300, 100, 200, 1)
TEN_YEARS = Spec("ten years", 200, 100_000, 5_000, 3_650, 10)
SPECS = {"empty": EMPTY, "typical": TYPICAL, "ten_years": TEN_YEARS}

CURRENCIES = ("EUR", "EUR", "EUR", "USD", "GBP")
KIND_CYCLE = ("passive", "passive", "passive", "portfolio", "active")
WORDS = (
    "newsletter readers", "colleagues", "local bakeries", "parents of toddlers", "hobby gardeners",
    "freelance designers", "students", "small landlords", "indie game makers", "retired teachers",
)


def _amount(rng: random.Random) -> Decimal:
    """A payment between 1.00 and 2,500.00, exact to the cent (never via a float)."""
    cents = rng.randint(100, 250_000)
    return Decimal(cents).scaleb(-2)


def _streams(spec: Spec) -> list[Stream]:
    return [
        Stream(0, f"{CATEGORIES[i % len(CATEGORIES)].title()} {i + 1:03d}", CATEGORIES[i % len(CATEGORIES)],
               KIND_CYCLE[i % len(KIND_CYCLE)], CURRENCIES[i % len(CURRENCIES)])
        for i in range(spec.streams)
    ]


def _payments(rng: random.Random, spec: Spec, stream_ids: list[int], today: date) -> list[Payment]:
    days = max(1, spec.years * 365)
    out = []
    for n in range(spec.payments):
        on = today - timedelta(days=rng.randrange(days))
        note = "" if n % 3 else f"invoice {n:06d}"
        out.append(Payment(0, rng.choice(stream_ids), on, _amount(rng), note))
    return out


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
        if spec.payments:
            store.add_payments(_payments(rng, spec, ids, today))
    if spec.ideas or spec.checkin_days:
        _add_ideas_and_checkins(path, spec, rng, today)
        with Store.open(path, today=clock) as store:  # laid out as Tenfold saves it, with its payments' index
            store.save_payment_index()
    with Store.open(path, read_only=True, today=clock) as check:  # every record must validate
        assert len(check.payments()) == spec.payments
    return path


def _add_ideas_and_checkins(path: Path, spec: Spec, rng: random.Random, today: date) -> None:
    """Write the two tables straight into the document (one durable write)."""
    document = load_document(path)
    document["ideas"] = {str(n + 1): idea.to_store() for n, idea in enumerate(_ideas(rng, spec, today))}
    days = {today - timedelta(days=n) for n in range(spec.checkin_days)}
    days |= {date.fromisoformat(d["on"]) for d in document.get("checkins", {}).values()}
    document["checkins"] = {str(n + 1): {"on": d.isoformat()} for n, d in enumerate(sorted(days))}
    atomic_write(path, orjson.dumps(document))


def build_all(folder: Path, today: date, names: tuple[str, ...] = tuple(SPECS)) -> dict[str, Path]:
    """Build the named data sets in ``folder``; returns name -> data file."""
    return {name: build(SPECS[name], folder / f"{name}.json", today) for name in names}


if __name__ == "__main__":  # quick check: python benchmarks/datasets.py /tmp/folder
    import sys
    import time

    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    for key, spec in SPECS.items():
        started = time.perf_counter()
        made = build(spec, target / f"{key}.json", date.today())
        print(f"{spec.name}: {made} {made.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s")
