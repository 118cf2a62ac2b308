"""Google AdSense: Payments > View transactions > Download (CSV, often UTF-16 and tab-separated).

A running account: each month's earnings (posted at month end, ``Earnings: Mar 1 -
31, 2024``), deductions for invalid traffic, tax withheld, and the payments
sent to the bank (negative). Earnings and deductions count; payments and tax
withholding do not (the tax is still income, paid ahead to the tax office).
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import DEDUCTION, INCOME, SKIP, Profile, Rule

PROFILE = Profile(
    name="adsense",
    title="AdSense payments",
    reads="monthly earnings and their adjustments (invalid traffic deductions count against them); "
          "skips payments to your bank and tax withheld",
    columns={
        "date": ("Date", "Transaction date"),
        "amount": ("Amount", "Amount*", "Earnings"),
        "currency": ("Currency",),
        "type": ("Description", "Transaction", "Type"),
        "note": ("Description", "Transaction", "Details"),
    },
    required=("date", "amount", "type"),
    signature=(("Description", "Transaction"),),
    default_stream="AdSense",
    default_currency="USD",
    priority=5,
    closed=True,
    rules=(
        Rule("type", ("payment", "eft", "wire transfer", "check", "cheque", "sent to", "western union",
                      "rapida", "bank transfer"), SKIP, "payments to your bank", contains=True),
        Rule("type", ("withholding", "tax withheld", "backup withholding"), SKIP, "tax withheld", contains=True),
        Rule("type", ("earnings",), INCOME, contains=True, sign=1),
        Rule("type", ("invalid", "deduction", "adjustment", "reversal"), DEDUCTION, contains=True, sign=-1),
    ),
    negative=DEDUCTION,
    evidence=("type", ("earnings",)),
)
