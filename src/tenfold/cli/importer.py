"""``tenfold import FILE``: payments from a CSV file, all of them or none.

The lock is taken before the file is read, so the streams the rows were checked
against, and the payments duplicates are looked for among, cannot change between
the preview and the single write that saves them. ``--dry-run`` takes no lock:
it only reads, like ``tenfold report``, and works while the app is open.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, fail, reading, say, show, writing
from tenfold.domain.errors import FieldError
from tenfold.domain.ledger import Payment, Stream
from tenfold.domain.money import format_money, format_totals
from tenfold.exchange.csvimport import CsvImportError, ImportPlan, decode, plan_import
from tenfold.exchange.csvmapping import parse_map_options
from tenfold.store.store import Store

PREVIEW_ROWS = 10
MAX_PROBLEMS = 5
"""Problems named in the one error line; the rest are counted."""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def preview_lines(plan: ImportPlan, streams: dict[int, Stream], rows: int = PREVIEW_ROWS) -> list[str]:
    """The first rows as they will be saved, duplicates marked, so the user knows what they agree to."""
    skipped = {d.line: d for d in plan.duplicates}
    lines = []
    for line, p in plan.rows[:rows]:
        s = streams[p.stream_id]
        note = f"  {p.note}" if p.note else ""
        customer = f"  (from {p.customer})" if p.customer else ""
        dup = f"  [skipped: {skipped[line].describe()}]" if line in skipped else ""
        lines.append(f"  {p.on.isoformat()}  {s.name}  {format_money(p.amount, s.currency)}{note}{customer}{dup}")
    if len(plan.rows) > rows:
        lines.append(f"  … and {len(plan.rows) - rows} more")
    return lines


def totals_text(payments: list[Payment], streams: dict[int, Stream]) -> str:
    """Per-currency sum of ``payments``: ``12.50 EUR + 250.00 USD``."""
    totals: defaultdict[str, Decimal] = defaultdict(Decimal)
    for p in payments:
        totals[streams[p.stream_id].currency] += p.amount
    return format_totals(dict(totals))


def skipped_text(plan: ImportPlan) -> str:
    """``; 2 duplicates skipped (line 5 repeats line 2, ...)`` or nothing."""
    if not plan.duplicates:
        return ""
    named = ", ".join(d.describe() for d in plan.duplicates[:MAX_PROBLEMS])
    more = ", …" if len(plan.duplicates) > MAX_PROBLEMS else ""
    return f"; {_plural(len(plan.duplicates), 'duplicate')} skipped ({named}{more})"


def _plan(raw: bytes, store: Store, file: Path, overrides: dict[str, str]) -> ImportPlan:
    try:
        return plan_import(decode(raw), store.streams(), store.payments(), overrides)
    except CsvImportError as exc:
        shown = "; ".join(str(p) for p in exc.problems[:MAX_PROBLEMS])
        more = len(exc.problems) - MAX_PROBLEMS
        extra = f"; and {more} more problem{'s' if more > 1 else ''}" if more > 0 else ""
        hint = "; name a column with --map FIELD=COLUMN" if "missing column" in shown or "no column" in shown else ""
        fail(f"{file}: nothing imported: {shown}{extra}{hint}")


def _describe(plan: ImportPlan, file: Path, streams: dict[int, Stream]) -> None:
    mapping = ", ".join(f"{k}={v}" for k, v in plan.mapping.items())
    ignored = f"; ignored columns: {', '.join(plan.ignored)}" if plan.ignored else ""
    show(f"{_plural(len(plan.rows), 'payment')} in {file} (columns: {mapping}{ignored}):")
    for line in preview_lines(plan, streams):
        show(line)
    new = f"{_plural(len(plan.new), 'new payment')} ({totals_text(plan.new, streams)})" if plan.new \
        else "No new payments"
    show(f"{new}{skipped_text(plan)}.")


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", "-y", is_flag=True, help="Import without showing the rows and asking first.")
@click.option("--dry-run", is_flag=True, help="Show what would be imported, and import nothing.")
@click.option("--map", "maps", multiple=True, metavar="FIELD=COLUMN",
              help="Read FIELD (date, stream, amount, note, customer, currency) from COLUMN; may be repeated.")
@click.pass_obj
def import_(context: Context, file: Path, yes: bool, dry_run: bool, maps: tuple[str, ...]) -> None:
    """Import payments from a CSV file with a header line.

    Columns are found by their names (date, stream, amount, and optionally
    note, customer, currency; common other names such as Memo or Client are
    recognised); --map names the others, e.g. --map stream=Source. Streams must
    exist already. A row with the same date, stream, amount and note as a
    payment in the ledger, or as an earlier row, is skipped and counted. If any
    row is wrong, the lines at fault are reported and nothing is imported.
    """
    try:
        overrides = parse_map_options(maps)
    except FieldError as exc:
        fail(f"--map: {exc.message}")
    try:
        raw = file.expanduser().read_bytes()
    except OSError as exc:
        fail(f"{file}: cannot be read: {exc.strerror}")
    if dry_run:
        with reading(context) as store:
            plan = _plan(raw, store, file, overrides)
            _describe(plan, file, {s.id: s for s in store.streams()})
        say(context, "Dry run: nothing was imported.")
        return
    with writing(context) as store:
        plan = _plan(raw, store, file, overrides)
        streams = {s.id: s for s in store.streams()}
        if not plan.new:
            say(context, f"Nothing new to import from {file}{skipped_text(plan)}.")
            return
        if not yes:
            _describe(plan, file, streams)
            try:
                agreed = click.confirm(f"Import them into {store.path}?", default=False)
            except click.Abort:
                agreed = False
            if not agreed:
                fail("nothing imported")
        saved = store.add_payments(plan.new)
    say(context, f"Imported {_plural(len(saved), 'payment')} ({totals_text(saved, streams)}) "
                 f"from {file}{skipped_text(plan)}")
