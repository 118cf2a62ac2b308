"""Counts read as English: "1 stream · 1 payment", "1 duplicate skipped" (QA findings)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tui_support import open_store, running

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.exchange.extraction import Options
from tenfold.exchange.importing import read_source
from tenfold.exchange.plan import plan_import
from tenfold.exchange.preview import preview_lines
from tenfold.tui.widgets.ledger_pane import LedgerPane


async def test_the_ledger_border_counts_one_stream_and_one_payment(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        books = store.add_stream(Stream(0, "Ebook royalties", "ebook", "passive", "EUR"))
        store.add_payment(Payment(0, books.id, date(2026, 11, 3), Decimal("42.50"), "October sales"))
    async with running(db) as t:
        await t.press("3")
        pane = t.app.main_screen.query_one(LedgerPane)
        assert str(pane.border_subtitle) == "1 stream · 1 payment"
        await t.press("s")
        await t.fill(name="Blog ads")
        await t.press("ctrl+s")
        assert str(pane.border_subtitle) == "2 streams · 1 payment"


def test_the_import_preview_counts_one_row_and_one_duplicate() -> None:
    books = Stream(1, "Ebook royalties", "ebook", "passive", "EUR")
    known = Payment(1, 1, date(2026, 11, 3), Decimal("42.50"), "Nov")
    raw = b"date,stream,amount,note\n2026-11-03,Ebook royalties,42.50,Nov\n"
    plan = plan_import(read_source(raw, "p.csv", Options()), [books], [known], create_kind=None,
                       default_currency="EUR")
    lines = preview_lines(plan, {1: books}, "p.csv")
    assert "Rows read: 1" in lines and "To add: 0 payments" in lines
    assert "Duplicates (not added again): 1 row:" in lines
    assert lines[-1] == "Total to add: nothing"
