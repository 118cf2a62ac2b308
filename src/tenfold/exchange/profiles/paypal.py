"""PayPal: the activity download (Activity > Statements > Activity download, CSV), English and German.

Every movement of the balance is a row: payments received, refunds, fees (in the
row, beside gross and net), currency conversions (a pair of rows), withdrawals to
the bank, holds and their releases, and memo rows that do not touch the balance.
Only payments received and the refunds and reversals that take them back count.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import INCOME, REFUND, SKIP, Profile, Rule

PENDING = ("pending", "denied", "failed", "cancelled", "canceled", "unclaimed", "held", "voided", "expired",
           "ausstehend", "abgelehnt", "fehlgeschlagen", "storniert", "offen")

PROFILE = Profile(
    name="paypal",
    title="PayPal activity download",
    reads="payments received (net of PayPal's fee), refunds and reversals; skips withdrawals, currency "
          "conversions, holds, memo and pending or denied rows, and money you sent",
    columns={
        "date": ("Date", "Datum"),
        "amount": ("Net", "Netto", "Net Amount"),
        "gross": ("Gross", "Brutto"),
        "fee": ("Fee", "Gebühr", "Fee Amount"),
        "currency": ("Currency", "Währung"),
        "stream": ("Item Title", "Artikelbezeichnung", "Item Name"),
        "customer": ("Name", "From Email Address", "Absender E-Mail-Adresse"),
        "note": ("Subject", "Betreff", "Note", "Hinweis"),
        "id": ("Transaction ID", "Transaktionscode"),
        "refund_of": ("Reference Txn ID", "Zugehöriger Transaktionscode"),
        "type": ("Type", "Typ", "Description", "Beschreibung"),
        "status": ("Status",),
        "impact": ("Balance Impact", "Auswirkung auf Guthaben"),
        "units": ("Quantity", "Anzahl"),
    },
    required=("date", "amount", "id"),
    signature=(("Gross", "Brutto"), ("Fee", "Gebühr"), ("Type", "Typ", "Description", "Beschreibung"),
               ("Time", "Uhrzeit", "TimeZone", "Time Zone", "Zeitzone", "Balance", "Guthaben")),
    default_stream="PayPal",
    has_ids=True,
    rules=(
        Rule("status", PENDING, SKIP, "pending, denied or failed"),
        Rule("impact", ("memo",), SKIP, "memo rows (no change to the balance)"),
        Rule("type", ("currency conversion", "währungsumrechnung"), SKIP, "currency conversions", contains=True),
        Rule("type", ("hold", "einbehalt", "reserve", "authori", "autorisierung", "vormerkung"), SKIP,
             "holds and authorisations", contains=True),
        Rule("type", ("withdraw", "to bank", "bank account", "abbuchung", "auszahlung", "bankgutschrift",
                      "bank deposit", "card deposit", "transfer", "überweisung", "add funds", "guthaben aufladen"),
             SKIP, "payouts and transfers to or from your bank", contains=True),
        Rule("type", ("refund", "rückzahlung", "erstattung", "reversal", "chargeback", "rückbuchung",
                      "rückerstattung", "dispute"), REFUND, sign=-1, contains=True),
        Rule("type", ("refund", "rückzahlung", "erstattung", "rückerstattung"), SKIP,
             "refunds of your own purchases", sign=1, contains=True),
        Rule("type", ("reversal", "chargeback", "rückbuchung"), INCOME, sign=1, contains=True),
    ),
    negative=SKIP,
    negative_reason="money you sent (purchases and payments out)",
)
