"""The line-based table behind the ledger and the ideas: layout, keys, mouse, and drawing only what shows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Region

from tenfold.tui.widgets.columns import Column, fit_cell, fit_widths, natural_widths, table_width
from tenfold.tui.widgets.virtual_table import VirtualTable

# ----- column arithmetic ---------------------------------------------------------------


def test_fit_cell_pads_aligns_and_cuts_with_an_ellipsis() -> None:
    assert fit_cell("42.50 EUR", 12, "right") == "   42.50 EUR"
    assert fit_cell("seats", 7) == "seats  "
    assert fit_cell("Saturday consulting", 10) == "Saturday… "
    assert fit_cell("Saturday consulting", 12) == "Saturday co…"
    assert fit_cell("日本語のノート", 6) == "日本… "  # two cells each: cut on a character, padded to 6
    assert fit_cell("anything", 0) == ""


def test_widths_come_from_header_and_data_capped_by_max_width() -> None:
    columns = [Column("Date"), Column("Who", max_width=8), Column("Amount", align="right")]
    rows = [("2026-11-21", "Readers of my blog", "1.00 EUR")]
    assert natural_widths(columns, rows) == [10, 8, 8]
    assert natural_widths(columns, []) == [4, 3, 6]
    assert natural_widths(columns, [], at_least=[10, 5, 9]) == [10, 5, 9]


def test_fitting_cuts_the_widest_shrinkable_column_first() -> None:
    columns = [Column("Date", shrink=False), Column("Stream"), Column("Amount", shrink=False), Column("Note")]
    natural = [10, 20, 10, 12]
    assert fit_widths(columns, natural, 100) == natural, "room enough: nothing is cut"
    assert fit_widths(columns, natural, 56) == [10, 16, 10, 12], "the widest gives first"
    fitted = fit_widths(columns, natural, 48)
    assert fitted == [10, 10, 10, 10], "then the two long ones share the cut; dates and money stay whole"
    assert table_width(fitted) == 48
    assert fit_widths(columns, natural, 10)[1::2] == [4, 4], "at the minimum, the rest is cut at the edge"


# ----- the widget ----------------------------------------------------------------------


@dataclass(frozen=True)
class Rec:
    id: int
    name: str
    amount: str


COLUMNS = (Column("Name"), Column("Amount", align="right", shrink=False))


class TableApp(App[None]):
    """One table of ``count`` records; records every message the table posts."""

    def __init__(self, records: list[Rec]) -> None:
        super().__init__()
        self.records = records
        self.cell_calls = 0
        self.messages: list[tuple[str, int, int]] = []

    def cells(self, record: Rec) -> tuple[str, str]:
        self.cell_calls += 1
        return record.name, record.amount

    def compose(self) -> ComposeResult:
        yield VirtualTable(COLUMNS, self.cells, id="table")

    def on_mount(self) -> None:
        table = self.query_one(VirtualTable)
        table.set_rows(self.records)
        table.focus()

    def on_virtual_table_row_highlighted(self, message: VirtualTable.RowHighlighted) -> None:
        self.messages.append(("highlighted", message.row, message.record_id))

    def on_virtual_table_row_selected(self, message: VirtualTable.RowSelected) -> None:
        self.messages.append(("selected", message.row, message.record_id))


def records(count: int) -> list[Rec]:
    return [Rec(n + 1, f"Stream {n:06}", f"{n}.00 EUR") for n in range(count)]


def lines(app: TableApp) -> list[str]:
    table = app.query_one(VirtualTable)
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_a_hundred_thousand_rows_draw_only_what_is_on_screen() -> None:
    app = TableApp(records(100_000))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(VirtualTable)
        assert table.row_count == 100_000
        assert app.cell_calls < 50, "only the rows on screen are turned into cells"
        shown = lines(app)
        assert shown[0].split() == ["Name", "Amount"]
        assert shown[1].rstrip().endswith("0.00 EUR") and "Stream 000000" in shown[1]
        await pilot.press("G")
        assert table.cursor_row == 99_999 and table.selected_id() == 100_000
        assert any("Stream 099999" in line for line in lines(app)), "the end scrolled into view"
        assert app.cell_calls < 100


async def test_keys_move_the_cursor_and_announce_it() -> None:
    app = TableApp(records(50))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(VirtualTable)
        visited = []
        for key in ("j", "down", "k", "pagedown", "pageup", "end", "up", "home", "g", "G"):
            await pilot.press(key)
            visited.append(table.cursor_row)
        page = table.size.height - 2
        assert visited == [1, 2, 1, 1 + page, 1, 49, 48, 0, 0, 49]
        assert [m[1] for m in app.messages] == [1, 2, 1, 1 + page, 1, 49, 48, 0, 49], "one per move"
        assert all(kind == "highlighted" and record == row + 1 for kind, row, record in app.messages)
        app.messages.clear()
        await pilot.press("enter")
        assert app.messages == [("selected", 49, 50)]


async def test_a_click_moves_the_cursor_and_a_second_click_selects() -> None:
    app = TableApp(records(5))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(VirtualTable)
        await pilot.click(VirtualTable, offset=(2, 3))  # line 3: the header, then rows 0, 1, 2
        assert table.cursor_row == 2
        assert app.messages == [("highlighted", 2, 3)]
        await pilot.click(VirtualTable, offset=(2, 3))
        assert app.messages[-1] == ("selected", 2, 3)
        await pilot.click(VirtualTable, offset=(2, 0))  # the header selects nothing
        await pilot.click(VirtualTable, offset=(2, 9))  # below the last row
        assert table.cursor_row == 2 and len(app.messages) == 2


async def test_new_rows_keep_the_cursor_on_the_same_record() -> None:
    data = records(10)
    app = TableApp(data)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.query_one(VirtualTable)
        await pilot.press("j", "j", "j")
        assert table.selected_id() == 4
        table.set_rows([Rec(99, "New", "1.00 EUR"), *data])  # a record added above it
        assert (table.cursor_row, table.selected_id()) == (4, 4)
        table.set_rows([r for r in data if r.id != 4])  # it is deleted: the cursor stays where it was
        assert (table.cursor_row, table.selected_id()) == (4, 6)
        table.set_rows(data[:2])
        assert (table.cursor_row, table.selected_id()) == (1, 2)
        table.set_rows([])
        assert (table.row_count, table.selected_id()) == (0, None)
        await pilot.press("j", "enter")
        assert app.messages == [("highlighted", 1, 2), ("highlighted", 2, 3), ("highlighted", 3, 4)]


async def test_columns_fit_the_width_money_right_aligned_long_text_cut() -> None:
    data = [Rec(1, "A stream with a very long name indeed", "1,234.50 EUR"), Rec(2, "Short", "5.00 EUR")]
    app = TableApp(data)
    async with app.run_test(size=(30, 6)) as pilot:
        await pilot.pause()
        shown = lines(app)
    assert all(len(line) == 30 for line in shown)
    assert shown[1] == " A stream with…  1,234.50 EUR "
    assert shown[2].endswith("    5.00 EUR "), "amounts end in the same column"
    assert shown[0].startswith(" Name ") and "Amount" in shown[0]


async def test_a_paint_looks_up_the_widgets_own_style_once_and_draws_the_same_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Textual works a widget's style out from all its ancestors on each look-up: once per paint, not per line."""
    app = TableApp(records(200))
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(VirtualTable)
        region = Region(0, 0, table.size.width, table.size.height)
        line_by_line = [strip.text for strip in (table.render_line(y) for y in range(table.size.height))]
        looked_up = [0]
        own_style = VirtualTable.rich_style

        def counted(widget: VirtualTable[Any]) -> Style:
            looked_up[0] += 1
            return own_style.__get__(widget)  # type: ignore[no-any-return]

        monkeypatch.setattr(VirtualTable, "rich_style", property(counted))
        table._styles_cache.clear()
        painted = table.render_lines(region)
        assert looked_up[0] == 1
        assert [strip.text for strip in painted] == line_by_line
        assert [strip for strip in painted] == [table.render_line(y) for y in range(table.size.height)]
