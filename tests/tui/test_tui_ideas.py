"""The Who Do I Deliver Value To? pane: a brainstorm journal, newest first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static
from tui_support import TODAY, open_store, reopen, running

from tenfold.domain.ideas import Idea
from tenfold.tui.dialogs.confirm import ConfirmDialog
from tenfold.tui.dialogs.forms import IdeaForm
from tenfold.tui.widgets.virtual_table import VirtualTable


def saved(db: Path) -> list[tuple[str, str, str, str, date]]:
    """The entries in the file, newest first, without their ids."""
    with reopen(db) as store:
        return [(i.who, i.value, i.reach, i.delivery, i.written_on) for i in store.ideas()]


async def test_add_two_entries_and_the_newest_comes_first(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("4")
        table = t.app.main_screen.query_one("#idea-table", VirtualTable)
        assert table.has_focus
        await t.press("a")
        assert isinstance(t.form, IdeaForm)
        # Who and what value are needed; nothing is saved without them.
        before = db.read_bytes()
        await t.press("ctrl+s")
        assert isinstance(t.form, IdeaForm)
        assert "cannot be empty" in t.error("who")
        assert "cannot be empty" in t.error("value")
        assert t.error("reach") == t.error("delivery") == ""
        assert db.read_bytes() == before
        await t.fill(who="Colleagues new to Excel", value="Fewer hours on reports",
                     reach="A video course\nfor 1,000,000 office workers", delivery="Recorded once, sold online")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        await t.press("a")
        await t.type("Parents at school")
        await t.fill(value="Cheap healthy lunches")
        t.form.query_one("#field-who").focus()
        await t.press("enter")  # Enter in the one-line field saves too
        assert t.app.screen is t.app.main_screen
        assert [table.get_row_at(i)[1] for i in range(table.row_count)] == [
            "Parents at school", "Colleagues new to Excel"]
        detail = str(t.app.main_screen.query_one("#idea-detail", Static).render())
        under_cursor = table.get_row_at(table.cursor_row)[1]
        assert f"Who: {under_cursor}" in detail, "the full text shown is the entry under the cursor"
    assert saved(db) == [
        ("Parents at school", "Cheap healthy lunches", "", "", TODAY),
        ("Colleagues new to Excel", "Fewer hours on reports", "A video course\nfor 1,000,000 office workers",
         "Recorded once, sold online", TODAY),
    ]


async def test_edit_keeps_the_date_written_and_delete_asks_first(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.add_idea(Idea(0, "Old friends", "Advice on moving abroad", "", "", date(2026, 3, 1)))
        store.add_idea(Idea(0, "Dog owners", "Walking routes", "", "", date(2026, 10, 2)))
    async with running(db) as t:
        await t.press("4", "e")  # the newest entry is on top, under the cursor
        assert isinstance(t.form, IdeaForm)
        assert t.form.values()["who"] == "Dog owners"
        await t.fill(who="Dog owners in Lyon", delivery="A printed map sold in pet shops")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        assert saved(db)[0] == ("Dog owners in Lyon", "Walking routes", "", "A printed map sold in pet shops",
                                date(2026, 10, 2))
        await t.press("j", "d")  # the older entry
        dialog = t.app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Old friends" in dialog.message
        before = db.read_bytes()
        await t.press("n")
        assert db.read_bytes() == before
        assert len(saved(db)) == 2
        await t.press("d", "y")
        assert t.app.screen is t.app.main_screen
    assert [entry[0] for entry in saved(db)] == ["Dog owners in Lyon"]


async def test_a_new_entry_is_under_the_cursor_with_its_detail(tmp_path: Path) -> None:
    """After adding an entry the user sees it, not the entry that was selected before."""
    db = tmp_path / "t.json"
    with open_store(db) as store:
        for who in ("Old friends", "Older colleagues"):
            store.add_idea(Idea(0, who, "advice", "", "", date(2026, 1, 5)))
    async with running(db) as t:
        await t.press("4")
        table = t.app.main_screen.query_one("#idea-table", VirtualTable)
        await t.press("down")
        assert table.get_row_at(table.cursor_row)[1] == "Old friends"
        await t.press("a")
        await t.fill(who="Night-shift nurses", value="Meal plans that keep")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        assert table.get_row_at(table.cursor_row)[1] == "Night-shift nurses"
        assert "Who: Night-shift nurses" in str(t.app.main_screen.query_one("#idea-detail", Static).render())
