"""The report drawn without Rich is the very text Rich prints where nothing is styled, byte for byte.

Word wrapping, whole reports (a month, a year, fees, money without a rate, names
long, short, accented, wide or markup-like) and the measures' table are compared
with Rich's own output at widths from very narrow to wide. Where the plain drawing
declines (None), the command prints with Rich; the benchmark's shape must not
decline. Then ``tenfold report`` itself, piped, against the same command made to
print with Rich (``COLUMNS`` set).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from oracles import aggregate
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from tenfold.domain.freedom import Freedom
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.reports.aggregate import month_period, year_period
from tenfold.reports.build import build_report
from tenfold.reports.measures_table import StreamTable
from tenfold.reports.plain import SINGLE, report_lines, stream_table_lines, wrap
from tenfold.reports.tables import report_renderable
from tenfold.store.store import Store

D = Decimal
NAMES = ["Book", "A stream with a rather long name indeed, and more", "書籍の売上", "[bold]x[/]", "a:smile:b",
         "Rent  two", "Ünïcödé", "x", "Café…"]
KINDS = ["passive", "portfolio", "active"]


def printed(renderable: object, width: int) -> str:
    out = io.StringIO()
    Console(file=out, width=width, soft_wrap=False, highlight=False, color_system=None).print(renderable)
    return out.getvalue()


def test_the_plain_characters_are_one_column_wide_for_rich() -> None:
    assert all(cell_len(ch) == 1 for ch in SINGLE)


words = st.lists(st.sampled_from(["a", "to", "income", "2026-11", "(1,200.00", "EUR)", "averyveryverylongword",
                                  " ", "  ", "x" * 30, "é"]), max_size=25).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=words, width=st.integers(1, 60), pad=st.booleans())
def test_wrapping_is_richs(text: str, width: int, pad: bool) -> None:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    lines = Text(text).wrap(console, width, justify="left" if pad else None, overflow="fold")
    assert wrap(text, width, pad=pad) == [line.plain for line in lines]


streams = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(KINDS), st.sampled_from(["EUR", "USD", "GBP"]),
                             st.integers(0, 10**9)), min_size=0, max_size=6)
payments = st.lists(st.tuples(st.integers(0, 5), st.integers(1, 12), st.integers(-10**6, 10**11), st.booleans(),
                              st.one_of(st.none(), st.integers(0, 999))), max_size=30)


@settings(max_examples=150, deadline=None)
@given(streams=streams, payments=payments, width=st.integers(20, 240), yearly=st.booleans(), rated=st.booleans())
def test_a_report_drawn_without_rich_is_the_text_rich_prints(
    streams: list[tuple[str, str, str, int]], payments: list[tuple[int, int, int, bool, int | None]], width: int,
    yearly: bool, rated: bool,
) -> None:
    made = [Stream(n + 1, name, "ebook", kind, currency, upfront_money=Decimal(money) / 100)
            for n, (name, kind, currency, money) in enumerate(streams)]
    paid = [Payment(n, made[which % len(made)].id, date(2025, month, 3), Decimal(cents) / 100, "",
                    refund=refund and cents < 0, fee=None if fee is None else Decimal(fee) / 100)
            for n, (which, month, cents, refund, fee) in enumerate(payments)] if made else []
    rates = [Rate(1, "USD", "EUR", Decimal("0.9"), date(2024, 1, 1))] if rated else []
    period = year_period(2025, date(2025, 12, 31)) if yearly else month_period((2025, 6))
    report = build_report(aggregate(paid, period), made, rates, "EUR", period)
    lines = report_lines(report, width)
    if lines is not None:
        assert "\n".join(lines) + "\n" == printed(report_renderable(report, width), width)


CELL_WORDS = ["-", "no", "upkeep", "hours", "Paid", "back", "on", "2026-09-14", "(1,200.00 EUR cost)", "37%", "after",
              "書籍の売上", "averyveryverylongwordwithoutbreaks", "é"]
cell = st.lists(st.sampled_from(CELL_WORDS), min_size=1, max_size=10).map(" ".join)
rows = st.lists(st.tuples(st.sampled_from(NAMES), cell, cell, cell), min_size=1, max_size=10)


@settings(max_examples=150, deadline=None)
@given(rows=rows, width=st.integers(8, 220))
@example(rows=[("Book", "-", "-", "averyveryverylongwordwithoutbreaks")], width=101)  # a word Rich cuts short
def test_the_measures_table_drawn_without_rich_is_the_text_rich_prints(rows: list[tuple[str, str, str, str]],
                                                                         width: int) -> None:
    lines = stream_table_lines(rows, width)
    if lines is not None:
        assert "\n".join(lines) + "\n" == printed(StreamTable(rows), width)


def test_two_hundred_streams_at_the_pipe_width_are_drawn_without_rich() -> None:
    made = [Stream(n, f"Stream {n:03d}", "ebook", KINDS[n % 3], ["EUR", "USD", "GBP"][n % 3],
                   upfront_money=Decimal(n * 10), upfront_hours=Decimal(n % 5)) for n in range(1, 201)]
    paid = [Payment(n, 1 + n % 200, date(2025, 1 + n % 12, 1 + n % 28), Decimal(n * 37 % 100000) / 100, "",
                    fee=Decimal(1) if n % 50 == 0 else None) for n in range(3000)]
    period = month_period((2025, 6))
    report = build_report(aggregate(paid, period), made, [Rate(1, "USD", "EUR", Decimal("0.9"), date(2024, 1, 1))],
                          "EUR", period)
    lines = report_lines(report, 120)
    assert lines is not None
    assert "\n".join(lines) + "\n" == printed(report_renderable(report, 120), 120)
    many = [(f"Stream {n:03d}", "-" if n % 3 else "37% after 5 months, expected payback 2027-08 at the recent pace",
             "no upkeep hours", f"no customers named in 2026-11 ({n} payments)") for n in range(200)]
    table = stream_table_lines(many, 120)
    assert table is not None and "\n".join(table) + "\n" == printed(StreamTable(many), 120)


def _sample(db: Path) -> Path:
    """A user with bills (the freedom sentences), a stream with a cost (payback), fees and three currencies."""
    with Store.open(db, today=lambda: date(2026, 6, 1)) as store:
        store.set_goal(Goal("Quit the day job", D("2400"), "EUR", date(2028, 12, 31), date(2026, 6, 1)))
        store.set_freedom(Freedom("EUR", D(2000), D(5000), D(40)))
        job = store.add_stream(Stream(0, "Day job", "other", "active", "EUR", started_on=date(2020, 1, 1)))
        ebook = store.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR", upfront_money=D("300"),
                                        upfront_hours=D("40")))
        flat = store.add_stream(Stream(0, "Flat", "rental", "passive", "USD", started_on=date(2026, 9, 1)))
        store.add_rate(Rate(0, "USD", "EUR", D("0.90"), date(2026, 9, 1)))
        store.add_payments([
            *(Payment(0, ebook.id, date(2026, m, 5), D("150"), "", f"Reader {m}", fee=D("1.5")) for m in range(7, 13)),
            *(Payment(0, job.id, date(2026, m, 28), D("3200"), "") for m in range(7, 13)),
            *(Payment(0, flat.id, date(2026, m, 1), D("1000"), "", "Tenant") for m in range(10, 13)),
            Payment(0, flat.id, date(2026, 12, 2), D("80"), "", currency="GBP"),
        ])
    return db


def test_the_piped_report_is_the_text_rich_prints(tmp_path: Path) -> None:
    """Piped, the report is drawn without Rich; with COLUMNS set, by Rich: the same bytes, for each period
    and for the measures alone. Cut short by its reader (``| head``), it ends as Rich ends it."""
    db = _sample(tmp_path / "t.json")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TENFOLD_", "FORCE_COLOR", "TTY_", "COLUMNS"))}
    env.update(TENFOLD_TODAY="2027-01-01", XDG_STATE_HOME=str(tmp_path / "state"))
    for args in ([], ["--year", "2026"], ["--measures", "only"], ["--month", "2026-12"], ["--stream", "Ebook"]):
        argv = [sys.executable, "-m", "tenfold", "--db", str(db), "report", *args]
        plain = subprocess.run(argv, capture_output=True, env=env, timeout=60, check=True)
        rich = subprocess.run(argv, capture_output=True, env={**env, "COLUMNS": "120"}, timeout=60, check=True)
        assert plain.stdout == rich.stdout and plain.stderr == rich.stderr == b""
        assert b"Payback, upkeep and reach" in plain.stdout or args
    for extra in ({}, {"COLUMNS": "120"}):
        reader, writer = os.pipe()
        os.close(reader)  # the reader gone before the first byte: every write fails, whatever the timing
        try:
            cut = subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), "report", "--year", "2026"],
                                 stdout=writer, stderr=subprocess.PIPE, env={**env, **extra}, timeout=60, check=False)
        finally:
            os.close(writer)
        assert (cut.returncode, cut.stderr) == (1, b"")
