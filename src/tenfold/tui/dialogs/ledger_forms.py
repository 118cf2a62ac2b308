"""The Income Ledger's forms: a stream (what it is, when it pays, what it costs) and a payment."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from textual.markup import escape

from tenfold.domain.errors import FormErrors
from tenfold.domain.ledger import Payment
from tenfold.domain.ledger_forms import future_warning, parse_payment, parse_stream
from tenfold.domain.streams import CADENCES, CATEGORIES, CUSTOMER_MODES, KIND_MEANINGS, KINDS, Stream
from tenfold.tui.dialogs.form import FieldSpec, FormDialog


def _amount_text(value: Decimal | None) -> str:
    """A stored amount as the form shows it: blank for none or zero, so the form stays quiet."""
    return "" if value is None or value == 0 else str(value)


def stream_values(stream: Stream) -> dict[str, str]:
    """Every field the stream form shows, filled from ``stream`` (for editing it)."""
    return {
        "name": stream.name,
        "category": stream.category,
        "kind": stream.kind,
        "currency": stream.currency,
        "cadence": stream.cadence,
        "expected": _amount_text(stream.expected),
        "upfront_money": _amount_text(stream.upfront_money),
        "upfront_hours": _amount_text(stream.upfront_hours),
        "upkeep_hours": _amount_text(stream.upkeep_hours),
        "customers": stream.customers,
    }


def payment_values(payment: Payment) -> dict[str, str]:
    """Every field the payment form shows, filled from ``payment``."""
    return {"stream": str(payment.stream_id), "on": payment.on.isoformat(), "amount": str(payment.amount),
            "note": payment.note, "customer": payment.customer,
            "units": "" if payment.units is None else str(payment.units)}


class StreamForm(FormDialog[Stream]):
    """An income stream: what it is, when it pays, and what it cost and takes.

    The first four fields are all a new stream needs; the rest may stay blank and
    be filled when known. ``idea_id`` is not a field: it is passed in and kept, so
    an edit never cuts a stream from the idea it grew from.
    """

    INTRO = "Only the name is needed now. Cadence and expected amount let Tenfold flag a late payment.\n" + "\n".join(
        f"{kind}: {meaning}." for kind, meaning in KIND_MEANINGS.items())
    FIELDS = (
        FieldSpec("name", "Name", placeholder="e.g. Ebook royalties", required=True),
        FieldSpec("category", "Category", "select", tuple((c, c) for c in CATEGORIES), "Choose a category",
                  required=True),
        FieldSpec("kind", "Kind", "select", tuple((k, k) for k in KINDS), "Choose a kind", required=True),
        FieldSpec("currency", "Currency", placeholder="e.g. EUR", required=True),
        FieldSpec("cadence", "Pays (cadence)", "select", tuple((c, c) for c in CADENCES), "irregular"),
        FieldSpec("expected", "Expected amount per payment", placeholder="optional, e.g. 120"),
        FieldSpec("upfront_money", "Money put in up front", placeholder="optional, e.g. 500"),
        FieldSpec("upfront_hours", "Hours put in up front", placeholder="optional, e.g. 80"),
        FieldSpec("upkeep_hours", "Upkeep hours per month", placeholder="optional, e.g. 2.5"),
        FieldSpec("customers", "Who are its customers?", "select",
                  tuple((f"{k}: {v}", k) for k, v in CUSTOMER_MODES.items()), "as its category suggests"),
    )

    def __init__(self, *args: object, existing: Callable[[], list[Stream]], stream_id: int = 0,
                 idea_id: int | None = None, origin: str = "", **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.existing = existing
        self.stream_id = stream_id
        self.idea_id = idea_id
        """The brainstorm entry the stream grew from; kept through every edit."""
        if origin:
            self.INTRO = f"{self.INTRO}\nFrom idea: {escape(origin)}".strip()

    def parse(self, values: dict[str, str]) -> Stream:
        """Validate with the domain's stream parser (names are unique)."""
        return parse_stream(
            name=values["name"],
            category=values["category"],
            kind=values["kind"],
            currency=values["currency"],
            cadence=values["cadence"],
            expected=values["expected"],
            upfront_money=values["upfront_money"],
            upfront_hours=values["upfront_hours"],
            upkeep_hours=values["upkeep_hours"],
            customers=values.get("customers", ""),
            existing=self.existing(),
            stream_id=self.stream_id,
            idea_id=self.idea_id,
        )


def _amount_label(payment_id: int, refund: bool) -> str:
    """A new payment says how a refund is typed; an edit says what the payment is."""
    if refund:
        return "Amount (a refund: negative)"
    return "Amount (a refund given back: with a minus, e.g. -12.50)" if payment_id == 0 else "Amount"


class PaymentForm(FormDialog[Payment]):
    """A payment: which stream, when, how much, a note, and who paid if known."""

    def __init__(self, *args: object, streams: list[Stream], payment_id: int = 0, refund: bool = False,
                 **kwargs: object) -> None:
        self.refund = refund
        """The payment edited is a refund: its amount stays negative."""
        self.FIELDS = (
            FieldSpec("stream", "Stream", "select", tuple((s.name, str(s.id)) for s in streams), "Choose a stream",
                      required=True),
            FieldSpec("on", "Date (YYYY-MM-DD)", required=True),
            FieldSpec("amount", _amount_label(payment_id, refund),
                      placeholder="e.g. -12.50" if refund else "e.g. 12.50", required=True),
            FieldSpec("note", "Note", placeholder="optional"),
            FieldSpec("customer", "Customer", placeholder="optional: who paid"),
            FieldSpec("units", "Units delivered", placeholder="optional: copies, seats, downloads"),
        )
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if len(streams) == 1 and not self.initial.get("stream"):
            self.initial["stream"] = str(streams[0].id)  # the only stream there is: nothing to choose
        self.streams = streams
        self.payment_id = payment_id
        self._future_confirmed: date | None = None
        """The date a warning was shown for: a second ctrl+s with it unchanged saves."""

    def action_save(self) -> None:
        """Save; a date far ahead is said next to the field first, and a second ctrl+s saves it."""
        try:
            payment = self.parse(self.values())
        except FormErrors as exc:
            self.show_errors(exc.errors)
            return
        store = getattr(self.app, "store", None)
        today = store.today() if store is not None else date.today()
        warning = future_warning(payment.on, today)
        if warning and self._future_confirmed != payment.on:
            self._future_confirmed = payment.on
            self.show_errors({"on": f"{warning}. Press ctrl+s again to save it as typed."})
            return
        self.save_value(payment)

    def parse(self, values: dict[str, str]) -> Payment:
        """Validate with the domain's payment parser."""
        return parse_payment(
            stream=values["stream"],
            on=values["on"],
            amount=values["amount"],
            note=values["note"],
            customer=values["customer"],
            streams=self.streams,
            payment_id=self.payment_id,
            refund=self.refund,
            units=values.get("units", ""),
        )
