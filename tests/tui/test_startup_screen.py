"""What the start-up shortcuts (issue #7) must not change: footer keys, tab bar, restyling, notes, collector.

The main screen sets its size class and the first pane's ``-active`` before mounting,
builds the tab bar only in a narrow terminal, skips Textual's second styling pass on
first show, uses a footer that is built once with the focused pane's keys and
rebuilt only when they change, and draws the step notes without a TextArea until
right after the first paint. Each test drives the real app and checks what the
user sees or can do.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Tabs, TextArea
from textual.widgets._footer import FooterKey
from tui_support import NARROW, TODAY, Running, open_store, running

from tenfold.domain.goal import Goal
from tenfold.tui.app import make_app
from tenfold.tui.widgets.footer import TenfoldFooter
from tenfold.tui.widgets.steps_pane import NotesPreview, StepsPane


def footer_keys(t: Running) -> list[str]:
    """The footer's keys as shown, in order (the palette key last)."""
    return [key.key_display for key in t.app.main_screen.query(FooterKey)]


def with_goal(db: Path) -> None:
    with open_store(db) as store:
        store.set_goal(Goal("A goal", Decimal("100"), "EUR", date(2027, 1, 1), TODAY))


async def test_the_footer_shows_the_focused_panes_keys_from_the_first_frame_and_follows_focus(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        footer = t.app.main_screen.query_one(TenfoldFooter)
        assert footer_keys(t) == ["w", "h", "?", "t", "z", "q", "^p"], "the goal pane's keys, then the screen's"
        await t.press("2")
        assert footer_keys(t)[:3] == ["space", "⏎", "a"], "the steps pane's keys once it has focus"
        await t.press("3")
        keys = footer_keys(t)
        # The ledger's keys do not all fit in 120 columns: ? and q go first, then the pane's own.
        assert keys[:4] == ["?", "q", "a", "s"] and keys[-1] == "^p", keys
        palette = [k for k in footer.query(FooterKey) if k.has_class("-command-palette")]
        others = [k for k in footer.query(FooterKey) if not k.has_class("-command-palette")]
        assert len(palette) == 1 and palette[0].has_class("-compact"), "the palette key keeps Textual's compact look"
        assert not any(k.has_class("-compact") or k.compact for k in others), "the other keys follow the footer"


async def test_the_footer_is_not_rebuilt_when_focus_moves_between_widgets_with_the_same_keys(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("3")
        before = list(t.app.main_screen.query(FooterKey))
        t.app.main_screen.refresh_bindings()  # what every focus change does
        await t.pilot.pause()
        await t.pilot.pause()
        assert list(t.app.main_screen.query(FooterKey)) == before, "same keys: the same widgets, not a rebuild"
        await t.press("4")
        assert list(t.app.main_screen.query(FooterKey)) != before, "other keys: rebuilt"


async def test_a_wide_start_has_no_tab_bar_and_one_appears_when_the_terminal_narrows(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with_goal(db)
    async with running(db) as t:
        screen = t.app.main_screen
        assert not screen.query(Tabs) and not screen.has_class("-narrow")
        assert [p.id for p in screen.query(".pane.-active")] == ["steps"], "a written goal: the steps come first"
        await t.press("3")
        await t.pilot.resize_terminal(*NARROW)
        await t.pilot.pause()
        assert screen.has_class("-narrow")
        tabs = screen.query_one(Tabs)
        assert tabs.active == "tab-ledger" and tabs.display, "the tab of the pane being shown"
        assert screen.children.index(tabs) < screen.children.index(screen.query_one("#panes")), "above the panes"
        await t.press("1")
        assert tabs.active == "tab-goal"
        await t.pilot.resize_terminal(120, 40)
        await t.pilot.pause()
        assert not screen.has_class("-narrow") and not tabs.display


async def test_a_narrow_start_shows_the_tab_bar_on_the_first_pane(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db, size=NARROW) as t:
        screen = t.app.main_screen
        tabs = screen.query_one(Tabs)
        assert screen.has_class("-narrow") and tabs.display and tabs.active == "tab-goal"
        assert [p.id for p in screen.query(".pane.-active")] == ["goal"]
        assert t.app.focused is not None and t.app.focused.id == "goal-view"


async def test_returning_from_a_dialog_restyles_the_screen_as_textual_does(tmp_path: Path) -> None:
    """Only the first show skips the second styling pass: a theme changed under a dialog still shows."""
    db = tmp_path / "t.json"
    async with running(db) as t:
        footer = t.app.main_screen.query_one(TenfoldFooter)
        assert footer.styles.background.brightness < 0.5, "the dark theme"
        await t.press("question_mark")
        assert t.app.screen is not t.app.main_screen
        t.app.theme = "textual-light"
        await t.press("escape")
        assert t.app.screen is t.app.main_screen
        assert footer.styles.background.brightness > 0.5, "the light theme, once back on the main screen"


async def test_the_notes_editor_takes_the_previews_place_with_the_saved_notes(tmp_path: Path) -> None:
    """The first frame draws the notes without Textual's TextArea; the editor follows at once, same text and title."""
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.tick(1, TODAY)
        store.set_step(replace(store.steps()[1], notes="Target: 600 EUR a month"))
    async with running(db) as t:
        pane = t.app.main_screen.query_one(StepsPane)
        assert not pane.query(NotesPreview), "the preview is gone once the first frame is drawn"
        editors = list(pane.query("#step-notes"))
        assert len(editors) == 1 and isinstance(editors[0], TextArea)
        assert editors[0] is pane.notes_editor(), "built once"
        assert (editors[0].text, editors[0].border_title) == ("Target: 600 EUR a month", "Notes · step 2")
        assert editors[0].region.height == 4, "the preview's box"


async def test_notes_typed_right_after_start_are_kept_on_quit(tmp_path: Path) -> None:
    """Keys sent before the app has settled: the notes editor exists (or is built) when n asks for it."""
    db = tmp_path / "t.json"
    store = open_store(db)
    try:
        app = make_app(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("2", "n", *"Start small")
            await pilot.press("ctrl+q")
    finally:
        store.close()
    with open_store(db) as again:
        assert again.steps()[0].notes == "Start small"


async def test_the_garbage_collector_paused_for_start_up_runs_again_once_the_keyboard_is_quiet(
        tmp_path: Path) -> None:
    """tenfold.launch.main pauses the collector for the start-up; the main screen resumes it once drawn and the
    keyboard has been quiet a moment (the reader's quiet, as for reading the payments)."""
    from tui_support import until

    gc.disable()
    try:
        async with running(tmp_path / "t.json") as t:
            await until(t, gc.isenabled)
    finally:
        gc.enable()


async def test_the_collector_stays_paused_through_the_card_and_the_form_a_first_key_opens(tmp_path: Path) -> None:
    """Drawing the today card and answering w (the goal form) run without collections: the keyboard was not quiet."""
    from tenfold.tui.dialogs.forms import GoalForm

    store = open_store(tmp_path / "t.json")
    gc.disable()
    try:
        app = make_app(store, show_today=True)
        app.main_screen.reader.quiet = app.main_screen.reader.latest = 60.0  # not quiet for this test's length
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("w")
            await pilot.pause()
            assert isinstance(app.screen, GoalForm)
            assert not gc.isenabled()
    finally:
        gc.enable()
        store.close()


async def test_the_real_program_moves_what_start_up_made_out_of_the_collectors_sight(tmp_path: Path) -> None:
    """As the program runs it (freeze_collections): the widgets are frozen before the collector resumes."""
    db = tmp_path / "t.json"
    store = open_store(db)
    gc.disable()
    try:
        app = make_app(store)
        app.main_screen.reader.freeze_collections = True
        before = gc.get_freeze_count()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert gc.get_freeze_count() > before  # frozen at the first frame, before the collector resumes
    finally:
        gc.unfreeze()  # this test process runs many apps: give them back to the collector
        gc.enable()
        store.close()


def test_a_command_runs_with_the_garbage_collector_on(tmp_path: Path) -> None:
    """Only the app's start-up runs without it: a command (serve runs for hours) gets it back at once."""
    code = (
        "import gc, sys\n"
        "from tenfold.cli import cli, main\n"
        "@cli.command()\n"
        "def probe():\n"
        "    print('collector on' if gc.isenabled() else 'collector off')\n"
        "main()\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    result = subprocess.run(
        [sys.executable, "-c", code, "--db", str(tmp_path / "t.json"), "probe"],
        capture_output=True, text=True, env={**env, "XDG_STATE_HOME": str(tmp_path / "state")}, timeout=30, check=False,
    )
    assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "collector on", "")


async def test_with_the_launch_card_the_notes_editor_waits_for_it_and_is_there_when_the_panes_are_back(
        tmp_path: Path) -> None:
    """The editor is built once the card is drawn and the keyboard is quiet, not before the card nor in the way of
    the form w opens; closed at once, the card leaves the panes with the editor, where keys typed in a burst land."""
    from tui_support import until

    from tenfold.tui.dialogs.forms import GoalForm
    from tenfold.tui.screens.today import TodayScreen

    db = tmp_path / "t.json"
    store = open_store(db)
    try:
        app = make_app(store, show_today=True)
        reader = app.main_screen.reader
        reader.quiet = reader.latest = 60.0  # the keyboard does not fall quiet during the test
        async with app.run_test(size=(120, 40)) as pilot:
            t = Running(app, pilot, db)
            await until(t, lambda: isinstance(app.screen, TodayScreen) and app.focused is not None)
            pane = app.main_screen.query_one(StepsPane)
            assert pane.query(NotesPreview) and not pane.query(TextArea), "put off while the card is up"
            await t.press("w")
            await until(t, lambda: isinstance(app.screen, GoalForm))
            assert not pane.query(TextArea), "the form did not wait for the editor"
            await t.press("escape")
            await until(t, lambda: app.screen is app.main_screen)
            assert pane.query(TextArea) and not pane.query(NotesPreview), "built as the panes came back"
            await t.burst("2", "tab", *"Ask")
            assert pane.notes_editor().text == "Ask"
    finally:
        store.close()


async def test_with_the_launch_card_the_notes_editor_is_built_once_the_keyboard_is_quiet(tmp_path: Path) -> None:
    from tui_support import until

    from tenfold.tui.screens.today import TodayScreen

    db = tmp_path / "t.json"
    store = open_store(db)
    try:
        app = make_app(store, show_today=True)
        app.main_screen.reader.quiet = 0.05
        async with app.run_test(size=(120, 40)) as pilot:
            t = Running(app, pilot, db)
            pane = app.main_screen.query_one(StepsPane)
            await until(t, lambda: bool(pane.query(TextArea)))
            assert isinstance(app.screen, TodayScreen), "under the card, which stays"
    finally:
        store.close()
