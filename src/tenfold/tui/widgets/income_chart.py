"""Monthly passive income as bars against the goal line, sized to whatever room the pane has.

The drawing is :func:`tenfold.figures.charts.bar_chart` (pure, tested by hand); this widget
only colours it and redraws on resize. Rich text and block characters: no plotting
dependency, and it reads the same in a browser tab (``tenfold serve``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from rich.text import Text
from textual.widget import Widget

from tenfold.domain.money import format_money, format_totals
from tenfold.figures.charts import Bar, bar_chart
from tenfold.figures.goal_figures import MonthIncome, unconverted

STYLES = {
    "axis": "dim",
    "label": "dim",
    "bar": "green",
    "reached": "bold bright_green",
    "now": "dark_green",
    "goal": "yellow",
    "blank": "",
}


class IncomeChart(Widget, can_focus=True):
    """Focusable, so the ledger's keys keep working while the chart replaces the tables."""

    DEFAULT_CSS = """
    IncomeChart {
        height: 1fr;
        min-height: 6;
    }
    IncomeChart:focus {
        background-tint: $foreground 5%;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._months: tuple[MonthIncome, ...] = ()
        self._target: Decimal | None = None
        self._currency = ""

    def show(self, months: Sequence[MonthIncome], currency: str, target: Decimal | None) -> None:
        """Months oldest first, the running month last; ``target`` None draws no goal line."""
        self._months, self._currency, self._target = tuple(months), currency, target
        self.refresh()

    def render(self) -> Text:
        """Title, bars, month labels, and what could not be converted."""
        width, height = self.content_size
        text = Text(no_wrap=True, overflow="crop")
        pieces = [(f"Passive income per month, {self._currency}", "bold")]
        if self._target is not None:
            pieces.append((f"  ─ goal {format_money(self._target, self._currency)}", "yellow"))
        pieces.append(("  ▂ this month so far", "dim"))
        used = 0
        for piece, style in pieces:  # the legend only where it fits on the one title line
            if used and used + len(piece) > width:
                break
            text.append(piece, style=style)
            used += len(piece)
        text.append("\n")
        if not self._months:
            return text
        bars = [Bar(m.amount, m.month, i == len(self._months) - 1) for i, m in enumerate(self._months)]
        # The note on what had no rate depends on the months shown, which depend on the room.
        lines = bar_chart(bars, self._target, width, max(3, height - 1))
        apart = unconverted(self._months[len(self._months) - (len(lines[-1]) - 1):])
        if apart:
            lines = bar_chart(bars, self._target, width, max(3, height - 2))
        for line in lines:
            for piece, kind in line:
                text.append(piece, style=STYLES.get(kind, ""))
            text.append("\n")
        if apart:
            text.append(f"Not counted (no rate to {self._currency}): {format_totals(apart)}", style="yellow")
        text.rstrip()
        return text
