"""The app as a whole: a day's work survives quitting, drafts, help, palette, narrow terminals, failed writes."""

from __future__ import annotations

import asyncio
import errno
import os
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from rich.table import Table
from textual.widgets import Static, TextArea
from tui_support import NARROW, TODAY, open_store, reopen, running, screen_lines, until

from tenfold.domain.goal import Goal
from tenfold.tui.dialogs.forms import GoalForm, IdeaForm, StreamForm
from tenfold.tui.keys import COMMANDS, STEP_COMMANDS
from tenfold.tui.screens.help import HelpScreen
from tenfold.tui.widgets.goal_pane import GoalView
from tenfold.tui.widgets.steps_pane import NOTES_DEBOUNCE, StepList
from tenfold.tui.widgets.virtual_table import VirtualTable

PANE_TITLES = {
    "goal": "Written Goal",
    "steps": "Eight Steps",
    "ledger": "Income Ledger",
    "ideas": "Who Do I Deliver Value To?",
}


async def test_a_day_of_work_is_all_there_after_q_and_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("w")
        await t.type("Royalties pay the rent")
        await t.fill(amount="900", deadline="2028-01-31")
        await t.press("ctrl+s")
        await t.press("2", "j", "space", "n")
        await t.type("Wrote it on the fridge")
        await t.press("escape", "3", "s")
        await t.type("Ebook")
        await t.fill(category="ebook")
        await t.press("ctrl+s", "a")
        await t.fill(amount="19.99")
        await t.press("ctrl+s", "4", "a")
        await t.type("New cooks")
        await t.fill(value="Simple weekday recipes")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        await t.press("q")
        assert t.app.return_code == 0
    with reopen(db) as store:
        assert store.goal is not None
        assert (store.goal.text, store.goal.amount, store.goal.deadline) == (
            "Royalties pay the rent", Decimal("900.00"), date(2028, 1, 31))
        step = store.steps()[1]
        assert (step.done_on, step.notes) == (TODAY, "Wrote it on the fridge")
        assert [(s.name, s.category) for s in store.streams()] == [("Ebook", "ebook")]
        assert [(p.amount, p.on) for p in store.payments()] == [(Decimal("19.99"), TODAY)]
        assert [(i.who, i.value) for i in store.ideas()] == [("New cooks", "Simple weekday recipes")]
    # Next day, same file: the app shows it all.
    async with running(db) as t:
        screen = t.app.main_screen
        assert "Royalties pay the rent" in str(screen.query_one(GoalView).render())
        assert [s.done for s in screen.query_one(StepList).states][:3] == [False, True, False]
        await t.press("2", "j")
        assert screen.query_one("#step-notes", TextArea).text == "Wrote it on the fridge"
        assert screen.query_one("#streams", VirtualTable).row_count == 1
        assert screen.query_one("#payments", VirtualTable).row_count == 1
        assert screen.query_one("#idea-table", VirtualTable).row_count == 1


async def test_quitting_with_a_form_open_keeps_a_draft_that_comes_back(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("w")
        await t.type("Half a thought")
        await t.fill(amount="12,5")  # not even valid yet: a draft is what was typed
        await t.press("ctrl+q")  # q would go into the field; ctrl+q quits from anywhere
        assert t.app.return_code == 0
    typed = {"text": "Half a thought", "amount": "12,5", "currency": "EUR", "deadline": "", "portfolio_counts": "no"}
    with reopen(db) as store:
        assert store.draft("goal") == typed
        assert store.goal is None
    async with running(db) as t:
        await t.press("w")
        form = t.form
        assert isinstance(form, GoalForm)
        assert form.values() == typed
        assert any("Restored what you had typed" in line for line in screen_lines(t.app))
        await t.fill(amount="12.5", deadline="2027-06-30")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        # A form opened and left untouched is no draft: quitting writes nothing.
        await t.press("4", "a")
        assert isinstance(t.form, IdeaForm)
        before = db.read_bytes()
        await t.press("ctrl+q")
        assert db.read_bytes() == before
    with reopen(db) as store:
        assert store.draft("goal") is None, "a saved form leaves no draft behind"
        assert store.draft("idea") is None
        assert store.goal is not None
        assert (store.goal.text, store.goal.amount) == ("Half a thought", Decimal("12.50"))


def help_table_rows(screen: HelpScreen) -> list[str]:
    """The 'Action' column of the help screen's keys table."""
    tables = [s.content for s in screen.query(Static) if isinstance(s.content, Table)]
    assert len(tables) == 1
    return [str(cell) for cell in tables[0].columns[1].cells]


async def test_help_and_the_palette_list_every_command_and_the_palette_runs_them(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("question_mark")
        help_screen = t.app.screen
        assert isinstance(help_screen, HelpScreen)
        rows = help_table_rows(help_screen)
        assert rows[: len(COMMANDS)] == [c.title for c in COMMANDS]
        text = "\n".join(screen_lines(t.app))
        assert "Tenfold help" in text
        assert str(db) in text.replace("\n", "")  # where the data lives, first thing (it may wrap)
        for command in COMMANDS[:6]:  # the first rows are on screen as they are (later ones may wrap)
            assert command.title in text
        await t.press("end")  # the rest scrolls into view
        await until(t, lambda: "Press esc to close." in "\n".join(screen_lines(t.app)))
        await t.press("escape")
        assert t.app.screen is t.app.main_screen
        # The palette has the same commands, and one per step.
        commands = {c.title: c for c in t.app.get_system_commands(t.current())}
        missing = [c.title for c in (*COMMANDS, *STEP_COMMANDS) if c.title not in commands]
        assert missing == []
        assert commands["Quit"].callback == t.app.action_quit, "the palette's Quit saves first, like q"
        # Typed into the real palette, they run: a form opens, a step is ticked.
        await t.run_command("Add income stream")
        assert isinstance(t.form, StreamForm)
        await t.press("escape")
        await t.run_command("Tick or untick step 7")
        assert t.app.screen is t.app.main_screen
    with reopen(db) as store:
        assert [s.number for s in store.steps() if s.done] == [7]


async def test_narrow_terminal_shows_each_pane_with_its_title(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.set_goal(Goal("A goal", Decimal("100"), "EUR", date(2027, 1, 1), TODAY))
    async with running(db, size=NARROW) as t:
        screen = t.app.main_screen
        assert screen.has_class("-narrow")
        for key in ("4", "1", "3", "2"):  # every pane, each reached from another one
            await t.press(key)
            name = list(PANE_TITLES)[int(key) - 1]
            pane = screen.query_one(f"#{name}")
            others = [screen.query_one(f"#{n}") for n in PANE_TITLES if n != name]
            assert pane.display and pane.region.area > 0, name
            assert [o.display for o in others] == [False, False, False], "one pane at a time"
            focused = t.app.focused
            assert focused is not None and pane in focused.ancestors, f"{name}: its main widget has the focus"
            top = screen_lines(t.app)[pane.region.y]
            assert PANE_TITLES[name] in top, f"the border of the pane shows its title: {top!r}"
            assert pane.region.right <= 80 and pane.region.bottom <= 24, "nothing is cut off"


# ----- a write that fails -------------------------------------------------------------


def replacing_fails_for(db: Path) -> Callable[[object, object], None]:
    """An ``os.replace`` that reports a full disk when it would put ``db`` in place."""
    real_replace = os.replace

    def disk_full(src: object, dst: object) -> None:
        if Path(str(dst)) == db:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(src, dst)  # type: ignore[arg-type]

    return disk_full


async def test_a_failed_write_keeps_the_change_says_so_and_saves_it_once_the_disk_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Saves run in the background: the form closes at once, and a save that fails is said and retried."""
    db = tmp_path / "t.json"
    disk_full = replacing_fails_for(db)
    async with running(db) as t:
        await t.press("4", "a")
        await t.type("Neighbours")
        await t.fill(value="Help with their gardens")
        before = db.read_bytes()
        monkeypatch.setattr(os, "replace", disk_full)
        await t.press("ctrl+s")
        await until(t, lambda: any("not saved yet" in n and "disk is full" in n for n in t.notifications()))
        assert t.app.screen is t.app.main_screen, "the entry is taken; only writing it is late"
        assert [i.who for i in t.app.store.ideas()] == ["Neighbours"] and t.app.store.unsaved
        assert db.read_bytes() == before, "the file is intact"
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")], "no temporary file is left"
        monkeypatch.undo()  # space was freed: the next retry (within a second) saves it
        await until(t, lambda: not t.app.store.unsaved, seconds=5)
        await until(t, lambda: any("every change is on disk again" in n for n in t.notifications()))
        with reopen(db) as store:  # on disk while the app still runs
            assert [(i.who, i.value) for i in store.ideas()] == [("Neighbours", "Help with their gardens")]
    with reopen(db) as store:
        assert [(i.who, i.value) for i in store.ideas()] == [("Neighbours", "Help with their gardens")]


async def test_a_read_only_folder_is_said_and_the_goal_saved_once_it_is_writable(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "t.json"
    folder.chmod(0o500)
    try:
        (folder / "probe").touch()
    except PermissionError:
        pass
    else:
        pytest.skip("chmod does not stop this user (root) from writing; see the os.replace test above")
    finally:
        folder.chmod(0o700)
    async with running(db) as t:
        await t.press("w")
        await t.type("Goal")
        await t.fill(amount="100", deadline="2027-01-01")
        before = db.read_bytes()
        folder.chmod(0o500)
        try:
            await t.press("ctrl+s")
            assert t.app.screen is t.app.main_screen, "the goal is taken; writing it waits"
            await until(t, lambda: any("not saved yet" in n and "permission denied" in n for n in t.notifications()))
            assert t.app.store.goal is not None and t.app.store.unsaved
            assert db.read_bytes() == before
        finally:
            folder.chmod(0o700)
        await until(t, lambda: not t.app.store.unsaved, seconds=5)  # the next retry works
    with reopen(db) as store:
        assert store.goal is not None


async def test_notes_whose_save_failed_are_saved_on_quit_and_quit_waits_while_saving_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.json"
    disk_full = replacing_fails_for(db)
    async with running(db) as t:
        await t.press("2", "n")
        monkeypatch.setattr(os, "replace", disk_full)
        await t.type("Written while the disk was full")
        await asyncio.sleep(NOTES_DEBOUNCE + 0.3)  # the debounced save runs, and fails
        await t.pilot.pause()
        assert any("not saved" in n and "disk is full" in n for n in t.notifications())
        await t.press("ctrl+q")
        assert t.app.return_code is None, "quitting would lose the notes: the app stays"
        [said] = [n for n in t.notifications() if "Could not save before quitting" in n]
        assert ". Tenfold stays open so nothing is lost" in said and ".." not in said, said
        monkeypatch.undo()  # space was freed
        await t.press("ctrl+q")
        assert t.app.return_code == 0
    with reopen(db) as store:
        assert store.steps()[0].notes == "Written while the disk was full"
