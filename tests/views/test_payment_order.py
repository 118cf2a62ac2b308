"""Sorting and filtering payments, and the text charts; figures checked by hand."""

from __future__ import annotations

import bisect
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.figures.charts import Bar, bar_chart, compact, month_label, sparkline
from tenfold.store.store import Store
from tenfold.views.payment_order import FOLLOW_AT_MOST, PaymentOrder, next_sort

NAMES = {1: "Ebook royalties", 2: "ETF dividends", 3: "Blog ads"}


def pay(pid: int, sid: int, on: str, amount: str, note: str = "", customer: str = "") -> Payment:
    return Payment(pid, sid, date.fromisoformat(on), Decimal(amount), note, customer)


# Newest first, as the store keeps them.
BASE = [
    pay(5, 3, "2026-03-02", "4.00", "March ads"),
    pay(4, 1, "2026-03-01", "12.50", "", "Acme Press"),
    pay(3, 2, "2026-02-15", "30.00", "Q1 dividend"),
    pay(2, 1, "2026-02-01", "12.50", "February sales"),
    pay(1, 3, "2025-12-31", "99.00", "annual sponsor 2026"),
]


def ids(rows: object) -> list[int]:
    return [p.id for p in rows]  # type: ignore[attr-defined]


def test_orders() -> None:
    order = PaymentOrder(BASE, NAMES)
    assert order.rows("date") is BASE  # the store's list itself, not a copy
    assert ids(order.rows("amount")) == [1, 3, 4, 2, 5]  # 12.50 twice: newest first
    assert ids(order.rows("stream")) == [5, 1, 4, 2, 3]  # Blog ads, Ebook royalties, ETF dividends
    assert [next_sort(s) for s in ("date", "amount", "stream", "bogus")] == ["amount", "stream", "date", "date"]


def test_filter_matches_name_note_customer_and_date_prefix() -> None:
    order = PaymentOrder(BASE, NAMES)
    assert ids(order.rows("date", "EBOOK")) == [4, 2]  # stream name, any case
    assert ids(order.rows("date", "dividend")) == [3]  # the ETF's name and its note; listed once
    assert ids(order.rows("date", "acme")) == [4]  # customer
    assert ids(order.rows("date", "2026-02")) == [3, 2]  # date prefix
    assert ids(order.rows("date", "2026")) == [5, 4, 3, 2, 1]  # 2026 dates, and a note with 2026
    assert ids(order.rows("date", "-02")) == []  # inside a date is not a prefix
    assert ids(order.rows("amount", "ads")) == [1, 5]  # filtered in the current order: 99.00, 4.00
    assert ids(order.rows("date", "   ")) == ids(BASE)


def test_typing_narrows_instead_of_rescanning() -> None:
    order = PaymentOrder(BASE, NAMES)
    order.rows("date", "e")
    assert order.scanned == 5
    matches = len(order.rows("date", "e"))  # the same query again: its matches are kept, nothing is tested
    assert order.scanned == 5
    order.rows("date", "eb")  # extends "e": only the previous matches are tested
    assert order.scanned == 5 + matches
    before = order.scanned
    order.rows("date", "x")  # not an extension: all rows again
    assert order.scanned == before + 5


def test_sparkline_by_hand() -> None:
    values = [Decimal(v) for v in ("0", "1", "5", "10", "0", "20", "40", "80")]
    # Eighths of the largest (80), rounded half up, at least one: 1 -> 0.1 -> 1, 5 -> 0.5 -> 1, 20 -> 2, 40 -> 4.
    assert sparkline(values) == "·▁▁▁·▂▄█"
    assert sparkline([Decimal(0)] * 3) == "···"
    assert sparkline([]) == ""


def test_compact_labels() -> None:
    assert [compact(Decimal(v)) for v in ("0", "950", "1000", "1500", "12345", "2100000")] == [
        "0", "950", "1k", "1.5k", "12k", "2.1M"]
    assert month_label(2026, 1, 3) == "'26" and month_label(2026, 2, 3) == "Feb"
    assert month_label(2026, 2, 2) == "02" and month_label(2026, 2, 1) == "F"


def test_bar_chart_by_hand() -> None:
    bars = [Bar(Decimal(v), (2026, m), m == 4) for m, v in ((1, "0"), (2, "500"), (3, "1650"), (4, "100"))]
    lines = bar_chart(bars, Decimal("1500"), width=22, height=4)
    text = ["".join(t for t, _ in line) for line in lines]
    # Top = max(1650, 1.1 * 1500 = 1650) = 1650 over 3 rows; the goal row is int(1500 * 3 / 1650) = 2, the top,
    # so the goal's label (1.5k) stands there. Heights in eighths of a row: 500 * 24 / 1650 = 7.3 -> 7;
    # 1650 -> 24 (three full rows); 100 * 24 / 1650 = 1.45 -> 1.
    assert text == [
        "1.5k┤─────────███────",
        "    │         ███    ",
        "   0┤     ▇▇▇ ███ ▁▁▁",
        "      '26 Feb Mar Apr",
    ]
    kinds = {kind for line in lines for _, kind in line}
    assert {"goal", "reached", "bar", "now", "axis", "label"} <= kinds
    # The running month is "now", the bar over the goal "reached".
    assert lines[0][6] == ("███", "reached") and lines[2][8] == ("▁▁▁", "now")


def test_bar_chart_shows_the_newest_bars_that_fit() -> None:
    bars = [Bar(Decimal(m), (2026, m)) for m in range(1, 13)]
    lines = bar_chart(bars, None, width=14, height=3)
    # Axis "12┤" takes 3; 11 cells left hold 5 bars of 1 cell (and a blank each): August to December.
    assert "".join(t for t, _ in lines[-1]) == "    A S O N D"


# ----- payments added: the orders take them in -------------------------------------------------


def _store_insert(base: list[Payment], p: Payment) -> None:
    """As the store does: in place, where newest first puts it."""
    bisect.insort(base, p, key=lambda q: (-q.on.toordinal(), -q.id))


def _same_rows(order: PaymentOrder, base: list[Payment], names: dict[int, str], queries: list[str]) -> None:
    fresh = PaymentOrder(base, names)
    for sort in ("date", "amount", "stream"):
        for q in ["", *queries]:
            assert ids(order.rows(sort, q)) == ids(fresh.rows(sort, q)), (sort, q)


@pytest.mark.parametrize("seed", range(5))
def test_added_payments_are_inserted_into_the_orders_kept(seed: int) -> None:
    rng = random.Random(seed)
    names = {1: "Ebook", 2: "ETF", 3: "Ads", 4: "ebook two"}
    start = date(2025, 1, 1)
    base = sorted((pay(n, rng.randrange(1, 5), (start + timedelta(days=rng.randrange(60))).isoformat(),
                       rng.choice(["1.00", "2.50", "9.99", "12.00"]), rng.choice(["", "x", "inv"]))
                   for n in range(1, 200)), key=lambda q: (-q.on.toordinal(), -q.id))
    order = PaymentOrder(base, names)
    for sort in ("amount", "stream"):
        order.rows(sort)
    order.rows("date", "eb")
    sorted_before = order.sorts
    next_id = 200
    for _ in range(30):
        for _ in range(rng.choice([1, 1, 3])):  # one payment, or a few before the pane is refreshed
            day = start + timedelta(days=rng.randrange(-5, 70))  # backdated, today, or later
            _store_insert(base, pay(next_id, rng.randrange(1, 5), day.isoformat(), rng.choice(["2.50", "7.00"]), "new"))
            next_id += 1
        assert order.follow(base, names)
        _same_rows(order, base, names, ["eb", "new", "2025-01", "x"])
    assert order.sorts == sorted_before, "no order was sorted again"


def test_saves_in_a_row_leave_the_kept_orders_until_one_is_read() -> None:
    """The table in the date order shows the store's list itself: the saves do not move a million positions."""
    rng = random.Random(7)
    names = {1: "Ebook", 2: "ETF", 3: "Ads"}
    start = date(2025, 1, 1)
    base = sorted((pay(n, rng.randrange(1, 4), (start + timedelta(days=rng.randrange(60))).isoformat(),
                       rng.choice(["1.00", "2.50", "9.99"]), rng.choice(["", "ebook fan"]))
                   for n in range(1, 300)), key=lambda q: (-q.on.toordinal(), -q.id))
    order = PaymentOrder(base, names)
    kept = {sort: order.positions(sort) for sort in ("amount", "stream")}
    order.rows("date", "eb")
    lengths = {sort: len(positions) for sort, positions in kept.items()}
    for n in range(12):
        day = start + timedelta(days=rng.randrange(-3, 70))
        _store_insert(base, pay(300 + n, rng.randrange(1, 4), day.isoformat(), "4.00", "new"))
        assert order.follow(base, names)
        assert order.rows("date") is base
    assert {sort: len(positions) for sort, positions in kept.items()} == lengths, "not moved by the saves"
    _same_rows(order, base, names, ["eb", "new", "2025-02"])
    assert {sort: len(positions) for sort, positions in kept.items()} == {s: n + 12 for s, n in lengths.items()}


def test_only_growth_of_the_same_list_is_followed() -> None:
    base = list(BASE)
    order = PaymentOrder(base, NAMES)
    order.rows("amount")
    assert not order.follow(list(base), NAMES)  # another list: the store changed more than adds
    assert not order.follow(base, {**NAMES, 4: "New stream"})
    base.pop()  # shrunk in place (a failed save undone)
    assert not order.follow(base, NAMES)
    fresh = PaymentOrder(base, NAMES)
    assert fresh.follow(base, NAMES)  # nothing changed
    base.extend(pay(100 + n, 1, "2020-01-01", "1.00") for n in range(FOLLOW_AT_MOST + 1))
    assert not fresh.follow(base, NAMES)  # an import: sorted afresh


def test_the_stores_own_list_after_an_add(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.json", today=lambda: date(2026, 3, 5)) as store:
        stream = store.add_stream(Stream(0, "Ebook royalties", "ebook", "passive", "EUR"))
        store.add_payments([Payment(0, stream.id, date(2026, 1, 1) + timedelta(days=n % 50), Decimal(n % 7 + 1),
                                    "") for n in range(300)])
        payments, names = store.payments(), {stream.id: stream.name}
        order = PaymentOrder(payments, names)
        order.rows("amount")
        store.add_payment(Payment(0, stream.id, date(2026, 1, 20), Decimal("3.00"), "late entry"))
        assert store.payments() is payments and order.follow(payments, names)
        _same_rows(order, payments, names, ["late", "2026-01-2"])
        assert order.sorts == 2  # amount before the add; by stream first asked for after it


def test_place_finds_each_payment_where_the_rows_have_it() -> None:
    """The table keeps its cursor on a payment through a new order by a binary search: the same answer as a scan."""
    rng = random.Random(5)
    base = sorted((pay(n, rng.randrange(1, 4), f"2026-0{rng.randrange(1, 4)}-1{rng.randrange(0, 9)}",
                       rng.choice(["1.00", "2.50", "9.99"]), rng.choice(["", "ad"])) for n in range(1, 300)),
                  key=lambda q: (-q.on.toordinal(), -q.id))
    order = PaymentOrder(base, NAMES)
    for sort in ("date", "amount", "stream"):
        for q in ("", "ad", "2026-02"):
            rows = order.rows(sort, q)
            shown = {p.id for p in rows}
            for p in base:
                expected = next((i for i, r in enumerate(rows) if r.id == p.id), None)
                assert order.place(rows, sort, p) == expected, (sort, q, p.id)
                assert (expected is None) == (p.id not in shown)
