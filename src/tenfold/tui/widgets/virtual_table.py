"""A table that draws only the rows on screen, for lists of any length.

Textual's DataTable builds every row up front: 100,000 payments took 13-17 s
before the first paint (benchmarks/RESULTS.md). This widget keeps a plain Python
sequence of records and a function that turns one record into its cells, and asks
for the cells of a row only when that row is drawn (Textual's line API:
``render_line`` per screen line, ``virtual_size`` for the scrollbar). Filling it is
assigning a list; memory is the records the store already holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter, indexOf
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tenfold.tui.keys import TABLE_KEYS, bindings
from tenfold.tui.widgets.columns import PADDING, Column, fit_cell, fit_widths, natural_widths, one_line

_ID = attrgetter("id")


class HasId(Protocol):
    """A record the table can show: stream, payment and idea all have an id."""

    @property
    def id(self) -> int:
        """The record's id in the store."""


R = TypeVar("R", bound=HasId)


class _RowMessage(Message):
    """A row of a table, by position and by record id."""

    def __init__(self, table: VirtualTable[Any], row: int, record_id: int) -> None:
        self.table = table
        self.row = row
        self.record_id = record_id
        super().__init__()

    @property
    def control(self) -> VirtualTable[Any]:
        """The table, so ``@on(VirtualTable.RowSelected, "#payments")`` can pick one."""
        return self.table


CELL_CACHE = 2048
"""Rows whose cells are kept between redraws: a few screens, whatever the data's size."""


class VirtualTable(ScrollView, Generic[R], can_focus=True):
    """Header line, a row cursor, zebra stripes; row ``i`` is ``cells(records[i])``."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(TABLE_KEYS)

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--even-row",
        "virtual-table--odd-row",
    }

    # The look of Textual's DataTable (zebra stripes, row cursor), so nothing changes to the eye.
    DEFAULT_CSS = """
    VirtualTable {
        background: $surface;
        color: $foreground;
        width: 1fr;
        height: auto;
        max-height: 100%;
        overflow-x: hidden;
        overflow-y: auto;
        &:focus {
            background-tint: $foreground 5%;
            /* The table with the cursor says so in its header: two tables share the ledger pane. */
            & > .virtual-table--header {
                background: $accent-muted;
                color: $text;
            }
            & > .virtual-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        &:dark > .virtual-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .virtual-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .virtual-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .virtual-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .virtual-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    class RowHighlighted(_RowMessage):
        """The cursor moved to another row (keys or a click)."""

    class RowSelected(_RowMessage):
        """Enter, or a click on the row already under the cursor."""

    def __init__(self, columns: Sequence[Column], cells: Callable[[R], Sequence[str]], *,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.columns = tuple(columns)
        self._cells_of = cells
        self._records: Sequence[R] = ()
        self._cursor = 0
        self._cells: dict[int, tuple[str, ...]] = {}
        self._seen: list[int] | None = None
        """Widths asked for by the rows drawn since the data changed (columns only widen)."""
        self._widths: list[int] = [len(c.label) for c in self.columns]
        self._layout_key: tuple[int, int, int, int] | None = None
        self._paint_style: Style | None = None
        """The widget's own style while a paint is under way (:meth:`render_lines`)."""
        self._version = 0
        self.marks: Callable[[str], Sequence[tuple[int, int]]] | None = None
        """Where a cell's text (as drawn, cut to its column) is highlighted: a search's matches."""

    # ----- data ---------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """How many records the table holds (not how many are on screen)."""
        return len(self._records)

    @property
    def cursor_row(self) -> int:
        """Index of the row under the cursor (0 when the table is empty)."""
        return self._cursor

    def selected_id(self) -> int | None:
        """The id of the record under the cursor, or None when the table is empty."""
        return self._records[self._cursor].id if self._records else None

    def get_row_at(self, index: int) -> list[str]:
        """The cells of row ``index`` as text, before any cutting to width."""
        return list(self._row_cells(index))

    def set_rows(self, records: Sequence[R], cells: Callable[[R], Sequence[str]] | None = None,
                 place: Callable[[R], int | None] | None = None) -> None:
        """Show ``records`` (kept, not copied), the cursor staying on the same record if it is there.

        When that record is gone the cursor stays at the same position. Costs one
        look at the old position and, only if the record moved, one pass over ids -
        or, when the caller knows where a record is in ``records`` (``place``: its
        index, or None when it is not there), one call of that.
        """
        keep, old = self.selected_id(), self._cursor
        previous = self._records[old] if place is not None and 0 <= old < len(self._records) else None
        count_changed = len(records) != len(self._records)
        self._records = records
        if cells is not None:
            self._cells_of = cells
        self._cells.clear()
        self._seen = None
        self._version += 1
        if previous is not None and place is not None:
            if old < len(records) and records[old].id == previous.id:
                self._cursor = old
            else:
                found = place(previous)
                self._cursor = found if found is not None else min(old, max(len(records) - 1, 0))
        else:
            self._cursor = self._find(keep, old)
        self.virtual_size = Size(0, len(records) + 1)
        self.refresh(layout=count_changed)
        self._scroll_to_cursor()
        self.call_after_refresh(self._scroll_to_cursor)

    def _find(self, record_id: int | None, near: int) -> int:
        last = len(self._records) - 1
        if last < 0:
            return 0
        if record_id is not None:
            if near <= last and self._records[near].id == record_id:
                return near
            try:  # the whole search in C: a new order of a million payments moves the record anywhere
                return indexOf(map(_ID, self._records), record_id)
            except ValueError:
                pass
        return min(near, last)

    def _row_cells(self, index: int) -> tuple[str, ...]:
        cells = self._cells.get(index)
        if cells is None:
            if len(self._cells) >= CELL_CACHE:
                self._cells.clear()
            cells = tuple(one_line(str(c)) for c in self._cells_of(self._records[index]))
            self._cells[index] = cells
        return cells

    # ----- the cursor -----------------------------------------------------------------

    def select_id(self, record_id: int) -> None:
        """Put the cursor on the record with ``record_id`` (one pass over ids), if the table holds it.

        After adding a record the user expects to see it, not the row that was selected before.
        """
        for index, record in enumerate(self._records):
            if record.id == record_id:
                self.move_cursor(index)
                return

    def move_cursor(self, row: int) -> None:
        """Put the cursor on ``row`` (clamped), scroll it into view, announce it."""
        if not self._records:
            return
        row = max(0, min(row, len(self._records) - 1))
        if row == self._cursor:
            return
        old, self._cursor = self._cursor, row
        self.refresh_line(old + 1)
        self.refresh_line(row + 1)
        self._scroll_to_cursor()
        self.post_message(self.RowHighlighted(self, row, self._records[row].id))

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, force=True)
        elif self._cursor >= top + visible:
            self.scroll_to(y=self._cursor - visible + 1, animate=False, force=True)

    def action_move(self, rows: int) -> None:
        """``rows`` rows down (up when negative)."""
        self.move_cursor(self._cursor + rows)

    def action_page(self, pages: int) -> None:
        """``pages`` screens down (up when negative), keeping one row of context."""
        self.move_cursor(self._cursor + pages * max(1, self.scrollable_content_region.height - 2))

    def action_move_to(self, row: int) -> None:
        """Row ``row``; -1 is the last row."""
        self.move_cursor(row if row >= 0 else len(self._records) - 1)

    def action_select_cursor(self) -> None:
        """Announce the row under the cursor as chosen (the pane opens it)."""
        if self._records:
            self.post_message(self.RowSelected(self, self._cursor, self._records[self._cursor].id))

    def on_click(self, event: events.Click) -> None:
        """A click moves the cursor; a click on the row under the cursor selects it."""
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        row = round(self.scroll_y) + offset.y - 1
        if row >= len(self._records):
            return
        event.stop()
        if row == self._cursor:
            self.action_select_cursor()
        else:
            self.move_cursor(row)

    # ----- drawing --------------------------------------------------------------------

    def _layout(self) -> None:
        """Column widths from the header and the rows on screen, fitted to the width.

        Recomputed when the data, the width or the scrolled window changes; only
        the visible rows are measured, so a screen costs the same at any length.
        """
        # Not self.size: that still includes the vertical scrollbar's columns.
        width, height = self.scrollable_content_region.size
        top = round(self.scroll_y)
        key = (self._version, width, top, height)
        if key == self._layout_key:
            return
        self._layout_key = key
        window = range(top, min(top + max(0, height - 1), len(self._records)))
        self._seen = natural_widths(self.columns, (self._row_cells(i) for i in window), self._seen)
        self._widths = fit_widths(self.columns, self._seen, width)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Lay the columns out once per paint, then draw line by line.

        The widget's own style is looked up once per paint too: Textual works it out
        from every ancestor's background on each call, which was most of a line's cost.
        """
        self._layout()
        self._paint_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._paint_style = None

    def render_line(self, y: int) -> Strip:
        """Line 0 is the header; line ``y`` shows row ``scroll_y + y - 1``."""
        width = self.size.width
        base = self._paint_style or self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("virtual-table--header")
            return self._strip([c.label for c in self.columns], style, width)
        row = round(self.scroll_y) + y - 1
        if row >= len(self._records):
            return Strip.blank(width, base)
        style = base + self.get_component_rich_style("virtual-table--odd-row" if row % 2 else "virtual-table--even-row")
        if row == self._cursor:
            style += self.get_component_rich_style("virtual-table--cursor")
        return self._strip(self._row_cells(row), style, width)

    def _strip(self, cells: Sequence[str], style: Style, width: int) -> Strip:
        pad = " " * PADDING
        fitted = [fit_cell(text, w, column.align) for text, w, column in zip(cells, self._widths, self.columns,
                                                                              strict=True)]
        marks = self.marks
        if marks is None:
            text = "".join(pad + cell + pad for cell in fitted)
            return Strip([Segment(text, style)]).adjust_cell_length(width, style)
        marked = style + Style(bold=True, reverse=True)  # as the detail marks matches
        segments: list[Segment] = []
        for cell in fitted:
            at = 0
            segments.append(Segment(pad, style))
            for start, end in marks(cell):
                start, end = max(start, at), min(end, len(cell))
                if start >= end:
                    continue
                segments += [Segment(cell[at:start], style), Segment(cell[start:end], marked)]
                at = end
            segments += [Segment(cell[at:], style), Segment(pad, style)]
        return Strip([s for s in segments if s.text]).adjust_cell_length(width, style)
