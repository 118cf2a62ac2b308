"""An imported refund can be edited in the payment form and saved again, keeping its sign and its origin."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

from tui_support import open_store, running, seed_ledger

from tenfold.domain.ledger import Payment
from tenfold.tui.dialogs.forms import PaymentForm


async def test_an_imported_refund_is_edited_and_saved_with_its_sign_and_origin(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books, _ads, sale = seed_ledger(db)
    with open_store(db) as store:
        refund = store.add_payment(Payment(0, books.id, date(2026, 11, 10), Decimal("-42.50"), "refund",
                                           fee=Decimal("0.00"), external_id="re_1", source="stripe",
                                           refund_of="ch_1", refund=True))
    async with running(db) as t:
        await t.press("3", "e")  # the newest payment: the refund
        assert isinstance(t.form, PaymentForm)
        assert t.form.values()["amount"] == "-42.50"
        await t.fill(amount="20")
        await t.press("ctrl+s")
        assert "its amount is negative" in t.error("amount"), "a positive refund is refused, next to the field"
        await t.fill(amount="-20", note="part refund")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
        await t.press("down", "e")  # the sale is no refund: a minus sign is refused there
        assert isinstance(t.form, PaymentForm) and t.form.values()["amount"] == "42.50"
        await t.fill(amount="-5")
        await t.press("ctrl+s")
        assert "must be positive" in t.error("amount")
        await t.press("escape")
    with open_store(db) as store:
        store.wait_for_payments()
        payments = {p.id: p for p in store.payments()}
    assert payments[refund.id] == dataclasses.replace(refund, amount=Decimal("-20.00"), note="part refund")
    assert payments[sale.id] == sale


async def test_a_refund_given_by_hand_is_a_new_payment_with_a_minus_sign(tmp_path: Path) -> None:
    """The payment form says how a refund is typed; -12 is saved as a refund, and units on it are refused."""
    db = tmp_path / "t.json"
    _books, _ads, sale = seed_ledger(db)
    async with running(db) as t:
        await t.press("3", "a")
        assert isinstance(t.form, PaymentForm)
        labels = [str(label.render()) for label in t.form.query(".field-label")]
        assert "Amount (a refund given back: with a minus, e.g. -12.50)" in labels
        await t.fill(stream="Ebook royalties", on="2026-11-12", amount="-12", note="refund to Ann", units="1")
        await t.press("ctrl+s")
        assert t.error("units") == "A refund delivers nothing: leave the units empty"
        assert t.form.values()["amount"] == "-12", "what was typed stays"
        await t.fill(units="")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
        assert "Refund recorded" in t.notifications()
    with open_store(db) as store:
        store.wait_for_payments()
        given_back = [p for p in store.payments() if p.id != sale.id]
    assert [(p.amount, p.is_refund, p.note) for p in given_back] == [(Decimal("-12.00"), True, "refund to Ann")]
