"""The report's measures from the file as the report reads it equal the store's, made from every payment.

With a valid payments' index only the last complete month's payments and those of
the streams with an up-front cost are built (picked out of the payments' bytes);
without one the payments read already are used. Either way the figures must be the
very ones :func:`store_measures` gives, down to each Decimal: random files with
refunds, fees, other currencies with and without rates, customers named in any case
or not at all, units, streams with and without up-front costs, payments added in a
second session, and payments dated after today.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storekit import fixed

from tenfold.domain.freedom import Freedom
from tenfold.domain.hours import HoursEntry
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.figures.measures import Measures
from tenfold.store.payment_scan import payments_in_month, payments_of_streams
from tenfold.store.reading.quick import read_for_report
from tenfold.store.reading.sums import PaymentRows
from tenfold.store.store import Store
from tenfold.views.measures import contents_measures, store_measures

TODAY = date(2026, 11, 21)
NOTES = ["", 'tricky "on":"2026-10-05", ok', '},"9":{"stream_id":1,"on":"2026-10-01"', "ü \\ back"]
CUSTOMERS = ["", "", "Ann", "ann ", " ANN", "Bob", "Chloé"]

Row = tuple[int, int, int, bool, str, str, int | None, int | None, str]
"""One payment drawn: stream, days from today, cents, refund, customer, currency, fee cents, units, note."""
StreamRow = tuple[int, int, str, str]
"""One stream drawn: up-front money, up-front hours, how customers are counted, currency."""

payment_rows = st.lists(
    st.tuples(
        st.integers(0, 3),  # which stream
        st.integers(-420, 20),  # days from today (a few after it)
        st.integers(1, 99999),  # cents
        st.booleans(),  # a refund
        st.sampled_from(CUSTOMERS),
        st.sampled_from(["", "", "GBP", "USD"]),  # the payment's own currency
        st.one_of(st.none(), st.integers(0, 500)),  # fee in cents
        st.one_of(st.none(), st.integers(1, 9)),  # units
        st.sampled_from(NOTES),
    ),
    max_size=60,
)
stream_rows = st.lists(
    st.tuples(st.integers(0, 3000), st.integers(0, 40), st.sampled_from(["each", "platform", "one"]),
              st.sampled_from(["EUR", "GBP"])),
    min_size=4, max_size=4,
)


def _payment(sid: int, row: Row) -> Payment:
    _which, days, cents, refund, customer, currency, fee, units, note = row
    amount = Decimal(cents) / 100
    return Payment(0, sid, TODAY + timedelta(days=days), -amount if refund else amount, note, customer=customer,
                   currency=currency, fee=None if fee is None else Decimal(fee) / 100, refund=refund, units=units)


def _write(path: Path, streams: list[StreamRow], first: list[Row], later: list[Row]) -> None:
    """A file with four streams, rates, bills with an hourly rate, hours, an idea; ``later`` added one by one
    in a second session."""
    with Store.open(path, today=fixed(TODAY)) as store:
        idea = store.add_idea(Idea(0, "readers", "a guide", "a shop", "download", TODAY, rating=1000))
        made = [store.add_stream(Stream(0, f"Stream {n}", "ebook", "passive", currency,
                                        upfront_money=Decimal(money), upfront_hours=Decimal(hours),
                                        upkeep_hours=Decimal(2), idea_id=idea.id if n == 0 else None,
                                        customers=mode, started_on=TODAY - timedelta(days=100 * n)))
                for n, (money, hours, mode, currency) in enumerate(streams)]
        store.add_rate(Rate(0, "GBP", "EUR", Decimal("1.1700"), date(2025, 1, 1)))
        store.add_rate(Rate(0, "EUR", "GBP", Decimal("0.8600"), date(2026, 6, 1)))
        store.set_freedom(Freedom("EUR", Decimal(2000), Decimal(5000), Decimal(40)))
        store.add_hours(HoursEntry(0, made[1].id, TODAY - timedelta(days=40), Decimal(3)))
        store.add_payments([_payment(made[r[0]].id, r) for r in first])
    if later:
        with Store.open(path, today=fixed(TODAY)) as store:
            for r in later:
                store.add_payment(_payment(made[r[0]].id, r))


def _both(path: Path) -> tuple[Measures | None, Measures, str]:
    """The measures as the report makes them, as the store makes them, and where the report found the
    payments: ``bytes`` (the index answered), ``rows`` (summed from the parsed table), ``every`` (all built)."""
    contents, index, payments = read_for_report(path)
    fast = contents_measures(contents, index, payments, TODAY)
    with Store.open(path, read_only=True, today=fixed(TODAY)) as store:
        full = store_measures(store)
    found = "every" if payments is None else "rows" if isinstance(payments, PaymentRows) else "bytes"
    return fast, full, found


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(streams=stream_rows, first=payment_rows, later=payment_rows)
def test_measures_from_the_index_and_a_few_payments_equal_those_from_every_payment(
    streams: list[StreamRow], first: list[Row], later: list[Row],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.json"
        _write(path, streams, first, later)
        fast, full, found = _both(path)
        assert found == "bytes", "the store wrote a matching index"
        assert fast == full
        # The same file rewritten by another program: no index to trust, every payment checked and summed.
        document = json.loads(path.read_bytes())
        other = Path(folder) / "other.json"
        other.write_text(json.dumps(document), encoding="utf-8")
        other.chmod(0o600)
        fast, full, found = _both(other)
        assert found == "rows"
        assert fast == full
        # Days written as 20261121, which Python reads as dates too: left to the usual reading, which
        # builds every payment.
        for record in document["payments"].values():
            record["on"] = record["on"].replace("-", "")
        other.write_text(json.dumps(document), encoding="utf-8")
        fast, full, found = _both(other)
        assert found == ("every" if document["payments"] else "rows")
        assert fast == full


def test_the_figures_compared_are_not_empty(tmp_path: Path) -> None:
    """The comparison above looks at real figures: a payback crossed in a month, a reach with customers."""
    path = tmp_path / "t.json"
    rows: list[Row] = [(0, -d, 20000, False, c, "", None, 2, "") for d, c in ((60, "Ann"), (31, "ann"), (29, "Bob"))]
    _write(path, [(300, 0, "each", "EUR")] * 4, rows, [(0, -25, 5000, True, "Bob", "", None, 1, "")])
    fast, full, found = _both(path)
    assert found == "bytes" and fast == full and fast is not None
    stream_id = next(iter(fast.paybacks))
    assert fast.paybacks[stream_id].paid_back_on == TODAY - timedelta(days=31)
    reach = fast.reach[stream_id]
    assert (reach.customers, reach.payments, reach.deliveries) == (2, 2, 4)  # Bob's refund reaches nobody


def _payments_bytes(path: Path) -> bytes:
    _contents, _index, payments = read_for_report(path)
    assert isinstance(payments, bytes)
    return payments


def test_a_record_in_another_key_order_is_not_missed(tmp_path: Path) -> None:
    """A payment whose keys an older program wrote in another order is not found by the search: the count
    differs from the index's and the caller reads every payment instead of reporting fewer."""
    path = tmp_path / "t.json"
    _write(path, [(300, 0, "each", "EUR")] * 4, [(0, -30, 100, False, "Ann", "", None, None, "")] * 3, [])
    contents, index, payments = read_for_report(path)
    assert isinstance(payments, bytes)
    month = ((TODAY - timedelta(days=30)).year, (TODAY - timedelta(days=30)).month)
    assert payments_in_month(payments, month, index) is not None
    stream_id = next(iter(contents.streams))
    assert payments_of_streams(payments, [stream_id], index) is not None
    table = orjson.loads(payments)
    first = next(iter(table))
    table[first] = dict(reversed(list(table[first].items())))
    reordered = orjson.dumps(table)
    assert payments_in_month(reordered, month, index) is None
    assert payments_of_streams(reordered, [stream_id], index) is None
    assert contents_measures(contents, index, reordered, TODAY) is None


def test_a_damaged_record_found_by_the_search_sends_the_caller_to_the_full_read(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    _write(path, [(300, 0, "each", "EUR")] * 4, [(0, -30, 100, False, "Ann", "", None, None, "")] * 3, [])
    contents, index, payments = read_for_report(path)
    assert isinstance(payments, bytes)
    damaged = payments.replace(b'"amount":"1",', b'"amount":"one"', 1)
    assert contents_measures(contents, index, damaged, TODAY) is None
