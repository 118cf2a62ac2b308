"""The Income Ledger: streams and payments added, edited and deleted.

Each save goes to the store, which keeps its monthly totals in step with the
change (:meth:`~tenfold.store.store.Store.monthly_index`), so the redraw that
follows reads no payment again.
"""

from __future__ import annotations

from typing import Protocol

from tenfold.domain.ledger import Payment
from tenfold.domain.money import format_money
from tenfold.store.store import Store
from tenfold.tui.handlers.editing import Editing
from tenfold.tui.handlers.ideas import stream_origin
from tenfold.tui.handlers.ui import Host


class LedgerUI(Host, Protocol):
    """Besides telling and opening: redraw the ledger, put its cursor on a payment."""

    def refresh_ledger(self) -> None:
        """The ledger and what its figures feed (goal progress, idea earnings, step 8)."""
        ...

    def select_payment(self, payment_id: int) -> None:
        """Put the payments table's cursor on ``payment_id``."""
        ...


class LedgerActions:
    """Streams and payments: the forms that add and edit them, the questions before deleting."""

    def __init__(self, store: Store, ui: LedgerUI, editing: Editing) -> None:
        self.store = store
        self.ui = ui
        self.editing = editing
        self._new_payment = 0

    # ----- streams ------------------------------------------------------------------

    def add_stream(self) -> None:
        """Open the form for a new stream."""
        from tenfold.tui.dialogs.ledger_forms import StreamForm

        self.editing.open_form(StreamForm, "stream", "Add an income stream",
                               {"kind": "passive", "category": "other", "currency": self.editing.default_currency(),
                                "cadence": "irregular"},
                               self.store.add_stream, "Stream added", self.ui.refresh_ledger,
                               existing=self.store.streams)

    def edit_stream(self, stream_id: int) -> None:
        """Open the form for an existing stream: every field filled, its idea kept."""
        from tenfold.tui.dialogs.ledger_forms import StreamForm, stream_values

        s = self.store.stream(stream_id)
        if s is None:
            return
        self.editing.open_form(StreamForm, f"stream:{s.id}", f"Edit stream: {s.name}", stream_values(s),
                               self.store.update_stream, "Stream saved", self.ui.refresh_ledger,
                               existing=self.store.streams, stream_id=s.id, idea_id=s.idea_id,
                               origin=stream_origin(self.store, s))

    def delete_stream(self, stream_id: int) -> None:
        """Ask, then delete a stream with its payments."""
        s = self.store.stream(stream_id)
        if s is None:
            return
        count = self.store.count_payments(s.id)
        extra = f" and its {count} payment{'s' if count != 1 else ''}" if count else ""
        self.editing.confirm("Delete stream?", f"Delete '{s.name}'{extra}? This cannot be undone.",
                             lambda: self.store.delete_stream(s.id), f"Deleted {s.name}", self.ui.refresh_ledger)

    # ----- payments -------------------------------------------------------------------

    def add_payment(self, stream_id: int | None = None) -> None:
        """Open the form for a new payment (a stream must exist first)."""
        from tenfold.tui.dialogs.ledger_forms import PaymentForm

        streams = self.store.streams()
        if not streams:
            self.ui.notify("Add an income stream first: press s in the Income Ledger.", severity="warning")
            return
        latest = self.store.latest_payment()
        chosen = stream_id or (latest.stream_id if latest else streams[0].id)
        self.editing.open_form(PaymentForm, "payment", "Record a payment",
                               {"stream": str(chosen), "on": self.store.today().isoformat()},
                               self._save_new_payment, _recorded, self._show_new_payment, streams=streams)

    def _save_new_payment(self, payment: Payment) -> None:
        self._new_payment = self.store.add_payment(payment).id

    def _show_new_payment(self) -> None:
        """The ledger redrawn, with the payment just recorded under the cursor."""
        self.ui.refresh_ledger()
        self.ui.select_payment(self._new_payment)

    def edit_payment(self, payment_id: int) -> None:
        """Open the form for an existing payment."""
        from tenfold.tui.dialogs.ledger_forms import PaymentForm, payment_values

        p = self.store.payment(payment_id)
        if p is None:
            return
        self.editing.open_form(PaymentForm, f"payment:{p.id}", "Edit payment", payment_values(p),
                               self.store.update_payment, "Payment saved", self.ui.refresh_ledger,
                               streams=self.store.streams(), payment_id=p.id, refund=p.refund)

    def delete_payment(self, payment_id: int) -> None:
        """Ask, then delete a payment."""
        p = self.store.payment(payment_id)
        s = self.store.stream(p.stream_id) if p else None
        if p is None or s is None:
            return
        self.editing.confirm("Delete payment?",
                             f"Delete {format_money(p.amount, s.currency)} from {s.name} on {p.on.isoformat()}?",
                             lambda: self.store.delete_payment(p.id), "Payment deleted", self.ui.refresh_ledger)


def _recorded(payment: Payment) -> str:
    """What the app says after a new payment is saved: a refund is named as one."""
    return "Refund recorded" if payment.is_refund else "Payment recorded"
