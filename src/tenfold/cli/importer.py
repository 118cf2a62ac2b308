"""``tenfold import FILE``: payments from a CSV file, all of them or none.

The lock is taken before the file is read, so the streams the rows were checked
against cannot change between the preview and the single write that saves them.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, fail, say, writing
from tenfold.csvimport import CsvImportError, decode, read_payments
from tenfold.ledger import Payment, Stream
from tenfold.money import format_money, format_totals

PREVIEW_ROWS = 10
MAX_PROBLEMS = 5
"""Problems named in the one error line; the rest are counted."""


def _preview(payments: list[Payment], streams: dict[int, Stream]) -> str:
    """The first rows and the totals, so the user knows what they are agreeing to."""
    lines = []
    for p in payments[:PREVIEW_ROWS]:
        s = streams[p.stream_id]
        note = f"  {p.note}" if p.note else ""
        lines.append(f"  {p.on.isoformat()}  {s.name}  {format_money(p.amount, s.currency)}{note}")
    if len(payments) > PREVIEW_ROWS:
        lines.append(f"  … and {len(payments) - PREVIEW_ROWS} more")
    return "\n".join(lines)


def _totals(payments: list[Payment], streams: dict[int, Stream]) -> str:
    totals: defaultdict[str, Decimal] = defaultdict(Decimal)
    for p in payments:
        totals[streams[p.stream_id].currency] += p.amount
    return format_totals(dict(totals))


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", "-y", is_flag=True, help="Import without showing the rows and asking first.")
@click.pass_obj
def import_(context: Context, file: Path, yes: bool) -> None:
    """Import payments from a CSV file with the columns date,stream,amount,note.

    The first line is the header; note may be left out. Streams are named as
    in the ledger and must exist already. If any row is wrong, the lines at
    fault are reported and nothing is imported.
    """
    try:
        raw = file.expanduser().read_bytes()
    except OSError as exc:
        fail(f"{file}: cannot be read: {exc.strerror}")
    with writing(context) as store:
        try:
            payments = read_payments(decode(raw), store.streams())
        except CsvImportError as exc:
            shown = "; ".join(str(p) for p in exc.problems[:MAX_PROBLEMS])
            more = len(exc.problems) - MAX_PROBLEMS
            extra = f"; and {more} more problem{'s' if more > 1 else ''}" if more > 0 else ""
            fail(f"{file}: nothing imported: {shown}{extra}")
        streams = {s.id: s for s in store.streams()}
        total = _totals(payments, streams)
        if not yes:
            click.echo(f"{len(payments)} payment{'s' if len(payments) != 1 else ''} in {file} ({total}):")
            click.echo(_preview(payments, streams))
            try:
                agreed = click.confirm(f"Import them into {store.path}?", default=False)
            except click.Abort:
                agreed = False
            if not agreed:
                fail("nothing imported")
        saved = store.add_payments(payments)
    say(context, f"Imported {len(saved)} payment{'s' if len(saved) != 1 else ''} ({total}) from {file}")
