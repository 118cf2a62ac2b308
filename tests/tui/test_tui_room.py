"""Room on the screen: nothing cut that matters, the keys that matter always in sight."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sample import fill_sample_data
from tui_support import NARROW, open_store, running, screen_lines

from tenfold.domain.steps import STEPS
from tenfold.tui.widgets.steps_pane import StepList


def sample(db: Path) -> None:
    with open_store(db) as store:
        fill_sample_data(store)


def pane_text(lines: list[str], left: bool) -> list[str]:
    """The left or the right half of a 2x2 screen, without borders."""
    half = [line[:60] if left else line[60:] for line in lines]
    return [part.strip("│ ") for part in half]


async def test_step_lines_and_the_days_action_wrap_instead_of_being_cut(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    sample(db)
    async with running(db) as t:  # 120x40: the steps pane is 56 columns wide
        await t.press("2", "k")  # step 3
        lines = screen_lines(t.app)
        right = pane_text(lines[:20], left=False)
        steps = "\n".join(right)
        assert "…" not in "\n".join(right[1:12]), "no step line ends in an ellipsis"
        assert "Select your passive income idea  chosen" in steps
        assert right[2].endswith("chosen") and right[3] == date(2026, 10, 14).isoformat(), (
            "step 1's date went to the next line, whole")
        assert "1 studied" in steps and "tick?" in steps
        today = " ".join(line for line in right if line)
        assert f"Today: {STEPS[2].today}" in today, "the day's action is shown whole"
        # A click on a wrapped step's second line selects that step and does not tick it.
        step_list = t.app.main_screen.query_one(StepList)
        assert await t.pilot.click("#step-list", offset=(2, 1))  # step 1's second line, under its box
        await t.pilot.pause()
        assert step_list.cursor == 0 and step_list.states[0].done, "selected, still ticked"
        assert await t.pilot.click("#step-list", offset=(12, 3))  # the title of step 3 (after step 1's two lines)
        await t.pilot.pause()
        assert step_list.cursor == 2


@pytest.mark.parametrize("keys", [("1",), ("2",), ("3",), ("4",), ("2", "enter")],
                         ids=["goal", "steps", "ledger", "ideas", "step screen"])
async def test_at_80_columns_the_footer_always_shows_help_and_quit(tmp_path: Path, keys: tuple[str, ...]) -> None:
    db = tmp_path / "t.json"
    sample(db)
    async with running(db, NARROW) as t:
        await t.press(*keys)
        footer = screen_lines(t.app)[-1]
        assert "q Quit" in footer, footer
        if keys != ("2", "enter"):  # the step screen's help is the main screen's
            assert "? Help" in footer, footer
