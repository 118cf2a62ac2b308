"""The frame shared by the four panes: a titled border that lights up with focus."""

from __future__ import annotations

from textual.containers import Vertical


class Pane(Vertical):
    """A titled pane. ``PANE_TITLE`` is the word-for-word title people look for."""

    PANE_TITLE = ""
    DEFAULT_CLASSES = "pane"

    def on_mount(self) -> None:
        """Show the title in the border."""
        self.border_title = self.PANE_TITLE

    def focus_first(self) -> None:
        """Focus the pane's main widget (the first focusable one)."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return
