"""A scrolling view of a long Rich renderable that draws only the lines on screen.

The report's tables have a line per stream, several tables deep: with 200 streams
a Static holding them took about a second to lay out on every month switch. Here
the renderable is turned into lines once (one Rich render), and Textual's line
API asks for the few lines on screen, as :mod:`.virtual_table` does for payments.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Console, Group, RenderableType
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

UNSQUEEZED = 10_000
"""Columns offered to a table to learn its natural width."""


class ReportView(ScrollView, can_focus=True):
    """Pre-rendered lines; scrolls both ways with the arrows, page keys, home and end."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", "Up", show=False),
        Binding("down,j", "scroll_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("home,g", "scroll_home", "Top", show=False),
        Binding("end,G", "scroll_end", "Bottom", show=False),
        Binding("shift+left", "scroll_left", "Left", show=False),
        Binding("shift+right", "scroll_right", "Right", show=False),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.lines: list[Strip] = []

    def show(self, renderable: RenderableType, width: int) -> None:
        """Render ``renderable`` at ``width`` columns, once, and show it from the top.

        A table is never squeezed below its natural width (Rich would cut its
        headers and figures with an ellipsis): one wider than the view is drawn
        whole, and the view scrolls sideways (shift+arrows). Text wraps at ``width``.
        """
        console = Console(width=width, color_system="truecolor", force_terminal=True, legacy_windows=False,
                          highlight=False)
        parts = renderable.renderables if isinstance(renderable, Group) else [renderable]
        rendered = []
        for part in parts:
            part_width = width
            if isinstance(part, Table):
                natural = Measurement.get(console, console.options.update(width=UNSQUEEZED), part).maximum
                part_width = max(width, natural)
            rendered += console.render_lines(part, console.options.update(width=part_width), pad=False)
        self.lines = [Strip(line) for line in rendered]
        widest = max((strip.cell_length for strip in self.lines), default=0)
        self.virtual_size = Size(widest, len(self.lines))
        self.scroll_to(0, 0, animate=False)
        self.refresh()

    @property
    def wider_than_view(self) -> bool:
        """Whether some table is wider than the view (it scrolls sideways)."""
        return self.virtual_size.width > self.scrollable_content_region.width

    def text(self) -> str:
        """All lines as plain text (what a test or a copy would read)."""
        return "\n".join(strip.text.rstrip() for strip in self.lines)

    def render_line(self, y: int) -> Strip:
        """Line ``y`` of the view: the pre-rendered line under it, cropped to the visible columns."""
        scroll_x, scroll_y = self.scroll_offset
        index = y + scroll_y
        width = self.scrollable_content_region.width
        if index >= len(self.lines):
            return Strip([Segment(" " * width)], width)
        return self.lines[index].crop_extend(scroll_x, scroll_x + width, None)
