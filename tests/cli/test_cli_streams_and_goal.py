"""What a stream's customers are, whether portfolio income counts, and payments dated ahead."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cli_support import invoke, one_error_line, read, seed


def test_a_payment_far_ahead_is_refused_without_future(tmp_path: Path) -> None:
    db = seed(tmp_path / "t.json")
    before = db.read_bytes()
    refused = invoke(db, "add", "payment", "--stream", "Royalties", "--amount", "49", "--date", "2027-05-21")
    assert one_error_line(refused) == (
        "tenfold: date: 2027-05-21 is 181 days ahead: a payment is money that arrived (expected income goes in "
        "the stream's cadence and expected amount); add --future to record it anyway")
    assert db.read_bytes() == before
    near = invoke(db, "add", "payment", "--stream", "Royalties", "--amount", "49", "--date", "2026-11-24")
    meant = invoke(db, "add", "payment", "--stream", "Royalties", "--amount", "49", "--date", "2027-05-21", "--future")
    assert (near.exit_code, meant.exit_code) == (0, 0)
    with read(db) as store:
        assert {p.on for p in store.payments()} >= {date(2026, 11, 24), date(2027, 5, 21)}


def test_a_stream_says_how_its_customers_are_counted(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    assert invoke(db, "add", "stream", "--name", "Flat", "--kind", "passive", "--category", "rental").exit_code == 0
    assert invoke(db, "add", "stream", "--name", "Book", "--kind", "passive", "--category", "ebook").exit_code == 0
    shop = invoke(db, "add", "stream", "--name", "Shop", "--kind", "passive", "--customers", "each")
    assert shop.stdout == "Added stream Shop (passive, other, EUR, customers: each)\n"
    bad = invoke(db, "add", "stream", "--name", "X", "--kind", "passive", "--customers", "some")
    assert one_error_line(bad) == "tenfold: customers: Choose one of: each, platform, one"
    with read(db) as store:
        assert [(s.name, s.customers, s.started_on) for s in store.streams()] == [
            ("Book", "platform", date(2026, 11, 21)), ("Flat", "one", date(2026, 11, 21)),
            ("Shop", "each", date(2026, 11, 21))]
    assert "portfolio: money from capital" in " ".join(invoke(db, "add", "stream", "--help").stdout.split())


def test_the_goal_says_whether_portfolio_income_counts_and_keeps_it_on_rewrite(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    first = invoke(db, "goal", "set", "Dividends and books", "--amount", "900", "--by", "2029-01-01", "--portfolio")
    assert first.stdout == "Goal set: 900.00 EUR a month by 2029-01-01 (passive and portfolio income count)\n"
    invoke(db, "goal", "set", "Dividends and books", "--amount", "1000", "--by", "2029-01-01")
    with read(db) as store:
        assert store.goal is not None and store.goal.portfolio_counts
    invoke(db, "goal", "set", "Books only", "--amount", "1000", "--by", "2029-01-01", "--no-portfolio")
    with read(db) as store:
        assert store.goal is not None and not store.goal.portfolio_counts
