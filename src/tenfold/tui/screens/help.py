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

from tenfold.coach.nudges import CHECK_RULES
from tenfold.domain.money import DECIMAL_RULE
from tenfold.domain.rates import CONVERSION_RULE
from tenfold.figures.expected import GRACE_DAYS
from tenfold.figures.freedom import FREEDOM_METHOD
from tenfold.figures.projection import PROJECTION_METHOD
from tenfold.tui.keys import COMMANDS, HELP_NOTES

METHOD = (
    "Income has three parts: creating value, delivering it, and being paid. Passive income "
    "comes from delivery: the same value reaching many people, many times, without you "
    "doing each delivery. Write your goal down first, then work through the eight steps, "
    "and let the ledger show which streams really pay for the hours they take."
)


MEASURING = (
    "The goal pane compares the passive income of the last full month, and the average of "
    "the last 3 full months (only those since your first payment: the label says how many), "
    "with your monthly target. " + PROJECTION_METHOD + "\n"
    f"A stream with a cadence (monthly, quarterly, yearly) is expected to pay again one cadence "
    f"after its last payment, on the same day of the month; it is flagged overdue (!) once that "
    f"day is more than {GRACE_DAYS} days past. Recording the payment clears the flag.\n" + FREEDOM_METHOD
)

def keys_table() -> Table:
    """The command list as a table: key, action, where it works (all from :mod:`tenfold.tui.keys`)."""
    table = Table(box=None, show_header=True, header_style="bold", expand=True, padding=(0, 1))
    table.add_column("Key", no_wrap=True, style="bold cyan")  # as wide as its longest key, no wider
    table.add_column("Action", ratio=1)
    table.add_column("Where", style="dim", ratio=1)
    for command in (*COMMANDS, *HELP_NOTES):
        table.add_row(command.key, command.title, command.where)
    return table


class HelpScreen(ModalScreen[None]):
    """Closes with escape or ? (q quits, as everywhere)."""

    BINDINGS = [Binding("escape,question_mark", "dismiss", "Close help")]

    def __init__(self, data_path: Path) -> None:
        super().__init__()
        self.data_path = data_path

    def compose(self) -> ComposeResult:
        """Where the data lives (first: people look for it), the keys, the method, how figures are made."""
        with VerticalScroll(id="dialog", classes="help"):
            yield Label("Tenfold help", classes="dialog-title")
            yield Static(
                Text.assemble(
                    "Your data is saved as you go in one file: ",
                    (str(self.data_path), "bold"),
                    " (--db PATH or TENFOLD_DB chooses another).",
                )
            )
            yield Label("Keys", classes="section")
            yield Static(keys_table())
            yield Label("The method", classes="section")
            yield Static(METHOD)
            yield Label("Measuring progress", classes="section")
            yield Static(MEASURING)
            yield Label("Money in other currencies", classes="section")
            yield Static(CONVERSION_RULE)
            yield Label("Honest checks", classes="section")
            yield Static(CHECK_RULES)
            yield Label("Typing numbers", classes="section")
            yield Static(DECIMAL_RULE)
            yield Static("Press esc to close.", classes="dim")
