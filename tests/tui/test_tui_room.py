"""Room on the screen: nothing cut that matters, the keys that matter always in sight."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from rich.style import Style
from sample import fill_sample_data
from tui_support import NARROW, Running, open_store, running, screen_lines

from tenfold.domain.ledger import Payment
from tenfold.domain.steps import STEPS
from tenfold.domain.streams import Stream
from tenfold.tui.widgets.report_view import ReportView
from tenfold.tui.widgets.steps_pane import StepList
from tenfold.tui.widgets.virtual_table import VirtualTable


def sample(db: Path, *, rental: bool = False) -> None:
    """The sample data; ``rental``: a fifth stream, monthly, whose October payment is late (an overdue line)."""
    with open_store(db) as store:
        fill_sample_data(store)
        if rental:
            flat = store.add_stream(Stream(0, "Rental flat", "rental", "passive", "EUR", "monthly", Decimal("700")))
            store.add_payment(Payment(0, flat.id, date(2026, 9, 1), Decimal("700.00"), "rent"))


def rows_shown(t: Running, table_id: str) -> int:
    """Data rows of a table that are on screen: inside its pane, below its header."""
    table = t.app.main_screen.query_one(f"#{table_id}", VirtualTable)
    pane = t.app.main_screen.query_one("#ledger")
    bottom = min(table.region.bottom, pane.content_region.bottom)
    return max(0, bottom - table.region.y - 1) if table.display and pane.display else 0


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


@pytest.mark.parametrize(("size", "payments"), [((120, 40), 10), ((100, 30), 3)], ids=["120x40", "100x30"])
async def test_the_ledger_shows_its_payments(tmp_path: Path, size: tuple[int, int], payments: int) -> None:
    db = tmp_path / "t.json"
    sample(db, rental=True)
    async with running(db, size) as t:
        await t.press("3")
        lines = "\n".join(screen_lines(t.app))
        assert "! Overdue: Rental flat" in lines
        assert rows_shown(t, "payments") >= payments
        if size == (120, 40):
            assert rows_shown(t, "streams") == 5, "and all five streams"


async def test_z_shows_any_pane_alone_at_full_size_and_back(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    sample(db, rental=True)
    async with running(db) as t:
        screen = t.app.main_screen
        await t.press("3", "z")
        panes = {name: screen.query_one(f"#{name}") for name in ("goal", "steps", "ledger", "ideas")}
        assert [name for name, pane in panes.items() if pane.display] == ["ledger"]
        assert panes["ledger"].region.height == 38, "the whole height between header and footer"
        assert "zoomed, z: all panes" in str(panes["ledger"].border_title)
        assert rows_shown(t, "payments") >= 20
        await t.press("1")  # moving on keeps the zoom: the goal alone
        assert [name for name, pane in panes.items() if pane.display] == ["goal"]
        assert str(panes["ledger"].border_title) == "Income Ledger"
        await t.press("z")
        assert all(pane.display for pane in panes.values()), "all four again"
        assert str(panes["goal"].border_title) == "Written Goal"
        assert any("z Zoom" in line for line in screen_lines(t.app)[-1:]), "the footer names the key"


def header_background(t: Running, table_id: str) -> object:
    table = t.app.main_screen.query_one(f"#{table_id}", VirtualTable)
    style: Style = table.get_component_rich_style("virtual-table--header")
    return style.bgcolor


async def test_the_table_with_the_cursor_is_marked(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    sample(db)
    async with running(db) as t:
        await t.press("3")
        focused, other = header_background(t, "payments"), header_background(t, "streams")
        assert focused != other, "the payments table (with the cursor) has a header of its own colour"
        await t.press("shift+tab")  # to the streams table
        assert header_background(t, "streams") == focused
        assert header_background(t, "payments") == other


def table_lines(text: str) -> list[str]:
    """The lines of the report's tables (borders and cells)."""
    return [line for line in text.splitlines() if line[:1] in "┏┃┡│└├"]


async def test_the_year_report_at_120x40_cuts_no_figure_and_no_month(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    sample(db)
    with open_store(db) as store:  # the ledger begins in January: the year shows eleven months
        store.add_payment(Payment(0, 1, date(2026, 1, 15), Decimal("10.00"), "first copy"))
    async with running(db) as t:
        await t.press("3", "r", "y")
        view = t.app.screen.query_one(ReportView)
        text = view.text()
        assert not [line for line in table_lines(text) if "…" in line], "nothing ends in an ellipsis"
        for month in range(1, 12):
            assert f"2026-{month:02d}" in text
        assert "4,200.00" in text and "1,773.00" in text and "Passive %" in text
        assert max(len(line) for line in table_lines(text)) <= view.scrollable_content_region.width, (
            "the year's tables fit the screen: no sideways scroll needed at 120 columns")


async def test_the_month_report_at_80x24_shows_the_comparison_whole(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    sample(db)
    async with running(db, NARROW) as t:
        await t.press("3", "r")
        view = t.app.screen.query_one(ReportView)
        text = view.text()
        header = next(line for line in text.splitlines() if "2026-10" in line and "Stream" in line)
        assert "2026-09 ┃ 2026-10 ┃ Passive % ┃" in header, header
        assert len(header) <= view.scrollable_content_region.width, "the comparison fits 80 columns"
        assert not [line for line in table_lines(text) if "…" in line]
        assert "6,000.00 USD" in text, "a table wider than the screen is drawn whole, to scroll sideways"
        assert "shift+← → sideways" in "\n".join(screen_lines(t.app))


async def test_a_form_in_a_small_terminal_wraps_its_labels_instead_of_cutting_them(tmp_path: Path) -> None:
    """At 40 columns the amount's label lost "a minus, e.g. -12.50", the part that says how to type a refund."""
    db = tmp_path / "t.json"
    sample(db)
    async with running(db, size=(40, 16)) as t:
        await t.press("3", "a")
        label = t.form.query(".field-label")[2]
        assert str(label.render()).startswith("Amount")
        assert label.size.width <= t.form.query_one("#field-amount").size.width, "the label fits the form's width"
        shown = "\n".join(screen_lines(t.app))
        assert "Amount (a refund given back: with" in shown and "a minus, e.g. -12.50)" in shown


@pytest.mark.parametrize("keys", [("1",), ("4",), ("2", "enter")], ids=["steps' coaching", "entry", "step screen"])
async def test_a_terminal_a_few_columns_wide_leaves_the_app_idle(tmp_path: Path, keys: tuple[str, ...]) -> None:
    """At 5x3 the coaching text under its scrollbar fitted without one and then needed it again: a resize loop.

    The app kept a core busy for as long as the terminal stayed that small.
    """
    db = tmp_path / "t.json"
    sample(db)
    async with running(db) as t:
        await t.press(*keys)
        await t.pilot.resize_terminal(5, 3)
        await t.settle(seconds=3)  # fails while widgets keep resizing each other
        await t.pilot.resize_terminal(120, 40)
        await t.settle(seconds=3)
