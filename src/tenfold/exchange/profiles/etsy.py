"""Etsy: the monthly statement (Shop Manager > Finances > Monthly statements > Download CSV).

Sales, refunds, each fee (listing, transaction, processing, offsite ads,
regulatory, shipping labels, VAT on fees) as rows of their own, sales tax Etsy
collects for the state, and deposits to the bank. By default the fees are
counted against the sales (each a deduction), so the month adds up to what Etsy
kept for the seller; ``--amount gross`` leaves them out. Sales tax and deposits
are not income.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import DEDUCTION, INCOME, REFUND, SKIP, Profile, Rule

PROFILE = Profile(
    name="etsy",
    title="Etsy monthly statement",
    reads="sales and refunds, and Etsy's fees (listing, transaction, processing, ads, shipping labels) "
          "counted against them; skips deposits to your bank and sales tax",
    columns={
        "date": ("Date",),
        "amount": ("Net",),
        "gross": ("Amount",),
        "fee": ("Fees & Taxes",),
        "currency": ("Currency",),
        "type": ("Type",),
        "note": ("Title", "Info"),
        "refund_of": ("Info",),
    },
    required=("date", "amount", "type"),
    signature=(("Fees & Taxes",), ("Info",)),
    default_stream="Etsy",
    rules=(
        Rule("type", ("deposit", "payment", "transfer", "reserve", "disbursement"), SKIP,
             "deposits and transfers to your bank"),
        Rule("type", ("tax", "sales tax"), SKIP, "sales tax collected for the tax office"),
        Rule("type", ("refund",), REFUND, sign=-1),
        Rule("type", ("fee", "fees", "marketing", "shipping", "shipping label", "vat", "postage"), DEDUCTION,
             fee=True),
        Rule("type", ("sale", "sales"), INCOME),
    ),
)
