"""Files from known platforms that are not where their money is told, and the one to download instead.

A platform often offers several downloads. Some list orders or estimates
before the platform's fees and refunds are known; imported, they would count
money the seller never received. When a file is one of these (even one the
any-CSV profile could read: Shopify's orders have a Total), the refusal names
it and the file that holds the money, unless the user named a profile.
"""

from __future__ import annotations

from collections.abc import Sequence

from tenfold.exchange.profiles.base import header_keys

ELSEWHERE: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"sale date", "order id", "order net", "adjusted net order amount"}),
     "is Etsy's sold orders file, which leaves out Etsy's own fees; import the monthly statement "
     "(Shop Manager > Finances > Monthly statements > Download CSV)"),
    (frozenset({"sale date", "item name", "transaction id", "order id", "order shipping"}),
     "is Etsy's sold order items file, which leaves out Etsy's fees; import the monthly statement "
     "(Shop Manager > Finances > Monthly statements > Download CSV)"),
    (frozenset({"order number", "order charged date", "financial status", "charged amount"}),
     "is Google Play's sales report (what buyers were charged, before Google's fee); import the earnings "
     "report (Play Console > Download reports > Financial > Earnings)"),
    (frozenset({"financial status", "paid at", "lineitem name", "lineitem quantity", "total"}),
     "is Shopify's orders export (what buyers paid, with tax and shipping, before Shopify's fees and refunds); "
     "import the payouts' transactions (Finance > Payouts > Export > transactions)"),
    (frozenset({"provider", "sku", "developer proceeds", "begin date", "units"}),
     "is the App Store's Sales and Trends report (estimates, before returns and adjustments); import the "
     "financial report (App Store Connect > Payments and Financial Reports)"),
)
"""The header names that identify each file (all of them), and what to say about it."""


def elsewhere(header: Sequence[str]) -> str | None:
    """What to say about ``header`` when it is a known file without the money, or None."""
    names = {header_keys(h)[0] for h in header}
    return next((said for needed, said in ELSEWHERE if needed <= names), None)
