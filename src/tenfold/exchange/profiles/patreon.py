"""Patreon: the earnings export (Insights > Earnings > Export) and per-payment exports.

Monthly rows (``2024-03`` or ``Mar 2024``: the month's last day) or one row per
charge, with Patreon's platform fee and the payment processing fee beside the
gross; the net is what Patreon pays out. Declined, pending, fraud and refunded
charges did not stay with the creator and are skipped.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import SKIP, Profile, Rule

PROFILE = Profile(
    name="patreon",
    title="Patreon earnings",
    reads="monthly earnings or charges (net of Patreon's and the processing fees); skips declined, pending, "
          "fraud and refunded charges",
    columns={
        "date": ("Month", "Date", "Charge Date", "Created", "Pledge Date", "Processed Date"),
        "amount": ("Net Earnings", "Net", "Earnings (net)", "Total Net Earnings", "Your earnings"),
        "gross": ("Gross Earnings", "Gross", "Total Earnings", "Pledge Amount", "Amount", "Charge Amount"),
        "fee": ("Patreon Fee", "Platform Fee", "Patreon Platform Fee", "Processing Fee", "Processing Fees",
                "Payment Processing Fee", "Payment Processing Fees", "Currency Conversion Fee", "Payout Fee"),
        "currency": ("Currency",),
        "customer": ("Patron Name", "Patron", "Name", "Email", "Patron Email"),
        "note": ("Tier", "Reward", "Description"),
        "id": ("Charge ID", "Transaction ID", "Payment ID"),
        "status": ("Status", "Charge Status", "Payment Status"),
    },
    required=("date", "amount"),
    signature=(("Patreon Fee", "Platform Fee", "Patreon Platform Fee", "Patron Name", "Patron", "Patron Email",
                "Patreon*"),),
    default_stream="Patreon",
    default_currency="USD",
    rules=(
        Rule("status", ("declined", "pending", "fraud", "refunded", "failed", "deleted", "processing"), SKIP,
             "declined, pending, fraud or refunded charges"),
    ),
)
