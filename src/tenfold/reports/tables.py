"""The ledger's reports, part four: Rich tables, for ``tenfold report`` and the app's Report screen.

Rich only, never Textual, so the command line and the app print the very same
tables. What each table holds is worked out in :mod:`tenfold.reports.grids`
(plain data, also drawn without Rich by :mod:`tenfold.reports.plain`); here each
grid becomes a Rich table.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tenfold.domain.rates import CONVERSION_RULE, Rate
from tenfold.reports.drawing import Drawn
from tenfold.reports.formats import notes, title
from tenfold.reports.grids import Grid, report_grids
from tenfold.reports.model import Report


def grid_table(grid: Grid) -> Table:
    """``grid`` as a Rich table: its cells as plain text (a stream's name is never read as markup), or as
    markup where the grid says so."""
    table = Table(title=grid.title, title_justify="left", expand=grid.expand)
    for c in grid.columns:
        table.add_column(c.header, justify=c.justify, no_wrap=c.no_wrap, style=c.style, min_width=c.min_width,
                         max_width=c.max_width, ratio=c.ratio)
    for cells, style, end in zip(grid.rows, grid.row_styles, grid.ends_section, strict=True):
        table.add_row(*(cells if grid.markup else [Text(c) for c in cells]), style=style, end_section=end)
    return table


def report_renderable(report: Report, width: int, *, with_title: bool = True, plain: bool = False) -> RenderableType:
    """The whole report: title, tables and notes, for a console or a widget ``width`` columns wide.

    ``plain``: for a console without colours (a file, a pipe), whose tables are drawn as
    plain lines (:class:`~tenfold.reports.drawing.Drawn`, the same text, faster).
    """
    parts: list[RenderableType] = [Text(title(report), style="bold")] if with_title else []
    for grid in report_grids(report, width):
        table = grid_table(grid)
        parts += [Text(""), Drawn(table) if plain else table]  # a blank line before each table's title
    parts.append(Text(""))
    for line in notes(report):
        parts.append(Text(line, style="bold yellow" if line.startswith("Warning") else "dim"))
    return Group(*parts)


def rates_table(rates: Sequence[Rate]) -> RenderableType:
    """Every rate entered, newest first, and the rule that picks one."""
    table = Table(title="Exchange rates", title_justify="left")
    table.add_column("From date", no_wrap=True)
    table.add_column("Rate", no_wrap=True)
    for r in rates:
        table.add_row(r.on.isoformat(), f"1 {r.currency} = {r.rate} {r.to}")
    if not rates:
        table.add_row("-", "No rates yet; add one with: tenfold add rate --from USD --to EUR --rate 0.92")
    return Group(table, Text(CONVERSION_RULE, style="dim"))
