"""Airbnb: the transaction history (Earnings > Transaction history > Export CSV, completed payouts).

One row per reservation, resolution, adjustment or payout. A reservation's
Amount is what the host earns from it (after Airbnb's host service fee, which
stands beside it); Gross earnings is before that fee. Payout rows are the
money leaving Airbnb for the host's bank: not income again. An adjustment
with a negative amount (a guest refunded, a cancellation) counts against the
listing's income; occupancy taxes passed through to the tax office are not
the host's income.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import SKIP, Profile, Rule

PROFILE = Profile(
    name="airbnb",
    title="Airbnb transaction history",
    reads="reservations and resolution payouts per listing, net of Airbnb's host fee; adjustments and "
          "refunds counted against them; skips payouts to your bank and occupancy taxes passed through",
    columns={
        "date": ("Date",),
        "amount": ("Amount",),
        "gross": ("Gross earnings",),
        "currency": ("Currency",),
        "stream": ("Listing",),
        "customer": ("Guest",),
        "note": ("Details", "Confirmation Code"),
        "refund_of": ("Confirmation Code",),
        "type": ("Type",),
        "units": ("Nights",),
    },
    required=("date", "amount", "type"),
    signature=(("Confirmation Code",), ("Gross earnings", "Nights", "Listing")),
    default_stream="Airbnb",
    rules=(
        Rule("type", ("payout",), SKIP, "payouts to your bank"),
        Rule("type", ("pass through tot", "occupancy tax", "occupancy taxes"), SKIP,
             "occupancy taxes passed through to the tax office"),
    ),
)
