"""Stripe: balance history (Balance > Export, and the itemised "balance change from activity" report) and payouts.

Balance history lists every balance transaction: charges and payments (gross,
fee, net), refunds, disputes, Stripe's own fee lines, and payouts to the bank.
The payouts export lists what reached the bank: a user who counts income as it
arrives imports that one instead (never both for the same money).
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import DEDUCTION, INCOME, REFUND, SKIP, Profile, Rule

BALANCE = Profile(
    name="stripe",
    title="Stripe balance history",
    reads="charges and payments (net of Stripe's fee), refunds, disputes and separate Stripe fee lines; "
          "skips payouts, transfers and top-ups",
    columns={
        "date": ("Created (UTC)", "Created", "created_utc", "created", "Created date (UTC)"),
        "amount": ("Net", "net"),
        "gross": ("Amount", "gross"),
        "fee": ("Fee", "fee"),
        "currency": ("Currency", "currency"),
        "customer": ("Customer Email", "customer_email", "Customer Name", "customer_name", "customer_id"),
        "note": ("Description", "description"),
        "id": ("id", "balance_transaction_id"),
        "refund_of": ("charge_id", "Charge ID", "payment_intent_id"),
        "type": ("Type", "reporting_category", "Reporting Category"),
        "status": ("Status",),
    },
    required=("date", "amount", "id", "type"),
    signature=(("Fee", "fee"), ("Available On (UTC)", "available_on_utc", "Available On", "available_on",
                                "Source", "source_id", "reporting_category")),
    default_stream="Stripe",
    has_ids=True,
    rules=(
        Rule("type", ("payout", "payout_cancel", "payout_failure", "payout_reversal", "transfer",
                      "transfer_cancel", "transfer_failure", "transfer_reversal", "topup", "topup_reversal",
                      "connect_collection_transfer", "reserve_transaction", "reserved_funds"),
             SKIP, "payouts and transfers to your bank"),
        Rule("type", ("stripe_fee", "fee", "application_fee", "network_cost", "contribution", "tax",
                      "application_fee_refund", "stripe_fx_fee"), DEDUCTION, fee=True),
        Rule("type", ("refund", "payment_refund", "payment_failure_refund", "dispute", "adjustment",
                      "partial_capture_reversal", "issuing_dispute"), REFUND, sign=-1),
        Rule("type", ("refund_failure", "dispute_reversal", "adjustment", "refund"), INCOME, sign=1),
    ),
)

PAYOUTS = Profile(
    name="stripe-payouts",
    title="Stripe payouts",
    reads="payouts that reached your bank (already net of fees and refunds); skips pending, in-transit, "
          "failed and canceled payouts",
    columns={
        "date": ("Arrival Date (UTC)", "Arrival Date", "arrival_date", "Created (UTC)", "created"),
        "amount": ("Amount", "amount"),
        "currency": ("Currency", "currency"),
        "note": ("Description", "description", "Statement Descriptor"),
        "id": ("id",),
        "status": ("Status", "status"),
        "type": ("Type", "type"),
    },
    required=("date", "amount", "id", "status"),
    signature=(("Arrival Date (UTC)", "Arrival Date", "arrival_date"),),
    default_stream="Stripe",
    has_ids=True,
    rules=(
        Rule("status", ("pending", "in_transit", "in transit"), SKIP, "pending or in transit"),
        Rule("status", ("failed", "canceled", "cancelled"), SKIP, "failed or canceled"),
    ),
    negative=SKIP,
    negative_reason="debits from your bank",
)
