"""Forms that flow: the cursor starts where typing belongs, and lists show each choice once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from textual.widgets import Input, Select, TextArea
from tui_support import TODAY, Running, open_store, reopen, running, screen_lines, until

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.tui.dialogs.forms import GoalForm, PaymentForm


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


async def test_notes_and_the_goal_reopen_with_the_cursor_at_the_end(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.set_goal(Goal("Ebooks pay the rent", Decimal("1500"), "EUR", date(2027, 12, 31), TODAY))
        store.set_step(StepState(2, None, "Target: 600 EUR"))
        store.set_step(StepState(3, None, "Week 1: outline"))
    async with running(db) as t:
        await t.press("2", "j", "n")  # from step 1 (none ticked) to step 2's notes
        notes = t.app.main_screen.query_one("#step-notes", TextArea)
        assert notes.has_focus
        await t.type(" from ebooks")
        await t.press("escape", "j", "n")  # step 3's notes, loaded in the same editor
        await t.type(". Week 2: two chapters")
        await t.press("escape")
        await t.press("1", "w")
        form = t.form
        assert isinstance(form, GoalForm)
        assert form.focused is form.query_one("#field-text", TextArea)
        await t.type(", and the holidays")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
    with reopen(db) as store:
        assert store.goal is not None and store.goal.text == "Ebooks pay the rent, and the holidays"
        assert [s.notes for s in store.steps()[1:3]] == ["Target: 600 EUR from ebooks",
                                                         "Week 1: outline. Week 2: two chapters"]


async def open_list(t: Running, name: str) -> list[str]:
    """Open a form's drop-down the way a user does (focus it, Enter); the screen's lines while it is open."""
    select = t.form.query_one(f"#field-{name}", Select)
    select.focus()
    await until(t, lambda: select.has_focus)
    await t.press("enter")
    await until(t, lambda: select.expanded)
    return screen_lines(t.app)


def times_shown(lines: list[str], label: str) -> int:
    """How many screen lines show ``label`` as a list entry (the label alone, after the dialog's border)."""
    return sum(1 for line in lines if any(cell.strip(" ▲▼") == label for cell in line.split("█")))


async def test_drop_downs_show_the_current_value_once(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    one_stream(db)
    async with running(db) as t:
        await t.press("3", "s")
        lines = await open_list(t, "cadence")
        assert times_shown(lines, "irregular") == 1, "no empty entry repeating the default"
        assert times_shown(lines, "monthly") == 1
        await t.press("escape")  # closes the list
        assert t.form.values()["cadence"] == "irregular"
        assert not t.form.changed(), "the default is not something the user typed"
        await t.press("escape")  # closes the form at once: nothing was typed
        assert t.on_top(t.app.main_screen)
        await t.press("4", "a")
        lines = await open_list(t, "rating")
        assert times_shown(lines, "Not rated yet") == 1
        assert times_shown(lines, "1 person") == 1
        await t.press("escape", "escape")
        await t.press("2", *["j"] * 7, "a")  # step 8: a stream to scale
        lines = await open_list(t, "stream")
        assert times_shown(lines, "None: name it below") == 1
        assert times_shown(lines, "Ebook royalties") == 1


async def test_a_saved_payment_is_read_from_its_fields_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The date-ahead check and the save share one parse: the key that saves does the work once."""
    db = tmp_path / "t.json"
    one_stream(db)
    parsed: list[Payment] = []
    real = PaymentForm.parse

    def counted(form: PaymentForm, values: dict[str, str]) -> Payment:
        parsed.append(real(form, values))
        return parsed[-1]

    monkeypatch.setattr(PaymentForm, "parse", counted)
    async with running(db) as t:
        await t.press("3", "a")
        await t.type("12.50")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
    assert len(parsed) == 1
    with reopen(db) as store:
        assert [p.amount for p in store.payments()] == [Decimal("12.50")]
