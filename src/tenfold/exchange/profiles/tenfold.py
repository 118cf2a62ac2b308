"""Tenfold's own CSV export, and any CSV with a date, a stream and an amount column.

The export (``tenfold export --format csv``) writes each payment's id as
``source:id`` (``paypal:5TY...``, or ``tenfold:~...`` for a payment typed by
hand), so an export imports back into an empty file with every payment kept,
and into the same file with every one recognised.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import DEDUCTION, INCOME, REFUND, Profile, Rule

PROFILE = Profile(
    name="tenfold",
    title="Tenfold CSV (and any CSV with date, stream and amount)",
    reads="every row as a payment: date, stream, amount, and currency, note, customer, fee, id if there; "
          "negative amounts are refunds",
    columns={
        "date": ("date", "day", "on", "paid on", "payment date", "transaction date", "booking date", "value date"),
        "stream": ("stream", "income stream", "stream name", "source", "income source",
                   "product", "product name", "item", "item name", "title"),
        # A net column, where there is one, is what reached the user; the plain amount beside it is then
        # the gross (Shopify's Amount, Fee, Net). Alone, an amount is the net, as Tenfold's export writes it.
        "amount": ("net amount", "net", "amount", "sum", "value", "total", "amount paid"),
        "gross": ("gross", "gross amount", "amount"),
        "fee": ("fee", "fees"),
        "currency": ("currency", "cur", "ccy", "currency code"),
        "customer": ("customer", "client", "payer", "paid by", "buyer", "from"),
        "note": ("note", "notes", "memo", "description", "reference", "details", "comment"),
        "id": ("id", "payment id"),
        "refund_of": ("refund of", "refund_of"),
        "type": ("kind",),
        "units": ("units", "quantity", "qty"),
    },
    required=("date", "stream", "amount"),
    priority=1,
    rules=(Rule("type", ("refund",), REFUND), Rule("type", ("deduction",), DEDUCTION),
           Rule("type", ("income",), INCOME)),
)
