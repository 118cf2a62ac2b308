"""``tenfold export``: everything in the data file, for a backup or another tool.

``--format ledger`` writes only the payments, as a journal for hledger and ledger-cli;
``--format csv`` only the payments too, as ``tenfold import`` reads them back;
``--format markdown`` everything, to read.
"""

from __future__ import annotations

from pathlib import Path

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, emit_data, fail, reading, say
from tenfold.domain.errors import FieldError
from tenfold.exchange.files import export_text, write_export
from tenfold.exchange.output_file import output_target


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "markdown", "ledger"]),
    default="json",
    show_default=True,
    help="json or markdown: everything; csv: the payments, as tenfold import reads them; "
    "ledger: the payments as an hledger / ledger-cli journal.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (created private, mode 0600) instead of standard output.",
)
@click.pass_obj
def export(context: Context, fmt: str, output: Path | None) -> None:
    """Export goal, steps, streams, payments, rates, ideas and check-ins.

    Amounts are exact strings such as "12.50" and dates are YYYY-MM-DD.
    With --format csv, only the payments (date,stream,amount,currency,note,customer),
    which tenfold import reads back.
    With --format ledger, only the payments: one transaction each, crediting
    income:<kind>:<stream> in the stream's own currency, for example:

    \b
        tenfold export --format ledger -o tenfold.journal
        hledger -f tenfold.journal balance -M
    """
    with reading(context) as store:
        text, summary = export_text(store, fmt)
    if output is None:
        emit_data(text)
        return
    try:
        target = output_target(str(output), context.path, example="~/tenfold-export.csv")
        write_export(target, text)
    except FieldError as exc:
        fail(exc.message)
    say(context, f"Exported {summary} to {target}")
