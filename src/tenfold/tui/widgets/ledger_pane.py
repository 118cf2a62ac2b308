"""The Income Ledger pane: totals, what is expected or late, streams with sparklines, payments.

``/`` filters the payments (stream name, note, customer, date prefix), ``o`` cycles
their order, ``c`` swaps the tables for the chart of monthly passive income. With
100,000 payments none of these reads all payments per keystroke: the orders are
sorted once (:class:`~tenfold.views.payment_order.PaymentOrder`) and take in added
payments, a longer query only searches the previous matches, and the tables draw
only the rows on screen. With more payments than a key can sort or scan, that
work runs on a thread with a progress bar (:mod:`~tenfold.tui.widgets.ledger_work`).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.domain.text import safe_display
from tenfold.figures.goal_figures import MonthIncome
from tenfold.tui.compat import set_border_subtitle
from tenfold.tui.keys import LEDGER_KEYS, bindings
from tenfold.tui.measure_messages import LogHours, RateParts, ShowStreamCard
from tenfold.tui.messages import AddPayment, AddStream, DeletePayment, DeleteStream, EditPayment, EditStream
from tenfold.tui.widgets.filter_line import FilterInput
from tenfold.tui.widgets.income_chart import IncomeChart
from tenfold.tui.widgets.ledger_text import (
    PAYMENT_COLUMNS,
    SORT_LABELS,
    STREAM_COLUMNS,
    payment_cells,
    render_expected,
    render_summary,
    stream_cells,
)
from tenfold.tui.widgets.ledger_work import JobDone, LedgerWork
from tenfold.tui.widgets.pane import Pane
from tenfold.tui.widgets.virtual_table import VirtualTable
from tenfold.views.ledger_state import LedgerView
from tenfold.views.payment_order import PaymentOrder, next_sort

__all__ = ["FilterInput", "LedgerPane", "render_summary"]

MAX_STREAM_ROWS = 6
"""Streams shown before their table scrolls."""
DEBOUNCE_FROM = 20_000
"""With at least this many payments, filtering waits for a pause in typing."""
DEBOUNCE_SECONDS = 0.12


class LedgerPane(Pane):
    """Streams on top, payments below; the focused table decides what e and d act on."""

    PANE_TITLE = "Income Ledger"
    MAIN = "#payments"
    DEFAULT_CSS = """
    LedgerPane #payment-filter, LedgerPane #income-chart {
        display: none;
    }
    LedgerPane.-filtering #payment-filter, LedgerPane.-chart #income-chart {
        display: block;
    }
    LedgerPane.-chart #streams, LedgerPane.-chart #payments, LedgerPane.-chart #payment-filter {
        display: none;
    }
    """
    BINDINGS = bindings(LEDGER_KEYS)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._streams: dict[int, Stream] = {}
        self._view: LedgerView | None = None
        self._order = PaymentOrder((), {})
        self._total = 0
        self._sort = "date"
        self._query = ""
        self._timer: Timer | None = None
        self._typing = False
        """The filter line was just opened: it, not the table, is where focus belongs."""
        self._typed = ""
        """What the filter line holds; ``_query`` is what the table is filtered by."""
        self._chart_figures: tuple[Sequence[MonthIncome], str, Decimal | None] = ((), "", None)
        """What the chart shows, kept for when it is first built."""
        self.work = LedgerWork(self, lambda: self._order, self._shown)
        """Sorts and filters too long for a key, on a thread; ``_sort`` and ``_query`` are what the table shows."""

    def compose(self) -> ComposeResult:
        """Summary, expected, streams table, payments table; the filter line and the chart come on first use.

        Both are hidden until asked for, and building them at start-up (an Input's
        styles, cursor, CSS) slowed the first screen for nothing.
        """
        yield Static(id="ledger-summary")
        yield Static(id="ledger-expected")
        yield VirtualTable(STREAM_COLUMNS, self._stream_cells, id="streams")
        yield VirtualTable(PAYMENT_COLUMNS, self._payment_cells, id="payments")

    def _filter_line(self) -> FilterInput:
        """The filter line under the payments, added the first time it is opened."""
        for line in self.query(FilterInput):
            return line
        line = FilterInput(id="payment-filter", placeholder="filter: stream, note, customer or date (2026-03)",
                           compact=True)
        self.mount(line, after=self._tables()[1])
        return line

    def _income_chart(self) -> IncomeChart:
        """The chart, added (last, with the latest figures) the first time it is shown."""
        for chart in self.query(IncomeChart):
            return chart
        chart = IncomeChart(id="income-chart")
        chart.show(*self._chart_figures)
        self.mount(chart)
        return chart

    # ----- data from the screen ----------------------------------------------------------

    def show(self, streams: list[Stream], payments: list[Payment], view: LedgerView, goal: Goal | None,
             total: int | None = None) -> None:
        """Render the ledger from the screen's figures; no pass over the payments here.

        The tables keep the lists and format only the rows they draw; the filter and
        the order are kept and applied again to the new list. ``total``: how many
        payments there are, when ``payments`` are only the newest (while the rest
        are being read).
        """
        self._total = len(payments) if total is None else total
        self._streams = {s.id: s for s in streams}
        self.show_figures(view, goal, bool(streams))
        table = self._tables()[0]
        table.set_rows(streams)
        # As tall as its rows (six at most, then it scrolls): the room it does not need goes to the payments.
        table.styles.max_height = min(len(streams), MAX_STREAM_ROWS) + 1
        names = {s.id: s.name for s in streams}
        if not self._order.follow(payments, names):  # payments added: the orders made so far take them in
            self._order = PaymentOrder(payments, names)
        if total is None or total == len(payments):  # every payment read: orders and texts may be made ahead
            self.work.allow_ahead()
        if self.work.waiting or not self._order.quick(self._sort, self._query):
            self.work.want(*(self.work.wanted or (self._sort, self._query)))  # the table keeps its rows meanwhile
        else:
            self._show_payments()
            self.work.make_ahead()

    def _shown(self, sort: str, query: str) -> None:
        """What was asked for can be shown now (at once, or once a thread made it)."""
        self._sort, self._query = sort, query
        self._show_payments()

    def select_payment(self, payment_id: int) -> None:
        """Put the payments table's cursor on ``payment_id`` (if the filter shows it)."""
        self._tables()[1].select_id(payment_id)

    def show_figures(self, view: LedgerView, goal: Goal | None, has_streams: bool) -> None:
        """What a new goal changes: the totals line, the expected line, the chart (not the tables)."""
        self._view = view
        passive = view.goal.this_month if view.goal else None
        summary = render_summary(view.summary, goal, has_streams, passive, view.last_month_recorded)
        self.query_one("#ledger-summary", Static).update(summary)
        expected = self.query_one("#ledger-expected", Static)
        expected.update(render_expected(view.expected))
        expected.display = bool(view.expected)
        self._chart_figures = (view.chart, view.chart_currency, goal.amount if goal else None)
        for chart in self.query(IncomeChart):
            chart.show(*self._chart_figures)

    def _show_payments(self) -> None:
        order, sort = self._order, self._sort
        rows = order.rows(sort, self._query)
        self._tables()[1].set_rows(rows, place=lambda p: order.place(rows, sort, p))
        streams, payments = len(self._streams), self._total
        parts = [f"{streams} stream{'' if streams == 1 else 's'}",
                 f"{payments:,} payment{'' if payments == 1 else 's'}"]
        if self._sort != "date":
            parts.append(SORT_LABELS[self._sort])
        if self._query.strip():
            parts.append(f"{len(rows):,} match '{safe_display(self._query.strip())[:20]}'")
        set_border_subtitle(self, " · ".join(parts))  # only the border line is drawn again

    def _stream_cells(self, s: Stream) -> tuple[str, ...]:
        view = self._view
        if view is None:
            return stream_cells(s, {}, {}, frozenset())
        return stream_cells(s, view.this_month, view.sparks, view.overdue)

    def _payment_cells(self, p: Payment) -> tuple[str, ...]:
        return payment_cells(p, self._streams)

    def _tables(self) -> tuple[VirtualTable[Stream], VirtualTable[Payment]]:
        return self.query_one("#streams", VirtualTable), self.query_one("#payments", VirtualTable)

    def main_widget(self) -> Widget:
        """The chart when it is shown, the filter line while it is typed into, else the payments."""
        if self.has_class("-chart"):
            return self._income_chart()
        if self._typing and self.has_class("-filtering"):
            return self._filter_line()
        return super().main_widget()

    # ----- filter, order, chart ---------------------------------------------------------

    def action_filter_payments(self) -> None:
        """Show the filter line and type into it."""
        if self.has_class("-chart"):
            self.action_toggle_chart()
        self.add_class("-filtering")
        self._typing = True
        self._filter_line().focus()

    @on(Input.Changed, "#payment-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._typed = event.value
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if len(self._order.base) >= DEBOUNCE_FROM:
            self._timer = self.set_timer(DEBOUNCE_SECONDS, self._filter_typed)
        else:
            self._filter_typed()

    def _filter_typed(self) -> None:
        self.work.want(self._sort_asked(), self._typed)

    def _sort_asked(self) -> str:
        """The order last asked for: the one being made, else the one shown."""
        return self.work.wanted[0] if self.work.wanted else self._sort

    @on(Input.Submitted, "#payment-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        """Enter: filter now and go to the matches."""
        event.stop()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._typed = event.value
        self._typing = False
        self.work.want(self._sort_asked(), event.value)
        self._tables()[1].focus()
        if not event.value.strip():
            self.remove_class("-filtering")

    @on(Input.Blurred, "#payment-filter")
    def _filter_left(self, event: Input.Blurred) -> None:
        """Focus went elsewhere (a click on the table): the pane's main widget is the table again."""
        event.stop()
        self._typing = False

    @on(FilterInput.Closed)
    def _filter_closed(self, event: FilterInput.Closed) -> None:
        event.stop()
        self.clear_filter()

    def clear_filter(self) -> None:
        """Show all payments again and hide the filter line."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        for line in self.query(FilterInput):
            line.value = ""
        self._typed = ""
        self._typing = False
        self.remove_class("-filtering")
        self.work.want(self._sort_asked(), "")
        self._tables()[1].focus()

    def action_sort_payments(self) -> None:
        """Newest first, largest first, by stream: the next one (after the one being made, if any)."""
        sort = next_sort(self._sort_asked())
        self.work.want(sort, self.work.wanted[1] if self.work.wanted else self._query)
        self.notify(f"Payments {SORT_LABELS[sort]}", timeout=2)

    def action_cancel_work(self) -> None:
        """Esc while a sort or filter is made on a thread: stop it; the table shows what it showed."""
        self.work.cancel()
        self.notify("Stopped: the payments are as they were", timeout=2)

    @on(JobDone)
    def _job_done(self, message: JobDone) -> None:
        message.stop()
        self.work.done(message)

    def on_unmount(self) -> None:
        """The app is closing: the thread stops too."""
        self.work.stop()

    def action_toggle_chart(self) -> None:
        """Swap the tables for the chart of monthly passive income, and back."""
        chart = not self.has_class("-chart")
        self.set_class(chart, "-chart")
        (self._income_chart() if chart else self._tables()[1]).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """With the chart shown, edit and delete (which act on table rows) are off."""
        if action == "cancel_work":
            return self.work.waiting
        return not (action in ("edit", "delete", "sort_payments") and self.has_class("-chart"))

    # ----- adding, editing, deleting (the screen does it) ----------------------------------

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

    def _selection(self) -> tuple[int | None, int | None]:
        """(stream id, payment id): whichever table has the cursor names the stream."""
        table = self._focused_table()
        record = table.selected_id()
        return (record, None) if table.id == "streams" else (None, record)

    def action_log_hours(self) -> None:
        """Log hours of upkeep on the selected stream (or the selected payment's stream)."""
        self.post_message(LogHours(*self._selection()))

    def action_stream_card(self) -> None:
        """Payback, income per upkeep hour, reach and the three parts of the selected stream."""
        self.post_message(ShowStreamCard(*self._selection()))

    def action_rate_parts(self) -> None:
        """Rate creation, delivery and payment of the selected stream."""
        stream_id, payment_id = self._selection()
        self.post_message(RateParts("stream", stream_id, payment_id))

    @on(VirtualTable.RowSelected)
    def _row_selected(self, event: VirtualTable.RowSelected) -> None:
        """Enter or a click on the selected row edits it."""
        event.stop()
        record = event.record_id
        self.post_message(EditStream(record) if event.table.id == "streams" else EditPayment(record))
