"""The report's measures as Rich renderables, for ``tenfold report`` and the app's Report screen.

The per-stream table has a row per stream and its cells wrap. Rich lays out each
cell on its own, which with 200 streams took longer than working out every figure
of the report; so the table is drawn with one cell per column holding every row's
lines, each row's cells wrapped beforehand to the widths Rich gives the columns and
padded to the row's height (:class:`StreamTable`). The text is the very same
(tested against the table laid out cell by cell, at many widths).
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from tenfold.domain.streams import Stream
from tenfold.figures.freedom import FREEDOM_METHOD, freedom_lines
from tenfold.figures.measures import Measures
from tenfold.reports.drawing import Drawn
from tenfold.reports.grids import MEASURES_COLUMNS, MEASURES_TITLE, Grid
from tenfold.reports.measures import stream_lines
from tenfold.reports.tables import grid_table


def measures_renderable(m: Measures, streams: Iterable[Stream], *, plain: bool = False) -> RenderableType:
    """Freedom in sentences, then payback, income per upkeep hour and reach per stream (cells wrap).

    ``plain``: for a console without colours, where the table is drawn as plain lines
    (:class:`~tenfold.reports.drawing.Drawn`).
    """
    parts: list[RenderableType] = [Text(""), Text(f"Measures as of {m.today.isoformat()} (complete months)",
                                                  style="bold")]
    if m.freedom is not None:
        parts += [Text(line) for line in freedom_lines(m.freedom)]
    else:
        parts.append(Text("No bills written yet (step 4): tenfold bills set --amount 2400 --currency EUR",
                          style="dim"))
    rows = stream_lines(m, streams)
    if rows:
        parts += [Text(""), StreamTable(rows, plain=plain)]
    parts.append(Text(FREEDOM_METHOD, style="dim"))
    return Group(*parts)


def stream_table(rows: list[tuple[str, str, str, str]] | None = None) -> Table:
    """The per-stream table, empty, or laid out cell by cell with ``rows``."""
    grid = Grid(MEASURES_TITLE, MEASURES_COLUMNS, expand=True)
    for row in rows or []:
        grid.add(list(row))
    return grid_table(grid)


class StreamTable:
    """:func:`stream_table` with ``rows``, drawn with one cell per column (see the module's docstring)."""

    def __init__(self, rows: list[tuple[str, str, str, str]], *, plain: bool = False) -> None:
        self.rows = rows
        self.plain = plain
        """Drawn as plain lines where the console has no colours (:class:`~tenfold.reports.drawing.Drawn`)."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = self.table(console, options)
        yield Drawn(table) if self.plain else table

    def table(self, console: Console, options: ConsoleOptions) -> Table:
        """The table to draw at ``options``' width: filled column-wise, or cell by cell where that cannot be."""
        if any("\n" in cell for row in self.rows for cell in row):
            return stream_table(self.rows)  # a line break of its own: rows laid out by Rich
        # Widths as Rich gives them: from each column's widest line and longest word, which one cell
        # holding every row's line measures the same as one cell per row.
        probe = stream_table()
        probe.add_row(*(Text("\n".join(column)) for column in zip(*self.rows, strict=True)))
        widths = probe._calculate_column_widths(  # the table's own layout, used as is
            console, options.update_width((probe.width or options.max_width) - probe._extra_width))
        if min(w - probe._get_padding_width(i) for i, w in enumerate(widths)) < 1:
            return stream_table(self.rows)  # a terminal too narrow for a column: Rich squeezes it its way
        known: dict[tuple[int, str], list[str]] = {}  # many streams share a cell ("-", "no upkeep hours")
        wrapped = [[known.get((i, cell)) or known.setdefault((i, cell), self._wrap(console, probe, i, width, cell))
                    for i, (width, cell) in enumerate(zip(widths, row, strict=True))] for row in self.rows]
        columns: list[list[str]] = [[] for _ in widths]
        for cells in wrapped:
            height = max(map(len, cells))
            for column, lines in zip(columns, cells, strict=True):
                column += lines + [""] * (height - len(lines))
        table = stream_table()
        table.add_row(*(Text("\n".join(lines)) for lines in columns))
        return table

    @staticmethod
    def _wrap(console: Console, table: Table, index: int, width: int, cell: str) -> list[str]:
        """The lines ``cell`` takes in column ``index``, ``width`` wide with its padding, as Rich wraps it."""
        column = table.columns[index]
        inner = width - table._get_padding_width(index)
        lines = Text(cell).wrap(console, inner, justify=column.justify, overflow=column.overflow,
                                no_wrap=column.no_wrap)
        return [line.plain for line in lines]
