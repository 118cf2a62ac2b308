"""``tenfold report``: income per month and stream, passive share, concentration, upkeep, rates.

The figures come from :mod:`tenfold.reports.build`; this module reads the file,
picks the period and the format, and prints. Rich is imported only for the text
format on a terminal (or with colours forced): a CSV or JSON report for a script,
and a text report sent to a file or a pipe (:mod:`tenfold.reports.plain`, the
same text), do not pay for it.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tenfold.cli import cli, keep_until_exit
from tenfold.cli.common import (
    BAD_INPUT,
    Context,
    clock,
    complete_streams,
    emit_data,
    fail,
    no_data_yet,
    open_store,
    reading,
)
from tenfold.domain.errors import FieldError, TenfoldError
from tenfold.domain.money import parse_currency
from tenfold.domain.monthly import Month, MonthlyIndex
from tenfold.figures.evidence import first_months
from tenfold.figures.upkeep import logged_by_month
from tenfold.reports.aggregate import aggregate_index, choose_period, extras_index, month_label, since_first
from tenfold.reports.build import build_report, report_currency
from tenfold.reports.model import Report
from tenfold.store.reading.loading import Contents
from tenfold.store.reading.quick import Payments, read_for_report

if TYPE_CHECKING:
    from rich.console import Console

    from tenfold.domain.streams import Stream
    from tenfold.figures.measures import Measures

FORMATS = ("text", "csv", "json", "markdown")
MEASURES = ("with", "only", "none")
PIPE_WIDTH = 120
"""Columns of a text report written to a file or a pipe, where no terminal says how wide."""


Read = tuple[Contents, MonthlyIndex, Payments]
"""The file's records, the payments' monthly sums, and where the measures find the payments they build."""


def _read(context: Context) -> Read:
    """The read-only fast path: the file's records, validated, and the payments' monthly sums.

    The same validation as the store (one bad record refuses the whole file) and,
    like every reading command, no lock; the sums come from the payments' index
    the file keeps (:mod:`tenfold.store.reading.quick`), or from its payments when it has
    none that matches. Nothing is written. The payments' bytes (or the parsed table)
    come along for the measures, which build the few payments they need from them.
    """
    path = Path(context.path).absolute()
    if not path.exists():
        open_store(context, read_only=True).close()  # exits with the store's own words for a missing file
    try:
        read = read_for_report(path)
    except TenfoldError as exc:
        fail(str(exc))
    # The records live until the command ends and hold no reference cycle: left to the
    # collector, the next collections walk all of them while Rich is imported and
    # draws. Frozen, they are never walked.
    gc.freeze()
    keep_until_exit(read)
    return read


def _console() -> Console:
    """A Rich console as wide as the terminal, or :data:`PIPE_WIDTH` when there is none."""
    from rich.console import Console

    piped = not sys.stdout.isatty() and "COLUMNS" not in os.environ
    return Console(soft_wrap=False, width=PIPE_WIDTH if piped else None, highlight=False)


def _unstyled() -> bool:
    """Whether Rich would print to stdout without any style and :data:`PIPE_WIDTH` wide, in UTF-8: a file
    or a pipe, no colour forced (``FORCE_COLOR``, ``TTY_COMPATIBLE``), no width set (``COLUMNS``)."""
    encoding = (getattr(sys.stdout, "encoding", None) or "utf-8").lower()
    return (not sys.stdout.isatty() and "COLUMNS" not in os.environ and not os.environ.get("FORCE_COLOR")
            and os.environ.get("TTY_COMPATIBLE") != "1" and encoding.startswith("utf") and sys.platform != "win32")


def _write(lines: list[str]) -> None:
    """Lines printed as Rich prints them; a reader gone (``| head``) ends the command as Rich ends it."""
    try:
        sys.stdout.write("\n".join(lines) + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None


def _print_text(report: Report) -> None:
    if _unstyled():  # the same text without Rich (tenfold.reports.plain), when it can draw it
        from tenfold.reports.plain import report_lines

        lines = report_lines(report, PIPE_WIDTH)
        if lines is not None:
            _write(lines)
            return
    from tenfold.reports.tables import report_renderable

    console = _console()
    console.print(report_renderable(report, console.width, plain=console.color_system is None))


def _print_rates(contents: Contents, fmt: str) -> None:
    """Every rate entered, newest first, in the chosen format."""
    from tenfold.reports.rates import rates_csv, rates_document, rates_markdown  # not needed by a report

    rates = sorted(contents.rates.values(), key=lambda r: (r.on, r.id), reverse=True)
    if fmt == "csv":
        emit_data(rates_csv(rates))
    elif fmt == "json":
        emit_data(json.dumps(rates_document(rates), indent=2, ensure_ascii=False) + "\n")
    elif fmt == "markdown":
        emit_data(rates_markdown(rates))
    else:
        from tenfold.reports.tables import rates_table

        _console().print(rates_table(rates))


@cli.command()
@click.option("--month", default=None, metavar="YYYY-MM",
              help="One month, compared with the month before (default: the last full month; this month is "
                   "marked 'so far').")
@click.option("--year", default=None, metavar="YYYY", help="Every month of a year (this year: up to this month).")
@click.option("--stream", "stream_name", default=None, metavar="NAME", help="List only this stream.",
              shell_complete=complete_streams)
@click.option("--currency", default=None, metavar="CODE", help="Totals in this currency (default: the goal's).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option("--rates", "list_rates", is_flag=True, help="List the exchange rates entered, instead of a report.")
@click.option("--measures", type=click.Choice(MEASURES), default="with", show_default=True,
              help="Freedom, payback, upkeep and reach as of today: after the report (not in its CSV), "
                   "only them (CSV: section,stream,field,value), or none (faster on very large files).")
@click.pass_obj
def report(
    context: Context, month: str | None, year: str | None, stream_name: str | None, currency: str | None,
    fmt: str, list_rates: bool, measures: str,
) -> None:
    """Income per month and stream, the passive share, and what each stream takes.

    By default the last full month, compared with the month before: a month still
    running is partial (ask for it with --month; it is marked "so far"). Income per
    hour of upkeep counts only complete months since each stream began. Totals are converted
    into the goal's currency with the rates you entered (tenfold add rate): a
    month at the rate in effect on its last day. Money without a rate is listed
    apart and never added.
    """
    today = clock()()
    try:
        period = choose_period(today, month, year)
        target = parse_currency(currency, "currency") if currency else None
    except FieldError as exc:
        fail(f"{exc.field}: {exc.message}", BAD_INPUT)
    if no_data_yet(context, "no income to report yet"):
        return
    read = _read(context)
    if measures == "only" and not list_rates:
        _print_measures(context, read, today, fmt, stream_name, alone=True)
        return
    contents, index, _payments = read
    if list_rates:
        _print_rates(contents, fmt)
        return
    streams = list(contents.streams.values())
    only = None
    if stream_name is not None:
        only = next((s for s in streams if s.name.casefold() == stream_name.strip().casefold()), None)
        if only is None:
            fail(f"stream: There is no stream called '{stream_name.strip()[:30]}'", BAD_INPUT)
    if not streams and fmt == "text":
        click.echo("No income streams yet; add one with: tenfold add stream --name NAME --kind passive")
        return
    recorded = index.months()
    first = recorded[0] if recorded else None
    if fmt == "text" and month is None and year is None and (first is None or period.months[-1] < first):
        click.echo(_nothing_full_yet(first, today))
        return
    period = since_first(period, first)
    result = build_report(
        aggregate_index(index, period),
        streams,
        list(contents.rates.values()),
        target or report_currency(contents.goal, streams),
        period,
        only,
        today=today,
        first_paid=first_months(index),
        logged=logged_by_month(contents.hours.values()),
        extras=extras_index(index, period),
    )
    if fmt == "text":
        _print_text(result)
        if measures == "with":
            _print_measures(context, read, today, fmt, stream_name)
        return
    from tenfold.reports.formats import to_csv, to_document, to_markdown  # the text report does not need them

    if fmt == "csv":
        emit_data(to_csv(result))
    elif fmt == "json":
        document = to_document(result)
        if measures == "with":
            document["measures"] = _measures_document(context, read, today, stream_name)
        emit_data(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    else:
        emit_data(to_markdown(result))
        if measures == "with":
            _print_measures(context, read, today, fmt, stream_name)


def _nothing_full_yet(first: Month | None, today: date) -> str:
    """What the default report says while no full month is recorded: a month of zeros would read as no income."""
    this = month_label((today.year, today.month))
    if first is None:
        return "No payments recorded yet; record one with: tenfold add payment --stream NAME --amount 12.50"
    return (f"No full month recorded yet: the ledger begins in {month_label(first)}. This month so far: "
            f"tenfold report --month {this}")


def _measures(context: Context, read: Read, today: date, stream_name: str | None) -> tuple[Measures, list[Stream]]:
    """The measures as of today, from the file as read for the report.

    Only the payments the measures look at one by one are built
    (:func:`tenfold.views.measures.contents_measures`), from the payments' bytes or the
    parsed table. Should the payments' bytes not give what the index counts, the
    whole file is read again, without the lock, as the app would.
    """
    from tenfold.views.measures import contents_measures, store_measures

    contents, index, payments = read
    streams = sorted(contents.streams.values(), key=lambda s: s.name.casefold())
    if stream_name is not None:
        streams = [s for s in streams if s.name.casefold() == stream_name.strip().casefold()]
        if not streams:
            fail(f"stream: There is no stream called '{stream_name.strip()[:30]}'", BAD_INPUT)
    found = contents_measures(contents, index, payments, today)
    if found is None:
        with reading(context) as store:
            found = store_measures(store, today)
    return found, streams


def _measures_document(context: Context, read: Read, today: date, stream_name: str | None) -> dict[str, object]:
    from tenfold.reports.measures import measures_document

    found, streams = _measures(context, read, today, stream_name)
    return measures_document(found, streams)


def _print_measures(context: Context, read: Read, today: date, fmt: str, stream_name: str | None, *,
                    alone: bool = False) -> None:
    """The measures after the report, or alone, in the chosen format."""
    from tenfold.reports import measures as layout

    found, streams = _measures(context, read, today, stream_name)
    if fmt == "json":
        emit_data(json.dumps({"measures": layout.measures_document(found, streams)}, indent=2, ensure_ascii=False)
                  + "\n")
    elif fmt == "csv":
        emit_data(layout.measures_csv(found, streams))
    elif fmt == "markdown":
        emit_data(("" if alone else "\n") + layout.measures_markdown(found, streams))
    else:
        if _unstyled():
            from tenfold.reports.plain import measures_lines

            lines = measures_lines(found, streams, PIPE_WIDTH)
            if lines is not None:
                _write(lines)
                return
        from tenfold.reports.measures_table import measures_renderable

        console = _console()
        console.print(measures_renderable(found, streams, plain=console.color_system is None))
