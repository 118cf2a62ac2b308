"""The Eight Steps pane: ticking by keyboard and mouse, and notes that are never lost."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import TextArea
from tui_support import TODAY, reopen, running

from tenfold.tui.widgets.steps_pane import NOTES_DEBOUNCE, StepList


def ticked(db: Path) -> dict[int, object]:
    """Step number -> the date it was ticked, for ticked steps, as saved in the file."""
    with reopen(db) as store:
        return {s.number: s.done_on for s in store.steps() if s.done}


async def test_tick_and_untick_with_the_keyboard_and_the_mouse(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        steps = t.app.main_screen.query_one(StepList)
        # The mouse: a click on a box ticks (and unticks); a click on a title only selects.
        assert await t.pilot.click("#step-list", offset=(1, 2))  # the box of step 3
        await t.pilot.pause()
        assert ticked(db) == {3: TODAY}, "saved at once, while the app runs"
        assert steps.cursor == 2
        assert await t.pilot.click("#step-list", offset=(12, 6))  # the title of step 7
        await t.pilot.pause()
        assert steps.cursor == 6
        assert ticked(db) == {3: TODAY}, "a click on the title does not tick"
        assert await t.pilot.click("#step-list", offset=(2, 2))  # step 3 again: unticked
        await t.pilot.pause()
        assert ticked(db) == {}
        # The keyboard: space and x tick and untick (Enter opens the step); j/k and the arrows move.
        await t.press("2", *["k"] * 6)  # from step 7 up to step 1
        assert steps.has_focus and steps.cursor == 0
        await t.press("space")  # step 1
        await t.press("j", "x")  # step 2
        await t.press("down", "down", "x")  # step 4
        assert ticked(db) == {1: TODAY, 2: TODAY, 4: TODAY}
        await t.press("k", "up", "space")  # step 2 again: unticked
        assert [s.done for s in steps.states] == [True, False, False, True, False, False, False, False]
        assert "[x] 1 " in str(steps.render())
    assert ticked(db) == {1: TODAY, 4: TODAY}


async def test_notes_are_saved_after_a_pause_in_typing(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("2", "j", "n")  # step 2's notes
        notes = t.app.main_screen.query_one("#step-notes", TextArea)
        assert notes.has_focus
        await t.type("Monthly target: 600 EUR\nfrom two ebooks")
        with reopen(db) as store:
            assert store.steps()[1].notes == "", "not saved while typing"
        await asyncio.sleep(NOTES_DEBOUNCE + 0.3)
        await t.pilot.pause()
        with reopen(db) as store:
            assert store.steps()[1].notes == "Monthly target: 600 EUR\nfrom two ebooks"
        # Escape goes back to the list; moving to another step shows its (empty) notes.
        await t.press("escape")
        assert t.app.main_screen.query_one(StepList).has_focus
        await t.press("j")
        assert notes.text == ""
        await t.press("k")
        assert notes.text == "Monthly target: 600 EUR\nfrom two ebooks"


async def test_notes_typed_just_before_quitting_are_saved(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("2", "n")
        await t.type("Ideas: ebook on budgeting")
        await t.press("ctrl+q")  # q would be typed into the notes; ctrl+q quits from anywhere
    with reopen(db) as store:
        assert store.steps()[0].notes == "Ideas: ebook on budgeting"


async def test_notes_are_saved_when_moving_to_another_pane_and_ticking_keeps_them(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("2", "j", "j", "n")
        await t.type("Plan: one chapter a week")
        await t.press("escape", "3")  # leave the notes at once, no pause for the debounce
        with reopen(db) as store:
            assert store.steps()[2].notes == "Plan: one chapter a week"
        await t.press("2")
        assert t.app.main_screen.query_one("#step-notes", TextArea).text == "Plan: one chapter a week"
        await t.press("space")  # step 3, still under the cursor
    with reopen(db) as store:
        step = store.steps()[2]
    assert (step.done_on, step.notes) == (TODAY, "Plan: one chapter a week")
