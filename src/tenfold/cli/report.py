"""``tenfold report``: what each stream paid this month and last month, as a table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, clock, fail, open_store
from tenfold.errors import FieldError, TenfoldError
from tenfold.loading import Contents, read_contents
from tenfold.money import format_money, format_totals
from tenfold.report import MonthReport, month_label, month_report, parse_month
from tenfold.totals import Totals


def _render(report: MonthReport) -> None:
    """Print the report as a Rich table; Rich is imported here so ``status`` stays fast."""
    from rich.console import Console
    from rich.table import Table

    this, last = month_label(report.month), month_label(report.previous)
    table = Table(title=f"Income by stream, {this} and {last}", title_justify="left")
    table.add_column("Stream")
    table.add_column("Kind")
    table.add_column(this, justify="right")
    table.add_column(last, justify="right")

    def cell(value: Decimal, currency: str) -> str:
        return format_money(value, currency) if value else "-"

    for row in report.rows:
        table.add_row(row.name, row.kind, cell(row.this_month, row.currency), cell(row.last_month, row.currency))

    def totals(label: str, kind: str | None) -> None:
        now: Totals = report.total(kind=kind)
        before: Totals = report.total(last=True, kind=kind)
        table.add_row(label, "", format_totals(now), format_totals(before), style="bold")

    table.add_section()
    totals("All income", None)
    totals("Passive", "passive")
    Console(soft_wrap=False).print(table)


def _read(context: Context) -> Contents:
    """The read-only fast path: the file's records, validated, without the store.

    The same validation as the store (one bad record refuses the whole file) and,
    like every reading command, no lock; but no TinyDB and no sorting of every
    payment newest first, which a sum does not need - a tenth of a second with ten
    years of payments (see benchmarks/RESULTS.md). Nothing is written.
    """
    path = Path(context.path).absolute()
    if not path.exists():
        open_store(context, read_only=True).close()  # exits with the store's own words for a missing file
    try:
        return read_contents(path)
    except TenfoldError as exc:
        fail(str(exc))


@cli.command()
@click.option("--month", default=None, metavar="YYYY-MM", help="The month to report (default: this month).")
@click.pass_obj
def report(context: Context, month: str | None) -> None:
    """Totals per stream for a month and the month before it.

    Totals are per currency; different currencies are never added together.
    """
    today = clock()()
    try:
        chosen = parse_month(month) if month else (today.year, today.month)
    except FieldError as exc:
        fail(f"month: {exc.message}")
    contents = _read(context)
    result = month_report(contents.payments.values(), contents.streams.values(), chosen)
    if not result.rows:
        click.echo("No income streams yet; add one with: tenfold add stream --name NAME --kind passive")
        return
    _render(result)
