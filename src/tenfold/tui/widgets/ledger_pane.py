"""The Income Ledger pane: streams, dated payments, and this month's totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from tenfold.goal import Goal
from tenfold.ledger import LedgerSummary, Payment, Stream, stream_month_totals
from tenfold.money import format_money, format_totals
from tenfold.text import safe_display
from tenfold.tui.messages import AddPayment, AddStream, DeletePayment, DeleteStream, EditPayment, EditStream
from tenfold.tui.widgets.pane import Pane
from tenfold.tui.widgets.tables import RecordTable


def render_summary(summary: LedgerSummary, goal: Goal | None, has_streams: bool) -> Text:
    """Totals line: this month, last month, and the passive part that counts toward the goal."""
    text = Text()
    if not has_streams:
        text.append("No income streams yet. Press s to add your first one, then a to record a payment.")
        return text
    text.append("This month ", style="dim")
    text.append(format_totals(summary.this_month), style="bold")
    text.append("  ·  Last month ", style="dim")
    text.append(format_totals(summary.last_month))
    text.append("\nPassive toward goal ", style="dim")
    if goal is None:
        text.append(format_totals(summary.passive_this_month), style="bold green")
        text.append("  (write a goal to measure it)", style="dim")
    else:
        reached = summary.passive_this_month.get(goal.currency, Decimal(0))
        text.append(format_money(reached, goal.currency), style="bold green")
        text.append(f" of {format_money(goal.amount, goal.currency)}", style="dim")
        others = {c: v for c, v in summary.passive_this_month.items() if c != goal.currency}
        if others:
            text.append(f"  (not counted: {format_totals(others)})", style="dim")
    return text


class LedgerPane(Pane):
    """Streams on top, payments below; the focused table decides what e and d act on."""

    PANE_TITLE = "Income Ledger"
    MAIN = "#payments"
    BINDINGS = [
        Binding("a", "add_payment", "Add payment"),
        Binding("s", "add_stream", "Add stream"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
    ]

    def compose(self) -> ComposeResult:
        """Summary, streams table, payments table."""
        yield Static(id="ledger-summary")
        streams = RecordTable(id="streams")
        streams.add_columns("Stream", "Category", "Kind", "This month")
        yield streams
        payments = RecordTable(id="payments")
        payments.add_columns("Date", "Stream", "Amount", "Note")
        yield payments

    def show(self, streams: list[Stream], payments: list[Payment], summary: LedgerSummary,
             goal: Goal | None, today: date) -> None:
        """Render the ledger from the screen's state."""
        self.query_one("#ledger-summary", Static).update(render_summary(summary, goal, bool(streams)))
        by_id = {s.id: s for s in streams}
        totals = stream_month_totals(payments, today.year, today.month)
        month = {s.id: totals.get(s.id, Decimal(0)) for s in streams}
        self.query_one("#streams", RecordTable).replace_rows(
            [
                (s.id, (safe_display(s.name), s.category, s.kind, Text(format_money(month[s.id], s.currency),
                                                                        justify="right")))
                for s in streams
            ]
        )
        self.query_one("#payments", RecordTable).replace_rows(
            [
                (
                    p.id,
                    (
                        p.on.isoformat(),
                        safe_display(by_id[p.stream_id].name),
                        Text(format_money(p.amount, by_id[p.stream_id].currency), justify="right"),
                        safe_display(p.note),
                    ),
                )
                for p in payments
            ]
        )
        self.border_subtitle = f"{len(streams)} streams · {len(payments)} payments"

    def _focused_table(self) -> RecordTable:
        focused = self.screen.focused
        if isinstance(focused, RecordTable) and focused.id in ("streams", "payments"):
            return focused
        return self.query_one("#payments", RecordTable)

    def action_add_payment(self) -> None:
        """Record a payment, for the selected stream when the streams table has focus."""
        table = self._focused_table()
        self.post_message(AddPayment(table.selected_id() if table.id == "streams" else None))

    def action_add_stream(self) -> None:
        """Add an income stream."""
        self.post_message(AddStream())

    def action_edit(self) -> None:
        """Edit the selected stream or payment."""
        table = self._focused_table()
        record = table.selected_id()
        if record is not None:
            self.post_message(EditStream(record) if table.id == "streams" else EditPayment(record))

    def action_delete(self) -> None:
        """Delete the selected stream or payment (the screen asks first)."""
        table = self._focused_table()
        record = table.selected_id()
        if record is not None:
            self.post_message(DeleteStream(record) if table.id == "streams" else DeletePayment(record))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter or a click on the selected row edits it."""
        event.stop()
        if event.row_key.value is None:
            return
        record = int(event.row_key.value)
        self.post_message(EditStream(record) if event.data_table.id == "streams" else EditPayment(record))
