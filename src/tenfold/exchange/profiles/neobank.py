"""Accounts opened in an app: Revolut (personal and Business) and Wise (statement and transaction history).

They are banks to a seller - money in from buyers, platforms and clients - but
their files say more than a bank's: a type per row (a card top-up, a currency
exchange, a transfer), a state (pending, reverted), and fees beside the amount.
Money in counts; what is the user's own money moving (top-ups from their own
cards, exchanges between their own balances, pockets and vaults), money out,
card refunds and cashback do not. A file names no product: every credit goes to
``--stream`` (else "Bank"), as with any bank file.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import SKIP, Profile, Rule

NOT_DONE = ("pending", "reverted", "declined", "failed", "cancelled", "canceled")
OWN_MONEY = ("top-up", "top up", "topped up", "to pocket", "from pocket", "vault", "moved money", "converted ",
             "exchanged to", "exchanged from")
"""Words of a description that say the money was the user's own (a card top-up, a pocket, a vault, a jar)."""

REVOLUT = Profile(
    name="revolut",
    title="Revolut statement",
    reads="money in (less Revolut's fee): transfers and payments from others, interest; skips top-ups from your "
          "own cards, exchanges, pockets and vaults, card refunds, cashback, pending and reverted rows, money out",
    columns={
        "date": ("Completed Date", "Date completed (UTC)", "Date completed", "Started Date", "Date started (UTC)"),
        "amount": ("Total amount",),
        "gross": ("Amount",),
        "fee": ("Fee",),
        "currency": ("Payment currency", "Currency"),
        "customer": ("Payer", "Counterparty"),
        "note": ("Description", "Reference"),
        "id": ("ID",),
        "type": ("Type",),
        "status": ("State",),
    },
    required=("date", "amount", "type", "status"),
    signature=(("Started Date", "Date started (UTC)", "Date started"), ("State",)),
    default_stream="Bank",
    priority=6,
    rules=(
        Rule("status", NOT_DONE, SKIP, "pending, reverted or declined", contains=True),
        Rule("type", ("exchange",), SKIP, "exchanges between your own balances"),
        Rule("type", ("card_refund", "refund", "cashback", "reward", "atm"), SKIP,
             "card refunds and cashback (money back, not income)"),
        Rule("note", OWN_MONEY, SKIP, "your own money: top-ups, pockets, vaults", contains=True),
    ),
    negative=SKIP,
    negative_reason="money out",
)
"""Business files give a Total amount (after the fee) beside the Amount: the total is what is counted."""

WISE_STATEMENT = Profile(
    name="wise",
    title="Wise statement",
    reads="money received (after Wise's fees); skips conversions between your balances, top-ups, jars, "
          "cashback and money sent",
    columns={
        "date": ("Date", "Date Time"),
        "amount": ("Amount",),
        "fee": ("Total fees",),
        "currency": ("Currency",),
        "customer": ("Payer Name",),
        "note": ("Description", "Note"),  # the description already holds the payment reference
        "id": ("TransferWise ID", "Wise ID"),
    },
    required=("date", "amount", "id"),
    signature=(("TransferWise ID", "Wise ID"), ("Running Balance", "Payer Name", "Exchange From")),
    date_order="dmy",
    default_stream="Bank",
    has_ids=True,
    priority=6,
    rules=(
        Rule("note", ("cashback",), SKIP, "cashback (money back, not income)", contains=True),
        Rule("note", OWN_MONEY, SKIP, "your own money: conversions, top-ups, jars", contains=True),
    ),
    negative=SKIP,
    negative_reason="money sent",
)

WISE_HISTORY = Profile(
    name="wise-history",
    title="Wise transaction history",
    reads="money in (Direction IN, after fees); skips money out, conversions between your balances "
          "(NEUTRAL) and cancelled or refunded transfers",
    columns={
        "date": ("Finished on", "Created on"),
        "amount": ("Target amount (after fees)",),
        "fee": ("Target fee amount",),
        "currency": ("Target currency",),
        "customer": ("Source name",),
        "note": ("Reference", "Note"),
        "id": ("ID",),
        "type": ("Direction",),
        "status": ("Status",),
    },
    required=("date", "amount", "id", "type"),
    signature=(("Direction",), ("Target amount (after fees)",)),
    default_stream="Bank",
    has_ids=True,
    priority=6,
    rules=(
        Rule("status", (*NOT_DONE, "refunded"), SKIP, "cancelled or refunded", contains=True),
        Rule("type", ("out",), SKIP, "money sent"),
        Rule("type", ("neutral",), SKIP, "conversions between your own balances"),
    ),
    negative=SKIP,
    negative_reason="money sent",
)
