"""The report's tables as plain data: titles, columns and cells, without Rich.

:mod:`tenfold.reports.tables` turns each :class:`Grid` into a Rich table (the
terminal, the app's Report screen); :mod:`tenfold.reports.plain` draws the same
grids as lines of text for a file or a pipe, without importing Rich at all.

A year has twelve month columns, which do not fit an 80-column terminal, so the
per-stream table is split into as many tables as the width needs, each repeating
the stream names, rather than squeezed until the numbers wrap.

The tables with a row per stream are filled column by column: each column is one
cell holding every row's line. Rich lays out a cell at a time, and with 200
streams one cell per column instead of one per row and column cuts the time to
print a report by about two thirds. Every stream's line is exactly one line
(names are single-line and cut to :data:`NAME_WIDTH`), so the rows stay aligned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from tenfold.domain.money import format_money, format_totals
from tenfold.domain.text import safe_display
from tenfold.reports.aggregate import Month, month_label
from tenfold.reports.formats import fees_cell, has_extras, per_hour, refunds_cell, share_cell
from tenfold.reports.model import Report

NAME_WIDTH = 24
"""Stream names are cut at this width (with an ellipsis) so the numbers keep their room."""
SHARE = "Passive %"
"""The stream tables' share column, short so a month and the one before fit 80 columns with it."""


@dataclass(frozen=True)
class Column:
    """One column, as :meth:`rich.table.Table.add_column` takes it."""

    header: str
    justify: Literal["left", "right"] = "left"
    no_wrap: bool = True
    style: str | None = None
    min_width: int | None = None
    max_width: int | None = None
    ratio: int | None = None


@dataclass
class Grid:
    """A table's title, columns and rows; each row a cell per column, a cell's lines split by ``\\n``."""

    title: str
    columns: list[Column]
    rows: list[list[str]] = field(default_factory=list)
    row_styles: list[str | None] = field(default_factory=list)
    ends_section: list[bool] = field(default_factory=list)
    """Per row: a line is drawn under it (before a total)."""
    markup: bool = False
    """The cells are Rich markup (as ``add_row`` reads a str), not plain text."""
    expand: bool = False

    def add(self, cells: list[str], style: str | None = None, *, end_section: bool = False) -> None:
        """One more row."""
        self.rows.append(cells)
        self.row_styles.append(style)
        self.ends_section.append(end_section)


def _cell(value: Decimal) -> str:
    return format_money(value) if value else "-"


def stream_name(text: str) -> str:
    """A stream name on one line, control characters shown as symbols, cut with an ellipsis at :data:`NAME_WIDTH`."""
    line = " ".join(safe_display(text).split())
    return line if len(line) <= NAME_WIDTH else line[: NAME_WIDTH - 1] + "…"


def _fill(grid: Grid, rows: list[list[str]]) -> Grid:
    """Put ``rows`` into ``grid`` as one multi-line cell per column (see the module's docstring)."""
    if rows:
        grid.add(["\n".join(column) for column in zip(*rows, strict=True)])
    return grid


def _chunks(report: Report, width: int) -> list[Sequence[Month]]:
    """The shown months split so that each stream table fits ``width`` columns.

    The last table also holds the Total and Passive share columns, so it takes
    fewer months: counted without them, a year's last table was squeezed until
    its headers and figures were cut ("2026-…", "536…").
    """
    shown = list(report.period.shown)
    widest = max((len(_cell(f.by_month[m])) for f in report.streams for m in shown), default=1)
    column = max(widest, 7) + 3  # "2026-11" and the padding and border around each cell
    name = min(NAME_WIDTH, max((len(f.stream.name) for f in report.streams), default=6))
    fixed = name + len("portfolio") + len("Cur") + 10  # three columns, their padding and borders
    tail = len(SHARE) + 3
    if len(report.period.months) > 1:
        tail += max(max((len(_cell(f.total)) for f in report.streams), default=1), len("Total")) + 3
    per_table = max(1, (width - fixed) // column)
    per_last = max(1, min(per_table, (width - fixed - tail) // column))
    if len(shown) <= per_last:
        return [shown]
    before = len(shown) - per_last  # the months of the tables before the last, shared out evenly
    tables = -(-before // per_table)
    size = -(-before // tables)
    chunks: list[Sequence[Month]] = [shown[i : min(i + size, before)] for i in range(0, before, size)]
    return [*chunks, shown[before:]]


def stream_grids(report: Report, width: int) -> list[Grid]:
    """Income per stream and month, in each stream's currency, with its share of passive income."""
    many = len(report.period.months) > 1
    chunks = _chunks(report, width)
    grids = []
    for n, months in enumerate(chunks):
        last = n == len(chunks) - 1
        part = f" ({n + 1} of {len(chunks)})" if len(chunks) > 1 else ""
        columns = [Column("Stream"), Column("Kind"), Column("Cur")]
        for m in months:
            style = "dim" if m == report.period.compare else None
            widest = max((len(_cell(f.by_month[m])) for f in report.streams), default=1)
            columns.append(Column(month_label(m), "right", style=style, min_width=widest))
        if last and many:
            widest = max((len(_cell(f.total)) for f in report.streams), default=1)
            columns.append(Column("Total", "right", style="bold", min_width=widest))
        if last:
            columns.append(Column(SHARE, "right"))
        rows = []
        for f in report.streams:
            cells = [_cell(f.by_month[m]) for m in months]
            tail = (([_cell(f.total)] if many else []) + [share_cell(f.share_of_passive, f.share_unknown)]) \
                if last else []
            rows.append([stream_name(f.stream.name), f.stream.kind, f.stream.currency, *cells, *tail])
        grids.append(_fill(Grid(f"Income per stream{part}", columns), rows))
    return grids


def month_grid(report: Report, width: int = 200) -> Grid:
    """Each month's income in the report's currency: all, passive, the passive share, what has no rate.

    The money that has no rate gets a column when it fits ``width``; otherwise it
    is left to the notes under the tables, which list it per currency and month.
    """
    money = [format_money(v) for m in report.months for v in (m.all.amount, m.passive.amount)]
    money += [format_money(report.all.amount), format_money(report.passive.amount)]
    widest = max(len(t) for t in money)
    label = max(len(f"Total {report.period.label}"), 16)
    unconverted = [format_totals(m.all.unconverted) for m in report.months if m.all.unconverted]
    if report.all.unconverted:
        unconverted.append(format_totals(report.all.unconverted))
    needed = label + 3 + 2 * (max(widest, 10) + 3) + 16 + 1
    show_missing = bool(unconverted) and needed + max(len(t) for t in unconverted) + 3 <= width
    columns = [Column("Month"), Column("All income", "right", min_width=widest),
               Column("Passive", "right", min_width=widest), Column("Passive share", "right")]
    if show_missing or not unconverted:
        columns.append(Column("Not converted", "right"))
    grid = Grid(f"Income per month, in {report.currency}", columns, markup=True)
    for n, m in enumerate(report.months):
        compared = m.month == report.period.compare
        name = f"{month_label(m.month)} (before)" if compared else month_label(m.month)
        cells = [name, format_money(m.all.amount), format_money(m.passive.amount),
                 share_cell(m.passive_share, m.share_unknown)]
        if show_missing or not unconverted:
            cells.append(format_totals(m.all.unconverted) if m.all.unconverted else "-")
        grid.add(cells, "dim" if compared else None, end_section=n == len(report.months) - 1)
    cells = [f"Total {report.period.heading}", format_money(report.all.amount), format_money(report.passive.amount),
             share_cell(report.passive_share, report.share_unknown)]
    if show_missing or not unconverted:
        cells.append(format_totals(report.all.unconverted) if report.all.unconverted else "-")
    grid.add(cells, "bold")
    return grid


def effort_grid(report: Report) -> Grid:
    """What each stream took up front and takes each month, and what an hour of upkeep brings."""
    rows = []
    for f in report.streams:
        s = f.stream
        money = format_money(s.upfront_money, s.currency) if s.upfront_money else "-"
        rows.append([stream_name(s.name), s.kind, money, f"{s.upfront_hours:,}" if s.upfront_hours else "-",
                     f"{s.upkeep_hours:,}" if s.upkeep_hours else "-", per_hour(f)])
    widest = [max((len(r[i]) for r in rows), default=1) for i in (2, 3, 4)]  # amounts and hours keep their width
    columns = [Column("Stream"), Column("Kind"), Column("Up front", "right", min_width=widest[0]),
               Column("Hours up front", "right", min_width=widest[1]),
               Column("Upkeep h/month", "right", min_width=widest[2]), Column("Income per upkeep hour", "right")]
    return _fill(Grid("What each stream takes", columns), rows)


def extras_grid(report: Report) -> Grid:
    """Per stream: the fees the platforms kept (a dash where none was recorded) and the refunds given."""
    columns = [Column("Stream"), Column("Cur"), Column("Fees", "right"), Column(f"Fees in {report.currency}", "right"),
               Column("Refunds", "right")]
    rows = [[stream_name(f.stream.name), f.stream.currency, fees_cell(f.fees), fees_cell(f.fees_converted),
             refunds_cell(f)] for f in report.streams]
    return _fill(Grid("Fees and refunds", columns), rows)


def report_grids(report: Report, width: int) -> list[Grid]:
    """Every table of the report, in order, for a console or a widget ``width`` columns wide."""
    grids = [*stream_grids(report, width), month_grid(report, width), effort_grid(report)] if report.streams \
        else [month_grid(report, width)]
    if has_extras(report):
        grids.append(extras_grid(report))
    return grids


MEASURES_TITLE = "Payback, upkeep and reach"
MEASURES_COLUMNS = [Column("Stream", max_width=24), Column("Payback", no_wrap=False, ratio=3),
                    Column("Income per upkeep hour", no_wrap=False, ratio=2),
                    Column("Reach (last full month)", no_wrap=False, ratio=2)]
"""The measures' per-stream table (it fills the width; its cells wrap, but a stream's name)."""
