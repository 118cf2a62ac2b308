"""Gumroad: the sales CSV (Analytics or Sales > Download CSV).

One row per sale, in US dollars, with the fee beside the net. A refund is not a
row of its own: the sale carries "Refunded?"/"Fully Refunded?" and "Partial
Refund ($)", so each refunded sale is read as the sale and its refund, which net
to zero (or to what was kept).
"""

from __future__ import annotations

from collections.abc import Mapping

from tenfold.exchange.profiles.base import REFUND, SKIP, Profile, Rule

_YES = {"1", "true", "yes", "y", "t"}


def refunds(cells: Mapping[str, str]) -> list[tuple[str, str]]:
    """The refund a sale's flags describe: the whole counted amount, or the partial refund."""
    full = cells.get("fully refunded", "") or cells.get("refunded", "")
    partial = cells.get("partial refund", "").strip()
    disputed = cells.get("disputed", "").strip().casefold() in _YES
    won = cells.get("dispute won", "").strip().casefold() in _YES
    if full.strip().casefold() in _YES or (disputed and not won):
        return [(REFUND, "")]  # "": the whole amount the sale counted
    if partial and partial.strip("$0., ") != "":
        return [(REFUND, partial)]
    return []


PROFILE = Profile(
    name="gumroad",
    title="Gumroad sales",
    reads="sales (net of Gumroad's fee) per product; refunded and disputed sales also as their refund; "
          "skips pre-order authorisations",
    columns={
        "date": ("Purchase Date", "Sale Date", "Date"),
        "amount": ("Net Total ($)", "Net Total", "Net", "Net Amount"),
        "gross": ("Sale Price ($)", "Sale Price", "Price", "Subtotal ($)"),
        "fee": ("Fees ($)", "Fees", "Gumroad Fee"),
        "stream": ("Item Name", "Product Name", "Product"),
        "customer": ("Buyer Email", "Purchase Email", "Email", "Buyer Name"),
        "note": ("Variants",),
        "id": ("Purchase ID", "Sale ID", "Order Number"),
        "type": ("Pre-order authorization?",),
        "currency": ("Currency",),
        "units": ("Quantity",),
    },
    required=("date", "amount", "stream"),
    signature=(("Purchase ID", "Sale ID", "Order Number", "Purchase Email", "Buyer Email"),),
    default_currency="USD",
    default_stream="Gumroad",
    has_ids=True,
    rules=(Rule("type", ("1", "true", "yes"), SKIP, "pre-order authorisations (not charged yet)"),),
    expand=refunds,
)
