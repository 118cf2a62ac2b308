"""SVG snapshots of each pane, the help screen and the forms, at 120x40 and 80x24.

Run ``pytest tests/tui/test_snapshots.py --snapshot-update`` after a deliberate layout
change and review the SVGs in the diff. The date is fixed, the data is the sample
data written through the real store, cursors do not blink, and the data file sits
at a fixed path (the help screen shows it), so the pictures only change when the
app does. ``snap_compare`` tests are plain functions, not ``async``.
"""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sample import fill_sample_data
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tenfold.store.store import Store
from tenfold.tui.app import TenfoldApp, make_app

TODAY = date(2026, 11, 21)
ROOT = Path("/tmp/tenfold-snapshots")
WIDE = (120, 40)
NARROW = (80, 24)

Snap = Callable[..., bool]


@pytest.fixture
def app_for(request: pytest.FixtureRequest) -> Iterator[Callable[[bool], TenfoldApp]]:
    """Build the real app on a fresh file at a fixed path, with or without sample data."""
    folder = ROOT / request.node.name.replace("[", "-").replace("]", "")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    stores: list[Store] = []

    def build(sample: bool = True) -> TenfoldApp:
        store = Store.open(folder / "tenfold.json", today=lambda: TODAY)
        if sample:
            fill_sample_data(store)
        stores.append(store)
        return make_app(store)

    yield build
    for store in stores:
        store.close()
    shutil.rmtree(folder, ignore_errors=True)


def keys(*presses: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press keys, then stop every cursor blinking so the frame is stable."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for key in presses:
            await pilot.press(key)
            await pilot.pause()
        for widget in pilot.app.screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
        for widget in pilot.app.screen_stack[0].query("Input, TextArea") if pilot.app.screen_stack else []:
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
def test_first_start_invites_the_goal(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp],
                                      size: tuple[int, int]) -> None:
    """A new user sees the four titles and the invitation to write the goal first."""
    assert snap_compare(app_for(False), terminal_size=size, run_before=keys())


def test_all_four_panes_wide(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp]) -> None:
    """The daily screen at 120x40 with a few months of data."""
    assert snap_compare(app_for(True), terminal_size=WIDE, run_before=keys())


@pytest.mark.parametrize("pane", ["1", "2", "3", "4"], ids=["goal", "steps", "ledger", "ideas"])
def test_each_pane_narrow(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp], pane: str) -> None:
    """At 80x24 each pane is a tab shown at full size."""
    assert snap_compare(app_for(True), terminal_size=NARROW, run_before=keys(pane))


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
def test_help_screen(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp], size: tuple[int, int]) -> None:
    """The help screen lists every key."""
    assert snap_compare(app_for(True), terminal_size=size, run_before=keys("question_mark"))


def test_goal_form_with_errors(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp]) -> None:
    """Bad input is explained under its field and stays in the form."""
    presses = ("w", "tab", "ctrl+a", "ctrl+k", *"1,2,3", "tab", "tab", "ctrl+a", "ctrl+k", *"2026-02-30", "ctrl+s")
    assert snap_compare(app_for(False), terminal_size=WIDE, run_before=keys(*presses))


def test_payment_form_narrow(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp]) -> None:
    """The payment form fits an 80x24 terminal."""
    assert snap_compare(app_for(True), terminal_size=NARROW, run_before=keys("3", "a"))


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
def test_today_card(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp], size: tuple[int, int]) -> None:
    """The today card: goal, progress, the day's question, next step, money due, honest checks."""
    assert snap_compare(app_for(True), terminal_size=size, run_before=keys("t"))


def test_ledger_chart_narrow(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp]) -> None:
    """The bar chart of monthly passive income against the goal line fits 80x24."""
    assert snap_compare(app_for(True), terminal_size=NARROW, run_before=keys("3", "c"))


def test_report_screen(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp]) -> None:
    """The report: per stream and per month, shares, converted with the named rate."""
    assert snap_compare(app_for(True), terminal_size=WIDE, run_before=keys("3", "r"))


def test_step_screen(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp]) -> None:
    """A step at full size with what it produced (step 3's sub-tasks)."""
    assert snap_compare(app_for(True), terminal_size=WIDE, run_before=keys("2", "up", "enter"))


def test_idea_form_with_ladder_narrow(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp]) -> None:
    """The brainstorm form with the reach ladder at 80x24."""
    assert snap_compare(app_for(True), terminal_size=NARROW, run_before=keys("4", "a"))


def test_goal_history(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp]) -> None:
    """Earlier versions of the goal and what changed."""
    assert snap_compare(app_for(True), terminal_size=WIDE, run_before=keys("1", "h"))


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
def test_idea_form_editing(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp], size: tuple[int, int]) -> None:
    """An entry with an automated rung: the whole form and its buttons at 120x40; ticked and empty boxes differ."""
    assert snap_compare(app_for(True), terminal_size=size, run_before=keys("4", "j", "e"))


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
def test_ledger_zoomed(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp], size: tuple[int, int]) -> None:
    """z: the ledger alone at full size, its payments table marked as the one with the cursor."""
    assert snap_compare(app_for(True), terminal_size=size, run_before=keys("3", "z"))


def test_month_report_narrow(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp]) -> None:
    """The month report at 80x24: the month and the one before it side by side, nothing cut."""
    assert snap_compare(app_for(True), terminal_size=NARROW, run_before=keys("3", "r"))


def test_year_report_wide(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp]) -> None:
    """The year report at 120x40: the months in two tables, every figure and month whole."""
    assert snap_compare(app_for(True), terminal_size=WIDE, run_before=keys("3", "r", "y"))


@pytest.mark.parametrize("theme", ["solarized-light", "gruvbox"])
def test_main_screen_in_a_light_and_a_dark_theme(snap_compare: Snap, app_for: Callable[[bool], TenfoldApp],
                                                 theme: str) -> None:
    """Borders and titles readable in a light theme and a dark one (every theme is measured in test_theme)."""

    async def themed(pilot: Pilot[None]) -> None:
        pilot.app.theme = theme
        await keys("3")(pilot)

    assert snap_compare(app_for(True), terminal_size=WIDE, run_before=themed)
