"""The text report and its measures as plain lines, without Rich, for a file or a pipe.

Where the report goes to a file or a pipe nothing is styled, and what Rich prints
is text: lines wrapped at the width, and boxed tables whose columns are as wide as
their widest line. Importing Rich and laying the tables out through it took
about a third of ``tenfold report`` at 100,000 payments; this module draws the
same :mod:`tenfold.reports.grids` itself, following Rich's rules for the few
shapes the report uses (word wrapping, column widths, ratios, the heavy-headed
box), and is tested against Rich byte for byte.

It answers None for anything outside those shapes - a character wider or
narrower than one column, text Rich would read as markup, a table too wide for
the width (Rich squeezes it), a name longer than its column (Rich cuts it with an
ellipsis) - and the caller prints with Rich, as on a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from math import ceil

from tenfold.domain.streams import Stream
from tenfold.figures.freedom import FREEDOM_METHOD, freedom_lines
from tenfold.figures.measures import Measures
from tenfold.reports.formats import notes, title
from tenfold.reports.grids import MEASURES_COLUMNS, MEASURES_TITLE, Column, Grid, report_grids
from tenfold.reports.measures import stream_lines
from tenfold.reports.model import Report

SINGLE = frozenset(
    chr(c) for start, end in ((0x20, 0x7E), (0xA0, 0xAC), (0xAE, 0x2FF)) for c in range(start, end + 1)
) | {"…", "–"}
"""Characters one column wide (as Rich counts them): text made only of these is measured by its length."""
_MARKUP = frozenset("[:")
"""Characters that may make Rich read a title, a header or a markup cell as markup or an emoji code."""
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING = re.compile(r"\s+$")
# The heavy-headed box Rich draws tables with (rich.box.HEAVY_HEAD).
_TOP, _HEAD, _HEAD_ROW, _MID, _ROW, _BOTTOM = "┏━┳┓", "┃┃┃", "┡━╇┩", "│││", "├─┼┤", "└─┴┘"


def _simple(text: str) -> bool:
    return SINGLE.issuperset(text)


def _breaks(text: str, width: int) -> list[int]:
    """Where Rich breaks a line of one-column characters to fit ``width`` (``rich._wrap.divide_line``, folding)."""
    breaks: list[int] = []
    offset = 0
    for found in _WORD.finditer(text):
        start, word = found.start(), found.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:  # a word longer than a line: cut into lines of the width
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for n, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if n == len(pieces) - 1:
                    offset = len(piece)
                else:
                    start += len(piece)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def wrap(text: str, width: int, *, pad: bool = False) -> list[str]:
    """One line of one-column characters as Rich's ``Text.wrap`` gives it ``width`` wide (overflow folded):
    ``pad`` False for a line printed as it is, True for a cell's left-justified text."""
    offsets = _breaks(text, width)
    lines = []
    for start, end in zip([0, *offsets], [*offsets, len(text)], strict=True):
        line = text[start:end]
        if len(line) > width:  # spaces past the width go
            trailing = _TRAILING.search(line)
            if trailing is not None:
                line = line[: len(line) - min(len(trailing.group()), len(line) - width)]
        if pad and len(line) < width:
            line += " " * (width - len(line))
        lines.append(line[:width])
    return lines


def _text(lines: Iterable[str], width: int) -> list[str] | None:
    """Lines printed as Rich prints a Text each, wrapped at ``width``; None if one holds another character."""
    out: list[str] = []
    for line in lines:
        if not _simple(line):
            return None
        out += wrap(line, width)
    return out


def _ratio_distribute(total: int, ratios: list[int], minimums: list[int]) -> list[int]:
    """``total`` shared out by ``ratios``, none under its minimum (``rich._ratio.ratio_distribute``)."""
    ratios = [ratio if minimum else 0 for ratio, minimum in zip(ratios, minimums, strict=True)]
    total_ratio = sum(ratios)
    out = []
    for ratio, minimum in zip(ratios, minimums, strict=True):
        share = max(minimum, ceil(ratio * total / total_ratio)) if total_ratio > 0 else total
        out.append(share)
        total_ratio -= ratio
        total -= share
    return out


def _widths(grid: Grid, lines: list[list[str]], available: int) -> list[int] | None:
    """Each column's width, padding included, from ``lines`` (per column: its header's and cells' lines),
    as Rich lays the table out in ``available`` columns; None where Rich would squeeze it."""
    widths = []
    for column, column_lines in zip(grid.columns, lines, strict=True):
        widest = min(max(map(len, column_lines)) + 2, available)  # the order of Rich's clamps
        if column.min_width is not None:
            widest = max(widest, column.min_width + 2)
        if column.max_width is not None:
            widest = min(widest, column.max_width + 2)
        widths.append(widest)
    if grid.expand:
        flexible = [c.ratio is not None for c in grid.columns]
        fixed = sum(w for w, flex in zip(widths, flexible, strict=True) if not flex)
        ratios = [c.ratio or 0 for c in grid.columns if c.ratio is not None]
        shares = iter(_ratio_distribute(available - fixed, ratios, [3] * len(ratios)))
        widths = [next(shares) if flex else w for w, flex in zip(widths, flexible, strict=True)]
        if sum(widths) != available:
            return None
    return widths if sum(widths) <= available else None


def _cell_lines(text: str, column: Column, inner: int) -> list[str] | None:
    """A cell's lines justified ``inner`` wide, wrapped if its column wraps; None if one does not fit."""
    out: list[str] = []
    for line in text.split("\n"):
        if column.no_wrap:
            if len(line) > inner:
                return None
            out.append(line.ljust(inner) if column.justify == "left" else line.rstrip().rjust(inner))
        elif column.justify == "left":  # a line that fits is only padded, as wrapping it would
            if len(line) <= inner:
                out.append(line.ljust(inner))
            elif any(len(word) > inner for word in line.split()):
                return None  # a word folded across lines: Rich's measuring of it is left to Rich
            else:
                out += wrap(line, inner, pad=True)
        else:
            return None
    return out


def draw(grid: Grid, width: int) -> list[str] | None:
    """``grid`` as Rich draws it, unstyled, on a console ``width`` columns wide; None where Rich must."""
    texts = [grid.title, *(c.header for c in grid.columns)]
    if not grid.rows or any(_MARKUP & set(t) or "\n" in t for t in texts):
        return None
    for row in grid.rows:
        if any(not _simple(cell.replace("\n", "")) for cell in row) \
                or (grid.markup and any(_MARKUP & set(cell) for cell in row)):
            return None
    if not all(map(_simple, texts)):
        return None
    available = width - (len(grid.columns) + 1)
    lines = [[c.header, *(line for row in grid.rows for line in row[i].split("\n"))]
             for i, c in enumerate(grid.columns)]
    widths = _widths(grid, lines, available)
    if widths is None or min(widths) < 3:
        return None
    table_width = sum(widths) + len(widths) + 1
    if len(grid.title) > table_width:
        return None
    cells: list[list[list[str]]] = []  # per row (the header first), per column, the cell's lines
    for row in [[c.header for c in grid.columns], *grid.rows]:
        drawn = []
        for column, text, w in zip(grid.columns, row, widths, strict=True):
            justified = _cell_lines(text, column, w - 2)
            if justified is None:
                return None
            drawn.append([f" {line} " for line in justified])
        cells.append(drawn)
    if any(len(cell) != 1 for cell in cells[0]):
        return None
    out = [grid.title.ljust(table_width), _rule(_TOP, widths)]
    out.append(_HEAD[0] + _HEAD[1].join(cell[0] for cell in cells[0]) + _HEAD[2])
    out.append(_rule(_HEAD_ROW, widths))
    for n, row_cells in enumerate(cells[1:]):
        height = max(map(len, row_cells))
        for line in range(height):
            out.append(_MID[0] + _MID[1].join(c[line] if line < len(c) else " " * w
                                              for c, w in zip(row_cells, widths, strict=True)) + _MID[2])
        if grid.ends_section[n] and n < len(grid.rows) - 1:
            out.append(_rule(_ROW, widths))
    out.append(_rule(_BOTTOM, widths))
    return out


def _rule(box: str, widths: list[int]) -> str:
    return box[0] + box[2].join(box[1] * w for w in widths) + box[3]


def report_lines(report: Report, width: int) -> list[str] | None:
    """The whole text report as Rich prints :func:`tenfold.reports.tables.report_renderable`, unstyled."""
    out = _text([title(report)], width)
    if out is None:
        return None
    for grid in report_grids(report, width):
        drawn = draw(grid, width)
        if drawn is None:
            return None
        out += ["", *drawn]
    rest = _text(["", *notes(report)], width)
    return None if rest is None else out + rest


def measures_lines(m: Measures, streams: Iterable[Stream], width: int) -> list[str] | None:
    """The measures as Rich prints :func:`tenfold.reports.measures_table.measures_renderable`, unstyled."""
    head = ["", f"Measures as of {m.today.isoformat()} (complete months)"]
    head += freedom_lines(m.freedom) if m.freedom is not None else \
        ["No bills written yet (step 4): tenfold bills set --amount 2400 --currency EUR"]
    out = _text(head, width)
    rows = stream_lines(m, streams)
    if out is not None and rows:
        table = stream_table_lines(rows, width)
        out = None if table is None else [*out, "", *table]
    tail = _text([FREEDOM_METHOD], width)
    return None if out is None or tail is None else out + tail


def stream_table_lines(rows: list[tuple[str, str, str, str]], width: int) -> list[str] | None:
    """The measures' per-stream table (:class:`tenfold.reports.measures_table.StreamTable`): each row's
    cells wrapped to the column widths Rich gives, padded to the row's height, one cell per column."""
    if any("\n" in cell for row in rows for cell in row):
        return None
    probe = Grid(MEASURES_TITLE, MEASURES_COLUMNS, expand=True)
    available = width - (len(MEASURES_COLUMNS) + 1)
    if not all(_simple(cell) for row in rows for cell in row):
        return None
    widths = _widths(probe, [[c.header, *column] for c, column in zip(MEASURES_COLUMNS, zip(*rows, strict=True),
                                                                       strict=True)], available)
    if widths is None or min(widths) < 3:
        return None
    known: dict[tuple[int, str], list[str] | None] = {}  # many streams share a cell ("-", "no upkeep hours")
    columns: list[list[str]] = [[] for _ in widths]
    for row in rows:
        cells = []
        for i, (column, w, cell) in enumerate(zip(MEASURES_COLUMNS, widths, row, strict=True)):
            if (i, cell) not in known:
                known[(i, cell)] = _cell_lines(cell, column, w - 2)
            lines = known[(i, cell)]
            if lines is None:
                return None
            cells.append(lines)
        height = max(map(len, cells))
        for column_lines, lines in zip(columns, cells, strict=True):
            column_lines += lines + [""] * (height - len(lines))
    grid = Grid(MEASURES_TITLE, MEASURES_COLUMNS, expand=True)
    grid.add(["\n".join(lines) for lines in columns])
    return draw(grid, width)
