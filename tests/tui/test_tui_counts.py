"""Counts read as English: "1 stream · 1 payment", "1 duplicate skipped" (QA findings)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tui_support import open_store, running

from tenfold.domain.ledger import Payment, Stream
from tenfold.exchange.csvimport import plan_import
from tenfold.tui.handlers.tools import plan_preview
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
    plan = plan_import("date,stream,amount,note\n2026-11-03,Ebook royalties,42.50,Nov\n", [books], [known])
    text = plan_preview(plan, {1: ("Ebook royalties", "EUR")})
    assert text.splitlines()[0].startswith("1 row · columns: ")
    assert text.splitlines()[-1] == "0 new · 1 duplicate skipped · nothing to import"
