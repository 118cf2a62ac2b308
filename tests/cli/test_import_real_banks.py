"""Bank files beside a platform's own: the same money is not counted twice, whichever bank writes it.

A real ``python -m tenfold import`` process against a real data file, as in
test_import_real_files.py.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import IMPORTS, import_to_bank, process_env, read, run_tenfold


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return process_env(tmp_path, "2024-04-20")


@pytest.mark.parametrize("name", ["bank_nl_ing.csv", "bank_nl_ing_en.csv"])
def test_stripes_payout_in_an_ing_file_is_not_counted_again(tmp_path: Path, env: dict[str, str], name: str) -> None:
    """Stripe's balance history is in the ledger; ING's credit from Stripe Technology Europe is its payout.

    The Dutch bank profile was not among the files that list money arriving in an account: the payout was
    counted as income a second time.
    """
    db = tmp_path / "t.json"
    first = run_tenfold(db, env, "import", str(IMPORTS / "stripe_balance.csv"), "--stream", "Course",
                    "--create-streams", "passive", "--yes")
    assert first.returncode == 0, first.stderr
    done = import_to_bank(db, env, IMPORTS / name)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Stripe" in done.stdout and "312.40" in done.stdout.split("Skipped")[1]
    bank = [p for p in read(db).payments() if p.source == "bank-nl"]
    assert [p.amount for p in bank] == [1250]


def test_boursobank_credits_count_and_its_internal_transfers_do_not(tmp_path: Path, env: dict[str, str]) -> None:
    """BoursoBank (France): dateOp, label, category, amount as "1 250,00", the balance last.

    The file was refused: no profile knew dateOp or label.
    """
    db = tmp_path / "t.json"
    done = run_tenfold(db, env, "import", str(IMPORTS / "bank_fr_boursobank.csv"), "--stream", "Bank",
                   "--create-streams", "passive", "--currency", "EUR", "--yes")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "transfers between your own accounts: 1" in done.stdout
    assert "outgoing bank debits: 2" in done.stdout
    assert sorted(p.amount for p in read(db).payments()) == [Decimal("312.40"), Decimal("1250.00")]


def test_shopifys_orders_export_is_refused_with_the_file_that_holds_the_money(tmp_path: Path,
                                                                              env: dict[str, str]) -> None:
    """Shopify's orders export: what buyers paid with tax and shipping, before Shopify's fees and refunds.

    With --stream it was read as any sales file: 98.25 EUR counted where the payouts say far less.
    """
    db = tmp_path / "t.json"
    done = run_tenfold(db, env, "import", str(IMPORTS / "shopify_orders.csv"), "--stream", "Shop",
                   "--create-streams", "passive", "--yes")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "is Shopify's orders export" in done.stderr and "Payouts" in done.stderr
    assert not db.exists() or not read(db).payments()


def test_a_note_under_the_table_with_a_comma_in_it_is_not_a_broken_row(tmp_path: Path, env: dict[str, str]) -> None:
    """Lines under a bank's table: a total, and sentences whose commas split them into cells.

    "has 2 fields; the header has 4" stopped the whole import; a row with a date and an amount but too few
    fields is still a problem.
    """
    src = tmp_path / "statement.csv"
    rows = ("Date,Description,Amount,Balance", "03/01/2024,DEPOSIT ACME,1250.00,3250.00",
            "03/15/2024,RENT,-800.00,2450.00", "", "Total,,450.00,",
            "This statement was generated on 04/01/2024, please keep it for your records.")
    src.write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = tmp_path / "t.json"
    done = import_to_bank(db, env, src)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "lines without a date or amount (titles, notes): 1" in done.stdout
    assert [p.amount for p in read(db).payments()] == [Decimal("1250.00")]
    broken = tmp_path / "broken.csv"
    broken.write_text("\n".join((*rows[:3], "03/20/2024,312.40")) + "\n", encoding="utf-8")
    refused = import_to_bank(tmp_path / "u.json", env, broken)
    assert refused.returncode == 1 and "line 4: has 2 fields; the header has 4" in refused.stdout
