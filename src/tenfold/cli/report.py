"""``tenfold report``: what each stream paid this month and last month, as a table."""

from __future__ import annotations

from decimal import Decimal

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, fail, reading
from tenfold.errors import FieldError
from tenfold.ledger import Totals
from tenfold.money import format_money, format_totals
from tenfold.report import MonthReport, month_label, month_report, parse_month


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


@cli.command()
@click.option("--month", default=None, metavar="YYYY-MM", help="The month to report (default: this month).")
@click.pass_obj
def report(context: Context, month: str | None) -> None:
    """Totals per stream for a month and the month before it.

    Totals are per currency; different currencies are never added together.
    """
    with reading(context) as store:
        try:
            chosen = parse_month(month) if month else (store.today().year, store.today().month)
        except FieldError as exc:
            fail(f"month: {exc.message}")
        result = month_report(store.payments(), store.streams(), chosen)
    if not result.rows:
        click.echo("No income streams yet; add one with: tenfold add stream --name NAME --kind passive")
        return
    _render(result)
