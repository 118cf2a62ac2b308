"""Rich tables drawn straight to lines of text where nothing is styled: a report sent to a file or a pipe.

Rich lays out every cell through its segments, styles and line splitting: with 200
streams that is most of the time ``tenfold report`` takes. Where the console shows
no colours, every style drops out and what is left is text: the box's lines, each
cell's lines justified in its column, and the title padded to the table's width.
:class:`Drawn` writes those lines itself, with the column widths and the box Rich
itself gives (``Table._calculate_column_widths``, ``Box.substitute``), so the text
is the very same (tested against Rich, byte for byte, at many widths and contents).

Anything outside the few table shapes the report uses (a cell too wide for its
column, text Rich would read as markup, a line break at a cell's end, a control
character...) is drawn by Rich, as is everything on a terminal.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

_MARKUP = ("[", ":")
"""Characters that may make Rich read a plain string as markup or an emoji code: such a table goes to Rich."""


class Drawn:
    """``table``, drawn as plain lines when the console has no colours (see the module's docstring)."""

    def __init__(self, table: Table) -> None:
        self.table = table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = plain_lines(self.table, console, options) if console.color_system is None else None
        if lines is None:
            yield self.table
            return
        end = Segment.line()
        for line in lines:
            yield Segment(line)
            yield end

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)


def _text(cell: object) -> str | None:
    """A cell's text as Rich would show it unstyled; None when Rich must lay it out itself."""
    if isinstance(cell, Text):
        if cell.justify is not None or cell.overflow is not None or cell.no_wrap is not None:
            return None
        text = cell.plain
    elif isinstance(cell, str):
        if any(mark in cell for mark in _MARKUP):
            return None
        text = cell
    else:
        return None
    if text.endswith("\n") or not text.replace("\n", "").isprintable():
        return None
    return text


def _cell(text: str, width: int, justify: str) -> list[str] | None:
    """The lines of a cell ``width`` wide (its padding of one space each side included); None if one does not fit."""
    inner = width - 2
    out = []
    for line in text.split("\n"):
        if cell_len(line) > inner:
            return None
        if justify == "left":
            out.append(f" {line}{' ' * (inner - cell_len(line))} ")
        else:  # right: as Rich, trailing spaces go before the line is padded on the left
            line = line.rstrip()
            out.append(f" {' ' * (inner - cell_len(line))}{line} ")
    return out


def _plain_shape(table: Table) -> bool:
    """Whether ``table`` has the shape drawn here: a box with edges and a header, a title on the left,
    cells padded one space each side, no caption, footer, lines between rows or leading."""
    return (
        table.box is not None and table.show_header and table.show_edge and not table.show_footer
        and not table.show_lines and not table.leading and table.caption is None and table.width is None
        and table.padding == (0, 1, 0, 1) and table.pad_edge and not table.collapse_padding
        and isinstance(table.title, str) and not any(mark in table.title for mark in _MARKUP)
        and table.title_justify == "left" and bool(table.rows)
        and all(c.justify in ("left", "right") and c.vertical == "top" for c in table.columns)
    )


def plain_lines(table: Table, console: Console, options: ConsoleOptions) -> list[str] | None:
    """The lines Rich draws for ``table`` on an unstyled console, or None where Rich must draw it."""
    if not _plain_shape(table):
        return None
    assert isinstance(table.title, str)
    widths = table._calculate_column_widths(  # the table's own layout, used as is
        console, options.update_width(options.max_width - table._extra_width))
    if any(w < 2 for w in widths):
        return None
    table_width = sum(widths) + table._extra_width
    if cell_len(table.title) > table_width or "\n" in table.title:
        return None
    columns: list[list[list[str]]] = []
    """Per column: the header's lines, then each row's."""
    for column, width in zip(table.columns, widths, strict=True):
        cells: list[list[str]] = []
        for cell in [column.header, *column._cells]:
            text = _text(cell)
            lines = None if text is None else _cell(text, width, column.justify)
            if lines is None:
                return None
            cells.append(lines)
        columns.append(cells)
    if any(len(cells[0]) != 1 for cells in columns):
        return None  # a header on two lines: Rich aligns it to the bottom
    assert table.box is not None  # _plain_shape
    box = table.box.substitute(options, safe=console.safe_box if table.safe_box is None else table.safe_box)
    out = [table.title + " " * (table_width - cell_len(table.title)), box.get_top(widths)]
    out.append(box.head_left + box.head_vertical.join(cells[0][0] for cells in columns) + box.head_right)
    out.append(box.get_row(widths, "head", edge=True))
    rows = len(table.rows)
    for index, row in enumerate(table.rows, start=1):
        last = index == rows
        left, middle, right = (box.foot_left, box.foot_vertical, box.foot_right) if last \
            else (box.mid_left, box.mid_vertical, box.mid_right)
        cells = [column[index] for column in columns]
        height = max(map(len, cells))
        for line in range(height):
            out.append(left + middle.join(c[line] if line < len(c) else " " * w
                                          for c, w in zip(cells, widths, strict=True)) + right)
        if row.end_section and not last:
            out.append(box.get_row(widths, "row", edge=True))
    out.append(box.get_bottom(widths))
    return out
