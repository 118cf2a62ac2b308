"""The choice offered when the data file is damaged at start-up.

Two ways out, both safe: open the newest good backup (the damaged file is kept
under a name that says so), or quit and leave every file exactly as it is.
"""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static


class RecoveryApp(App[bool]):
    """Returns True when the user chose to open the backup."""

    CSS = """
    Screen { align: center middle; }
    #dialog { width: 90; max-width: 100%; height: auto; border: thick $error; padding: 1 2; }
    #title { text-style: bold; color: $error; margin-bottom: 1; }
    .buttons { height: auto; margin-top: 1; }
    .buttons Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("o", "choose(True)", "Open the backup"),
        Binding("q,escape", "choose(False)", "Quit, change nothing"),
    ]

    def __init__(self, problem: str, backup: Path, age: str) -> None:
        super().__init__()
        self.problem = problem
        self.backup = backup
        self.age = age

    def compose(self) -> ComposeResult:
        """The problem, the backup on offer, the two choices."""
        with Vertical(id="dialog"):
            yield Label("Tenfold cannot open your data file", id="title")
            yield Static(self.problem)
            yield Static(
                f"\nThe newest good backup is {self.backup.name}, made {self.age}.\n"
                "Opening it keeps the damaged file beside it, renamed with '.damaged-' and the time, "
                "so nothing is lost. Changes made after the backup are only in the damaged file."
            )
            with Horizontal(classes="buttons"):
                yield Button("Open the backup  o", variant="primary", id="open")
                yield Button("Quit, change nothing  q", id="quit")

    def on_mount(self) -> None:
        """The safe choice has focus."""
        self.query_one("#quit", Button).focus()

    def action_choose(self, restore: bool) -> None:
        """Leave with the choice."""
        self.exit(restore)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.exit(event.button.id == "open")
