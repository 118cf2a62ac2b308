"""Every profile end to end: a real ``python -m tenfold import FILE --yes --create-streams passive`` process.

The sample files in ``tests/fixtures/imports/`` follow the sources' public
layouts (preambles, refunds, fees, payouts, pending rows, conversions, several
currencies). The totals below were counted by hand from each file, as a careful
user would: what reached the seller, per stream and currency.
"""

from __future__ import annotations

import subprocess
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import process_env, read, run_tenfold

from tenfold.store.store import Store

IMPORTS = Path(__file__).parent.parent / "fixtures" / "imports"

D = Decimal
EXPECTED: dict[str, tuple[tuple[str, ...], dict[tuple[str, str], Decimal], dict[str, int]]] = {
    # file: (extra options, {(stream, currency): total}, {skip reason: rows})
    "paypal.csv": ((), {("Sourdough Guide", "USD"): D("-0.49"), ("Sourdough Guide", "EUR"): D("19.01"),
                        ("Bread Club", "USD"): D("8.24"), ("PayPal", "USD"): D("1206.20")},
                   {"currency conversions": 2, "pending, denied or failed": 2,
                    "payouts and transfers to or from your bank": 1, "holds and authorisations": 1,
                    "money you sent (purchases and payments out)": 1}),
    "paypal_fr.csv": ((), {("Guide du levain", "EUR"): D("-0.50"), ("PayPal", "EUR"): D("1206.85"),
                           ("Club du pain", "EUR"): D("8.38")},
                      {"currency conversions": 2, "pending, denied or failed": 1,
                       "payouts and transfers to or from your bank": 1, "holds and authorisations": 1,
                       "money you sent (purchases and payments out)": 1, "memo rows (no change to the balance)": 1}),
    "stripe_balance.csv": (("--stream", "Course"), {("Course", "USD"): D("1208.46"), ("Course", "EUR"): D("-16.14")},
                           {"payouts and transfers to your bank": 1}),
    "stripe_payouts.csv": (("--stream", "Stripe"), {("Stripe", "USD"): D("1846.55"), ("Stripe", "EUR"): D("310.25")},
                           {"pending or in transit": 1, "failed or canceled": 1}),
    "stripe_payments.csv": (("--stream", "Course"), {("Course", "USD"): D("92.74")},
                            {"failed, canceled or pending payments": 1}),
    "bank_de_comdirect.csv": (("--stream", "Rent and fees"), {("Rent and fees", "EUR"): D("2280.00")},
                              {"pending bookings": 1, "outgoing bank debits": 1, "totals and balance lines": 1}),
    "gumroad_sales.csv": ((), {("Sourdough Guide", "USD"): D("56.00"), ("Starter Kit Video", "USD"): D("0.00")},
                          {"pre-order authorisations (not charged yet)": 1, "zero amounts": 1}),
    "kdp_royalties.xlsx": ((), {("Sourdough at Home", "USD"): D("74.19"), ("Sourdough at Home", "GBP"): D("18.34"),
                                ("Sourdough at Home", "EUR"): D("9.10"), ("Bread Basics", "USD"): D("4.19")},
                           {"zero amounts": 1, "totals and balance lines": 1}),
    "kdp_royalties.csv": ((), {("Sourdough at Home", "USD"): D("55.44"), ("Sourdough at Home", "GBP"): D("13.02"),
                               ("Sourdough at Home", "EUR"): D("9.10"), ("Sourdough at Home", "CAD"): D("2.72"),
                               ("Bread Basics", "USD"): D("4.19")},
                          {"zero amounts": 1, "totals and balance lines": 1}),
    "patreon_earnings.csv": (("--stream", "Bakery Patreon"), {("Bakery Patreon", "USD"): D("1161.18")}, {}),
    "youtube_table.csv": (("--stream", "Channel"), {("Channel", "USD"): D("19.19")}, {"totals and balance lines": 1}),
    "adsense_transactions.csv": (("--stream", "Blog ads"), {("Blog ads", "USD"): D("1324.88")},
                                 {"payments to your bank": 2, "tax withheld": 1}),
    "etsy_statement.csv": (("--stream", "Etsy shop"), {("Etsy shop", "USD"): D("28.06")},
                           {"sales tax collected for the tax office": 1, "deposits and transfers to your bank": 1}),
    "kofi_transactions.csv": ((), {("Ko-fi", "USD"): D("13.00"), ("Printable Bread Calendar", "GBP"): D("0.00")}, {}),
    "lemonsqueezy_orders.csv": ((), {("Bread Timer App", "USD"): D("19.00"), ("Recipe Pack", "USD"): D("20.00")},
                                {"pending, failed or void": 1}),
    "bank_de_dkb.csv": (("--stream", "Royalties and rent"), {("Royalties and rent", "EUR"): D("2442.46")},
                        {"outgoing bank debits": 2, "transfers between your own accounts": 1,
                         "totals and balance lines": 1}),
    "bank_de_sparkasse.csv": (("--stream", "Articles"), {("Articles", "EUR"): D("1270.00")},
                              {"outgoing bank debits": 1, "pending bookings": 1}),
    "bank_camt053.xml": (("--stream", "Bank"), {("Bank", "EUR"): D("1253.56")},
                         {"outgoing bank debits": 1, "pending or declined transactions": 1}),
    "bank_download.qif": (("--stream", "Bank"), {("Bank", "USD"): D("1276.25")},
                          {"outgoing bank debits": 1, "transfers between your own accounts": 1}),
    # German subfields and Dutch keywords in one MT940 file; a returned direct debit is the user's own money.
    "bank_statement.sta": (("--stream", "Bank"), {("Bank", "EUR"): D("1274.99")},
                           {"outgoing bank debits": 2, "debits returned to you (your own money back)": 1}),
    "bank_statement.ofx": (("--stream", "Bank"), {("Bank", "USD"): D("1563.47")},
                           {"credit card lines (payments to the card, charges, refunds)": 2,
                            "outgoing bank debits": 1}),
    "bank_us_chase.csv": (("--stream", "Checking"), {("Checking", "USD"): D("2124.80")},
                          {"outgoing bank debits": 2, "transfers between your own accounts": 1}),
    "bank_us_debit_credit.csv": (("--stream", "Checking"), {("Checking", "USD"): D("208.40")},
                                 {"outgoing bank debits": 1, "pending or declined transactions": 1}),
    "revolut.csv": (("--stream", "Clients"), {("Clients", "EUR"): D("207.62"), ("Clients", "USD"): D("249.00")},
                    {"your own money: top-ups, pockets, vaults": 3, "pending, reverted or declined": 2,
                     "card refunds and cashback (money back, not income)": 2,
                     "exchanges between your own balances": 2, "money out": 1}),
    "revolut_business.csv": (("--stream", "Clients"), {("Clients", "EUR"): D("1248.80")},
                             {"exchanges between your own balances": 2, "money out": 1,
                              "pending, reverted or declined": 1}),
    "wise_statement.csv": (("--stream", "Clients"), {("Clients", "EUR"): D("1199.00"), ("Clients", "USD"): D("350.00")},
                           {"your own money: conversions, top-ups, jars": 3, "money sent": 2,
                            "cashback (money back, not income)": 1}),
    "wise_history.csv": (("--stream", "Clients"), {("Clients", "EUR"): D("1199.00"), ("Clients", "USD"): D("350.00")},
                         {"money sent": 1, "conversions between your own balances": 1, "cancelled or refunded": 1}),
    "distrokid.tsv": ((), {("Quiet Harbour", "USD"): D("11.86"), ("Low Tide", "USD"): D("0.01")}, {}),
    "monzo.csv": (("--stream", "Rent"), {("Rent", "GBP"): D("1370.50")},
                  {"transfers between your own accounts": 2, "outgoing bank debits": 1}),
    # Each order's rows (charge, Google's fee, tax Google pays, and their refunds) add up to what was paid out.
    "googleplay_earnings.csv": ((), {("Sourdough Timer Pro", "EUR"): D("3.91"),
                                     ("Unlock all recipes (Bread Recipes)", "EUR"): D("2.12")},
                                {"tax collected for you to pay to the tax office": 1}),
    "appstore_financial.txt": ((), {("Sourdough Timer Pro", "USD"): D("13.86"),
                                    ("Sourdough Timer Pro", "EUR"): D("3.54"),
                                    ("Unlock all recipes", "USD"): D("6.95")},
                               {"totals and balance lines": 3}),
    # The instructor's share in dollars, never the price paid in the student's currency; a refund takes it back.
    "udemy_revenue.csv": ((), {("Sourdough from Scratch", "USD"): D("12.21")}, {}),
    # Month-first dates with a two-digit year and a time; the net amount after Bandcamp's share and the fee.
    "bandcamp_sales.csv": ((), {("Low Tide", "USD"): D("8.50"), ("Harbour Lights", "USD"): D("0.85")}, {}),
    # Reservations net of the host fee and a damage payout, less a guest's refund; the payout to the bank skipped.
    "airbnb_transactions.csv": ((), {("Cozy Loft by the Bakery", "USD"): D("714.40")}, {"payouts to your bank": 1}),
    # The affiliate's ad fees, not the buyers' revenue; a return takes its fee back.
    "associates_earnings.csv": ((), {("Amazon Associates", "USD"): D("0.08")}, {}),
}

PICKED = {
    "revolut.csv": "revolut", "revolut_business.csv": "revolut", "wise_statement.csv": "wise",
    "wise_history.csv": "wise-history", "monzo.csv": "bank", "adsense_transactions.csv": "adsense",
    "bank_us_chase.csv": "bank-us", "bank_de_dkb.csv": "bank-de", "stripe_balance.csv": "stripe",
    "distrokid.tsv": "distrokid", "bank_statement.ofx": "bank",
    "bank_camt053.xml": "bank", "bank_download.qif": "bank", "paypal_fr.csv": "paypal", "bank_statement.sta": "bank",
    "googleplay_earnings.csv": "googleplay", "appstore_financial.txt": "appstore", "udemy_revenue.csv": "udemy",
    "bandcamp_sales.csv": "bandcamp", "airbnb_transactions.csv": "airbnb", "associates_earnings.csv": "associates",
}
"""Which profile a file's header picks. A wide bank file (Monzo's 18 columns) once went to AdSense, whose
three required names (Date, Description, Amount) it also has, and counted every debit as an adjustment. Google
Play's earnings report went to the US bank profile, which added buyers' currencies and tax rows up as dollars;
Bandcamp's sales report went to Gumroad's; Airbnb's history to a bank's, which skipped a guest's refund as a debit."""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return process_env(tmp_path, "2024-04-20")


def tenfold(db: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run_tenfold(db, env, *args)


def totals(db: Path) -> dict[tuple[str, str], Decimal]:
    """What the data file holds per stream and currency."""
    store = read(db)
    names = {s.id: s for s in store.streams()}
    out: defaultdict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for p in store.payments():
        out[(names[p.stream_id].name, p.currency or names[p.stream_id].currency)] += p.amount
    store.close()
    return dict(out)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_imports_to_the_hand_counted_totals(tmp_path: Path, env: dict[str, str], name: str) -> None:
    extra, expected, skipped = EXPECTED[name]
    db = tmp_path / "tenfold.json"
    Store.open(db, today=lambda: date(2024, 4, 20)).close()
    result = tenfold(db, env, "import", str(IMPORTS / name), "--yes", "--create-streams", "passive", *extra)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert totals(db) == expected
    for reason, rows in skipped.items():
        assert f"  {reason}: {rows}" in result.stdout, result.stdout
    assert "Problems: none" in result.stdout
    again = tenfold(db, env, "import", str(IMPORTS / name), "--yes", "--create-streams", "passive", *extra)
    assert again.returncode == 0, again.stderr
    assert "To add: 0 payments" in again.stdout and "Nothing new to import" in again.stdout
    assert totals(db) == expected  # the same file twice adds nothing: every row is recognised


@pytest.mark.parametrize("name", sorted(PICKED))
def test_each_file_picks_the_profile_that_explains_it(tmp_path: Path, env: dict[str, str], name: str) -> None:
    db = tmp_path / "tenfold.json"
    Store.open(db).close()
    result = tenfold(db, env, "import", str(IMPORTS / name), "--dry-run", "--stream", "Any")
    assert f"(profile {PICKED[name]})" in result.stdout.splitlines()[0], result.stdout + result.stderr


def test_the_preview_accounts_for_every_row(tmp_path: Path, env: dict[str, str]) -> None:
    db = tmp_path / "tenfold.json"
    Store.open(db).close()
    result = tenfold(db, env, "import", str(IMPORTS / "paypal.csv"), "--dry-run", "--create-streams", "passive")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith("PayPal activity download (profile paypal) · UTF-8, comma-separated · header on line 1")
    assert "Rows read: 12" in lines
    assert "  Sourdough Guide · USD · 2 payments · -0.49 USD (1 refund -24.27; fees kept by the platform 0.49)" in lines
    assert "New streams, to be created as passive: Sourdough Guide (EUR), Bread Club (USD), PayPal (USD)" in lines
    assert "  currency conversions: 2 (-19.01 EUR, +20.52 USD)" in lines
    assert lines[-2:] == ["Total to add: 19.01 EUR + 1,213.95 USD", "Dry run: nothing was imported."]
    assert read(db).payments() == []


def test_units_come_from_the_sources_that_give_them_and_never_on_a_refund(tmp_path: Path,
                                                                           env: dict[str, str]) -> None:
    """KDP's net units sold, Gumroad's and PayPal's quantity; a file without such a column writes no key."""
    import orjson

    units: dict[str, list[tuple[str, int | None, bool]]] = {}
    for name in ("kdp_royalties.csv", "gumroad_sales.csv", "paypal.csv", "stripe_payments.csv"):
        db = tmp_path / f"{name}.json"
        Store.open(db, today=lambda: date(2024, 4, 20)).close()
        result = tenfold(db, env, "import", str(IMPORTS / name), "--yes", "--create-streams", "passive")
        assert result.returncode == 0, result.stderr
        docs = orjson.loads(db.read_bytes())["payments"].values()
        units[name] = [(d["amount"], d.get("units"), d.get("refund", False)) for d in docs]
        if name == "stripe_payments.csv":
            assert all("units" not in d for d in docs), "no key where the source gives no units"
    assert [u for _a, u, _r in units["kdp_royalties.csv"]] == [12, 3, 2, 4, 1, 1], "free promotions are skipped"
    assert units["gumroad_sales.csv"] == [("22.00", 1, False), ("22.00", 1, False), ("35.70", 1, False),
                                          ("-35.70", None, True), ("22.00", 1, False), ("-10.00", None, True)]
    assert all(u is None for _a, u, refund in units["paypal.csv"] if refund)
    assert [u for _a, u, _r in units["paypal.csv"]].count(1) == 3


def empty_ledger(tmp_path: Path) -> Path:
    """A new data file, dated as the sample files expect."""
    db = tmp_path / "tenfold.json"
    Store.open(db, today=lambda: date(2024, 4, 20)).close()
    return db


def imported(db: Path, env: dict[str, str], source: Path, *args: str) -> str:
    """What ``tenfold import SOURCE --yes ARGS`` printed; it must have succeeded."""
    result = tenfold(db, env, "import", str(source), "--yes", *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_french_bank_file_is_read_by_its_own_column_names(tmp_path: Path, env: dict[str, str]) -> None:
    """Libellé, Montant and Solde: a French bank's Description, Amount, Balance; 1 234,56 with a no-break space."""
    path = tmp_path / "releve.csv"
    path.write_text("Date;Libellé;Montant;Solde\n"
                    "03/03/2024;VIR SEPA RECU /DE ACME EDITIONS;1\u00a0234,56;2\u00a0000,00\n"
                    "05/03/2024;PRLV SEPA EDF;-85,20;1\u00a0914,80\n"
                    "15/03/2024;VIR SEPA RECU /DE JEAN DUPONT;650,00;2\u00a0564,80\n", encoding="utf-8")
    db = empty_ledger(tmp_path)
    shown = imported(db, env, path, "--create-streams", "passive", "--stream", "Droits")
    assert "(profile bank)" in shown and "  outgoing bank debits: 1" in shown
    assert totals(db) == {("Droits", "EUR"): D("1884.56")}


def test_wise_statement_and_history_are_one_account(tmp_path: Path, env: dict[str, str]) -> None:
    """Both of Wise's exports name a transfer by the same id: the second file adds none of the first's."""
    db = empty_ledger(tmp_path)
    imported(db, env, IMPORTS / "wise_statement.csv", "--create-streams", "active", "--stream", "Clients")
    second = imported(db, env, IMPORTS / "wise_history.csv", "--stream", "Clients")
    assert "To add: 0 payments" in second
    assert "  already in the ledger (same transaction id): 2 (line 2, line 5)" in second
    assert totals(db) == {("Clients", "EUR"): D("1199.00"), ("Clients", "USD"): D("350.00")}


def test_distrokid_lines_worth_fractions_of_a_cent_are_added_up_before_rounding(tmp_path: Path,
                                                                               env: dict[str, str]) -> None:
    """One by one, five of the six lines of 'Quiet Harbour' on 2024-03-05 round to 0.00 or lose their part."""
    import orjson

    db = empty_ledger(tmp_path)
    shown = imported(db, env, IMPORTS / "distrokid.tsv", "--create-streams", "passive")
    assert "  amounts below the currency's smallest unit: 1" in shown  # Low Tide's 0.0029 on 2024-04-04
    docs = sorted(orjson.loads(db.read_bytes())["payments"].values(), key=lambda d: (d["on"], d["amount"]))
    assert [(d["on"], d["amount"], d.get("units"), d["note"]) for d in docs] == [
        ("2024-03-05", "0.01", 3, "2 report lines: Spotify, Deezer"),
        ("2024-03-05", "5.97", 1582, "6 report lines: Spotify, Apple Music, YouTube (Ads) +2 more"),
        ("2024-04-04", "5.89", 1789, "2 report lines: Spotify, Amazon Unlimited"),
    ]


def test_youtube_videos_of_one_day_sent_to_one_stream_are_added_up_before_rounding(tmp_path: Path,
                                                                                   env: dict[str, str]) -> None:
    """0.004 + 0.004 + 0.004 + 0.009 is 0.021, so 0.02; rounded one by one it was 0.01."""
    path = tmp_path / "Table data.csv"
    path.write_text("Date,Content,Video title,Your estimated revenue (USD)\nTotal,,,0.021\n"
                    "2024-03-01,abc,Intro,0.004\n2024-03-01,def,Bread 101,0.004\n2024-03-01,ghi,Starter,0.004\n"
                    "2024-03-01,jkl,Oven,0.009\n", encoding="utf-8")
    db = empty_ledger(tmp_path)
    imported(db, env, path, "--create-streams", "passive", "--stream", "Channel")
    assert totals(db) == {("Channel", "USD"): D("0.02")}


def test_a_plain_sales_csv_names_its_streams_by_product(tmp_path: Path, env: dict[str, str]) -> None:
    """Date, Product, Amount: what a small shop's own spreadsheet writes; each product is a stream."""
    path = tmp_path / "sales.csv"
    path.write_text("Date,Product,Amount\n2024-03-01,Sourdough course,49.00\n2024-03-02,Starter kit,19.50\n"
                    "2024-03-09,Sourdough course,49.00\n2024-03-10,Sourdough course,-49.00\n", encoding="utf-8")
    db = empty_ledger(tmp_path)
    shown = imported(db, env, path, "--create-streams", "passive")
    assert "(profile tenfold)" in shown and "stream=Product" in shown
    assert totals(db) == {("Sourdough course", "EUR"): D("49.00"), ("Starter kit", "EUR"): D("19.50")}


def test_a_sales_csv_with_a_status_counts_only_the_money_received(tmp_path: Path, env: dict[str, str]) -> None:
    """A course platform's export (purchased at, net earnings, status): a refunded sale and a failed charge are
    not income; each is skipped and said, and the sale price beside the net gives the platform's fee."""
    path = tmp_path / "transactions.csv"
    path.write_text(
        "Transaction ID,Purchased At,Product,Customer Email,Sale Price,Net Earnings,Currency,Status\n"
        "tx_1,2024-03-02 10:00:00 UTC,Masterclass,ann@example.com,99.00,95.83,USD,Paid\n"
        "tx_2,2024-03-08 12:30:00 UTC,Masterclass,ben@example.com,79.00,76.41,USD,Refunded\n"
        "tx_3,2024-03-09 08:00:00 UTC,Masterclass,cy@example.com,99.00,95.83,USD,Failed\n"
        "tx_4,2024-03-11 09:15:00 UTC,Starter Guide,di@example.com,19.00,18.15,USD,paid\n", encoding="utf-8")
    db = empty_ledger(tmp_path)
    shown = imported(db, env, path, "--create-streams", "passive")
    assert "(profile tenfold)" in shown and "amount=Net Earnings, gross=Sale Price" in shown
    assert "  refunded in full (the sale and its refund cancel out): 1 (+76.41 USD)" in shown
    assert "  pending, failed or canceled: 1 (+95.83 USD)" in shown
    assert totals(db) == {("Masterclass", "USD"): D("95.83"), ("Starter Guide", "USD"): D("18.15")}


def test_a_net_column_beside_the_amount_is_what_is_counted(tmp_path: Path, env: dict[str, str]) -> None:
    """Amount, Fee, Net (as Shopify's transactions write them): the amount is the gross, the net reached you."""
    path = tmp_path / "transactions.csv"
    path.write_text("Transaction Date,Type,Order,Amount,Fee,Net,Currency\n"
                    "2024-03-01 10:22:11 -0400,charge,#1001,50.00,1.75,48.25,USD\n"
                    "2024-03-02 12:00:00 -0400,charge,#1002,30.00,1.17,28.83,USD\n"
                    "2024-03-05 09:00:00 -0400,refund,#1001,-50.00,0.00,-50.00,USD\n", encoding="utf-8")
    db = empty_ledger(tmp_path)
    shown = imported(db, env, path, "--create-streams", "passive", "--stream", "Shop")
    assert "amount=Net, gross=Amount, fee=Fee" in shown
    assert totals(db) == {("Shop", "USD"): D("27.08")}
    store = read(db)
    assert sorted(p.fee for p in store.payments() if p.fee is not None) == [D("1.17"), D("1.75")]
    store.close()


def test_fees_given_back_on_a_refund_are_said_so(tmp_path: Path, env: dict[str, str]) -> None:
    """Etsy returns part of its fee with a refund: the preview says given back, not 'kept ... -0.78'."""
    path = tmp_path / "etsy_statement_2024_3.csv"
    path.write_text("Date,Type,Title,Info,Currency,Amount,Fees & Taxes,Net,Tax Details\n"
                    '"March 12, 2024",Sale,"Payment for Order #3011000001",,CAD,CA$12.00,--,CA$12.00,--\n'
                    '"March 20, 2024",Refund,"Refund to buyer for Order #3011000001",,CAD,-CA$12.00,CA$0.78,'
                    "-CA$11.22,--\n", encoding="utf-8")
    db = empty_ledger(tmp_path)
    shown = imported(db, env, path, "--create-streams", "passive", "--stream", "Patterns")
    assert "Patterns · CAD · 2 payments · 0.78 CAD (1 refund -11.22; fees given back by the platform 0.78)" in shown
    assert "kept by the platform" not in shown


def test_a_google_play_order_is_one_payment_with_its_fee_and_only_a_refund_names_its_order(
        tmp_path: Path, env: dict[str, str]) -> None:
    """Google Play writes an order as several rows sharing its number: the charge, Google's fee, tax Google pays;
    a refund, the fee and tax given back. Each day's rows of an order are one payment, the fee beside it (a
    buyer's purchase is one sale, not three payments), and only refunds name the order they give back."""
    db = empty_ledger(tmp_path)
    imported(db, env, IMPORTS / "googleplay_earnings.csv", "--create-streams", "passive")
    store = read(db)
    got = sorted((p.on.isoformat(), str(p.amount), str(p.fee), p.refund, p.refund_of) for p in store.payments())
    store.close()
    assert got == [("2024-03-02", "3.90", "0.69", False, ""),  # 4.59 charged, Google's fee 0.69
                   ("2024-03-03", "3.56", "0.63", False, ""),  # 4.99 charged, fee 0.63, VAT Google pays 0.80
                   ("2024-03-10", "2.12", "0.37", False, ""),
                   ("2024-03-12", "3.91", "0.69", False, ""),  # the tax collected to pay oneself is skipped
                   ("2024-03-20", "-3.90", "-0.69", True, "GPA.3381-2219-0417-51120"),
                   ("2024-03-25", "-3.56", "-0.63", True, "GPA.3329-7754-1180-22814")]


def test_an_app_store_month_is_one_payment_per_product_and_currency_with_its_units(tmp_path: Path,
                                                                                  env: dict[str, str]) -> None:
    db = empty_ledger(tmp_path)
    imported(db, env, IMPORTS / "appstore_financial.txt", "--create-streams", "passive")
    store = read(db)
    names = {s.id: s.name for s in store.streams()}
    got = sorted((names[p.stream_id], p.on.isoformat(), str(p.amount), p.units, p.refund) for p in store.payments())
    store.close()
    assert got == [("Sourdough Timer Pro", "2024-03-30", "-0.69", None, True),
                   ("Sourdough Timer Pro", "2024-03-30", "14.55", 15, False),
                   ("Sourdough Timer Pro", "2024-03-30", "3.54", 6, False),
                   ("Unlock all recipes", "2024-03-30", "6.95", 5, False)]


@pytest.mark.parametrize(("name", "text", "said"), [
    ("EtsySoldOrders2024-3.csv",
     "Sale Date,Order ID,Buyer User ID,Full Name,Number of Items,Currency,Order Value,Order Total,Status,"
     "Card Processing Fees,Order Net,Adjusted Order Total,Adjusted Card Processing Fees,Adjusted Net Order Amount\n"
     "03/02/24,3210987654,annb,Ann B,1,USD,24.00,30.85,Completed,1.18,27.32,,,\n",
     "is Etsy's sold orders file, which leaves out Etsy's own fees; import the monthly statement"),
    ("salesreport_202403.csv",
     "Order Number,Order Charged Date,Order Charged Timestamp,Financial Status,Device Model,Product Title,"
     "Product ID,Product Type,SKU ID,Currency of Sale,Item Price,Taxes Collected,Charged Amount\n"
     "GPA.1,2024-03-02,1709370000,Charged,phone,Timer,com.x,paidapp,,EUR,4.19,0.80,4.99\n",
     "is Google Play's sales report (what buyers were charged, before Google's fee); import the earnings report"),
    ("S_D_80012345_20240304.txt",
     "Provider\tProvider Country\tSKU\tDeveloper\tTitle\tVersion\tProduct Type Identifier\tUnits\t"
     "Developer Proceeds\tBegin Date\tEnd Date\tCustomer Currency\n"
     "APPLE\tUS\tcom.bakery.timer\tBakery Labs\tTimer\t1.2\t1F\t3\t0.69\t03/04/2024\t03/04/2024\tUSD\n",
     "is the App Store's Sales and Trends report (estimates, before returns and adjustments); import the "
     "financial report"),
])
def test_a_platform_file_without_the_money_names_the_one_with_it(tmp_path: Path, env: dict[str, str], name: str,
                                                                 text: str, said: str) -> None:
    """Orders and estimates count money the seller never received: refused, with the download that has it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "tenfold.json"
    Store.open(db).close()
    before = db.read_bytes()
    result = tenfold(db, env, "import", str(path), "--yes", "--create-streams", "passive")
    assert result.returncode != 0 and result.stdout == ""
    assert f"tenfold: {path}: nothing imported: line 1: {said}" in result.stderr, result.stderr
    assert db.read_bytes() == before


def test_a_platforms_payouts_in_a_bank_file_are_not_counted_again_once_its_own_file_is_in(
        tmp_path: Path, env: dict[str, str]) -> None:
    """PayPal's sales imported from PayPal's file, then the bank's statement: PayPal's transfers among its
    credits are the same money, skipped and said; the rest of the bank's credits count. Without PayPal's file
    in the ledger, the same bank credit is income like any other."""
    bank = tmp_path / "checking.csv"
    bank.write_text("Details,Posting Date,Description,Amount,Type,Balance\n"
                    "CREDIT,03/15/2024,PAYPAL TRANSFER PPD ID: PAYPALSD11,1000.00,ACH_CREDIT,6000.00\n"
                    "CREDIT,03/18/2024,ACME PUBLISHING ROYALTY PPD ID: 1234567890,412.50,ACH_CREDIT,6412.50\n"
                    "CREDIT,03/20/2024,APPLEWOOD RENTALS RENT MARCH,900.00,ACH_CREDIT,7312.50\n", encoding="utf-8")
    db = empty_ledger(tmp_path)
    imported(db, env, IMPORTS / "paypal.csv", "--create-streams", "passive")
    imported(db, env, IMPORTS / "appstore_financial.txt", "--create-streams", "passive")
    shown = imported(db, env, bank, "--stream", "Checking", "--create-streams", "passive")
    assert ("  payouts from PayPal, whose own file you imported (its sales are counted from it): 1 (+1,000.00 USD)"
            in shown), shown
    assert totals(db)[("Checking", "USD")] == D("1312.50")  # Applewood is not Apple: whole words only
    alone = tmp_path / "alone"
    alone.mkdir()
    db = empty_ledger(alone)
    imported(db, env, bank, "--stream", "Checking", "--create-streams", "passive")
    assert totals(db) == {("Checking", "USD"): D("2312.50")}


def test_a_platforms_file_after_the_bank_warns_of_the_payouts_already_counted(tmp_path: Path,
                                                                              env: dict[str, str]) -> None:
    """The bank's file first (PayPal's transfer counted as income), then PayPal's: nothing saved is touched, and
    the preview warns that the bank's PayPal credits may be the same money."""
    bank = tmp_path / "checking.csv"
    bank.write_text("Details,Posting Date,Description,Amount,Type,Balance\n"
                    "CREDIT,03/15/2024,PAYPAL TRANSFER PPD ID: PAYPALSD11,1000.00,ACH_CREDIT,6000.00\n"
                    "CREDIT,03/18/2024,ACME PUBLISHING ROYALTY,412.50,ACH_CREDIT,6412.50\n", encoding="utf-8")
    db = empty_ledger(tmp_path)
    imported(db, env, bank, "--stream", "Checking", "--create-streams", "passive")
    shown = imported(db, env, IMPORTS / "paypal.csv", "--create-streams", "passive")
    assert ("Warning: 1 payment imported from a bank file names PayPal (1,000.00 USD): if it is PayPal's payouts, "
            "this file counts the same money again; delete it, or keep one of the two files") in shown, shown
    assert totals(db)[("Checking", "USD")] == D("1412.50")
