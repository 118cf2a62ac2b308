"""Folded months are remembered, and never outlive a change to their month or to the streams."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tenfold.domain.accounts import by_currency
from tenfold.domain.folds import folded
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import Month, MonthlyIndex
from tenfold.domain.streams import Stream

STREAMS = {
    1: Stream(1, "Book", "ebook", "passive", "EUR"),
    2: Stream(2, "ETF", "dividends", "portfolio", "USD"),
    3: Stream(3, "Consulting", "business", "active", "EUR"),
}
MONTHS: list[Month] = [(2026, 9), (2026, 10), (2026, 11)]
KINDS = (None, "passive", "portfolio", "active")


def fresh(index: MonthlyIndex, streams: dict[int, Stream], kind: str | None) -> list[dict[str, Decimal]]:
    return [by_currency(index.month(m), streams, kind) for m in MONTHS]


payment = st.builds(
    lambda sid, month, cents, currency: Payment(0, sid, date(2026, month, 15), Decimal(cents).scaleb(-2), "",
                                                currency=currency),
    st.sampled_from([1, 2, 3]), st.sampled_from([9, 10, 11]), st.integers(-5_000, 50_000),
    st.sampled_from(["", "", "GBP"]),
)
step = st.one_of(
    st.tuples(st.just("add"), payment),
    st.tuples(st.just("remove"), st.integers(0, 50)),
    st.tuples(st.just("drop"), st.sampled_from([1, 2, 3])),
    st.tuples(st.just("kind"), st.sampled_from([1, 2, 3])),
    st.tuples(st.just("fold"), st.sampled_from(KINDS)),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(step, max_size=40))
def test_folds_equal_a_fresh_fold_after_any_changes(steps: list[tuple[str, object]]) -> None:
    index, streams, counted = MonthlyIndex(), dict(STREAMS), []
    for what, arg in steps:
        if what == "add" and isinstance(arg, Payment):
            index.add(arg)
            counted.append(arg)
        elif what == "remove" and counted and isinstance(arg, int):
            index.remove(counted.pop(arg % len(counted)))
        elif what == "drop" and isinstance(arg, int):
            index.drop_stream(arg)
            counted = [p for p in counted if p.stream_id != arg]
        elif what == "kind" and isinstance(arg, int) and arg in streams:
            kinds = ("passive", "active", "portfolio")
            stream = streams[arg]
            streams[arg] = dataclasses.replace(stream, kind=kinds[(kinds.index(stream.kind) + 1) % 3])
        for kind in KINDS:
            assert folded(index, MONTHS, streams, kind) == fresh(index, streams, kind), (what, kind)


def test_a_payment_forgets_only_its_own_month() -> None:
    index = MonthlyIndex()
    index.add(Payment(0, 1, date(2026, 10, 3), Decimal("10.00"), ""))
    index.add(Payment(0, 1, date(2026, 11, 3), Decimal("5.00"), ""))
    assert folded(index, MONTHS, STREAMS, "passive") == [{}, {"EUR": Decimal("10.00")}, {"EUR": Decimal("5.00")}]
    october = index.folds[(2026, 10)]
    index.add(Payment(0, 1, date(2026, 11, 4), Decimal("1.00"), ""))
    assert (2026, 11) not in index.folds and index.folds[(2026, 10)] is october
    assert folded(index, MONTHS, STREAMS, "passive")[2] == {"EUR": Decimal("6.00")}


def test_what_is_handed_out_is_a_copy() -> None:
    index = MonthlyIndex()
    index.add(Payment(0, 1, date(2026, 11, 3), Decimal("5.00"), ""))
    folded(index, MONTHS, STREAMS)[2]["EUR"] += Decimal(1)
    assert folded(index, MONTHS, STREAMS)[2] == {"EUR": Decimal("5.00")}
