"""Lemon Squeezy: the orders export (Store > Orders > Export).

One row per order with its product, the buyer, subtotal, tax and total in the
store's currency, and a status: paid, refunded, partially refunded, pending,
failed. A refunded order is read as the sale and its refund, which net to zero.
"""

from __future__ import annotations

from collections.abc import Mapping

from tenfold.exchange.profiles.base import REFUND, SKIP, Profile, Rule


def refunds(cells: Mapping[str, str]) -> list[tuple[str, str]]:
    """A refunded order also stands for its refund (the whole order, or the amount refunded)."""
    status = cells.get("status", "").strip().casefold()
    if status == "refunded":
        return [(REFUND, "")]
    amount = cells.get("refunded amount", "") or cells.get("refund amount", "")
    if status in ("partial_refund", "partial refund", "partially refunded") and amount.strip():
        return [(REFUND, amount)]
    return []


PROFILE = Profile(
    name="lemonsqueezy",
    title="Lemon Squeezy orders",
    reads="paid orders per product (after discounts, without the tax collected), and refunds; skips pending, "
          "failed and void orders",
    columns={
        "date": ("Created at", "Created", "Date", "Order date"),
        "amount": ("Net", "Net amount"),
        "gross": ("Total", "Total (USD)"),
        "fee": ("Fee", "Fees", "Processing fee"),
        "tax": ("Tax", "Tax (USD)"),
        "currency": ("Currency",),
        "stream": ("Product name", "Product", "First order item product name"),
        "customer": ("Customer email", "User email", "Customer name", "User name"),
        "note": ("Variant name", "Variant"),
        "id": ("Identifier", "Order number", "Order ID", "ID"),
        "status": ("Status",),
    },
    required=("date", "amount", "id", "status"),
    signature=(("Identifier", "Order number", "Customer email", "User email"), ("Subtotal", "Subtotal*")),
    default_stream="Lemon Squeezy",
    has_ids=True,
    rules=(Rule("status", ("pending", "failed", "void", "voided", "draft"), SKIP, "pending, failed or void"),),
    expand=refunds,
)
