"""The report's sums of a payments table without an index equal the sums of every payment built.

:func:`sum_payments` checks and adds up a parsed payments table without building the
payments; it must never take a table the usual reading (:func:`validate_payments`)
refuses, and when it takes one, its index must be :meth:`MonthlyIndex.build` of the
built payments to the last digit of each Decimal (``100`` and ``1E+2`` are equal
numbers but print differently). Generated tables mix records as Tenfold writes them
with imported ones (currencies, fees, refunds, units), damaged fields of every kind,
records that are not objects, and keys that are not ids or are one id twice.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tenfold.domain.errors import DamagedFileError
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.store.reading.loading import validate_payments
from tenfold.store.reading.sums import PaymentRows, sum_payments

STREAMS = (1, 2, 5)
PATH = Path("payments.json")

days = st.dates(min_value=date(2019, 1, 1), max_value=date(2027, 12, 31)).map(date.isoformat)
amounts = st.one_of(
    st.decimals(min_value=-10**6, max_value=10**6, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["0", "-0", "0.000", "5", "1E+2", "1e-30", "12.5000", "999999999999.99", "-999999999999.99"]),
)
texts = st.sampled_from(["", "", "Ann", "a note", 'say "hi"', "ü"])
typed = st.fixed_dictionaries(
    {"stream_id": st.sampled_from(STREAMS), "on": days, "amount": amounts, "note": texts},
    optional={"customer": texts},
)
imported = st.fixed_dictionaries(
    {"stream_id": st.sampled_from(STREAMS), "on": days, "amount": amounts},
    optional={
        "note": texts, "customer": texts, "currency": st.sampled_from(["", "GBP", "USD"]),
        "fee": st.sampled_from(["0", "1.50", "0.3"]), "refund": st.booleans(), "units": st.integers(1, 9),
        "external_id": texts, "source": st.sampled_from(["", "paypal"]), "refund_of": texts,
        "extra": st.integers(0, 3),  # a field no version of Tenfold wrote: accepted and ignored
    },
)
ODD_VALUES: list[Any] = [
    None, True, False, 0, 3, 7, 1.5, -1, "", "x", [], [1], {}, {"a": 1},
    "20260105", "2026-02-30", "2026-1-05", "2026-W01-1", " 2026-01-05", "2026-01-05T00:00",
    "NaN", "sNaN", "Infinity", "-Infinity", "1E+20", "999999999999.991", " 5", "1_000", "abc", "GBPX", "gbp",
    10_000_001,
]
FIELDS = ["stream_id", "on", "amount", "note", "customer", "currency", "fee", "refund", "units", "external_id"]


@st.composite
def odd(draw: st.DrawFn) -> Any:
    """A record with one field damaged, missing or odd; or something that is no record at all."""
    if draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from([None, 3, "text", [1, 2, 3, 4], ["stream_id", "on", "amount", "note"]]))
    record = dict(draw(st.one_of(typed, imported)))
    name = draw(st.sampled_from(FIELDS))
    if draw(st.booleans()):
        record.pop(name, None)
    else:
        record[name] = draw(st.sampled_from(ODD_VALUES))
    return record


ids = st.integers(0, 400).map(str)
odd_keys = st.sampled_from(["07", "7", "+7", " 8", "8 ", "-1", "x", "", "1,2", "9223372036854775807",
                            "9223372036854775808", "99999999999999999999", "٣"])
good_rows = st.lists(st.tuples(ids, st.one_of(typed, typed, imported)), max_size=40)


@st.composite
def any_tables(draw: st.DrawFn) -> dict[str, Any]:
    """A table of good records with, in most, a few odd keys or records put among them."""
    rows = draw(good_rows)
    for _ in range(draw(st.sampled_from([0, 1, 1, 2, 3]))):
        row = draw(st.one_of(st.tuples(odd_keys, st.one_of(typed, imported)), st.tuples(ids, odd())))
        rows.insert(draw(st.integers(0, len(rows))), row)
    return dict(rows)


good_tables = good_rows.map(dict)


def _exact(index: MonthlyIndex) -> tuple[object, ...]:
    """Everything an index tells, with each Decimal as its text (its exponent too)."""
    months = index.months()
    cells = [{a: (str(t), n) for a, (t, n) in index.cells(m).items()} for m in months]
    extras = [{a: (str(e.fee), e.fees, str(e.refunded), e.refunds) for a, e in index.extras(m).items()}
              for m in months]
    return months, cells, extras, index.count, index.last_paid([]), index.changed


def _same_payments(found: list[Payment], expected: list[Payment]) -> bool:
    return sorted(found, key=lambda p: p.id) == sorted(expected, key=lambda p: p.id)


def _check(table: dict[str, Any]) -> tuple[MonthlyIndex, PaymentRows] | None:
    """:func:`sum_payments` of ``table`` held to the usual reading; its result."""
    summed = sum_payments(table, STREAMS)
    try:
        built = validate_payments(PATH, table, set(STREAMS))
    except DamagedFileError:
        assert summed is None, "a table the usual reading refuses is never summed"
        return None
    if summed is None:
        return None
    index, rows = summed
    payments = list(built.values())
    assert _exact(index) == _exact(MonthlyIndex.build(payments))
    for month in {(p.on.year, p.on.month) for p in payments} | {(2030, 1)}:
        assert _same_payments(rows.in_month(month), [p for p in payments if (p.on.year, p.on.month) == month])
    for wanted in ([1], [2, 5], [9]):
        assert _same_payments(rows.of_streams(wanted), [p for p in payments if p.stream_id in wanted])
    return summed


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=any_tables())
def test_a_table_is_summed_only_as_the_built_payments_add_up(table: dict[str, Any]) -> None:
    _check(table)


@settings(max_examples=200, deadline=None)
@given(table=good_tables)
def test_tables_as_tenfold_and_importers_write_them_are_summed(table: dict[str, Any]) -> None:
    """Records as the store writes them, imported ones among them: summed here, not left to the usual reading."""
    assert _check(table) is not None


def test_two_keys_of_one_id_are_left_to_the_usual_reading() -> None:
    """``"7"`` and ``"07"`` are one payment to the usual reading (the last one kept): not summed twice."""
    record = {"stream_id": 1, "on": "2026-01-05", "amount": "5", "note": ""}
    assert sum_payments({"7": record, "07": dict(record, amount="6")}, STREAMS) is None
    assert sum_payments({"7": record, "08": record}, STREAMS) is not None


def test_a_payment_of_a_missing_stream_or_with_a_bad_amount_is_not_summed() -> None:
    record = {"stream_id": 1, "on": "2026-01-05", "amount": "5", "note": ""}
    assert sum_payments({"1": record}, STREAMS) is not None
    for damaged in ({"stream_id": 4}, {"amount": "NaN"}, {"amount": "1E+20"}, {"on": "2026-02-30"}):
        assert sum_payments({"1": record, "2": dict(record, **damaged)}, STREAMS) is None


def test_sums_keep_the_exponent_the_usual_sums_give() -> None:
    """``0 + 1E+2`` is ``100``: the first amount of a month is added to zero, as :meth:`MonthlyIndex.add` does."""
    table = {"1": {"stream_id": 1, "on": "2026-01-05", "amount": "1E+2", "note": ""},
             "2": {"stream_id": 2, "on": "2026-01-06", "amount": "-0", "note": ""}}
    summed = sum_payments(table, STREAMS)
    assert summed is not None
    cells = summed[0].cells((2026, 1))
    assert (str(cells[1][0]), str(cells[2][0])) == ("100", "0")
    assert summed[0].month((2026, 1))[1] == Decimal(100)


def test_a_day_written_another_way_is_left_to_the_usual_reading() -> None:
    """Python reads ``20260105`` as a day too, but as text it sorts after ``2026-01-31``: the last day
    of a stream is found among texts, so only days written ``YYYY-MM-DD`` are summed here."""
    table = {"1": {"stream_id": 1, "on": "2026-01-31", "amount": "5", "note": ""},
             "2": {"stream_id": 1, "on": "20260105", "amount": "5", "note": ""}}
    assert _check(table) is None
    assert validate_payments(PATH, table, set(STREAMS))  # a table the usual reading takes
