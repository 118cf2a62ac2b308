"""The frame shared by the four panes: a titled border that lights up with focus."""

from __future__ import annotations

from textual.containers import Vertical
from textual.widget import Widget


class Pane(Vertical):
    """A titled pane. ``PANE_TITLE`` is the word-for-word title people look for."""

    PANE_TITLE = ""
    MAIN = ""
    """Selector of the widget that gets focus when the user moves to this pane."""
    DEFAULT_CLASSES = "pane"

    def on_mount(self) -> None:
        """Show the title in the border."""
        self.border_title = self.PANE_TITLE

    def show_zoomed(self, zoomed: bool) -> None:
        """Say in the title that this pane is zoomed, and how to go back to all four."""
        self.border_title = f"{self.PANE_TITLE} · zoomed, z: all panes" if zoomed else self.PANE_TITLE

    def main_widget(self) -> Widget:
        """The widget that takes focus when the user moves to this pane."""
        return self.query_one(self.MAIN)
