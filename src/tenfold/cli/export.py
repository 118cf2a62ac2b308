"""``tenfold export``: everything in the data file, for a backup or another tool.

``--format ledger`` writes only the payments, as a journal for hledger and ledger-cli.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, fail, reading, say
from tenfold.errors import TenfoldError
from tenfold.export import export_document, journal_text
from tenfold.storage import atomic_write


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "ledger"]),
    default="json",
    show_default=True,
    help="json: everything; ledger: the payments as an hledger / ledger-cli journal.",
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
    """Export goal, steps, streams, payments, ideas and check-ins.

    Amounts are exact strings such as "12.50" and dates are YYYY-MM-DD.
    With --format ledger, only the payments: one transaction each, crediting
    income:<kind>:<stream> in the stream's own currency, for example:

    \b
        tenfold export --format ledger -o tenfold.journal
        hledger -f tenfold.journal balance -M
    """
    with reading(context) as store:
        if fmt == "ledger":
            streams, payments = store.streams(), store.payments()
            text = journal_text(streams, payments, store.today())
            summary = f"{len(payments)} payments from {len(streams)} streams"
        else:
            document = export_document(store, store.today())
            text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
            summary = (f"{len(document['payments'])} payments, {len(document['streams'])} streams "
                       f"and {len(document['ideas'])} ideas")
    if output is None:
        click.echo(text, nl=False)
        return
    target = output.expanduser().absolute()
    if target.exists() and target.resolve() == context.path.expanduser().absolute().resolve():
        fail(f"{target}: is the data file itself; choose another file for the export")
    if not target.parent.is_dir():
        fail(f"{target}: cannot be written: the folder {target.parent} does not exist")
    try:
        atomic_write(target, text.encode("utf-8"))  # a crash never leaves half an export
    except OSError as exc:
        fail(f"{target}: cannot be written: {exc.strerror}")
    except TenfoldError as exc:  # pragma: no cover - atomic_write raises OSError only today
        fail(str(exc))
    say(context, f"Exported {summary} to {target}")
