"""The Income Ledger's handlers: streams and payments added, edited and deleted.

Each save goes to the store, which keeps its monthly totals in step with the
change (:meth:`~tenfold.store.store.Store.monthly_index`), so the refresh that follows
reads no payment again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tenfold.domain.ledger import Payment, Stream
from tenfold.domain.money import format_money
from tenfold.tui import messages as m
from tenfold.tui.screens.editing import EditingMixin
from tenfold.tui.screens.idea_actions import stream_origin

if TYPE_CHECKING:
    from tenfold.tui.widgets.ledger_pane import LedgerPane


class LedgerEditingMixin(EditingMixin):
    """Handlers for the ledger pane's messages. Mixed into the main screen."""

    notify: Any
    query_one: Any
    _new_payment: int = 0
    refresh_ledger: Callable[[], None]
    action_focus_pane: Callable[[str], None]

    # ----- saves (the store keeps the monthly totals in step) -------------------------------

    def _save_new_payment(self, payment: Payment) -> None:
        self._new_payment = self.store.add_payment(payment).id

    def _show_new_payment(self) -> None:
        """The ledger redrawn, with the payment just recorded under the cursor."""
        self.refresh_ledger()
        self._ledger_pane().select_payment(self._new_payment)

    def _save_edited_payment(self, payment: Payment) -> None:
        self.store.update_payment(payment)

    def _delete_payment(self, payment_id: int) -> None:
        self.store.delete_payment(payment_id)

    def _delete_stream(self, stream_id: int) -> None:
        self.store.delete_stream(stream_id)

    # ----- streams ------------------------------------------------------------------

    def on_add_stream(self, _message: m.AddStream) -> None:
        """Open the form for a new stream."""
        from tenfold.tui.dialogs.ledger_forms import StreamForm

        self._open_form(StreamForm, "stream", "Add an income stream",
                        {"kind": "passive", "category": "other", "currency": self._default_currency(),
                         "cadence": "irregular"},
                        self.store.add_stream, "Stream added", self.refresh_ledger, existing=self.store.streams)

    def action_add_stream(self) -> None:
        """Palette entry."""
        self.on_add_stream(m.AddStream())

    def on_edit_stream(self, message: m.EditStream) -> None:
        """Open the form for an existing stream: every field filled, its idea kept."""
        from tenfold.tui.dialogs.ledger_forms import StreamForm, stream_values

        s: Stream | None = self.store.stream(message.stream_id)
        if s is None:
            return
        self._open_form(StreamForm, f"stream:{s.id}", f"Edit stream: {s.name}", stream_values(s),
                        self.store.update_stream, "Stream saved", self.refresh_ledger, existing=self.store.streams,
                        stream_id=s.id, idea_id=s.idea_id, origin=stream_origin(self.store, s))

    def on_delete_stream(self, message: m.DeleteStream) -> None:
        """Ask, then delete a stream with its payments."""
        s = self.store.stream(message.stream_id)
        if s is None:
            return
        count = self.store.count_payments(s.id)
        extra = f" and its {count} payment{'s' if count != 1 else ''}" if count else ""
        self._confirm("Delete stream?", f"Delete '{s.name}'{extra}? This cannot be undone.",
                      lambda: self._delete_stream(s.id), f"Deleted {s.name}", self.refresh_ledger)

    # ----- payments -------------------------------------------------------------------

    def on_add_payment(self, message: m.AddPayment) -> None:
        """Open the form for a new payment (a stream must exist first)."""
        from tenfold.tui.dialogs.ledger_forms import PaymentForm

        streams = self.store.streams()
        if not streams:
            self.notify("Add an income stream first: press s in the Income Ledger.", severity="warning")
            return
        latest = self.store.latest_payment()
        stream_id = message.stream_id or (latest.stream_id if latest else streams[0].id)
        self._open_form(PaymentForm, "payment", "Record a payment",
                        {"stream": str(stream_id), "on": self.store.today().isoformat()},
                        self._save_new_payment, "Payment recorded", self._show_new_payment, streams=streams)

    def action_add_payment(self) -> None:
        """Palette entry."""
        self.on_add_payment(m.AddPayment())

    def on_edit_payment(self, message: m.EditPayment) -> None:
        """Open the form for an existing payment."""
        from tenfold.tui.dialogs.ledger_forms import PaymentForm, payment_values

        p = self.store.payment(message.payment_id)
        if p is None:
            return
        self._open_form(PaymentForm, f"payment:{p.id}", "Edit payment", payment_values(p),
                        self._save_edited_payment, "Payment saved", self.refresh_ledger,
                        streams=self.store.streams(), payment_id=p.id)

    def on_delete_payment(self, message: m.DeletePayment) -> None:
        """Ask, then delete a payment."""
        p = self.store.payment(message.payment_id)
        s = self.store.stream(p.stream_id) if p else None
        if p is None or s is None:
            return
        self._confirm("Delete payment?",
                      f"Delete {format_money(p.amount, s.currency)} from {s.name} on {p.on.isoformat()}?",
                      lambda: self._delete_payment(p.id), "Payment deleted", self.refresh_ledger)

    # ----- palette entries for the ledger pane's own keys ------------------------------------

    def _ledger_pane(self) -> LedgerPane:
        from tenfold.tui.widgets.ledger_pane import LedgerPane

        pane: LedgerPane = self.query_one(LedgerPane)
        return pane

    def action_filter_payments(self) -> None:
        """Palette entry: the ledger's filter line (the pane's main widget while it is open)."""
        self._ledger_pane().action_filter_payments()
        self.action_focus_pane("ledger")

    def action_sort_payments(self) -> None:
        """Palette entry: the payments' next order."""
        self.action_focus_pane("ledger")
        self._ledger_pane().action_sort_payments()

    def action_toggle_chart(self) -> None:
        """Palette entry: the chart of monthly passive income, or back to the tables."""
        self._ledger_pane().action_toggle_chart()
        self.action_focus_pane("ledger")
