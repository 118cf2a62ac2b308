"""``tenfold export``: everything in the data file, for a backup or another tool.

``--format ledger`` writes only the payments, as a journal for hledger and ledger-cli;
``--format csv`` only the payments too, as ``tenfold import`` reads them back;
``--format markdown`` everything, to read.
"""

from __future__ import annotations

from pathlib import Path

import click

from tenfold.cli import cli, keep_until_exit
from tenfold.cli.common import BAD_INPUT, Context, emit_data, fail, reading, say
from tenfold.domain.errors import FieldError
from tenfold.exchange.files import export_text, write_export
from tenfold.exchange.output_file import output_target


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "csv", "markdown", "ledger", "beancount"]),
    default="json",
    show_default=True,
    help="json or markdown: everything; csv: the payments, as tenfold import reads them; "
    "ledger: the payments and rates as an hledger / ledger-cli journal; beancount: the same for Beancount.",
)
@click.option("--account-prefix", default="", metavar="PREFIX",
              help="ledger and beancount: put every account under PREFIX (e.g. tenfold).")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (created private, mode 0600) instead of standard output.",
)
@click.pass_obj
def export(context: Context, fmt: str, account_prefix: str, output: Path | None) -> None:
    """Export goal, steps, streams, payments, rates, ideas and check-ins.

    Amounts are exact strings such as "12.50" and dates are YYYY-MM-DD.
    With --format csv, only the payments (date, stream, amount, currency, note,
    customer, fee, kind, refund of, id), which tenfold import reads back.
    With --format ledger, the payments (one transaction each, crediting
    income:<kind>:<stream> in the payment's own currency, with payment and
    customer tags) and the exchange rates as P lines, for example:

    \b
        tenfold export --format ledger -o tenfold.journal
        hledger -f tenfold.journal balance -M --value=end,EUR
        ledger -f tenfold.journal balance -X EUR
    """
    with reading(context) as store:
        text, summary = export_text(store, fmt, account_prefix)
    keep_until_exit(store)  # a million payments are freed with the process, not one by one
    if output is None:
        emit_data(text)
        return
    try:
        target = output_target(str(output), context.path, example="~/tenfold-export.csv")
    except FieldError as exc:  # a name that cannot be used: typed wrong
        fail(exc.message, BAD_INPUT)
    try:
        write_export(target, text)
    except FieldError as exc:  # the system refused the file (disk full, read-only): not a typing mistake
        fail(exc.message)
    say(context, f"Exported {summary} to {target}")
