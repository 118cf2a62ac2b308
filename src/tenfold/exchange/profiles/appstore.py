"""Apple App Store: the financial report (App Store Connect > Payments and Financial Reports, one per region).

Tab-separated, one row per product, country and price for Apple's fiscal month:
Quantity units, Partner Share (what the developer gets per unit) and Extended
Partner Share (the two multiplied: the proceeds), in the Partner Share
Currency, after Apple's commission and the taxes Apple pays. Returns are rows
with a negative quantity and proceeds. The month's rows of a product are added
up per currency before rounding; each is dated on the fiscal month's last day
(End Date), which always falls in the month Apple names. Total_Rows,
Total_Amount and Total_Units lines at the end are skipped.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import Profile

PROFILE = Profile(
    name="appstore",
    title="App Store financial report",
    reads="proceeds per app or in-app product and fiscal month (after Apple's commission), returns counted "
          "against them, with the units sold",
    columns={
        "date": ("End Date",),
        "amount": ("Extended Partner Share",),
        "currency": ("Partner Share Currency",),
        "stream": ("Title",),
        "note": ("Country Of Sale",),
        "units": ("Quantity",),
    },
    required=("date", "amount", "currency"),
    signature=(("Extended Partner Share",), ("Partner Share Currency",)),
    default_stream="App Store",
    date_order="mdy",
    combine=True,
)
