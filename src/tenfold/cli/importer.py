"""``tenfold import FILE``: payments from a platform's or a bank's file, all of them or none.

The file's source is recognised from its header (``--list-profiles`` shows what
each profile reads), the preview accounts for every row, and nothing is written
while any row is in error. The preview is shown and the question asked without
the write lock, so the app open on the same file keeps saving while the user
reads; the import then takes the lock, makes the plan again and writes it in one
save (new streams included) only if it is what the preview showed. ``--yes``
takes the lock before the file is planned. ``--dry-run`` takes no lock: it only
reads, and works while the app is open.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from tenfold.cli import cli
from tenfold.cli.common import BAD_INPUT, Context, Whole, complete_streams, fail, reading, say, show, writing
from tenfold.domain.errors import FieldError
from tenfold.domain.money import format_totals, parse_currency
from tenfold.domain.streams import KINDS
from tenfold.domain.text import count_of
from tenfold.exchange.csvmapping import CsvImportError
from tenfold.exchange.extraction import Extraction, Options
from tenfold.exchange.importing import parse_delimiter, parse_map, parse_pairs, read_source
from tenfold.exchange.plan import ImportPlan, plan_import
from tenfold.exchange.preview import added_totals, preview_lines
from tenfold.exchange.profiles import PROFILES
from tenfold.exchange.source_file import UnreadableSource, read_capped, read_source_file
from tenfold.store.store import Store

STDIN = "-"


@contextmanager
def _preview_store(context: Context) -> Iterator[Store]:
    """What a dry run plans against: the data file, or an empty ledger when there is no file yet.

    A first import is often a dry run, before the app has ever been started; nothing
    is written either way, so a missing file is previewed as the empty ledger that
    ``import --yes`` would create and fill.
    """
    if context.path.expanduser().exists():
        with reading(context) as store:
            yield store
        return
    with (tempfile.TemporaryDirectory(prefix="tenfold-preview-") as folder,
          writing(dataclasses.replace(context, path=Path(folder) / "preview.json")) as store):
        yield store


def _preview_and_ask(context: Context, extraction: Extraction, create: str | None, label: str,
                     gross: bool) -> ImportPlan | None:
    """Show the preview and ask, without the write lock: the app keeps saving while the user reads.

    The plan shown is returned (None: nothing new, said so); the import, under the lock, makes the plan again and
    goes ahead only if it is the same (a tick or a note saved meanwhile does not
    change it; another import or an edited stream may).
    """
    with _preview_store(context) as store:
        plan = _plan(extraction, store, create)
        _show(context, plan, store, label, gross)
        if plan.problems:
            fail(f"{label}: nothing imported: {count_of(len(plan.problems), 'problem')} (listed above)")
        if not plan.new:
            say(context, f"Nothing new to import from {label}.")
            return None
        target = store.path if context.path.expanduser().exists() else context.path.expanduser()
    try:
        agreed = click.confirm(f"Import them into {target}?", default=False)
    except click.Abort:
        agreed = False
    if not agreed:
        fail("nothing imported")
    return plan


def profiles_text() -> str:
    """``--list-profiles``: each profile's name, what it is, and what it reads."""
    lines = ["Profiles (the file's header picks one; --profile NAME forces it):"]
    for p in PROFILES:
        lines.append(f"  {p.name:<15} {p.title}: {p.reads}")
    return "\n".join(lines)


def _read(file: str, options: Options) -> tuple[Extraction, str]:
    """The file's extraction and the name to show; fails with one line when the file cannot be read at all."""
    label = "standard input" if file == STDIN else file
    try:
        raw = read_capped(sys.stdin.buffer) if file == STDIN else read_source_file(Path(file).expanduser())
    except UnreadableSource as exc:
        fail(f"{label}: {exc}")
    except IsADirectoryError:
        hint = "; a Numbers document: choose File > Export To > CSV" if file.endswith(".numbers") else ""
        fail(f"{label}: is a folder, not a file{hint}")
    except OSError as exc:
        fail(f"{label}: cannot be read: {exc.strerror}")
    try:
        return read_source(raw, file, options), label
    except CsvImportError as exc:
        fail(f"{label}: nothing imported: {exc.problems[0]}")


def _plan(extraction: Extraction, store: Store, create: str | None) -> ImportPlan:
    from tenfold.reports.build import report_currency

    streams = store.streams()
    return plan_import(extraction, streams, store.payments(), create_kind=create,
                       default_currency=report_currency(store.goal, streams), today=store.today())


def _show(context: Context, plan: ImportPlan, store: Store, label: str, gross: bool) -> None:
    if context.quiet and not plan.problems:
        return
    for line in preview_lines(plan, {s.id: s for s in store.streams()}, label, gross):
        show(line)


@cli.command("import")
@click.argument("file", required=False)
@click.option("--profile", metavar="NAME", help="Read the file as this source (see --list-profiles).")
@click.option("--list-profiles", is_flag=True, help="List the sources Tenfold knows and what each reads.")
@click.option("--stream", metavar="NAME", help="Put every row in this stream.", shell_complete=complete_streams)
@click.option("--map", "maps", multiple=True, metavar="FIELD=COLUMN",
              help="Read FIELD (date, stream, amount, gross, fee, currency, customer, note, id, type, status, "
                   "direction, credit, debit) from COLUMN; may be repeated.")
@click.option("--date-format", metavar="FORMAT", help="How dates are written: %d/%m/%Y, dd/mm/yyyy, dmy or mdy.")
@click.option("--decimal-comma", is_flag=True, default=None, help="Amounts use a decimal comma (1.234,56).")
@click.option("--delimiter", metavar="CHAR", help="Column separator: , ; | or tab (found by itself otherwise).")
@click.option("--encoding", metavar="NAME", help="Text encoding, e.g. utf-8, cp1252 (found by itself otherwise).")
@click.option("--skip-rows", type=Whole(0), metavar="N", help="Lines before the header row.")
@click.option("--sheet", metavar="NAME", help="The worksheet of an .xlsx file to read (all it recognises otherwise).")
@click.option("--where", "wheres", multiple=True, metavar="COLUMN=VALUE",
              help="Only rows whose COLUMN is VALUE; repeat for more values or columns.")
@click.option("--amount", "amount_mode", type=click.Choice(["net", "gross"]), default="net", show_default=True,
              help="Count what reached you (net of platform fees) or what the buyer paid (gross).")
@click.option("--currency", metavar="CODE", help="Currency of rows that name none (default: the stream's).")
@click.option("--create-streams", "create", type=click.Choice(KINDS), metavar="KIND",
              help=f"Create streams the file names that do not exist yet, as KIND ({', '.join(KINDS)}).")
@click.option("--dry-run", is_flag=True, help="Show the preview, and import nothing.")
@click.option("--yes", "-y", is_flag=True, help="Import without asking after the preview.")
@click.pass_obj
def import_(context: Context, file: str | None, profile: str | None, list_profiles: bool, stream: str | None,
            maps: tuple[str, ...], date_format: str | None, decimal_comma: bool | None, delimiter: str | None,
            encoding: str | None, skip_rows: int | None, sheet: str | None, wheres: tuple[str, ...],
            amount_mode: str, currency: str | None, create: str | None, dry_run: bool, yes: bool) -> None:
    """Import payments from a platform's or a bank's file (CSV, .xlsx, OFX, QIF, camt.053 or MT940; - reads stdin).

    PayPal, Stripe, Gumroad, KDP, DistroKid, Patreon, YouTube, AdSense, Etsy,
    Ko-fi, Lemon Squeezy, Google Play, App Store, Udemy, Bandcamp, Airbnb,
    Amazon Associates, Revolut, Wise and bank files are recognised from their header; any CSV
    with date, stream and amount columns too. Rows that are not income
    (payouts, conversions, pending rows, balances, debits) are skipped and
    counted; refunds count against their month. A row already imported (same
    transaction id, or for sources without ids the same row of an earlier
    import) is not added again. If any row is wrong, nothing is imported.
    """
    if list_profiles:
        click.echo(profiles_text())
        return
    if not file:
        fail("name the file to import (or - for standard input); see 'tenfold import --help'", BAD_INPUT)
    try:
        options = Options(
            profile=profile, overrides=parse_map(maps), stream=stream.strip() if stream else None,
            date_format=date_format, decimal_comma=decimal_comma, skip_rows=skip_rows,
            where=tuple(parse_pairs(wheres, "where")), gross=amount_mode == "gross",
            currency=parse_currency(currency) if currency else None, sheet=sheet, encoding=encoding,
            delimiter=parse_delimiter(delimiter),
        )
    except FieldError as exc:
        fail(f"--{exc.field.replace('_', '-')}: {exc.message}", BAD_INPUT)
    extraction, label = _read(file, options)
    if dry_run:
        with _preview_store(context) as store:
            plan = _plan(extraction, store, create)
            _show(context, plan, store, label, options.gross)
        if plan.problems:
            fail(f"{label}: {count_of(len(plan.problems), 'problem')} (listed above); nothing would be imported")
        say(context, "Dry run: nothing was imported.")
        return
    shown = None if yes else _preview_and_ask(context, extraction, create, label, options.gross)
    if not yes and shown is None:
        return
    with writing(context) as store:
        plan = _plan(extraction, store, create)
        if shown is None:
            _show(context, plan, store, label, options.gross)
            if plan.problems:
                fail(f"{label}: nothing imported: {count_of(len(plan.problems), 'problem')} (listed above)")
            if not plan.new:
                say(context, f"Nothing new to import from {label}.")
                return
        elif plan.problems or (plan.payments, plan.new_streams) != (shown.payments, shown.new_streams):
            fail("the data file changed while you decided (another import, or an edit in the app) and the "
                 "import would no longer be what the preview showed; nothing imported. Run it again to see "
                 "the new preview.")
        totals = added_totals(plan, {s.id: s for s in store.streams()})
        created, saved = store.import_payments(plan.new_streams if create else [], plan.payments)
    made = f" and created {count_of(len(created), 'stream')}" if created else ""
    say(context, f"Imported {count_of(len(saved), 'payment')} ({format_totals(totals)}){made} from {label}")
