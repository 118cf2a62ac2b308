"""PayPal: the activity download (Activity > Statements > Activity download, CSV): English, German, French,
Spanish and Italian headers and row types.

Every movement of the balance is a row: payments received, refunds, fees (in the
row, beside gross and net), currency conversions (a pair of rows), withdrawals to
the bank, holds and their releases, and memo rows that do not touch the balance.
Only payments received and the refunds and reversals that take them back count.
"""

from __future__ import annotations

from tenfold.exchange.profiles.base import INCOME, REFUND, SKIP, Profile, Rule

PENDING = ("pending", "denied", "failed", "cancelled", "canceled", "unclaimed", "held", "voided", "expired",
           "ausstehend", "abgelehnt", "fehlgeschlagen", "storniert", "offen",
           "en attente", "refusé", "refusée", "annulé", "annulée", "échoué", "échouée", "non réclamé", "expiré",
           "pendiente", "denegado", "denegada", "cancelado", "cancelada", "fallido", "no reclamado", "caducado",
           "in sospeso", "rifiutato", "negato", "annullato", "non riuscito", "non riscosso", "scaduto")

PROFILE = Profile(
    name="paypal",
    title="PayPal activity download",
    reads="payments received (net of PayPal's fee), refunds and reversals; skips withdrawals, currency "
          "conversions, holds, memo and pending or denied rows, and money you sent",
    columns={
        "date": ("Date", "Datum", "Fecha", "Data"),
        "amount": ("Net", "Netto", "Net Amount", "Neto"),
        "gross": ("Gross", "Brutto", "Avant commission", "Bruto", "Lordo"),
        "fee": ("Fee", "Gebühr", "Fee Amount", "Commission", "Tarifa", "Comisión", "Tariffa", "Commissione"),
        "currency": ("Currency", "Währung", "Devise", "Divisa", "Valuta"),
        "stream": ("Item Title", "Artikelbezeichnung", "Item Name", "Titre de l'objet", "Título del artículo",
                   "Titolo oggetto"),
        "customer": ("Name", "From Email Address", "Absender E-Mail-Adresse", "Nom", "De l'adresse email",
                     "Nombre", "Correo electrónico del remitente", "Nome", "Indirizzo email mittente"),
        "note": ("Subject", "Betreff", "Note", "Hinweis", "Objet", "Remarque", "Asunto", "Nota", "Oggetto"),
        "id": ("Transaction ID", "Transaktionscode", "Numéro de transaction", "Id. de transacción",
               "Codice transazione"),
        "refund_of": ("Reference Txn ID", "Zugehöriger Transaktionscode", "Numéro de la transaction de référence",
                      "Id. de transacción de referencia", "Codice transazione di riferimento"),
        "type": ("Type", "Typ", "Description", "Beschreibung", "Tipo"),
        "status": ("Status", "État", "Estado", "Stato"),
        "impact": ("Balance Impact", "Auswirkung auf Guthaben", "Impact sur le solde", "Impacto en el saldo",
                   "Impatto sul saldo"),
        "units": ("Quantity", "Anzahl", "Quantité", "Cantidad", "Quantità"),
    },
    required=("date", "amount", "id"),
    signature=(("Gross", "Brutto", "Avant commission", "Bruto", "Lordo"),
               ("Fee", "Gebühr", "Commission", "Tarifa", "Comisión", "Tariffa", "Commissione"),
               ("Type", "Typ", "Description", "Beschreibung", "Tipo"),
               ("Time", "Uhrzeit", "TimeZone", "Time Zone", "Zeitzone", "Balance", "Guthaben", "Heure",
                "Fuseau horaire", "Solde", "Hora", "Zona horaria", "Orario", "Fuso orario", "Saldo")),
    default_stream="PayPal",
    has_ids=True,
    rules=(
        Rule("status", PENDING, SKIP, "pending, denied or failed"),
        Rule("impact", ("memo", "mémo", "memorándum", "promemoria"), SKIP, "memo rows (no change to the balance)"),
        Rule("type", ("currency conversion", "währungsumrechnung", "conversion de devise", "conversión de divisa",
                      "conversione di valuta"), SKIP, "currency conversions", contains=True),
        Rule("type", ("hold", "einbehalt", "reserve", "authori", "autorisierung", "vormerkung", "retenue",
                      "réserve", "autoris", "retención", "autoriz", "trattenuta", "riserva"), SKIP,
             "holds and authorisations", contains=True),
        Rule("type", ("withdraw", "to bank", "bank account", "abbuchung", "auszahlung", "bankgutschrift",
                      "bank deposit", "card deposit", "transfer", "überweisung", "add funds", "guthaben aufladen",
                      "virement", "retrait", "retirada", "retiro", "transferencia", "prelievo", "bonifico",
                      "ricarica"),
             SKIP, "payouts and transfers to or from your bank", contains=True),
        Rule("type", ("refund", "rückzahlung", "erstattung", "reversal", "chargeback", "rückbuchung",
                      "rückerstattung", "dispute", "rembours", "rétrofacturation", "litige", "reembolso",
                      "devolución", "contracargo", "disputa", "rimborso", "storno", "riaddebito", "contestazione"),
             REFUND, sign=-1, contains=True),
        Rule("type", ("refund", "rückzahlung", "erstattung", "rückerstattung", "rembours", "reembolso",
                      "devolución", "rimborso"), SKIP, "refunds of your own purchases", sign=1, contains=True),
        Rule("type", ("reversal", "chargeback", "rückbuchung", "rétrofacturation", "contracargo", "storno",
                      "riaddebito"), INCOME, sign=1, contains=True),
    ),
    negative=SKIP,
    negative_reason="money you sent (purchases and payments out)",
)
