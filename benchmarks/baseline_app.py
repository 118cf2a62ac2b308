"""The start-up and memory baseline: the smallest honest Textual app (Header, Static, Footer).

Started exactly like Tenfold (``python FILE`` under a pseudo-terminal), so the ratio
shows what Tenfold adds on top of Python and Textual themselves.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY_TEXT = "Tenfold benchmark baseline: ready"


class BaselineApp(App[None]):
    """Header, one line of text, footer with one key."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        """The three widgets the issue names."""
        yield Header()
        yield Static(READY_TEXT)
        yield Footer()


if __name__ == "__main__":
    BaselineApp().run()
