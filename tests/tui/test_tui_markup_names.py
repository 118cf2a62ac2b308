"""Names and paths that look like markup are shown as typed, never parsed (QA finding).

A stream named ``[/]x [b]`` crashed the app ("MarkupError: auto closing tag
('[/]') has nothing to close") when the payment form listed the streams, when
the delete question named it, and in the toast after deleting it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tui_support import open_store, reopen, running, screen_lines

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.tui.dialogs.confirm import ConfirmDialog

ODD = "[/]x [b]bold"


async def test_a_stream_named_like_markup_can_be_paid_and_deleted(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        odd = store.add_stream(Stream(0, ODD, "other", "passive", "EUR"))
        store.add_payment(Payment(0, odd.id, date(2026, 11, 3), Decimal("5.00"), "[red]note[/]"))
    async with running(db) as t:
        await t.press("3", "a")
        await t.fill(stream=ODD, amount="7", note="[/]")  # opens the list of streams and picks it
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        assert any(ODD in line for line in screen_lines(t.app))
        await t.press("shift+tab", "d")  # the streams table: delete the stream
        dialog = t.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert ODD in " ".join(screen_lines(t.app))
        await t.press("y")
        assert t.app.screen is t.app.main_screen
        assert f"Deleted {ODD}" in t.notifications()
        toast = [n for n in t.app._notifications if n.message == f"Deleted {ODD}"]
        assert toast and not toast[0].markup, "the toast shows the name as typed, not as markup"
    with reopen(db) as store:
        assert store.streams() == []


async def test_a_step_8_stream_named_like_markup_can_be_chosen(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.add_stream(Stream(0, ODD, "other", "passive", "EUR"))
    async with running(db) as t:
        await t.press("2", *["j"] * 7, "a")  # step 8: add a stream to scale
        await t.fill(stream=ODD)
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
    with reopen(db) as store:
        assert [i.stream_id for i in store.step_items(8)] == [store.streams()[0].id]


async def test_markup_typed_into_a_field_is_explained_not_parsed(tmp_path: Path) -> None:
    """"[/]" as an amount used to crash the app when its error message was shown."""
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR"))
    async with running(db) as t:
        await t.press("3", "a")
        await t.fill(amount="[/]", note="[b]")
        await t.press("ctrl+s")
        assert t.error("amount") == "'[/]' is not an amount; type digits like 12.50"
        assert t.form.values()["amount"] == "[/]", "what was typed stays"
        await t.press("escape", "escape", "1", "w")  # typed: the first Esc only warns
        await t.fill(text="[/]goal", amount="[/]", currency="EUR", deadline="[/]")
        await t.press("ctrl+s")
        assert "'[/]' is not a date" in t.error("deadline")
        await t.fill(amount="1500", deadline="2027-12-31")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        await t.press("2", "j", "enter")  # step 2 quotes the goal, on the pane and full screen
        assert any("[/]goal" in line for line in screen_lines(t.app))
        await t.press("escape")
        await t.pilot.press("ctrl+p")
        await t.type("Import payments")
        await t.press("enter")
        await t.type(str(tmp_path / "[/]missing.csv"))
        await t.press("enter")
        assert "[/]missing.csv" in " ".join(screen_lines(t.app))


async def test_hours_parts_and_the_card_of_a_stream_named_like_markup(tmp_path: Path) -> None:
    """The hours and parts forms name the stream in their title and intro: shown as typed, never parsed."""
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.add_stream(Stream(0, ODD, "other", "passive", "EUR"))
    async with running(db) as t:
        await t.press("3", "shift+tab", "h")  # the streams table: log hours on it
        await t.fill(hours="1.5")
        assert ODD in " ".join(screen_lines(t.app))
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        await t.press("p")
        await t.fill(creation="4", delivery="2", payment="3")
        assert ODD in " ".join(screen_lines(t.app))
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        await t.press("i")
        assert ODD in " ".join(screen_lines(t.app))
    with reopen(db) as store:
        stream = store.streams()[0]
        assert [h.hours for h in store.hours(stream.id)] == [Decimal("1.50")]
        rating = store.parts("stream", stream.id)
        assert rating is not None and rating.delivery == 2


async def test_a_stream_named_like_markup_can_be_edited(tmp_path: Path) -> None:
    """The edit form's title names the stream: it is shown as typed, not read as markup."""
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.add_stream(Stream(0, ODD, "other", "passive", "EUR"))
    async with running(db) as t:
        await t.press("3", "shift+tab", "e")  # the streams table: edit the stream
        assert any(f"Edit stream: {ODD}" in line for line in screen_lines(t.app))
        await t.fill(category="ebook")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
    with reopen(db) as store:
        assert [(s.name, s.category) for s in store.streams()] == [(ODD, "ebook")]
