"""Charts drawn with text: a sparkline per stream and monthly bars against the goal line.

Pure functions returning characters (and, for the bar chart, what each piece
is), so the drawing is tested without a terminal and the widget only colours
it. Unicode block elements draw bars in eighths of a cell: no plotting library,
and they read the same in every terminal font that has them (all common ones).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

SPARKS = "▁▂▃▄▅▆▇█"
NOTHING = "·"
"""A month with no income: different from a small one, which still gets ▁."""
BLOCKS = " ▁▂▃▄▅▆▇█"
"""0 to 8 eighths of a cell, filled from the bottom."""
GOAL_LINE = "─"
MONTH_LETTERS = "JFMAMJJASOND"


def sparkline(values: Sequence[Decimal]) -> str:
    """One character per value, scaled to the largest; ``·`` for nothing at all."""
    top = max(values, default=Decimal(0))
    if top <= 0:
        return NOTHING * len(values)
    out = []
    for value in values:
        if value <= 0:
            out.append(NOTHING)
        else:
            level = int((value * 8 / top).to_integral_value(ROUND_HALF_UP))
            out.append(SPARKS[max(1, min(8, level)) - 1])
    return "".join(out)


def compact(value: Decimal) -> str:
    """A short axis label: ``950``, ``1.5k``, ``12k``, ``2.1M``."""
    for limit, suffix in ((Decimal(1_000_000), "M"), (Decimal(1_000), "k")):
        if value >= limit:
            scaled = value / limit
            text = f"{scaled:.1f}" if scaled < 10 else f"{scaled:.0f}"
            return text.removesuffix(".0") + suffix
    return f"{value:.0f}"


Piece = tuple[str, str]
"""Text and what it is: ``axis``, ``bar``, ``reached`` (a bar at or above the goal), ``now``
(this month, not over yet), ``goal`` (the goal line), ``label``, or ``blank``."""


@dataclass(frozen=True)
class Bar:
    """One month's bar: its value, which month, whether the month is still running."""

    value: Decimal
    month: tuple[int, int]
    running: bool = False


YEAR_BARS = 12
"""The chart picks the widest bars that still show a year; more months if room is left."""


def bar_width(count: int, room: int) -> int:
    """Cells per bar: 3 when ``count`` bars fit so, else 2, else 1 (one blank between bars)."""
    for width in (3, 2):
        if count * (width + 1) <= room:
            return width
    return 1


def bar_chart(bars: Sequence[Bar], target: Decimal | None, width: int, height: int) -> list[list[Piece]]:
    """Lines of the chart, top first: ``height - 1`` rows of bars, then a row of month labels.

    As many bars as fit are drawn, the newest on the right. The vertical scale
    runs from 0 to the higher of the highest bar and 110 % of the goal, so the
    goal line is always on the chart and a bar that meets the goal crosses it.
    """
    rows = max(1, height - 1)
    highest = max((b.value for b in bars), default=Decimal(0))
    goal = target if target is not None and target > 0 else None
    top = max(highest, goal * Decimal("1.1")) if goal is not None else highest
    if top <= 0:
        top = Decimal(1)
    goal_row = None if goal is None else min(rows - 1, int(goal * rows / top))
    labels = {rows - 1: compact(top), 0: "0"}
    if goal is not None and goal_row is not None:
        labels[goal_row] = compact(goal)
    axis = max(len(t) for t in labels.values())
    room = max(0, width - axis - 1)
    cell = bar_width(min(len(bars), YEAR_BARS), room)
    shown = list(bars[max(0, len(bars) - room // (cell + 1)):])
    eighths = [_eighths(b.value, top, rows) for b in shown]
    lines: list[list[Piece]] = []
    for row in range(rows - 1, -1, -1):
        mark = labels.get(row, "")
        on_goal = row == goal_row
        empty: Piece = (GOAL_LINE, "goal") if on_goal else (" ", "blank")
        line: list[Piece] = [(mark.rjust(axis) + ("┤" if mark else "│"), "axis")]
        for bar, filled in zip(shown, eighths, strict=True):
            line.append(empty)
            fill = max(0, min(8, filled - row * 8))
            if fill:
                kind = "now" if bar.running else "reached" if goal is not None and bar.value >= goal else "bar"
                line.append((BLOCKS[fill] * cell, kind))
            else:
                line.append((empty[0] * cell, empty[1]))
        lines.append(line)
    label_line: list[Piece] = [(" " * (axis + 1), "axis")]
    for bar in shown:
        label_line.append((" " + month_label(*bar.month, cell).ljust(cell), "label"))
    lines.append(label_line)
    return lines


def _eighths(value: Decimal, top: Decimal, rows: int) -> int:
    """Height of a bar in eighths of a cell; any income at all shows as at least one."""
    if value <= 0:
        return 0
    return max(1, int((value * rows * 8 / top).to_integral_value(ROUND_HALF_UP)))


def month_label(year: int, month: int, cell: int) -> str:
    """Under a bar: ``J`` (1 cell), ``01`` (2), ``Jan`` (3); January shows its year's last two digits."""
    if cell >= 3:
        return f"'{year % 100:02d}" if month == 1 else ("JanFebMarAprMayJunJulAugSepOctNovDec"[3 * month - 3:3 * month])
    if cell == 2:
        return f"{year % 100:02d}" if month == 1 else f"{month:02d}"
    return MONTH_LETTERS[month - 1]
