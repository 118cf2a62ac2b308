"""The ledger's reports, part four: Rich tables, for ``tenfold report`` and the app's Report screen.

Rich only, never Textual, so the command line and the app print the very same
tables. A year has twelve month columns, which do not fit an 80-column terminal,
so the per-stream table is split into as many tables as the width needs, each
repeating the stream names, rather than squeezed until the numbers wrap.

The tables with a row per stream are filled column by column: each column is one
cell holding every row's line. Rich lays out a cell at a time, and with 200
streams one cell per column instead of one per row and column cuts the time to
print a report by about two thirds. Every stream's line is exactly one line
(names are single-line and cut to :data:`NAME_WIDTH`), so the rows stay aligned.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tenfold.domain.money import format_money, format_totals
from tenfold.domain.rates import CONVERSION_RULE, Rate
from tenfold.domain.text import safe_display
from tenfold.reports.aggregate import Month, month_label
from tenfold.reports.build import Report
from tenfold.reports.drawing import Drawn
from tenfold.reports.formats import fees_cell, has_extras, notes, per_hour, percent, refunds_cell, title

NAME_WIDTH = 24
"""Stream names are cut at this width (with an ellipsis) so the numbers keep their room."""
SHARE = "Passive %"
"""The stream tables' share column, short so a month and the one before fit 80 columns with it."""


def _cell(value: Decimal) -> str:
    return format_money(value) if value else "-"


def _name(text: str) -> str:
    """A stream name on one line, control characters shown as symbols, cut with an ellipsis at :data:`NAME_WIDTH`."""
    line = " ".join(safe_display(text).split())
    return line if len(line) <= NAME_WIDTH else line[: NAME_WIDTH - 1] + "…"


def _fill(table: Table, rows: list[list[str]]) -> Table:
    """Put ``rows`` into ``table`` as one multi-line cell per column (see the module's docstring)."""
    if rows:
        table.add_row(*(Text("\n".join(column)) for column in zip(*rows, strict=True)))
    return table


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


def stream_tables(report: Report, width: int) -> list[Table]:
    """Income per stream and month, in each stream's currency, with its share of passive income."""
    many = len(report.period.months) > 1
    chunks = _chunks(report, width)
    tables = []
    for n, months in enumerate(chunks):
        last = n == len(chunks) - 1
        part = f" ({n + 1} of {len(chunks)})" if len(chunks) > 1 else ""
        table = Table(title=f"Income per stream{part}", title_justify="left", expand=False)
        table.add_column("Stream", no_wrap=True)
        table.add_column("Kind", no_wrap=True)
        table.add_column("Cur", no_wrap=True)
        for m in months:
            style = "dim" if m == report.period.compare else None
            widest = max((len(_cell(f.by_month[m])) for f in report.streams), default=1)
            table.add_column(month_label(m), justify="right", no_wrap=True, style=style, min_width=widest)
        if last and many:
            widest = max((len(_cell(f.total)) for f in report.streams), default=1)
            table.add_column("Total", justify="right", no_wrap=True, style="bold", min_width=widest)
        if last:
            table.add_column(SHARE, justify="right", no_wrap=True)
        rows = []
        for f in report.streams:
            cells = [_cell(f.by_month[m]) for m in months]
            tail = (([_cell(f.total)] if many else []) + [percent(f.share_of_passive)]) if last else []
            rows.append([_name(f.stream.name), f.stream.kind, f.stream.currency, *cells, *tail])
        tables.append(_fill(table, rows))
    return tables


def month_table(report: Report, width: int = 200) -> Table:
    """Each month's income in the report's currency: all, passive, the passive share, what has no rate.

    The money that has no rate gets a column when it fits ``width``; otherwise it
    is left to the notes under the tables, which list it per currency and month.
    """
    table = Table(title=f"Income per month, in {report.currency}", title_justify="left")
    money = [format_money(v) for m in report.months for v in (m.all.amount, m.passive.amount)]
    money += [format_money(report.all.amount), format_money(report.passive.amount)]
    widest = max(len(t) for t in money)
    label = max(len(f"Total {report.period.label}"), 16)
    unconverted = [format_totals(m.all.unconverted) for m in report.months if m.all.unconverted]
    if report.all.unconverted:
        unconverted.append(format_totals(report.all.unconverted))
    needed = label + 3 + 2 * (max(widest, 10) + 3) + 16 + 1
    show_missing = bool(unconverted) and needed + max(len(t) for t in unconverted) + 3 <= width
    table.add_column("Month", no_wrap=True)
    table.add_column("All income", justify="right", no_wrap=True, min_width=widest)
    table.add_column("Passive", justify="right", no_wrap=True, min_width=widest)
    table.add_column("Passive share", justify="right", no_wrap=True)
    if show_missing or not unconverted:
        table.add_column("Not converted", justify="right", no_wrap=True)
    for m in report.months:
        compared = m.month == report.period.compare
        name = f"{month_label(m.month)} (before)" if compared else month_label(m.month)
        cells = [name, format_money(m.all.amount), format_money(m.passive.amount), percent(m.passive_share)]
        if show_missing or not unconverted:
            cells.append(format_totals(m.all.unconverted) if m.all.unconverted else "-")
        table.add_row(*cells, style="dim" if compared else None)
    table.add_section()
    cells = [f"Total {report.period.heading}", format_money(report.all.amount), format_money(report.passive.amount),
             percent(report.passive_share)]
    if show_missing or not unconverted:
        cells.append(format_totals(report.all.unconverted) if report.all.unconverted else "-")
    table.add_row(*cells, style="bold")
    return table


def effort_table(report: Report) -> Table:
    """What each stream took up front and takes each month, and what an hour of upkeep brings."""
    table = Table(title="What each stream takes", title_justify="left")
    table.add_column("Stream", no_wrap=True)
    table.add_column("Kind", no_wrap=True)
    table.add_column("Up front", justify="right", no_wrap=True)
    table.add_column("Hours up front", justify="right", no_wrap=True)
    table.add_column("Upkeep h/month", justify="right", no_wrap=True)
    table.add_column("Income per upkeep hour", justify="right", no_wrap=True)
    rows = []
    for f in report.streams:
        s = f.stream
        money = format_money(s.upfront_money, s.currency) if s.upfront_money else "-"
        rows.append([_name(s.name), s.kind, money, f"{s.upfront_hours:,}" if s.upfront_hours else "-",
                     f"{s.upkeep_hours:,}" if s.upkeep_hours else "-", per_hour(f)])
    for i in (2, 3, 4):  # amounts and hours keep their width; names and words give way
        table.columns[i].min_width = max((len(r[i]) for r in rows), default=1)
    return _fill(table, rows)


def extras_table(report: Report) -> Table:
    """Per stream: the fees the platforms kept (a dash where none was recorded) and the refunds given."""
    table = Table(title="Fees and refunds", title_justify="left")
    table.add_column("Stream", no_wrap=True)
    table.add_column("Cur", no_wrap=True)
    table.add_column("Fees", justify="right", no_wrap=True)
    table.add_column(f"Fees in {report.currency}", justify="right", no_wrap=True)
    table.add_column("Refunds", justify="right", no_wrap=True)
    rows = [[_name(f.stream.name), f.stream.currency, fees_cell(f.fees), fees_cell(f.fees_converted), refunds_cell(f)]
            for f in report.streams]
    return _fill(table, rows)


def report_renderable(report: Report, width: int, *, with_title: bool = True, plain: bool = False) -> RenderableType:
    """The whole report: title, tables and notes, for a console or a widget ``width`` columns wide.

    ``plain``: for a console without colours (a file, a pipe), whose tables are drawn as
    plain lines (:class:`~tenfold.reports.drawing.Drawn`, the same text, faster).
    """
    parts: list[RenderableType] = [Text(title(report), style="bold")] if with_title else []
    tables = [*stream_tables(report, width), month_table(report, width), effort_table(report)] if report.streams \
        else [month_table(report, width)]
    if has_extras(report):
        tables.append(extras_table(report))
    for table in tables:
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
