"""The exchange rates: a list, a form to add one, and deleting one (after asking).

The dialog never touches the store: the screen passes in how to read the rates
and what to do on add and delete, and calls :meth:`RatesDialog.reload` after a
change, as it would refresh a pane.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from tenfold.domain.rates import CONVERSION_RULE, Rate, parse_rate
from tenfold.tui.dialogs.form import FieldSpec, FormDialog


class RateForm(FormDialog[Rate]):
    """One dated rate: 1 FROM = RATE TO, from a date on."""

    INTRO = "1 unit of the first currency is worth RATE of the second, from the date on."
    FIELDS = (
        FieldSpec("currency", "From currency", placeholder="e.g. USD"),
        FieldSpec("to", "To currency", placeholder="e.g. EUR"),
        FieldSpec("rate", "Rate", placeholder="e.g. 0.92"),
        FieldSpec("on", "From date (YYYY-MM-DD)", placeholder="e.g. 2026-11-01"),
    )

    def parse(self, values: dict[str, str]) -> Rate:
        """Validate with the domain's rate parser."""
        return parse_rate(currency=values["currency"], to=values["to"], rate=values["rate"], on=values["on"])


class RatesDialog(ModalScreen[None]):
    """Every rate, newest first; ``a`` adds, ``d`` deletes the one under the cursor."""

    BINDINGS = [
        Binding("a", "add", "Add rate"),
        Binding("d,delete", "delete", "Delete rate"),
        Binding("escape", "close", "Close"),
    ]
    DEFAULT_CSS = """
    RatesDialog #rates-table { height: auto; max-height: 16; margin: 1 0; }
    RatesDialog #rates-rule { color: $text-muted; }
    """

    def __init__(self, rates: Callable[[], list[Rate]], add: Callable[[], None],
                 delete: Callable[[Rate], None]) -> None:
        super().__init__()
        self._rates = rates
        self._add = add
        self._delete = delete
        self.shown: list[Rate] = []

    def compose(self) -> ComposeResult:
        """Title, the table, the rule, the keys."""
        with Vertical(id="dialog"):
            yield Label("Exchange rates", classes="dialog-title")
            table: DataTable[str] = DataTable(id="rates-table", cursor_type="row", zebra_stripes=True)
            yield table
            yield Static(Text(CONVERSION_RULE), id="rates-rule")
            yield Static("a add · d delete · esc close", classes="dim")

    def on_mount(self) -> None:
        """Fill the table and put the cursor in it."""
        table = self.query_one(DataTable)
        table.add_columns("From date", "Rate")
        self.reload()
        table.focus()

    def reload(self) -> None:
        """Read the rates again (after an add or a delete)."""
        table: DataTable[str] = self.query_one(DataTable)
        self.shown = list(self._rates())
        table.clear()
        for r in self.shown:
            table.add_row(r.on.isoformat(), f"1 {r.currency} = {r.rate} {r.to}")
        if not self.shown:
            table.add_row("-", "No rates yet: press a to add one")

    def action_add(self) -> None:
        """Open the rate form (the screen saves it)."""
        self._add()

    def action_delete(self) -> None:
        """Delete the rate under the cursor, after asking (the screen asks and deletes)."""
        row = self.query_one(DataTable).cursor_row
        if 0 <= row < len(self.shown):
            self._delete(self.shown[row])

    def action_close(self) -> None:
        """Back to the ledger."""
        self.dismiss(None)
