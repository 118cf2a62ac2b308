"""Forms that flow: the cursor starts where typing belongs, and lists show each choice once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Input
from tui_support import TODAY, open_store, reopen, running

from tenfold.domain.ledger import Payment, Stream
from tenfold.tui.dialogs.forms import PaymentForm


def one_stream(db: Path) -> Stream:
    with open_store(db) as store:
        return store.add_stream(Stream(0, "Ebook royalties", "ebook", "passive", "EUR"))


async def test_an_amount_typed_straight_away_lands_in_amount_and_saves(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books = one_stream(db)
    async with running(db) as t:
        await t.press("3", "a")
        form = t.form
        assert isinstance(form, PaymentForm)
        assert form.focused is form.query_one("#field-amount", Input), "stream and date are filled: amount is next"
        await t.type("1250.50")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen), "saved without touching the stream list"
    with reopen(db) as store:
        assert store.payments() == [Payment(1, books.id, TODAY, Decimal("1250.50"), "")]


async def test_with_one_stream_a_restored_form_has_it_chosen_and_waits_in_the_first_empty_field(
    tmp_path: Path,
) -> None:
    db = tmp_path / "t.json"
    books = one_stream(db)
    with open_store(db) as store:  # a form left open with the stream never chosen and no date
        store.save_draft("payment", {"stream": "", "on": "", "amount": "30", "note": "", "customer": ""})
    async with running(db) as t:
        await t.press("3", "a")
        form = t.form
        assert form.values()["stream"] == str(books.id), "the only stream is chosen"
        assert form.focused is form.query_one("#field-on", Input), "the date is the first required field left"
        await t.type("2026-11-02")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
    with reopen(db) as store:
        assert store.payments() == [Payment(1, books.id, date(2026, 11, 2), Decimal("30.00"), "")]
