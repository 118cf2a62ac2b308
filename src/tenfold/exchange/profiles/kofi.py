"""Ko-fi: the transactions export (Payments / Transactions > Download CSV).

Donations (tips), memberships, shop orders and commissions, with who sent them;
Ko-fi takes no fee on these (PayPal's or Stripe's are taken before the money
arrives), so what was received is the amount. Shop orders name the item, which
becomes the stream.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import REFUND, SKIP, Profile, Rule

PROFILE = Profile(
    name="kofi",
    title="Ko-fi transactions",
    reads="tips, memberships, shop orders and commissions (shop items as streams), and refunds; skips "
          "pending and failed payments and payouts",
    columns={
        "date": ("DateTime (UTC)", "DateTime", "Date", "Timestamp"),
        "amount": ("Received", "Amount", "Received Amount", "Net"),
        "fee": ("Fee", "Fees"),
        "currency": ("Currency",),
        "stream": ("Item", "Item Name", "Shop Item"),
        "customer": ("From", "Supporter", "Name", "BuyerEmail", "Email"),
        "note": ("Message",),
        "id": ("TransactionId", "Transaction Id", "Transaction ID", "Kofi Transaction Id"),
        "type": ("TransactionType", "Transaction Type", "Type"),
        "status": ("Status",),
    },
    required=("date", "amount", "id"),
    signature=(("TransactionType", "Transaction Type", "DateTime (UTC)", "Kofi Transaction Id"),),
    default_stream="Ko-fi",
    has_ids=True,
    rules=(
        Rule("status", ("pending", "failed", "cancelled", "canceled"), SKIP, "pending or failed"),
        Rule("type", ("payout", "withdrawal"), SKIP, "payouts to your bank", contains=True),
        Rule("type", ("refund",), REFUND, contains=True),
    ),
)
