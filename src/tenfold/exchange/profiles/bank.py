"""Bank statements as CSV: German banks, US banks, and any bank with a date, an amount and a description.

The generic profile also knows the French, Spanish and Italian names of those
columns (Libellé/Montant/Crédit/Débit, Concepto/Importe, Descrizione/Importo).

ING in the Netherlands writes every amount without a sign and says Af (out) or
Bij (in) beside it. Money in (credits) counts; money out (debits), balance lines, pending bookings and
transfers between the user's own accounts do not. German banks (Sparkasse, DKB,
ING, Deutsche Bank, comdirect, Postbank...) write ``;``, Windows-1252, ``1.234,56``
and ``dd.mm.yyyy`` after a few lines of account details; some split the amount
into Soll and Haben. US banks (Chase, Bank of America, Citi, Capital One...)
write month-first dates, a signed Amount or separate Debit and Credit columns;
Capital One writes the amount without a sign and Debit or Credit as its type.
A bank file names no product: every credit goes to ``--stream`` (else "Bank").
"""

from __future__ import annotations

from tenfold.exchange.csvmapping import RETURNED_DEBIT
from tenfold.exchange.ofx import CARD_TYPE
from tenfold.exchange.profiles.base import SKIP, Profile, Rule
from tenfold.exchange.qif import OWN_TRANSFER_TYPE

BALANCE_WORDS = ("kontostand", "saldo", "anfangssaldo", "endsaldo", "opening balance", "closing balance",
                 "beginning balance", "ending balance")
OWN_TRANSFERS = ("umbuchung", "übertrag", "acct_xfer", "online transfer from", "transfer from sav",
                 "transfer from chk", "own account", "eigene konten", "from 360 performance savings",
                 "from my savings", "to main account", "from main account", "virement interne",
                 "de comptes à comptes", "mouvements internes")
"""Words of a type or note that say the money moved between the user's own accounts (N26's Spaces write
"From Savings to Main Account", BoursoBank "Virement interne")."""

CARD_REASON = "credit card lines (payments to the card, charges, refunds)"

GERMAN = Profile(
    name="bank-de",
    title="German bank CSV",
    reads="credits (money in), dates dd.mm.yyyy and amounts 1.234,56, after the account-details preamble; "
          "skips debits, balance lines, pending bookings and transfers between your own accounts",
    columns={
        "date": ("Buchungstag", "Buchungsdatum", "Buchung", "Datum", "Valutadatum", "Wertstellung", "Valuta"),
        "amount": ("Betrag", "Betrag (EUR)", "Betrag (€)", "Umsatz", "Betrag in EUR", "Umsatz in EUR"),
        "credit": ("Haben", "Gutschrift", "Eingang"),
        "debit": ("Soll", "Lastschrift", "Ausgang"),
        "currency": ("Währung", "Waehrung", "Whrg"),
        "customer": ("Auftraggeber / Begünstigter", "Beguenstigter/Zahlungspflichtiger",
                     "Begünstigter / Auftraggeber", "Auftraggeber/Empfänger", "Zahlungspflichtige*r",
                     "Zahlungsempfänger*in", "Name Zahlungsbeteiligter", "Empfänger", "Auftraggeber", "Name"),
        "note": ("Verwendungszweck", "Buchungstext", "Umsatzart", "Vorgang"),
        "type": ("Buchungstext", "Umsatzart", "Vorgang", "Umsatztyp", "Buchungsart"),
        "status": ("Info", "Status", "Umsatzstatus"),
    },
    required=("date", "amount"),
    date_order="dmy",
    decimal_comma=True,
    default_currency="EUR",
    default_stream="Bank",
    priority=3,
    rules=(
        Rule("status", ("vorgemerkt", "pending", "nicht gebucht", "offen"), SKIP, "pending bookings",
             contains=True),
        Rule("date", ("offen", "vorgemerkt"), SKIP, "pending bookings"),  # comdirect dates a pending booking so
        Rule("type", BALANCE_WORDS, SKIP, "balance lines", contains=True),
        Rule("type", OWN_TRANSFERS, SKIP, "transfers between your own accounts", contains=True),
    ),
    negative=SKIP,
    negative_reason="outgoing bank debits",
)

DUTCH = Profile(
    name="bank-nl",
    title="Dutch bank CSV (ING)",
    reads="credits (Bij, Credit): every amount is written without a sign and Af Bij says which way it went; "
          "dates yyyymmdd; skips debits (Af) and transfers from your own savings",
    columns={
        "date": ("Datum", "Date"),
        "amount": ("Bedrag (EUR)", "Amount (EUR)", "Bedrag", "Amount"),
        "direction": ("Af Bij", "Debit/credit"),
        "customer": ("Naam / Omschrijving", "Name / Description"),
        "note": ("Mededelingen", "Notifications"),
        "type": ("Mutatiesoort", "Transaction type", "Transactietype"),
    },
    required=("date", "amount", "direction"),
    signature=(("Tegenrekening", "Counterparty"),),
    date_order="dmy",
    decimal_comma=True,
    default_currency="EUR",
    default_stream="Bank",
    priority=4,
    rules=(
        Rule("note", ("spaarrekening", "savings account"), SKIP, "transfers between your own accounts",
             contains=True),
    ),
    negative=SKIP,
    negative_reason="outgoing bank debits",
)

US = Profile(
    name="bank-us",
    title="US bank CSV",
    reads="credits (money in) from a signed Amount or a Credit column, dates month first; skips debits, "
          "pending rows, balances and transfers between your own accounts",
    columns={
        "date": ("Posting Date", "Post Date", "Posted Date", "Transaction Date", "Date"),
        "amount": ("Amount", "Transaction Amount"),
        "credit": ("Credit", "Credits", "Deposits", "Deposit", "Credit Amount"),
        "debit": ("Debit", "Debits", "Withdrawals", "Withdrawal", "Debit Amount"),
        "customer": ("Payee", "Counterparty", "Name"),
        "note": ("Description", "Memo", "Transaction Description"),
        "type": ("Type", "Details", "Transaction Type", "Category"),
        "direction": ("Transaction Type",),
        "status": ("Status",),
    },
    required=("date", "amount"),
    # Not "Transaction Date": Lloyds and other UK banks write it too, day first.
    signature=(("Posting Date", "Post Date", "Posted Date", "Running Bal.", "Check or Slip #", "Check Number",
                "Transaction Amount"),),
    date_order="mdy",
    decimal_comma=False,
    default_currency="USD",
    default_stream="Bank",
    priority=4,
    rules=(
        Rule("status", ("pending", "authorized", "processing"), SKIP, "pending transactions", contains=True),
        Rule("note", BALANCE_WORDS, SKIP, "balance lines", contains=True),
        Rule("type", OWN_TRANSFERS, SKIP, "transfers between your own accounts", contains=True),
        Rule("note", OWN_TRANSFERS, SKIP, "transfers between your own accounts", contains=True),
    ),
    negative=SKIP,
    negative_reason="outgoing bank debits",
)

CARD_US = Profile(
    name="card-us",
    title="US credit card CSV",
    reads="nothing: a card's credits are payments to the card and merchants' refunds, its debits your spending",
    columns={
        "date": ("Transaction Date", "Post Date", "Posted Date"),
        "amount": ("Amount",),
        "credit": ("Credit",),
        "debit": ("Debit",),
        "note": ("Description", "Memo"),
        "type": ("Type",),
    },
    required=("date", "amount"),
    # Chase's card: Transaction Date, Post Date, Description, Category, Type, Amount, Memo;
    # Capital One's: Transaction Date, Posted Date, Card No., Description, Category, Debit, Credit.
    signature=(("Post Date", "Posted Date"), ("Card No.", "Category")),
    date_order="mdy",
    default_currency="USD",
    default_stream="Card",
    priority=4,
    rules=(Rule("date", ("",), SKIP, CARD_REASON, contains=True),),  # every dated line
    negative=SKIP,
    negative_reason=CARD_REASON,
)

GENERIC = Profile(
    name="bank",
    title="Bank statement (any bank)",
    reads="credits (money in) from a signed Amount or a Credit column; the date order is read from the "
          "file or --date-format; skips debits, pending rows, balances and own-account transfers",
    columns={
        "date": ("Date", "Transaction Date", "Booking Date", "Value Date", "Posted", "Completed Date",
                 "Started Date", "Date opération", "Date operation", "Date de l'opération", "Date comptable",
                 "Date de valeur", "dateOp", "Fecha", "Fecha operación", "Fecha valor", "Data", "Data contabile",
                 "Data registrazione", "Data operazione", "Data valuta"),
        "amount": ("Amount", "Amount*", "Value", "Transaction Amount", "Montant", "Montant*", "Importe", "Importo"),
        "credit": ("Credit", "Paid in", "Money in", "Credit Amount", "Deposits", "Crédit", "Credit*", "Crédit*",
                   "Haber", "Ingreso", "Avere", "Entrate", "Accrediti"),
        "debit": ("Debit", "Paid out", "Money out", "Debit Amount", "Withdrawals", "Débit", "Debit*", "Débit*",
                  "Debe", "Cargo", "Dare", "Uscite", "Addebiti"),
        "currency": ("Currency", "Ccy", "Devise", "Divisa", "Moneda", "Valuta"),
        "customer": ("Counter Party", "Counterparty", "Payee", "Partner Name", "Name", "Payer", "Tiers",
                     "Beneficiario"),
        "note": ("Description", "Memo", "Reference", "Payment Reference", "Details", "Narrative",
                 "Transaction Description", "Libellé", "Libelle", "Libellé opération", "Libellé simplifié",
                 "Concepto", "Descripción", "Descrizione", "Descrizione estesa", "Causale", "label"),
        "type": ("Type", "Transaction Type", "Category", "Subcategory"),
        "status": ("Status", "State"),
        "id": ("Transaction ID", "Reference Number", "FITID"),
    },
    required=("date", "amount"),
    signature=(("Description", "Memo", "Reference", "Details", "Narrative", "Counter Party", "Counterparty",
                "Payee", "Partner Name", "Payment Reference", "Balance", "Balance*", "Transaction Description",
                "Libellé", "Libelle", "Libellé*", "Solde", "Concepto", "Descripción", "Saldo", "Descrizione",
                "Causale", "accountbalance"),),
    default_stream="Bank",
    priority=2,
    rules=(
        Rule("status", ("pending", "declined", "reverted", "failed", "authorized"), SKIP,
             "pending or declined transactions", contains=True),
        Rule("type", (CARD_TYPE,), SKIP, CARD_REASON),
        Rule("type", (RETURNED_DEBIT,), SKIP, "debits returned to you (your own money back)"),
        Rule("note", BALANCE_WORDS, SKIP, "balance lines", contains=True),
        # A type of "Transfer from" is anyone's money (Nationwide); only pots, spaces and QIF's [Account] are own
        Rule("type", (*OWN_TRANSFERS, "pot transfer", "internal transfer", OWN_TRANSFER_TYPE), SKIP,
             "transfers between your own accounts", contains=True),
        Rule("note", OWN_TRANSFERS, SKIP, "transfers between your own accounts", contains=True),
    ),
    negative=SKIP,
    negative_reason="outgoing bank debits",
)
