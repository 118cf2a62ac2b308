"""The report's sums of a table read without its index equal the index of the payments built one by one.

:func:`monthly_sums` checks and sums the payments without building them; it must
give the very index :meth:`MonthlyIndex.build` gives for what ``validate_payments``
builds (months and accounts in the same order, each Decimal the same, down to its
exponent), and never an index for a table that would not build: the report then
reads the file the usual way and names the damaged record with the usual words.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from tenfold.domain.errors import DamagedFileError
from tenfold.domain.monthly import MonthlyIndex
from tenfold.store.reading.loading import read_contents, validate_payments
from tenfold.store.reading.quick import read_for_report
from tenfold.store.reading.sums import monthly_sums, pick

STREAMS = {1, 2, 3}
BAD_VALUES: dict[str, list[Any]] = {
    "stream_id": ["1", 1.0, True, None, 99, -1, [1]],
    "on": ["2026-02-30", "2026-13-01", 20260101, "", None, "yesterday", ["2026-01-01"], "20260105", "2026-W01-1"],
    "amount": ["NaN", "Infinity", "1e999", "1e2", "1,50", "", 1.5, None, "x", {"v": 1}, "999999999999.999",
               "-1000000000000", " 5", "5 ", "1_000", "--5", "1.2.3", "-", ".", "5.", ".5", "007", "-0",
               "0.000000001", "123456789012", "12345678901"],
    "note": [1, None, ["n"]],
    "customer": [0, False, {}],
    "currency": ["usd", "EURO", 5],
    "fee": ["x", 1.5, "NaN", "1e-30"],
    "refund": ["yes", 1, None],
    "external_id": [7],
    "source": [None],
    "refund_of": [3],
    "units": [0, 2, "3", True],
}


def _table(rng: random.Random, size: int = 120) -> dict[str, dict[str, Any]]:
    """Typed payments, some with a customer, and imported ones: other currencies, fees, refunds."""
    return {
        str(n): {"stream_id": rng.choice([1, 2, 3]), "on": f"202{rng.randrange(5, 7)}-{rng.randrange(1, 13):02d}-"
                 f"{rng.randrange(1, 29):02d}", "amount": rng.choice([f"{rng.randrange(-500, 50000) / 100:.2f}",
                                                                        str(rng.randrange(1, 90)), "12.5"]),
                 "note": rng.choice(["", "ü", '"on":"2026-01-01"'])}
        | ({"customer": "ACME"} if n % 3 == 0 else {})
        | ({"currency": "GBP", "fee": "0.30", "external_id": f"t{n}", "source": "paypal"} if n % 7 == 0 else {})
        | ({"fee": "1.05"} if n % 13 == 0 else {})
        | ({"refund": True, "refund_of": "t7", "amount": "-3.00"} if n % 11 == 0 else {})
        for n in rng.sample(range(1, 10 * size), size)
    }


def _state(index: MonthlyIndex) -> tuple[object, ...]:
    """Everything the index answers, in its own order: months, cells (sums and counts), extras, last days."""
    return (
        [(m, list(index.cells(m).items()), list(index.extras(m).items())) for m in index.months()],
        list(index.last_paid([]).items()),
        index.count,
        [[(a, v.as_tuple()) for a, v in index.month(m).items()] for m in index.months()],
    )


def _built(table: dict[str, Any]) -> MonthlyIndex | None:
    try:
        return MonthlyIndex.build(validate_payments(Path("t.json"), table, STREAMS).values())
    except DamagedFileError:
        return None


@pytest.mark.parametrize("seed", range(8))
def test_the_sums_are_the_index_of_the_payments_built(seed: int) -> None:
    table = _table(random.Random(seed))
    fast = monthly_sums(table, STREAMS)
    built = _built(table)
    assert fast is not None and built is not None
    assert _state(fast) == _state(built)


def test_an_empty_table_sums_to_an_empty_index() -> None:
    fast = monthly_sums({}, STREAMS)
    assert fast is not None and _state(fast) == _state(MonthlyIndex())


def test_the_sums_never_answer_for_a_table_that_would_not_build() -> None:
    rng = random.Random(11)
    good = _table(rng, 60)
    answered = 0
    for _ in range(900):
        table: dict[str, Any] = {k: dict(v) for k, v in good.items()}
        key = rng.choice(list(table))
        roll = rng.random()
        if roll < 0.75:
            field = rng.choice(list(BAD_VALUES))
            table[key][field] = rng.choice(BAD_VALUES[field])
        elif roll < 0.85:
            del table[key][rng.choice(["stream_id", "on", "amount", "note"])]
        elif roll < 0.95:
            table[rng.choice(["01", " 5", "-3", "1.0", "x", "1" * 19, "٣", "0", str(2**63)])] = table.pop(key)
        else:
            table[key] = rng.choice([[], "record", None])
        fast = monthly_sums(table, STREAMS)
        if fast is not None:
            built = _built(table)
            assert built is not None, f"summed a table that does not build: {table.get(key, key)}"
            assert _state(fast) == _state(built)
            answered += 1
    assert answered > 50, "changes that still build (a note dropped, a plain amount) are summed here too"


def test_picked_payments_are_those_of_the_month_and_of_the_streams_in_the_tables_order() -> None:
    table = _table(random.Random(3))
    # An imported payment whose day is written another way ISO allows.
    table["7"] = {"stream_id": 2, "on": "20261105", "amount": "1.00", "note": "", "source": "x"}
    every = list(validate_payments(Path("t.json"), table, STREAMS).values())
    in_month, of_streams = pick(table, (2026, 11), {3})
    assert in_month == [p for p in every if (p.on.year, p.on.month) == (2026, 11)]
    assert of_streams == [p for p in every if p.stream_id == 3]
    assert any(p.id == 7 for p in in_month)


def _rewritten(tmp_path: Path, payments: dict[str, Any], rates: dict[str, Any] | None = None) -> Path:
    """A current file as another program writes it (no payments' index), with these payments."""
    document = {
        "meta": {"1": {"schema_version": 6}},
        "streams": {str(n): {"name": f"S{n}", "category": "other", "kind": "passive", "currency": "EUR",
                             "cadence": "monthly", "expected": None, "upfront_money": "0", "upfront_hours": "0",
                             "upkeep_hours": "0", "idea_id": None} for n in (1, 2, 3)},
        "payments": payments,
        "rates": rates or {},
    }
    path = tmp_path / "data.json"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    path.chmod(0o600)
    return path


def test_a_file_without_its_index_is_summed_as_its_payments_are(tmp_path: Path) -> None:
    table = _table(random.Random(4))
    path = _rewritten(tmp_path, table)
    contents, index, source = read_for_report(path)
    full = read_contents(path)
    assert source == table and not contents.payments
    assert _state(index) == _state(MonthlyIndex.build(full.payments.values()))
    assert contents.streams == full.streams


@pytest.mark.parametrize(("field", "value"), [("amount", "1e999"), ("on", "2026-02-30"), ("stream_id", 99),
                                             ("note", 5), ("amount", "1e2")])
def test_a_damaged_or_odd_payment_is_read_the_usual_way(tmp_path: Path, field: str, value: object) -> None:
    """A damaged payment is named as the full read names it, before a damaged rate after it in the file;
    an odd one that builds (an amount written 1e2) is read the usual way, every payment built."""
    table = _table(random.Random(6))
    table[next(iter(table))][field] = value
    path = _rewritten(tmp_path, table)
    try:
        full = read_contents(path)
    except DamagedFileError as exc:
        with pytest.raises(DamagedFileError) as raised:
            read_for_report(path)
        assert str(raised.value) == str(exc)
        rated = _rewritten(tmp_path, table, rates={"1": {"bad": True}})
        with pytest.raises(DamagedFileError) as raised:
            read_for_report(rated)
        assert str(raised.value) == str(exc)  # the payment, not the rate after it
        return
    contents, index, source = read_for_report(path)
    assert source is None and contents.payments == full.payments
    assert _state(index) == _state(MonthlyIndex.build(full.payments.values()))
