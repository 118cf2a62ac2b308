"""The Income Ledger pane: streams, dated payments, and this month's totals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tenfold.goal import Goal
from tenfold.ledger import Payment, Stream
from tenfold.money import format_money, format_totals
from tenfold.text import safe_display
from tenfold.totals import LedgerSummary
from tenfold.tui.messages import AddPayment, AddStream, DeletePayment, DeleteStream, EditPayment, EditStream
from tenfold.tui.widgets.columns import Column
from tenfold.tui.widgets.pane import Pane
from tenfold.tui.widgets.virtual_table import VirtualTable


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


STREAM_COLUMNS = (
    Column("Stream"),
    Column("Category", shrink=False),
    Column("Kind", shrink=False),
    Column("This month", align="right", shrink=False),
)
PAYMENT_COLUMNS = (
    Column("Date", shrink=False),
    Column("Stream", max_width=30),
    Column("Amount", align="right", shrink=False),
    Column("Note"),
)


class LedgerPane(Pane):
    """Streams on top, payments below; the focused table decides what e and d act on.

    Both tables draw only the rows on screen: ``show`` hands them the store's lists
    and keeps what the cell functions need (stream names, this month's totals).
    """

    PANE_TITLE = "Income Ledger"
    MAIN = "#payments"
    BINDINGS = [
        Binding("a", "add_payment", "Add payment"),
        Binding("s", "add_stream", "Add stream"),
        Binding("e", "edit", "Edit"),
        Binding("d,delete", "delete", "Delete"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._streams: dict[int, Stream] = {}
        self._month: dict[int, Decimal] = {}

    def compose(self) -> ComposeResult:
        """Summary, streams table, payments table."""
        yield Static(id="ledger-summary")
        yield VirtualTable(STREAM_COLUMNS, self._stream_cells, id="streams")
        yield VirtualTable(PAYMENT_COLUMNS, self._payment_cells, id="payments")

    def show(self, streams: list[Stream], payments: list[Payment], summary: LedgerSummary,
             goal: Goal | None, this_month: dict[int, Decimal]) -> None:
        """Render the ledger from the screen's state (``this_month``: each stream's total, by id).

        No pass over the payments here: the screen computed the figures once
        (:func:`tenfold.totals.ledger_figures`); the tables keep the lists and format only the
        rows they draw.
        """
        self.show_summary(summary, goal, bool(streams))
        self._streams = {s.id: s for s in streams}
        self._month = this_month
        self._tables()[0].set_rows(streams)
        self._tables()[1].set_rows(payments)
        self.border_subtitle = f"{len(streams)} streams · {len(payments)} payments"

    def show_summary(self, summary: LedgerSummary, goal: Goal | None, has_streams: bool) -> None:
        """Only the totals line: what a new goal changes here (the tables stay as they are)."""
        self.query_one("#ledger-summary", Static).update(render_summary(summary, goal, has_streams))

    def _stream_cells(self, s: Stream) -> tuple[str, ...]:
        return (safe_display(s.name), s.category, s.kind,
                format_money(self._month.get(s.id, Decimal(0)), s.currency))

    def _payment_cells(self, p: Payment) -> tuple[str, ...]:
        stream = self._streams[p.stream_id]
        return (p.on.isoformat(), safe_display(stream.name), format_money(p.amount, stream.currency),
                safe_display(p.note))

    def _tables(self) -> tuple[VirtualTable[Stream], VirtualTable[Payment]]:
        return self.query_one("#streams", VirtualTable), self.query_one("#payments", VirtualTable)

    def _focused_table(self) -> VirtualTable[Any]:
        focused = self.screen.focused
        if isinstance(focused, VirtualTable) and focused.id in ("streams", "payments"):
            return focused
        return self._tables()[1]

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

    @on(VirtualTable.RowSelected)
    def _row_selected(self, event: VirtualTable.RowSelected) -> None:
        """Enter or a click on the selected row edits it."""
        event.stop()
        record = event.record_id
        self.post_message(EditStream(record) if event.table.id == "streams" else EditPayment(record))
