"""Column widths and cell text for :class:`~tenfold.tui.widgets.virtual_table.VirtualTable`.

Pure functions, apart from the widget, so the arithmetic of fitting a table into
a pane is tested without running an app. Widths are in terminal cells (an emoji
or a CJK character takes two), measured with Rich's own ``cell_len``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rich.cells import cell_len, set_cell_size

PADDING = 1
"""Blank cells on each side of every column, as in Textual's DataTable."""

MIN_WIDTH = 4
"""Narrowest a shrinkable column gets: three characters and the ellipsis."""

ELLIPSIS = "…"

_FLATTEN = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


@dataclass(frozen=True)
class Column:
    """One column's header and how its cells are laid out.

    ``max_width`` caps the width the data asks for, so one long text does not take
    the room of the columns after it. Columns with ``shrink=False`` (dates, money)
    are never cut to fit: a cut amount would be a wrong amount.
    """

    label: str
    align: Literal["left", "right"] = "left"
    max_width: int | None = None
    shrink: bool = True


def one_line(text: str) -> str:
    """A cell is one screen line: line breaks and tabs become spaces."""
    return text.translate(_FLATTEN)


def natural_widths(columns: Sequence[Column], rows: Iterable[Sequence[str]],
                   at_least: Sequence[int] | None = None) -> list[int]:
    """The width each column asks for: its header and the given rows, capped by ``max_width``.

    ``at_least`` carries widths measured before (other rows seen), so that columns
    only widen while the user scrolls instead of jumping back and forth.
    """
    widths = [cell_len(c.label) for c in columns]
    if at_least is not None:
        widths = [max(w, a) for w, a in zip(widths, at_least, strict=True)]
    for cells in rows:
        for index, text in enumerate(cells):
            length = cell_len(text)
            if length > widths[index]:
                widths[index] = length
    return [min(w, c.max_width) if c.max_width else w for w, c in zip(widths, columns, strict=True)]


def fit_widths(columns: Sequence[Column], natural: Sequence[int], available: int) -> list[int]:
    """Shrink the widest shrinkable column, one cell at a time, until the table fits.

    Taking from the widest keeps short columns whole and shares the cut between
    the long ones. If every shrinkable column is at :data:`MIN_WIDTH` and the
    table is still too wide, it is cut at the right edge when drawn.
    """
    widths = list(natural)
    excess = table_width(widths) - available
    while excess > 0:
        candidates = [i for i, c in enumerate(columns) if c.shrink and widths[i] > MIN_WIDTH]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: (widths[i], i))
        widths[widest] -= 1
        excess -= 1
    return widths


def table_width(widths: Sequence[int]) -> int:
    """Cells a row takes with these column widths, padding included."""
    return sum(widths) + 2 * PADDING * len(widths)


def fit_cell(text: str, width: int, align: Literal["left", "right"] = "left") -> str:
    """``text`` padded or cut to exactly ``width`` cells, cut text ending in an ellipsis."""
    if width <= 0:
        return ""
    length = cell_len(text)
    if length > width:
        # Blanks before the ellipsis (a cut word's space, half a wide character) go after it.
        text = set_cell_size(text, width - 1).rstrip(" ") + ELLIPSIS
        length = cell_len(text)
    gap = " " * (width - length)
    return gap + text if align == "right" else text + gap
