"""Stripe: balance history (Balance > Export, and the itemised "balance change from activity" report) and payouts.

Balance history lists every balance transaction: charges and payments (gross,
fee, net), refunds, disputes, Stripe's own fee lines, and payouts to the bank.
The payouts export lists what reached the bank: a user who counts income as it
arrives imports that one instead (never both for the same money).
"""

from __future__ import annotations

from collections.abc import Mapping

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


def _refunded(cells: Mapping[str, str]) -> list[tuple[str, str]]:
    """A payment with an amount refunded also stands for that refund (in the currency it was counted in)."""
    amount = cells.get("converted amount refunded", "") or cells.get("amount refunded", "")
    return [(REFUND, amount)] if amount.strip().strip("0.,") else []


PAYMENTS = Profile(
    name="stripe-payments",
    title="Stripe payments",
    reads="successful payments (net of Stripe's fee, in the currency they settled in) and their refunds; "
          "skips failed, canceled and uncaptured payments",
    columns={
        "date": ("Created (UTC)", "Created date (UTC)", "Created", "created"),
        "gross": ("Converted Amount", "Amount"),
        "fee": ("Fee",),
        "currency": ("Converted Currency", "Currency"),
        "customer": ("Customer Email", "Customer Description", "Customer Name", "Customer ID"),
        "note": ("Description",),
        "id": ("id",),
        "status": ("Status",),
        "type": ("Captured",),
    },
    required=("date", "amount", "id", "status"),
    signature=(("Amount Refunded", "Converted Amount Refunded"), ("Captured", "Seller Message", "Customer ID")),
    default_stream="Stripe",
    has_ids=True,
    rules=(
        Rule("status", ("failed", "canceled", "cancelled", "requires_payment_method", "incomplete", "uncaptured",
                        "pending", "blocked"), SKIP, "failed, canceled or pending payments"),
        Rule("type", ("false",), SKIP, "not captured (authorised only)"),
    ),
    expand=_refunded,
)
