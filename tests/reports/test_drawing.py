"""Tables drawn as plain lines are the very text Rich draws, byte for byte, where nothing is styled.

Whole reports (a month, a year, with and without fees and money without a rate,
names long, short, wide and with markup-like brackets) and the measures' table are
printed twice on an unstyled console, once through :class:`Drawn` and once through
Rich's tables, at widths from very narrow (where Rich squeezes columns, and Drawn
gives the table back to Rich) to wide; and once more with colours, where Drawn
always lets Rich draw.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import aggregate
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.reports.aggregate import month_period, year_period
from tenfold.reports.build import build_report
from tenfold.reports.drawing import Drawn, plain_lines
from tenfold.reports.measures_table import StreamTable
from tenfold.reports.tables import report_renderable

NAMES = ["Book", "A stream with a rather long name indeed, and more", "書籍の売上", "[bold]x[/]", "a:smile:b",
         "Rent  two", "Ünïcödé", "x"]
KINDS = ["passive", "portfolio", "active"]


def draw(renderable: object, width: int, colour: bool = False) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, soft_wrap=False, highlight=False, force_terminal=colour,
                      color_system="truecolor" if colour else None)
    console.print(renderable)
    return out.getvalue()


streams = st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(KINDS), st.sampled_from(["EUR", "USD", "GBP"]),
                             st.integers(0, 10**9)), min_size=1, max_size=6)
payments = st.lists(st.tuples(st.integers(0, 5), st.integers(1, 12), st.integers(-10**6, 10**11), st.booleans(),
                              st.one_of(st.none(), st.integers(0, 999))), max_size=30)


@settings(max_examples=120, deadline=None)
@given(streams=streams, payments=payments, width=st.integers(20, 240), yearly=st.booleans(), rated=st.booleans(),
       colour=st.booleans())
def test_a_report_drawn_plain_is_the_text_rich_draws(
    streams: list[tuple[str, str, str, int]], payments: list[tuple[int, int, int, bool, int | None]], width: int,
    yearly: bool, rated: bool, colour: bool,
) -> None:
    made = [Stream(n + 1, name, "ebook", kind, currency, upfront_money=Decimal(money) / 100)
            for n, (name, kind, currency, money) in enumerate(streams)]
    paid = [Payment(n, made[which % len(made)].id, date(2025, month, 3), Decimal(cents) / 100, "",
                    refund=refund and cents < 0, fee=None if fee is None else Decimal(fee) / 100)
            for n, (which, month, cents, refund, fee) in enumerate(payments)]
    rates = [Rate(1, "USD", "EUR", Decimal("0.9"), date(2024, 1, 1))] if rated else []
    period = year_period(2025, date(2025, 12, 31)) if yearly else month_period((2025, 6))
    report = build_report(aggregate(paid, period), made, rates, "EUR", period)
    plain = draw(report_renderable(report, width, plain=True), width, colour)
    assert plain == draw(report_renderable(report, width), width, colour)


WORDS = ["-", "no", "upkeep", "hours", "Paid", "back", "on", "2026-09-14", "(1,200.00 EUR cost)", "37%", "after",
         "書籍の売上", "averyveryverylongwordwithoutbreaks"]
cell = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(" ".join)
rows = st.lists(st.tuples(st.sampled_from(NAMES), cell, cell, cell), min_size=1, max_size=10)


@settings(max_examples=120, deadline=None)
@given(rows=rows, width=st.integers(8, 220), colour=st.booleans())
def test_the_measures_table_drawn_plain_is_the_text_rich_draws(rows: list[tuple[str, str, str, str]], width: int,
                                                               colour: bool) -> None:
    assert draw(StreamTable(rows, plain=True), width, colour) == draw(StreamTable(rows), width, colour)


def test_the_report_of_two_hundred_streams_is_drawn_plain_at_the_pipe_width() -> None:
    """The benchmark's shape: every table of a month's report is drawn by Drawn, none given back to Rich."""
    made = [Stream(n, f"Stream {n:03d}", "ebook", KINDS[n % 3], ["EUR", "USD", "GBP"][n % 3],
                   upfront_money=Decimal(n * 10), upfront_hours=Decimal(n % 5)) for n in range(1, 201)]
    paid = [Payment(n, 1 + n % 200, date(2025, 1 + n % 12, 1 + n % 28), Decimal(n * 37 % 100000) / 100, "")
            for n in range(3000)]
    period = month_period((2025, 6))
    report = build_report(aggregate(paid, period), made, [Rate(1, "USD", "EUR", Decimal("0.9"), date(2024, 1, 1))],
                          "EUR", period)
    console = Console(file=io.StringIO(), width=120, color_system=None)
    group = report_renderable(report, 120, plain=True)
    assert isinstance(group, Group)
    tables = [part for part in group.renderables if isinstance(part, Drawn)]
    assert len(tables) == 3
    assert all(plain_lines(t.table, console, console.options) is not None for t in tables)
    assert draw(group, 120) == draw(report_renderable(report, 120), 120)


def test_a_table_rich_must_lay_out_is_given_back_to_it() -> None:
    """A cell ending with a line break, a control character, a title too wide: Rich draws those."""
    console = Console(file=io.StringIO(), width=40, color_system=None)
    cases: list[tuple[Text | str, str]] = [(Text("a\n"), "T"), ("a\x07b", "T"),
                                           ("x", "A title far wider than this table is")]
    for cell, title in cases:
        table = Table(title=title, title_justify="left")
        table.add_column("Stream")
        table.add_row(cell)
        assert plain_lines(table, console, console.options) is None
        assert draw(Drawn(table), 40) == draw(table, 40)
