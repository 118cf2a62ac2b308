"""Amazon Associates: the fee-earnings report (Reports > Download reports > Fee-Earnings, CSV).

A title line, then one row per product shipped through the affiliate's links:
what the buyer paid (Revenue) and what Amazon pays the affiliate for it (Ad
Fees), negative for a return. The ad fee is the affiliate's income; the whole
report is one stream (the products are someone else's), a day's fees one
payment. The store's currency is in the headers ("Ad Fees($)").
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import Profile

PROFILE = Profile(
    name="associates",
    title="Amazon Associates fee-earnings report",
    reads="the advertising fee Amazon pays you for each product shipped through your links, returns "
          "counted against it; the buyers' revenue is not yours",
    columns={
        "date": ("Date Shipped", "Shipped Date"),
        "amount": ("Ad Fees*", "Advertising Fees*", "Earnings*"),
        "note": ("Name", "Product Name"),
        "units": ("Items Shipped",),
    },
    required=("date", "amount"),
    signature=(("ASIN",), ("Tracking ID",)),
    default_stream="Amazon Associates",
    combine=True,
)
