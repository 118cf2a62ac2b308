"""Tenfold's own CSV export, and any CSV with a date, a stream and an amount column.

The export (``tenfold export --format csv``) writes each payment's id as
``source:id`` (``paypal:5TY...``, or ``tenfold:~...`` for a payment typed by
hand), so an export imports back into an empty file with every payment kept,
and into the same file with every one recognised.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import DEDUCTION, INCOME, REFUND, SKIP, Profile, Rule

PROFILE = Profile(
    name="tenfold",
    title="Tenfold CSV (and any CSV with date, stream and amount)",
    reads="every row as a payment: date, stream, amount, and currency, note, customer, fee, id if there; "
          "negative amounts and rows typed Refund are refunds; payouts, pending, failed, canceled and fully "
          "refunded sales skipped",
    columns={
        "date": ("date", "day", "on", "paid on", "payment date", "transaction date", "booking date", "value date",
                 "purchased at", "purchase date", "sale date", "order date", "created at", "paid at", "date paid"),
        "stream": ("stream", "income stream", "stream name", "source", "income source",
                   "product", "product name", "item", "item name", "title"),
        # A net column, where there is one, is what reached the user; the plain amount beside it is then
        # the gross (Shopify's Amount, Fee, Net). Alone, an amount is the net, as Tenfold's export writes it.
        "amount": ("net amount", "net", "net earnings", "net revenue", "net proceeds", "amount", "sum", "value",
                   "total", "amount paid", "earnings", "revenue", "proceeds"),
        "gross": ("gross", "gross amount", "amount", "sale price", "gross sales"),
        "fee": ("fee", "fees"),
        "currency": ("currency", "cur", "ccy", "currency code"),
        "customer": ("customer", "client", "payer", "paid by", "buyer", "from", "customer email", "customer name",
                     "buyer email", "buyer name"),
        "note": ("note", "notes", "memo", "description", "reference", "details", "comment"),
        "id": ("id", "payment id", "transaction id"),
        "refund_of": ("refund of", "refund_of"),
        # Tenfold's own Kind first; a platform's Type (Payment, Refund, Payout) where there is no Kind.
        "type": ("kind", "type", "transaction type"),
        "units": ("units", "quantity", "qty"),
        "status": ("status", "payment status", "order status", "financial status"),
    },
    required=("date", "stream", "amount"),
    priority=1,
    rules=(
        # A sale's status, where the file has one: money not (or no longer) received is not income.
        Rule("status", ("pending", "failed", "declined", "denied", "canceled", "cancelled", "void", "voided",
                        "expired", "incomplete", "unpaid", "abandoned", "authorized", "authorised"), SKIP,
             "pending, failed or canceled"),
        Rule("status", ("refunded", "fully refunded", "reversed", "charged back", "chargeback"), SKIP,
             "refunded in full (the sale and its refund cancel out)", sign=1),
        Rule("type", ("refund", "refunded", "chargeback", "dispute"), REFUND), Rule("type", ("deduction",), DEDUCTION),
        Rule("type", ("income",), INCOME),
        Rule("type", ("payout", "withdrawal", "bank transfer", "transfer to bank"), SKIP, "payouts to your bank"),
    ),
)
