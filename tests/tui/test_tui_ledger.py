"""The Income Ledger pane: streams and payments added, edited and deleted through forms."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Input, Select, Static
from tui_support import TODAY, open_store, reopen, running, seed_ledger

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.tui.dialogs.confirm import ConfirmDialog
from tenfold.tui.dialogs.forms import PaymentForm, StreamForm
from tenfold.tui.widgets.virtual_table import VirtualTable


def saved(db: Path) -> tuple[list[Stream], list[Payment]]:
    """Streams (by name) and payments (newest first) as a new store reads them from the file."""
    with reopen(db) as store:
        return store.streams(), store.payments()


async def test_add_a_stream_and_a_payment_then_edit_both(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("3")
        assert t.app.main_screen.query_one("#payments", VirtualTable).has_focus
        await t.press("a")  # no stream yet: no payment form, a hint instead
        assert t.on_top(t.app.main_screen)
        assert any("Add an income stream first" in n for n in t.notifications())
        await t.press("s")
        assert isinstance(t.form, StreamForm)
        await t.type("Ebook royalties")
        await t.fill(category="royalties", kind="passive", currency="usd")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
        await t.press("a")
        assert isinstance(t.form, PaymentForm)
        assert t.form.values() == {"stream": "1", "on": TODAY.isoformat(), "amount": "", "note": "", "customer": "",
                                   "units": ""}
        await t.fill(on="2026-11-03", amount="12.5", note="October sales")
        await t.press("enter")
        assert t.on_top(t.app.main_screen)
        summary = str(t.app.main_screen.query_one("#ledger-summary", Static).render())
        assert "This month 12.50 USD" in summary
        assert saved(db) == ([Stream(1, "Ebook royalties", "royalties", "passive", "USD", customers="platform")],
                             [Payment(1, 1, date(2026, 11, 3), Decimal("12.50"), "October sales")])
        # Edit: Enter on the payment (like e), then e on the stream.
        await t.press("enter")
        assert isinstance(t.form, PaymentForm)
        assert t.form.values() == {"stream": "1", "on": "2026-11-03", "amount": "12.50", "note": "October sales",
                                   "customer": "", "units": ""}
        await t.fill(amount="13", note="")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
        await t.press("shift+tab")  # the streams table
        assert t.app.main_screen.query_one("#streams", VirtualTable).has_focus
        await t.press("e")
        assert isinstance(t.form, StreamForm)
        assert t.form.values() == {"name": "Ebook royalties", "category": "royalties", "kind": "passive",
                                   "currency": "USD", "cadence": "irregular", "expected": "", "upfront_money": "",
                                   "upfront_hours": "", "upkeep_hours": "", "customers": "platform"}
        await t.fill(name="Ebook sales", kind="active")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
        assert "Ebook sales" in str(t.app.main_screen.query_one("#payments", VirtualTable).get_row_at(0))
    assert saved(db) == ([Stream(1, "Ebook sales", "royalties", "active", "USD", customers="platform")],
                         [Payment(1, 1, date(2026, 11, 3), Decimal("13.00"), "")])


async def test_units_delivered_are_typed_on_a_payment_and_a_bad_number_is_kept_with_its_message(
        tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books, _ads, payment = seed_ledger(db)
    async with running(db) as t:
        await t.press("3", "e")
        assert isinstance(t.form, PaymentForm)
        await t.fill(units="a dozen")
        await t.press("ctrl+s")
        assert isinstance(t.form, PaymentForm), "the form stays open"
        assert t.error("units") == "'a dozen' is not a number of units; type a whole number, e.g. 3"
        assert t.form.values()["units"] == "a dozen"
        await t.fill(units="12")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
        await t.press("e")
        assert isinstance(t.form, PaymentForm) and t.form.values()["units"] == "12", "the edit form shows them"
        await t.press("escape")
    assert saved(db)[1] == [Payment(payment.id, books.id, date(2026, 11, 3), Decimal("42.50"), "October sales",
                                    units=12)]


async def test_a_payment_moves_to_another_stream(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books, ads, payment = seed_ledger(db)
    async with running(db) as t:
        await t.press("3", "e")
        assert isinstance(t.form, PaymentForm)
        assert t.form.values()["stream"] == str(books.id)
        await t.fill(stream="Blog ads")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
    assert saved(db)[1] == [Payment(payment.id, ads.id, date(2026, 11, 3), Decimal("42.50"), "October sales")]


async def test_an_empty_or_taken_stream_name_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.press("3", "s")
        before = db.read_bytes()
        await t.fill(category="ads", currency="USD")
        await t.press("ctrl+s")
        assert isinstance(t.form, StreamForm), "the form stays open"
        assert "cannot be empty" in t.error("name")
        assert t.form.query_one("#field-name").has_focus
        assert t.form.values() == {"name": "", "category": "ads", "kind": "passive", "currency": "USD",
                                   "cadence": "irregular", "expected": "", "upfront_money": "", "upfront_hours": "",
                                   "upkeep_hours": "", "customers": ""}
        for name in ("   ", "blog ADS"):  # blanks are no name; names are unique, whatever the case
            await t.fill(name=name)
            await t.press("enter")
            assert isinstance(t.form, StreamForm)
            assert t.error("name"), name
            assert t.form.values()["name"] == name
        assert "already exists" in t.error("name")
        assert db.read_bytes() == before
    assert [s.name for s in saved(db)[0]] == ["Blog ads", "Ebook royalties"]


async def test_a_payment_needs_a_stream_that_exists(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books, _ads, _payment = seed_ledger(db)
    # A payment form left open when the app closed, for a stream deleted since.
    with open_store(db) as store:
        store.save_draft("payment", {"stream": "99", "on": "2026-11-20", "amount": "5", "note": "gone"})
    async with running(db) as t:
        await t.press("3", "a")
        form = t.form
        assert isinstance(form, PaymentForm)
        select = form.query_one("#field-stream", Select)
        assert select.value is Select.NULL, "a stream that does not exist cannot be chosen"
        assert {str(label) for label, key in select._options if key is not Select.NULL} == {
            "Blog ads", "Ebook royalties"}
        before = db.read_bytes()
        await t.press("ctrl+s")
        assert "Choose the stream" in t.error("stream")
        assert t.form.values() == {"stream": "", "on": "2026-11-20", "amount": "5", "note": "gone", "customer": "",
                                   "units": ""}
        assert db.read_bytes() == before
        # Bad amount and date too: each says what is wrong, what was typed stays.
        await t.fill(stream="Ebook royalties", on="2026-02-30", amount="1,2,3")
        await t.press("enter")
        assert "not a real date" in t.error("on")
        assert "no thousands separators" in t.error("amount")
        assert t.error("stream") == ""
        assert (t.form.values()["on"], t.form.values()["amount"]) == ("2026-02-30", "1,2,3")
        assert db.read_bytes() == before
        await t.fill(on="2026-11-20", amount="5")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
    _streams, payments = saved(db)
    assert [(p.stream_id, p.amount, p.note) for p in payments] == [
        (books.id, Decimal("5.00"), "gone"), (books.id, Decimal("42.50"), "October sales")]


async def test_delete_asks_first_and_n_keeps_it(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books, ads, older = seed_ledger(db)
    with open_store(db) as store:
        store.add_payment(Payment(0, books.id, date(2026, 11, 20), Decimal("7.00"), ""))
    async with running(db) as t:
        await t.press("3", "d")  # the payments table: the newest payment
        dialog = t.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.message == "Delete 7.00 EUR from Ebook royalties on 2026-11-20?"
        before = db.read_bytes()
        await t.press("n")
        assert t.on_top(t.app.main_screen)
        await t.press("delete", "escape")  # Delete asks too; escape keeps it as well
        assert t.on_top(t.app.main_screen)
        assert db.read_bytes() == before
        await t.press("d", "y")
        assert t.on_top(t.app.main_screen)
        assert saved(db) == ([ads, books], [older])
        # A stream goes with its payments, and the question says so.
        await t.press("shift+tab", "j", "d")  # Ebook royalties, the second stream by name
        dialog = t.current()
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.message == "Delete 'Ebook royalties' and its 1 payment? This cannot be undone."
        await t.press("n")
        assert saved(db) == ([ads, books], [older])
        await t.press("d", "y")
    assert saved(db) == ([ads], [])


async def test_a_stream_name_that_only_looks_different_is_refused(tmp_path: Path) -> None:
    """A no-break space, a zero-width space or a doubled space gave a second "Blog ads" in every list.

    The payment form's list then showed two streams no one could tell apart.
    """
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.press("3", "s")
        for name in ("Blog\u00a0ads", "Blog ads\u200b", "Blog  ads", "\u200bblog ADS"):
            t.form.query_one("#field-name", Input).value = name  # as pasted: these cannot be typed
            await t.press("ctrl+s")
            assert isinstance(t.form, StreamForm), repr(name)
            assert "already exists" in t.error("name"), repr(name)
            assert t.form.values()["name"] == name
        await t.fill(name="Blog ads weekly")  # a name of its own is still fine
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
    assert [s.name for s in saved(db)[0]] == ["Blog ads", "Blog ads weekly", "Ebook royalties"]
