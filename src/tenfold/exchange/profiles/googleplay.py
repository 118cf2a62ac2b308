"""Google Play: the monthly earnings report (Play Console > Download reports > Financial > Earnings).

Each order is several rows sharing its order number (Description): the charge,
Google's fee, and where Google pays the tax for the seller, that tax taken back;
a refund adds the charge refunded, the fee given back and the tax given back.
Amounts are written twice, in the buyer's currency and in the seller's
(merchant currency); the seller's is what Google pays out, so it is the one
counted. An order's rows of a day are one payment: the charge less Google's fee
(kept beside it as the fee) and the tax Google pays, or the refund with the fee
and tax given back; so each sale is one payment, as the buyer saw it.
A positive Tax row is tax the seller collected and must pay themselves: not
income, so it is skipped.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import DEDUCTION, REFUND, SKIP, Profile, Rule

TAX_TO_PAY = "tax collected for you to pay to the tax office"

PROFILE = Profile(
    name="googleplay",
    title="Google Play earnings report",
    reads="charges per app or product, net of Google's fee and of the tax Google pays for you, and refunds, "
          "in your payout currency; skips tax you collected to pay yourself",
    columns={
        "date": ("Transaction Date",),
        "amount": ("Amount (Merchant Currency)",),
        "currency": ("Merchant Currency",),
        "stream": ("Product Title",),
        "note": ("Description",),
        "refund_of": ("Description",),
        "type": ("Transaction Type",),
    },
    required=("date", "amount", "type"),
    signature=(("Amount (Merchant Currency)",), ("Merchant Currency",)),
    default_stream="Google Play",
    orders=True,
    rules=(
        Rule("type", ("google fee", "google fee refund"), DEDUCTION, fee=True),
        Rule("type", ("tax",), DEDUCTION, sign=-1),
        Rule("type", ("tax refund",), DEDUCTION, sign=1),
        Rule("type", ("tax", "tax refund"), SKIP, TAX_TO_PAY),
        Rule("type", ("charge refund",), REFUND),
    ),
)
