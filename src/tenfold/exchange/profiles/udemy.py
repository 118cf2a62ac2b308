"""Udemy: the instructor revenue report (Instructor > Performance > Revenue report > Export, one row per sale).

Each sale names its course, the price the student paid in their own currency,
the store's and Udemy's cut, and the Instructor Share, which Udemy pays in US
dollars: that share is what is counted, in dollars, never the price paid. A
refund is a row with a negative share.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import Profile

PROFILE = Profile(
    name="udemy",
    title="Udemy revenue report",
    reads="your share of each sale per course, in US dollars (not the price the student paid, in their "
          "currency), and refunds",
    columns={
        "date": ("Formatted Date", "Date"),
        "amount": ("Instructor Share", "Your Revenue"),
        "stream": ("Course Name", "Course"),
        "customer": ("User Name",),
        "note": ("Revenue Channel", "Coupon Code"),
        "id": ("Transaction Id", "Transaction ID"),
    },
    required=("date", "amount", "stream"),
    signature=(("Instructor Share", "Your Revenue"), ("Revenue Channel", "Share Price")),
    default_currency="USD",
    default_stream="Udemy",
    has_ids=True,
)
