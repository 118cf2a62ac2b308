"""Bandcamp: the sales report (Tools > Sales report > Download, CSV).

One row per sale: album, track, merch or a fan's subscription, with what the
fan paid (item total, with any extra they chose to give), and the net amount
that reached the artist after Bandcamp's share and the payment fee. Dates are
written month first with a two-digit year and a time (``3/2/24 10:15am``).
Payouts to the artist's PayPal or bank are not income.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import SKIP, Profile, Rule

PROFILE = Profile(
    name="bandcamp",
    title="Bandcamp sales report",
    reads="each sale net of Bandcamp's share and the payment fee, per album, track or item, with the "
          "quantity as units; skips payouts",
    columns={
        "date": ("date",),
        "amount": ("net amount", "amount you received"),
        "gross": ("item total",),
        "currency": ("currency",),
        "stream": ("item name",),
        "customer": ("buyer email", "buyer name"),
        "note": ("item type",),
        "type": ("item type",),
        "id": ("bandcamp transaction id",),
        "units": ("quantity",),
    },
    required=("date", "amount", "stream"),
    signature=(("item url",), ("paid to", "amount you received", "additional fan contribution")),
    date_order="mdy",
    default_stream="Bandcamp",
    rules=(Rule("type", ("payout",), SKIP, "payouts to your PayPal or bank"),),
)
