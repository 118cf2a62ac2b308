"""The measures' per-stream table drawn column-wise is the very text Rich gives laid out cell by cell.

The fast table wraps each cell itself, to the widths Rich works out, and draws one
cell per column; these tests hold it to the plain table at many widths, with long
and short cells, wide characters, words longer than a column, and a last row
shorter than the others, in plain text and with colours.
"""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from tenfold.reports.measures_table import StreamTable, stream_table

WORDS = ["-", "no", "upkeep", "hours", "Paid", "back", "on", "2026-09-14", "(1,200.00 EUR cost)", "37%", "after",
         "payments", "reached", "1,234", "in", "2026-11", "Ünïcödé", "書籍の売上", "planned", "1k,",
         "averyveryverylongwordwithoutbreaks" * 2]

cell = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)
name = st.text(st.sampled_from("abcXYZ 0123-éö書"), min_size=1, max_size=40).map(lambda s: s.strip() or "x")
rows = st.lists(st.tuples(name, cell, cell, cell), min_size=1, max_size=12)


def draw(renderable: object, width: int, colour: bool) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, soft_wrap=False, highlight=False, force_terminal=colour,
                      color_system="truecolor" if colour else None)
    console.print(renderable)
    return out.getvalue()


@settings(max_examples=150, deadline=None)
@given(rows=rows, width=st.integers(8, 220), colour=st.booleans())
def test_column_wise_is_the_same_text_as_cell_by_cell(rows: list[tuple[str, str, str, str]], width: int,
                                                      colour: bool) -> None:
    assert draw(StreamTable(rows), width, colour) == draw(stream_table(rows), width, colour)


def test_two_hundred_streams_at_the_pipe_width() -> None:
    many = [(f"Stream {n:03d}", "-" if n % 3 else "37% after 5 months, expected payback 2027-08 at the recent pace",
             "no upkeep hours", f"no customers named in 2026-11 ({n} payments)") for n in range(200)]
    assert draw(StreamTable(many), 120, False) == draw(stream_table(many), 120, False)


def test_a_cell_with_a_line_break_is_laid_out_by_rich() -> None:
    rows = [("a", "one\ntwo", "-", "-"), ("b", "-", "-", "-")]
    assert draw(StreamTable(rows), 80, False) == draw(stream_table(rows), 80, False)
