"""Files as banks and platforms really write them, through a real ``python -m tenfold import`` process.

Each case is a layout a user met that an earlier version read wrongly: the totals
are counted by hand from the file (what reached the user, per currency), and
the profile the header picks is checked where a look-alike once took it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from cli_support import IMPORTS, import_to_bank, process_env, read, run_tenfold


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return process_env(tmp_path, "2024-04-20")


def totals(db: Path) -> dict[str, Decimal]:
    store = read(db)
    streams = {s.id: s for s in store.streams()}
    out: defaultdict[str, Decimal] = defaultdict(Decimal)
    for p in store.payments():
        out[p.currency or streams[p.stream_id].currency] += p.amount
    return dict(out)


def test_a_bank_file_of_date_description_amount_skips_its_debits(tmp_path: Path, env: dict[str, str]) -> None:
    """Date, Description, Amount are AdSense's three columns too; a bank's rows are not AdSense's earnings.

    Read as AdSense, the two debits (-889.99) were counted against the credits as deductions.
    """
    db = tmp_path / "t.json"
    done = import_to_bank(db, env, IMPORTS / "bank_plain.csv")
    assert done.returncode == 0, done.stderr
    assert "(profile bank)" in done.stdout
    assert "outgoing bank debits: 2" in done.stdout
    assert totals(db) == {"USD": Decimal("1562.40")}


def test_a_bank_file_with_no_header_row_is_read_by_its_columns(tmp_path: Path, env: dict[str, str]) -> None:
    """Wells Fargo writes date, amount, ``*``, check number, description, and no header: the dates and the one
    column of amounts are found by their values; importing it again adds nothing.

    It was refused with its first row's values given as "the columns", and --map could not name any.
    """
    db = tmp_path / "t.json"
    args = ("import", str(IMPORTS / "bank_wellsfargo.csv"), "--stream", "Bank", "--create-streams", "passive",
            "--yes")
    done = run_tenfold(db, env, *args)
    assert done.returncode == 0, done.stderr
    assert "no header row" in done.stdout
    assert "date=Column 1, amount=Column 2, note=Column 5" in done.stdout
    assert "transfers between your own accounts: 1" in done.stdout
    assert totals(db) == {"USD": Decimal("4562.40")}
    again = run_tenfold(db, env, *args)
    assert again.returncode == 0, again.stderr
    assert "Nothing new to import" in again.stdout
    assert totals(db) == {"USD": Decimal("4562.40")}


def test_no_header_row_and_two_columns_of_amounts_asks_which(tmp_path: Path, env: dict[str, str]) -> None:
    """An amount and a running balance, unnamed: one line asks which is the amount; nothing is written."""
    src = tmp_path / "statement.csv"
    src.write_text("07/03/2024,CR FASTER PAYMENT ACME LTD,1250.00,3250.00\n"
                   "08/03/2024,DD BRITISH GAS,-89.50,3160.50\n"
                   "18/03/2024,CR STRIPE PAYMENTS UK,312.40,3472.90\n", encoding="utf-8")
    db = tmp_path / "t.json"
    refused = import_to_bank(db, env, src)
    assert refused.returncode == 1
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert "line 1: this file has no header row, and columns 3 and 4 both hold amounts" in refused.stderr
    assert "--map amount=N" in refused.stderr
    assert not db.exists()
    done = import_to_bank(db, env, src, "--map", "amount=3", "--currency", "GBP")
    assert done.returncode == 0, done.stderr
    assert totals(db) == {"GBP": Decimal("1562.40")}


@pytest.mark.parametrize("name", ["bank_nl_ing.csv", "bank_nl_ing_en.csv"])
def test_ing_netherlands_says_in_or_out_beside_an_unsigned_amount(tmp_path: Path, env: dict[str, str],
                                                                  name: str) -> None:
    """ING (NL) writes every amount without a sign and says Af/Bij (Debit/Credit) in a column of its own.

    The Dutch file was refused; the English one counted the 85.50 direct debit as income and skipped both
    clients' payments as transfers between the user's own accounts (their type is Transfer).
    """
    db = tmp_path / "t.json"
    done = import_to_bank(db, env, IMPORTS / name)
    assert done.returncode == 0, done.stderr
    assert "(profile bank-nl)" in done.stdout
    assert "outgoing bank debits: 1" in done.stdout
    assert totals(db) == {"EUR": Decimal("1562.40")}
    assert {p.on.isoformat() for p in read(db).payments()} == {"2024-03-01", "2024-03-15"}


def test_intesa_sanpaolo_workbook_books_credits_on_the_accounting_date(tmp_path: Path, env: dict[str, str]) -> None:
    """Intesa Sanpaolo's "Lista Movimenti": account details, then Data contabile, Data valuta, Descrizione,
    Accrediti, Addebiti. A credit booked on 29 March with value 2 April is March's income.

    The columns were not recognised at all (no Accrediti), and Data valuta was taken before Data contabile.
    """
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Lista Movimenti"
    sheet.append(["Intesa Sanpaolo"])
    sheet.append(["Conto", "", "", "100000012345"])
    sheet.append([])
    sheet.append(["Data contabile", "Data valuta", "Descrizione", "Accrediti", "Addebiti", "Descrizione estesa",
                  "Mezzo"])
    sheet.append([datetime(2024, 3, 1), datetime(2024, 3, 1), "Accredito bonifico istantaneo", 1250, None,
                  "Bonifico da Mario Rossi fattura 12", "Internet"])
    sheet.append([datetime(2024, 3, 4), datetime(2024, 3, 4), "Pagamento adue", None, -89.5, "Enel Energia", ""])
    sheet.append([datetime(2024, 3, 29), datetime(2024, 4, 2), "Accredito beu con contabile", 312.4, None,
                  "Stripe Payments Europe", ""])
    source = tmp_path / "Movimenti_Conto_20240401.xlsx"
    book.save(source)
    db = tmp_path / "t.json"
    done = import_to_bank(db, env, source)
    assert done.returncode == 0, done.stderr
    assert "date=Data contabile" in done.stdout
    assert totals(db) == {"EUR": Decimal("1562.40")}
    assert {p.on.isoformat() for p in read(db).payments()} == {"2024-03-01", "2024-03-29"}


def test_capital_one_360_says_debit_or_credit_beside_an_unsigned_amount(tmp_path: Path, env: dict[str, str]) -> None:
    """Capital One 360 checking: Transaction Amount has no sign; Transaction Type is Debit or Credit.

    Every row was counted as income: a card purchase, bills and a transfer to savings among them.
    """
    db = tmp_path / "t.json"
    done = import_to_bank(db, env, IMPORTS / "bank_us_capitalone360.csv")
    assert done.returncode == 0, done.stderr
    assert "outgoing bank debits: 3 (-467.73 USD)" in done.stdout
    assert "transfers between your own accounts: 1" in done.stdout
    assert totals(db) == {"USD": Decimal("1716.78")}
    assert sorted(p.on.isoformat() for p in read(db).payments()) == ["2024-03-15", "2024-03-26"]


def test_nationwide_transfers_from_others_are_income(tmp_path: Path, env: dict[str, str]) -> None:
    """Nationwide (UK): account details above the header, Windows-1252 pound signs, Paid out / Paid in, and
    "Transfer from" as the type of every faster payment received, a client's included.

    Every "Transfer from" was skipped as a transfer between the user's own accounts.
    """
    db = tmp_path / "t.json"
    done = import_to_bank(db, env, IMPORTS / "bank_uk_nationwide.csv")
    assert done.returncode == 0, done.stderr
    assert "header on line 5" in done.stdout
    assert "outgoing bank debits: 3 (-334.66 GBP)" in done.stdout
    assert totals(db) == {"GBP": Decimal("1862.40")}


@pytest.mark.parametrize("name", ["bank_n26.csv", "bank_n26_legacy.csv"])
def test_n26_counts_credits_not_spaces_or_card_payments(tmp_path: Path, env: dict[str, str], name: str) -> None:
    """N26, today's export (Booking Date, Partner Name, Amount (EUR)...) and the older one (Date, Payee...).

    Today's went to the any-CSV profile, which counted the rent and a card payment as refunds against
    income; the older one counted money moved from a Space (savings) to the main account as income.
    """
    db = tmp_path / "t.json"
    done = import_to_bank(db, env, IMPORTS / name)
    assert done.returncode == 0, done.stderr
    assert "(profile bank)" in done.stdout
    assert "transfers between your own accounts: 1" in done.stdout
    assert totals(db) == {"EUR": Decimal("1562.40")}


def test_negative_rows_of_a_file_no_profile_knows_are_asked_about(tmp_path: Path, env: dict[str, str]) -> None:
    """A file of dates, names and signed amounts that no bank profile knows: is -850.00 a refund or the rent?

    It went to the any-CSV profile, which counted the rent as a refund against income. Now it is asked,
    nothing is written, and either answer imports.
    """
    src = tmp_path / "export.csv"
    src.write_text("Value date,Party,Amount\n2024-03-01,Acme Verlag,1250.00\n2024-03-04,Vermieter,-850.00\n"
                   "2024-03-15,Acme GmbH,312.40\n", encoding="utf-8")
    db = tmp_path / "t.json"
    base = ("import", str(src), "--stream", "Bank", "--create-streams", "passive", "--currency", "EUR", "--yes")
    asked = run_tenfold(db, env, *base)
    assert asked.returncode == 1
    assert "line 3: -850.00 is negative" in asked.stdout
    assert "--profile bank" in asked.stdout and "--profile tenfold" in asked.stdout
    assert not db.exists() or not read(db).payments()
    as_bank = run_tenfold(db, env, *base, "--profile", "bank")
    assert as_bank.returncode == 0, as_bank.stderr
    assert totals(db) == {"EUR": Decimal("1562.40")}
    db.unlink()
    as_sales = run_tenfold(db, env, *base, "--profile", "tenfold")
    assert as_sales.returncode == 0, as_sales.stderr
    assert totals(db) == {"EUR": Decimal("712.40")}


def test_lloyds_day_first_dates_are_not_read_as_an_american_banks(tmp_path: Path, env: dict[str, str]) -> None:
    """Lloyds (UK): Transaction Date first, day first, Debit Amount and Credit Amount.

    Its Transaction Date made it a US bank's file, read month first: 15/03/2024 was "no month 15".
    """
    db = tmp_path / "t.json"
    done = run_tenfold(db, env, "import", str(IMPORTS / "bank_uk_lloyds.csv"), "--stream", "Bank", "--create-streams",
                   "passive", "--currency", "GBP", "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert totals(db) == {"GBP": Decimal("1562.40")}
    assert sorted(p.on.isoformat() for p in read(db).payments()) == ["2024-03-01", "2024-03-15"]


@pytest.mark.parametrize("name", ["card_us_chase.csv", "card_us_capitalone.csv"])
def test_a_credit_cards_download_holds_no_income(tmp_path: Path, env: dict[str, str], name: str) -> None:
    """Chase's and Capital One's card downloads: a payment to the card and a merchant's refund are credits,
    but neither is income. They were counted as income."""
    db = tmp_path / "t.json"
    done = run_tenfold(db, env, "import", str(IMPORTS / name), "--stream", "Card", "--create-streams", "passive",
                   "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "credit card lines (payments to the card, charges, refunds): 3" in done.stdout
    assert not db.exists() or not read(db).payments()


def test_a_sales_files_type_column_says_refund_and_payout(tmp_path: Path, env: dict[str, str]) -> None:
    """A shop's or studio's payments export: Type says Payment, Refund or Payout, amounts without a sign
    (Pixieset writes Payment or Refund in Type). A refund counts against income; a payout is not income.

    The Type column was not read: the refund was counted as income.
    """
    src = tmp_path / "payments.csv"
    src.write_text("Date,Client Name,Invoice #,Type,Amount,Currency\n"
                   "2024-03-02,Jane Smith,1005,Payment,450.00,USD\n"
                   "2024-03-09,Ann Lee,1006,Payment,120.00,USD\n"
                   "2024-03-12,Ann Lee,1006,Refund,40.00,USD\n"
                   "2024-03-20,,,Payout,530.00,USD\n", encoding="utf-8")
    db = tmp_path / "t.json"
    done = run_tenfold(db, env, "import", str(src), "--stream", "Studio", "--create-streams", "passive", "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "payouts to your bank: 1" in done.stdout
    assert totals(db) == {"USD": Decimal("530.00")}
    assert sorted(p.amount for p in read(db).payments()) == [Decimal("-40.00"), Decimal("120.00"), Decimal("450.00")]
