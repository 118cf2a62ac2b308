"""A payment in another currency than its stream's is counted in its own currency, everywhere."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from oracles import aggregate, summarize

from tenfold.coach.review import _gather
from tenfold.domain.accounts import account_key, by_currency, split_account
from tenfold.domain.folds import summary_from
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.figures.totals import ledger_figures, month_totals
from tenfold.reports.aggregate import aggregate_index, month_period
from tenfold.reports.build import build_report
from tenfold.store.store import Store

BOOK = Stream(1, "Book", "ebook", "passive", "USD")
JOB = Stream(2, "Job", "other", "active", "EUR")
STREAMS = {s.id: s for s in (BOOK, JOB)}
PAYMENTS = [
    Payment(1, 1, date(2026, 3, 5), Decimal("10.00"), "Amazon.com"),
    Payment(2, 1, date(2026, 3, 6), Decimal("8.00"), "Amazon.co.uk", currency="GBP"),
    Payment(3, 1, date(2026, 3, 7), Decimal("-2.00"), "refund", currency="GBP", refund=True),
    Payment(4, 2, date(2026, 3, 8), Decimal("100.00"), "salary"),
]


def test_account_keys_round_trip_and_never_meet_a_stream_id() -> None:
    for sid in (1, 2, 77, 10**6):
        for code in ("AAA", "GBP", "USD", "ZZZ"):
            key = account_key(sid, code)
            assert key < 0 and split_account(key) == (sid, code)
        assert account_key(sid) == sid and split_account(sid) == (sid, "")


def test_month_totals_count_each_payment_in_its_currency() -> None:
    expected = {"USD": Decimal("10.00"), "GBP": Decimal("6.00"), "EUR": Decimal("100.00")}
    assert month_totals(PAYMENTS, STREAMS.values(), 2026, 3) == expected
    index = MonthlyIndex.build(PAYMENTS)
    assert by_currency(index.month((2026, 3)), STREAMS) == expected
    assert by_currency(index.month((2026, 3)), STREAMS, "passive") == {"USD": Decimal("10.00"), "GBP": Decimal("6.00")}
    assert index.month((2026, 3))[1] == Decimal("10.00")  # the stream's own total stays in its own currency
    today = date(2026, 3, 20)
    assert summary_from(index, STREAMS.values(), today) == summarize(PAYMENTS, list(STREAMS.values()), today)
    assert ledger_figures(STREAMS.values(), PAYMENTS, today).summary == summarize(PAYMENTS, list(STREAMS.values()),
                                                                                   today)


def test_the_index_follows_removals_and_a_deleted_stream() -> None:
    index = MonthlyIndex.build(PAYMENTS)
    index.remove(PAYMENTS[2])
    assert by_currency(index.month((2026, 3)), STREAMS)["GBP"] == Decimal("8.00")
    index.drop_stream(1)
    assert by_currency(index.month((2026, 3)), STREAMS) == {"EUR": Decimal("100.00")}
    assert index.count == 1


def test_the_report_has_a_row_per_currency_and_converts_each() -> None:
    rates = [Rate(1, "GBP", "USD", Decimal("1.25"), date(2026, 3, 1))]
    for totals in (aggregate(PAYMENTS), aggregate_index(MonthlyIndex.build(PAYMENTS))):
        report = build_report(totals, STREAMS.values(), rates, "USD", month_period((2026, 3)))
        rows = {f.stream.name: (f.total, f.stream.currency, f.converted) for f in report.streams}
        assert rows["Book"] == (Decimal("10.00"), "USD", Decimal("10.00"))
        assert rows["Book (GBP)"] == (Decimal("6.00"), "GBP", Decimal("7.50"))
        assert report.passive.amount == Decimal("17.50")
        only = build_report(totals, STREAMS.values(), rates, "USD", month_period((2026, 3)), only=BOOK)
        assert [f.stream.name for f in only.streams] == ["Book", "Book (GBP)"]


def test_the_review_counts_each_currency_apart() -> None:
    money = _gather(PAYMENTS, STREAMS, date(2026, 3, 1), date(2026, 3, 31))
    assert money.all == {"USD": Decimal("10.00"), "GBP": Decimal("6.00"), "EUR": Decimal("100.00")}
    assert money.per_stream[account_key(1, "GBP")] == (2, Decimal("6.00"))


def test_the_kept_index_in_the_file_holds_foreign_accounts(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    with Store.open(path, today=lambda: date(2026, 3, 20)) as store:
        book = store.add_stream(Stream(0, "Book", "ebook", "passive", "USD"))
        store.add_payments([Payment(0, book.id, p.on, p.amount, p.note, currency=p.currency, refund=p.refund)
                            for p in PAYMENTS if p.stream_id == 1])
    with Store.open(path, read_only=True, defer_payments=True) as store:
        assert not store.payments_ready  # the figures below come from the file's index
        kept = store.monthly_index()
        assert by_currency(kept.month((2026, 3)), {book.id: book}) == {"USD": Decimal("10.00"), "GBP": Decimal("6.00")}
