"""The start-up and memory baseline: the smallest honest Textual app (Header, Static, Footer).

Started exactly like Tenfold (``python FILE`` under a pseudo-terminal), so the ratio
shows what Tenfold adds on top of Python and Textual themselves. Like Tenfold's
first usable screen, its clock stops when a key is answered: ``k`` changes the text.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY_TEXT = "Tenfold benchmark baseline: ready"
ANSWER_TEXT = "Tenfold benchmark baseline: key answered"


class BaselineApp(App[None]):
    """Header, one line of text, footer with two keys."""

    BINDINGS = [("q", "quit", "Quit"), ("k", "answer", "Answer")]

    def compose(self) -> ComposeResult:
        """The three widgets the issue names."""
        yield Header()
        yield Static(READY_TEXT, id="text")
        yield Footer()

    def action_answer(self) -> None:
        """The key the benchmark sends once the screen is drawn."""
        self.query_one("#text", Static).update(ANSWER_TEXT)


if __name__ == "__main__":
    BaselineApp().run()
