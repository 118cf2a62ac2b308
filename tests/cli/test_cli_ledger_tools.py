"""The ledger's command-line tools as a user runs them (real ``python -m tenfold`` processes).

``tenfold add rate``, ``tenfold report`` in every format and with rates,
``tenfold export --format csv|markdown`` and ``tenfold import`` with a column
mapping, duplicates and ``--dry-run``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import TODAY, read, seed


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    return {**clean, "TENFOLD_TODAY": TODAY, "XDG_STATE_HOME": str(tmp_path / "state"), "COLUMNS": "120"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seed(tmp_path / "tenfold.json")


def tenfold(db: Path, env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tenfold", "--db", str(db), *args],
        capture_output=True, text=True, env=env, timeout=60, check=False, input=stdin,
    )


def ok(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    return proc.stdout


def error_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    return lines[0]


# ----- rates and the report ---------------------------------------------------------


def test_a_rate_converts_the_report_and_is_named(db: Path, env: dict[str, str]) -> None:
    added = ok(tenfold(db, env, "add", "rate", "--from", "usd", "--to", "EUR", "--rate", "0.9", "--date", "2026-10-01"))
    assert added == "Added the rate 1 USD = 0.9 EUR (2026-10-01)\n"
    assert [(r.currency, r.to, r.rate) for r in read(db).rates()] == [("USD", "EUR", Decimal("0.9"))]
    doc = json.loads(ok(tenfold(db, env, "report", "--year", "2026", "--format", "json")))
    # October: 400 USD * 0.9 = 360.00 EUR (active); November: 12.50 EUR passive
    assert doc["totals"] == {"all": "372.50", "passive": "12.50", "passive_share": "0.0336", "not_converted": {},
                             "fees": None, "fees_not_converted": {}}
    assert doc["rates_used"] == ["1 USD = 0.9 EUR (2026-10-01)"]
    text = ok(tenfold(db, env, "report", "--year", "2026"))
    assert "Rates used: 1 USD = 0.9 EUR (2026-10-01)." in text
    assert "Income report, 2026 so far (recorded from 2026-10), in EUR" in text  # the first payment is of October


def test_report_lists_the_rates_entered(db: Path, env: dict[str, str]) -> None:
    ok(tenfold(db, env, "add", "rate", "--from", "EUR", "--to", "USD", "--rate", "1.08"))
    rows = list(csv.DictReader(io.StringIO(ok(tenfold(db, env, "report", "--rates", "--format", "csv")))))
    assert rows == [{"date": TODAY, "from": "EUR", "to": "USD", "rate": "1.08"}]
    assert f"│ {TODAY} │ 1 EUR = 1.08 USD │" in ok(tenfold(db, env, "report", "--rates"))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--from", "EUR", "--to", "eur", "--rate", "1"], "to: Choose a different currency"),
        (["--from", "EURO", "--to", "USD", "--rate", "1"], "from: 'EURO' is not a currency code"),
        (["--from", "EUR", "--to", "USD", "--rate", "-1"], "rate: "),
        (["--from", "EUR", "--to", "USD", "--rate", "1", "--date", "2026-02-30"], "date: 2026-02-30 is not a real"),
    ],
)
def test_a_bad_rate_is_one_line_and_saves_nothing(
    db: Path, env: dict[str, str], args: list[str], expected: str
) -> None:
    before = db.read_bytes()
    assert expected in error_line(tenfold(db, env, "add", "rate", *args))
    assert db.read_bytes() == before


def test_report_formats_for_one_stream(db: Path, env: dict[str, str]) -> None:
    md = ok(tenfold(db, env, "report", "--stream", "royalties", "--format", "markdown", "--month", "2026-11"))
    assert md.startswith("# Income report, 2026-11 so far (compared with 2026-10), in EUR\n")
    assert "| Royalties | passive | EUR | - | 12.50 | 100.0% |" in md
    assert "Consulting" not in md.split("## Income per month")[0]
    rows = list(csv.DictReader(io.StringIO(ok(tenfold(db, env, "report", "--format", "csv", "--month", "2026-11")))))
    assert [(r["month"], r["stream"], r["amount"]) for r in rows] == [
        ("2026-10", "Consulting", "400.00"), ("2026-10", "Royalties", "0.00"),
        ("2026-11", "Consulting", "0.00"), ("2026-11", "Royalties", "12.50")]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--stream", "Nope"], "stream: There is no stream called 'Nope'"),
        (["--year", "2030"], "year: 2030 has not begun yet"),
        (["--year", "26"], "year: '26' is not a year"),
        (["--month", "2026-01", "--year", "2026"], "month: Choose either a month or a year"),
        (["--currency", "euros"], "currency: 'euros' is not a currency code"),
    ],
)
def test_report_refusals_are_one_line(db: Path, env: dict[str, str], args: list[str], expected: str) -> None:
    assert expected in error_line(tenfold(db, env, "report", *args))


# ----- export and import -----------------------------------------------------------


def test_csv_export_imports_back_cleanly(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    ok(tenfold(db, env, "add", "payment", "--stream", "Royalties", "--amount", "3", "--note", 'a "quoted", note',
               "--customer", "Kobo", "--units", "4"))
    out = tmp_path / "payments.csv"
    assert ok(tenfold(db, env, "export", "--format", "csv", "-o", str(out))).startswith("Exported 3 payments")
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert rows[-1] == {"date": TODAY, "stream": "Royalties", "amount": "3.00", "currency": "EUR",
                        "note": 'a "quoted", note', "customer": "Kobo", "fee": "", "kind": "income", "refund of": "",
                        "id": rows[-1]["id"], "units": "4"}
    assert rows[-1]["id"].startswith("tenfold:~")
    # into the same ledger: every row is recognised by its id, nothing is added
    again = ok(tenfold(db, env, "import", str(out), "--yes"))
    assert "  already in the ledger (same transaction id): 3 (line 2, line 3, line 4)" in again
    assert again.endswith(f"Nothing new to import from {out}.\n")
    assert len(read(db).payments()) == 3
    # into a fresh ledger with the same streams: every payment arrives as it was
    fresh = tmp_path / "fresh.json"
    ok(tenfold(fresh, env, "add", "stream", "--name", "Royalties", "--kind", "passive"))
    ok(tenfold(fresh, env, "add", "stream", "--name", "Consulting", "--kind", "active", "--currency", "USD"))
    ok(tenfold(fresh, env, "import", str(out), "--yes"))
    def key(path: Path) -> set[tuple[date, str, Decimal, str, str, int | None]]:
        store = read(path)
        names = {s.id: s.name for s in store.streams()}
        return {(p.on, names[p.stream_id], p.amount, p.note, p.customer, p.units) for p in store.payments()}
    assert key(fresh) == key(db)
    assert sorted(p.units or 0 for p in read(fresh).payments()) == [0, 0, 4], "units go out and come back"


def test_markdown_export_has_every_section(db: Path, env: dict[str, str]) -> None:
    md = ok(tenfold(db, env, "export", "--format", "markdown"))
    for heading in ("## Written goal", "## Eight steps", "## Income streams", "## Exchange rates", "## Payments"):
        assert heading in md
    assert "| 2026-11-03 | Royalties | 12.50 EUR | October sales |  |" in md


BANK = (
    "Booking Date,Source,Amount,Memo,Client,Balance\n"
    "2026-11-05,Royalties,10.00,Kindle,Amazon,100\n"
    "2026-11-03,Royalties,12.50,October sales,,110\n"  # already in the ledger
    "2026-11-06,Royalties,10.00,Kindle,Amazon,120\n"
    "2026-11-05,Royalties,10.00,Kindle,Amazon,130\n"  # repeats line 2
)


def test_import_maps_columns_skips_duplicates_and_dry_runs(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    path.write_text(BANK, encoding="utf-8")
    before = db.read_bytes()
    dry = ok(tenfold(db, env, "import", str(path), "--dry-run", "--map", "stream=source"))
    assert db.read_bytes() == before
    assert "Columns: date=Booking Date, stream=Source, amount=Amount, customer=Client, note=Memo" in dry
    assert "  Royalties · EUR · 3 payments · 30.00 EUR" in dry  # line 5 is a second real sale, not line 2 again
    assert ("  already imported from tenfold (no transaction id; same date, stream, amount, customer and note): "
            "1 (line 3)") in dry
    assert dry.endswith("Dry run: nothing was imported.\n")
    done = ok(tenfold(db, env, "import", str(path), "--yes", "--map", "stream=source"))
    assert done.endswith(f"Imported 3 payments (30.00 EUR) from {path}\n")
    saved = [p for p in read(db).payments() if p.customer]
    assert sorted((p.on.day, p.customer, p.note) for p in saved) == [
        (5, "Amazon", "Kindle"), (5, "Amazon", "Kindle"), (6, "Amazon", "Kindle")]
    again = ok(tenfold(db, env, "import", str(path), "--yes", "--map", "stream=source"))
    assert "To add: 0 payments" in again  # the same file again: each row matches one payment it added


def test_import_without_a_stream_column_says_how_to_map_it(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "bank.csv"
    path.write_text("when,what,how much\n2026-11-05,Royalties,1\n", encoding="utf-8")
    line = error_line(tenfold(db, env, "import", str(path), "--yes"))
    assert "line 1: no profile recognises these columns: when, what, how much" in line
    assert "--map date=COLUMN --map amount=COLUMN and give --stream NAME" in line
    mapped = ok(tenfold(db, env, "import", str(path), "--yes",
                        "--map", "date=When", "--map", "stream=what", "--map", "amount=How Much"))
    assert "\nImported 1 payment (1.00 EUR)" in mapped


@pytest.mark.parametrize(
    ("maps", "expected"),
    [
        (["price=Amount"], "--map: 'price' is not a field"),
        (["amount"], "--map: 'amount' is not FIELD=COLUMN"),
        (["amount=Nope"], "there is no column 'Nope' for amount"),
    ],
)
def test_bad_mappings_are_one_line(
    db: Path, env: dict[str, str], tmp_path: Path, maps: list[str], expected: str
) -> None:
    path = tmp_path / "p.csv"
    path.write_text("date,stream,amount\n2026-11-05,Royalties,1\n", encoding="utf-8")
    before = db.read_bytes()
    args = [a for m in maps for a in ("--map", m)]
    assert expected in error_line(tenfold(db, env, "import", str(path), "--yes", *args))
    assert db.read_bytes() == before


def test_a_malformed_file_names_its_lines_and_imports_nothing(db: Path, env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("date,stream,amount,currency\n2026-11-05,Royalties,1,EUR\n2026-11-06,Royalties,2,USD\n"
                    "2026-13-01,Royalties,3,\n2026-11-07,Royalties,4,EURO\n", encoding="utf-8")
    before = db.read_bytes()
    result = tenfold(db, env, "import", str(path), "--yes")
    assert "nothing imported: 2 problems (listed above)" in error_line(result)
    assert "  line 4: date: '2026-13-01' has no month 13\n" in result.stdout
    assert "  line 5: currency: 'EURO' is not a currency code\n" in result.stdout
    assert "line 3:" not in result.stdout  # a USD payment in a EUR stream keeps its own currency
    assert db.read_bytes() == before
