"""The help screen: every key, the method in short, where the data lives."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tenfold.tui.commands import COMMANDS

METHOD = (
    "Income has three parts: creating value, delivering it, and being paid. Passive income "
    "comes from delivery: the same value reaching many people, many times, without you "
    "doing each delivery. Write your goal down first, then work through the eight steps, "
    "and let the ledger show which streams really pay for the hours they take."
)


def keys_table() -> Table:
    """The command list as a table: key, action, where it works."""
    table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1))
    table.add_column("Key", no_wrap=True, style="bold cyan")
    table.add_column("Action")
    table.add_column("Where", style="dim")
    for command in COMMANDS:
        table.add_row(command.key, command.title, command.where)
    table.add_row("ctrl+p", "Command palette: every action by name", "anywhere")
    table.add_row("j / k", "Move down / up in lists, besides the arrows", "lists")
    table.add_row("ctrl+s / esc", "Save / cancel a form", "forms")
    return table


class HelpScreen(ModalScreen[None]):
    """Closes with escape, q or ?."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close help")]

    def __init__(self, data_path: Path) -> None:
        super().__init__()
        self.data_path = data_path

    def compose(self) -> ComposeResult:
        """Keys, then the method, then the data file."""
        with VerticalScroll(id="dialog", classes="help"):
            yield Label("Tenfold help", classes="dialog-title")
            yield Static(keys_table())
            yield Label("The method", classes="section")
            yield Static(METHOD)
            yield Label("Your data", classes="section")
            yield Static(
                Text.assemble(
                    "Everything is saved as you go in one file:\n",
                    (str(self.data_path), "bold"),
                    "\nUse --db PATH or TENFOLD_DB to choose another.",
                )
            )
            yield Static("Press esc to close.", classes="dim")
