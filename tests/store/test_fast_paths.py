"""The start-up and save shortcuts give exactly what the plain ways give; counted, never timed.

Each shortcut the benchmark led to (benchmarks/RESULTS.md) is checked against the
slow way it replaced: a payment built from the file equals one built normally, two
stable sorts give the one-key order, the file's bytes are ``orjson.dumps`` of the
document, commands load only when used and ``tenfold --version`` loads no store.
"""

from __future__ import annotations

import copy
import dataclasses
import gc
import importlib
import pickle
import pkgutil
import random
import subprocess
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import orjson
import pytest
from oracles import aggregate, earned_by_idea, stream_trends
from storekit import SRC, fixed

import tenfold.cli
from tenfold.domain.errors import DamagedFileError
from tenfold.domain.ideas import Idea, Rung, newest_first
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.streams import Stream
from tenfold.figures.step_progress import trends_from_index
from tenfold.reports.aggregate import aggregate_index, month_period, year_period
from tenfold.store.file.storage import SerializedTables
from tenfold.store.reading.loading import validate_document
from tenfold.store.store import Store
from tenfold.views.idea_views import arrange, earned_from_totals, sort_ideas


def test_a_payment_from_the_file_is_the_same_object_as_one_built_normally() -> None:
    doc = {"stream_id": 3, "on": "2026-02-28", "amount": "12.50", "note": "n", "customer": "Ann"}
    built = Payment.from_store(7, doc)
    plain = Payment(7, 3, date(2026, 2, 28), Decimal("12.50"), "n", "Ann")
    assert built == plain and hash(built) == hash(plain)
    names = [f.name for f in dataclasses.fields(Payment)]
    assert [getattr(built, n) for n in names] == [getattr(plain, n) for n in names], "every field"
    assert not hasattr(built, "__dict__"), "slots only: a million of them are kept in memory"
    assert pickle.loads(pickle.dumps(built)) == built and copy.deepcopy(built) == built
    assert dataclasses.replace(built, id=8) == Payment(8, 3, date(2026, 2, 28), Decimal("12.50"), "n", "Ann")
    assert Payment.from_store(7, {"stream_id": 3, "on": "2026-02-28", "amount": "1"}) == Payment(
        7, 3, date(2026, 2, 28), Decimal("1"), "", "")
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.amount = Decimal(0)  # type: ignore[misc]
    assert built.to_store() == doc


def test_an_imported_payment_from_the_file_fills_every_slot() -> None:
    """The optional fields an import keeps go through the slots' setters too, and survive pickling."""
    doc = {"stream_id": 3, "on": "2026-02-28", "amount": "-12.50", "note": "n", "customer": "Ann", "currency": "GBP",
           "fee": "0.80", "external_id": "tx-9", "source": "paypal", "refund_of": "tx-1", "refund": True, "units": 2}
    built = Payment.from_store(7, doc)
    plain = Payment(7, 3, date(2026, 2, 28), Decimal("-12.50"), "n", "Ann", currency="GBP", fee=Decimal("0.80"),
                    external_id="tx-9", source="paypal", refund_of="tx-1", refund=True, units=2)
    names = [f.name for f in dataclasses.fields(Payment)]
    assert [getattr(built, n) for n in names] == [getattr(plain, n) for n in names], "every field"
    assert built == plain and hash(built) == hash(plain) and built.to_store() == doc
    assert pickle.loads(pickle.dumps(built)) == built and copy.deepcopy(built) == built
    typed = Payment.from_store(8, {"stream_id": 3, "on": "2026-02-28", "amount": "1", "note": ""})
    assert [getattr(typed, n) for n in names[6:]] == ["", None, "", "", "", False, None], "unset, not missing"
    with pytest.raises(TypeError):
        Payment.from_store(9, {**doc, "refund": "yes"})


def test_an_idea_from_the_file_is_the_same_object_as_one_built_normally() -> None:
    ladder = (Rung(10, "a mailing list", False), Rung(1_000, "a course", True))
    plain = Idea(4, "bakers", "a starter", "a forum", "video", date(2026, 2, 28), 1_000, ladder)
    for idea in (plain, Idea(5, "a", "b", "", "", date(2026, 3, 1))):
        built = Idea.from_store(idea.id, idea.to_store())
        assert built == idea and hash(built) == hash(idea) and vars(built) == vars(idea)
        assert list(vars(built)) == [f.name for f in dataclasses.fields(Idea)], "every field, in order"
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.who = "x"  # type: ignore[misc]
    for bad in ({**plain.to_store(), "who": None}, {**plain.to_store(), "rating": 7},
                {**plain.to_store(), "ladder": [ladder[0].to_store(), ladder[0].to_store()]},
                {**plain.to_store(), "written_on": "2026-02-30"}, {**plain.to_store(), "ladder": "x"}):
        with pytest.raises((KeyError, ValueError, TypeError)):
            Idea.from_store(1, bad)


@pytest.mark.parametrize("bad", [
    {"stream_id": "3", "on": "2026-02-28", "amount": "1.00"},
    {"stream_id": 3, "on": "2026-02-30", "amount": "1.00"},
    {"stream_id": 3, "on": 20260228, "amount": "1.00"},
    {"stream_id": 3, "on": "2026-02-28", "amount": 1.0},
    {"stream_id": 3, "on": "2026-02-28", "amount": "NaN"},
    {"stream_id": 3, "on": "2026-02-28", "amount": "1e20"},
    {"stream_id": 3, "on": "2026-02-28", "amount": "1.00", "note": None},
    {"stream_id": 3, "amount": "1.00"},
])
def test_a_bad_payment_is_still_refused(bad: dict[str, object]) -> None:
    with pytest.raises((KeyError, ValueError, TypeError)):
        Payment.from_store(1, bad)


@pytest.mark.parametrize("enabled", [True, False])
def test_loading_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    good = {"streams": {"1": Stream(1, "S", "other", "passive", "EUR").to_store()},
            "payments": {"1": {"stream_id": 1, "on": "2026-01-01", "amount": "1.00", "note": ""}}}
    bad = {"payments": {"1": {"stream_id": 1, "on": "2026-01-01", "amount": "x", "note": ""}}}
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        validate_document(Path("t.json"), good)
        assert gc.isenabled() is enabled
        with pytest.raises(DamagedFileError):
            validate_document(Path("t.json"), bad)
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_payments_are_newest_first_then_last_entered_first_after_any_history(tmp_path: Path) -> None:
    """The two-sort order at opening, and the kept order after changes, equal the one-key sort."""
    path, rng, day = tmp_path / "t.json", random.Random(5), date(2026, 1, 1)
    with Store.open(path, today=fixed(day)) as store:
        streams = [store.add_stream(Stream(0, f"S{n}", "other", "passive", "EUR")) for n in range(3)]
        days = [day - timedelta(days=rng.randrange(40)) for _ in range(300)]  # many payments share a day
        store.add_payments([Payment(0, rng.choice(streams).id, d, Decimal("1.00"), "") for d in days])
        for p in rng.sample(store.payments(), 40):  # moved to another day: ids no longer follow days
            store.update_payment(dataclasses.replace(p, on=day - timedelta(days=rng.randrange(40))))
        for p in rng.sample(store.payments(), 20):
            store.delete_payment(p.id)
        kept = list(store.payments())
    expected = sorted(kept, key=lambda p: (p.on, p.id), reverse=True)
    assert kept == expected
    with Store.open(path, read_only=True) as reopened:
        assert reopened.payments() == expected


def test_the_joined_tables_are_byte_for_byte_orjson_dumps() -> None:
    """The same bytes as one ``orjson.dumps``, with the payments table moved last (where the index expects it)."""
    rng = random.Random(11)
    document: dict[str, dict[str, object]] = {"meta": {"1": {"schema": 2}}, 'odd "name" é\n': {}}
    kept = SerializedTables()
    for step in range(200):
        name = rng.choice(["payments", "steps", "meta", 'odd "name" é\n', f"t{step % 7}"])
        table = document.setdefault(name, {})
        key = str(rng.randrange(30))
        if rng.random() < 0.3:
            table.pop(key, None)
        else:
            table[key] = {"v": rng.random(), "s": "ü\u2028\"", "n": None, "l": [1, "2"]}
        kept.changed(name)
        payments_last = {k: v for k, v in document.items() if k != "payments"}
        if "payments" in document:
            payments_last["payments"] = document["payments"]
        assert kept.dump(document) == orjson.dumps(payments_last)
    assert SerializedTables().dump({}) == orjson.dumps({})


def test_every_command_module_is_in_the_lazy_list() -> None:
    """A new command module must be added to COMMAND_MODULES, or `tenfold NAME` would not find it."""
    modules = {m.name for m in pkgutil.iter_modules(tenfold.cli.__path__)} - {"common"}
    assert set(tenfold.cli.COMMAND_MODULES.values()) == modules
    tenfold.cli.load_all_commands()
    for name, module in tenfold.cli.COMMAND_MODULES.items():
        command = tenfold.cli.cli.commands[name]
        assert command.callback is not None
        assert importlib.import_module(command.callback.__module__).__name__ == f"tenfold.cli.{module}"


def test_version_loads_no_command_no_store_and_no_textual(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from tenfold.cli import cli\n"
        "try:\n"
        "    cli(['--version'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ('textual', 'rich', 'tenfold.store.store', 'tenfold.cli.report', 'tenfold.cli.serve', 'orjson')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})
    assert result.stdout.splitlines()[-1] == "[]", result.stdout


def test_ideas_newest_first_is_the_order_of_one_sort_by_day_then_id() -> None:
    rng = random.Random(5)
    ideas = [Idea(rng.randrange(1, 10_000), "w", "v", "", "", date(2026, 1, 1) + timedelta(days=rng.randrange(20)))
             for _ in range(500)]
    expected = sorted(ideas, key=lambda i: (i.written_on, i.id), reverse=True)
    assert newest_first(ideas) == expected
    assert sort_ideas(ideas, "newest") == expected
    assert arrange(ideas) == expected and arrange(ideas, only="1k+") == []


def test_figures_from_the_monthly_index_equal_the_plain_passes_over_the_payments() -> None:
    """Step 8's trends, the report's sums and the ideas' earnings now come from the store's index."""
    rng = random.Random(8)
    streams = [Stream(n, f"S{n}", "ebook", "passive", "EUR", idea_id=n % 3 or None) for n in range(1, 6)]
    payments = [Payment(i, rng.randint(1, 5), date(2026, 11, 21) - timedelta(days=rng.randrange(500)),
                        Decimal(rng.randint(1, 99_999)) / 100, "") for i in range(1, 2_000)]
    newest = sorted(payments, key=lambda p: (p.on, p.id), reverse=True)
    index = MonthlyIndex.build(payments)
    for day in (date(2026, 11, 21), date(2026, 1, 1), date(2026, 3, 31), date(2025, 12, 15)):
        assert trends_from_index(index, {1, 2, 5, 9}, day) == stream_trends(newest, {1, 2, 5, 9}, day)
    for period in (None, month_period((2026, 3)), month_period((2026, 1)), year_period(2025, date(2026, 11, 21))):
        assert aggregate_index(index, period) == aggregate(payments, period)
    totals = {s.id: sum(index.series(s.id, index.months()), Decimal(0)) for s in streams if s.idea_id is not None}
    assert earned_from_totals(streams, totals) == earned_by_idea(streams, payments)
