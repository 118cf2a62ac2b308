"""``tenfold export --format ledger``: a journal hledger and ledger-cli read with Tenfold's own totals.

The journal is parsed back here and every month of every stream is compared with
:func:`tenfold.reports.build.build_report` (what ``tenfold report`` prints), to the cent.
Where hledger or ledger-cli is installed, the same comparison runs on their output;
without them those tests skip, so CI does not depend on either tool.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from collections import defaultdict
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import invoke
from hypothesis import given
from hypothesis import strategies as st
from oracles import aggregate

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.exchange.document import RECEIVED_ACCOUNT, journal_accounts, journal_text
from tenfold.reports.aggregate import Month, month_period
from tenfold.reports.build import build_report
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)
HLEDGER = shutil.which("hledger")
LEDGER = shutil.which("ledger")

# Names and notes chosen to break a naive journal: colons split accounts, two spaces
# or a tab end them, ";" starts a comment, brackets mean virtual postings, "|" splits
# hledger's payee from its note, and two names clean up to the same account.
STREAMS = [
    Stream(0, "Ebook: Volume 1; draft", "ebook", "passive", "EUR"),
    Stream(0, "Rent  flat\tA", "rental", "passive", "EUR"),
    Stream(0, "(virtual) [x] *star !bang", "other", "active", "USD"),
    Stream(0, "Bücher 📚 für Kinder", "royalties", "passive", "EUR"),
    Stream(0, "Books: EU", "ebook", "portfolio", "JPY"),
    Stream(0, "Books- EU", "ebook", "portfolio", "JPY"),
    Stream(0, "ETF | world", "dividends", "portfolio", "USD"),
]
PAYMENTS = [  # (stream index, date, amount, note)
    (0, "2023-12-31", "10.10", "last day of the year; with a semicolon"),
    (0, "2024-01-01", "0.01", "first day | pipe"),
    (0, "2024-02-29", "999999999999.99", "leap day"),
    (1, "2024-01-15", "1200", "no cents"),
    (1, "2024-01-31", "1200.50", "tab\there  and  spaces"),
    (2, "2024-01-02", "12.345", "three places, from a hand-edited file"),
    (2, "2024-03-03", "7.00", "line\u2028separator"),
    (3, "2024-01-20", "33.33", "ünïcödé ✓"),
    (3, "2024-01-20", "33.34", ""),
    (4, "2024-02-01", "5000.00", "(code?) *status?"),
    (5, "2024-02-01", "6000.00", "; only a comment"),
    (6, "2024-03-31", "0.99", "# hash"),
]


@pytest.fixture
def seeded(tmp_path: Path) -> tuple[Path, Store]:
    """A data file with the awkward streams and payments above, and its read-only store."""
    db = tmp_path / "tenfold.json"
    with Store.open(db, today=lambda: TODAY) as store:
        saved = [store.add_stream(s) for s in STREAMS]
        store.add_payments(
            [Payment(0, saved[i].id, date.fromisoformat(on), Decimal(amount), note) for i, on, amount, note in PAYMENTS]
        )
    return db, Store.open(db, read_only=True, today=lambda: TODAY)


def export_journal(db: Path, tmp_path: Path) -> Path:
    """Run the real command and return the journal it wrote."""
    out = tmp_path / "exported.journal"
    result = invoke(db, "export", "--format", "ledger", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Exported 12 payments from 7 streams to ")
    return out


def tenfold_totals(store: Store) -> dict[tuple[str, Month], Decimal]:
    """Tenfold's own report, every month and stream, keyed by the stream's journal account."""
    accounts = journal_accounts(store.streams())
    by_name = {s.name: accounts[s.id] for s in store.streams()}
    months = sorted({(p.on.year, p.on.month) for p in store.payments()})
    totals: dict[tuple[str, Month], Decimal] = {}
    for month in months:
        period = month_period(month)
        report = build_report(aggregate(store.payments(), period), store.streams(), [], "EUR", period)
        for row in report.streams:
            if row.total:
                totals[(by_name[row.stream.name], month)] = row.total
    return totals


def parse_journal(text: str) -> dict[tuple[str, Month], Decimal]:
    """Income per account and month from the journal; checks every transaction balances."""
    header = re.compile(r"^(\d{4})-(\d{2})-\d{2} \((\d+)\) (\S.*)$")
    posting = re.compile(r"^    (\S(?:[^ \t]| (?! ))*)  (-?\d+(?:\.\d+)?) ([A-Z]+)$")
    totals: defaultdict[tuple[str, Month], Decimal] = defaultdict(Decimal)
    month: Month | None = None
    balance: defaultdict[str, Decimal] = defaultdict(Decimal)
    for line in text.splitlines():
        if line.startswith(("    ; ", "    format ")):  # a tag (payment, customer, id); a commodity's format
            continue
        if not line or line.startswith((";", "account ", "commodity ", "P ", "tag ")):
            assert not any(balance.values()), f"unbalanced transaction before {line!r}"
            continue
        if match := header.match(line):
            month = (int(match.group(1)), int(match.group(2)))
            continue
        found = posting.match(line)
        assert found is not None and month is not None, f"cannot read {line!r}"
        account, amount, commodity = found.group(1), Decimal(found.group(2)), found.group(3)
        balance[commodity] += amount
        if account.startswith("income:"):
            totals[(account, month)] -= amount  # income is credited: negative in the journal
        else:
            assert account == RECEIVED_ACCOUNT
    assert not any(balance.values())
    return dict(totals)


def test_journal_totals_equal_tenfolds_report_to_the_cent(seeded: tuple[Path, Store], tmp_path: Path) -> None:
    db, store = seeded
    text = export_journal(db, tmp_path).read_text(encoding="utf-8")
    assert parse_journal(text) == tenfold_totals(store)


def test_journal_totals_equal_the_printed_csv_report(seeded: tuple[Path, Store], tmp_path: Path) -> None:
    """What ``tenfold report --year Y --format csv`` prints, year by year, against the exported journal."""
    db, store = seeded
    accounts = journal_accounts(store.streams())
    by_name = {s.name: accounts[s.id] for s in store.streams()}
    printed: dict[tuple[str, Month], Decimal] = {}
    for year in (2023, 2024):
        result = invoke(db, "report", "--year", str(year), "--format", "csv")
        assert result.exit_code == 0, result.output
        for row in csv.DictReader(io.StringIO(result.stdout)):
            if Decimal(row["amount"]):
                printed[(by_name[row["stream"]], (int(row["month"][:4]), int(row["month"][5:])))] = Decimal(
                    row["amount"])
    text = export_journal(db, tmp_path).read_text(encoding="utf-8")
    assert printed == parse_journal(text) == tenfold_totals(store)


def test_account_names_are_safe_and_distinct(seeded: tuple[Path, Store]) -> None:
    accounts = journal_accounts(seeded[1].streams())
    assert len(set(accounts.values())) == len(STREAMS)
    for account in accounts.values():
        assert account.count(":") == 2 and "  " not in account and not re.search(r"[\t;|()\[\]*!]", account)
    assert sorted(accounts.values()) == [
        "income:active:-virtual- -x- -star -bang",
        "income:passive:Bücher - für Kinder",
        "income:passive:Ebook- Volume 1- draft",
        "income:passive:Rent flat A",
        "income:portfolio:Books- EU",
        "income:portfolio:Books- EU-6",
        "income:portfolio:ETF - world",
    ]


def test_one_transaction_per_payment_with_the_note_after_the_payee(seeded: tuple[Path, Store]) -> None:
    store = seeded[1]
    text = journal_text(store.streams(), store.payments(), TODAY)
    headers = [line for line in text.splitlines() if re.match(r"^\d{4}-", line)]
    assert len(headers) == len(PAYMENTS)
    assert "2024-01-31 (5) Rent flat A | tab here and spaces" in headers
    assert "2024-02-01 (11) Books- EU | , only a comment" in headers
    assert "    income:passive:Rent flat A  -1200.00 EUR" in text  # "1200" gets its cents
    assert "    income:active:-virtual- -x- -star -bang  -12.345 USD" in text  # never rounded


def test_an_empty_file_exports_a_valid_empty_journal_to_stdout(tmp_path: Path) -> None:
    db = tmp_path / "empty.json"
    Store.open(db).close()
    result = invoke(db, "export", "--format", "ledger")
    assert result.exit_code == 0
    assert result.stdout.startswith("; Tenfold income ledger")
    assert parse_journal(result.stdout) == {}


@given(name=st.text(min_size=0, max_size=40), note=st.text(max_size=40))
def test_any_name_and_note_give_a_readable_transaction(name: str, note: str) -> None:
    stream = Stream(1, name, "other", "passive", "EUR")
    text = journal_text([stream], [Payment(1, 1, TODAY, Decimal("1.50"), note, customer=note)], TODAY)
    body = text.split("\n\n")[-1].strip("\n").splitlines()  # the one transaction, last in the text
    assert len(body) in (4, 5)  # the header, the payment tag, a customer tag if any text is left, two postings
    assert all(line.startswith("    ; ") and "," not in line for line in body[1:-2])
    account = journal_accounts([stream])[1]
    assert account.count(":") == 2 and "  " not in account and "\t" not in account and ";" not in account
    assert ";" not in body[0]
    assert parse_journal(text) == {(account, (TODAY.year, TODAY.month)): Decimal("1.50")}


# ----- the real tools, where installed --------------------------------------------


def run(*args: str) -> str:
    """Run a tool; fail the test with its own error message when it refuses the journal."""
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def amount_of(cell: str) -> Decimal:
    """``-1,115.71 GBP`` or ``0`` (hledger) as a Decimal; one commodity per income account."""
    number = cell.split(" ")[0].replace(",", "")
    return Decimal(number or "0")


@pytest.mark.skipif(HLEDGER is None, reason="hledger is not installed")
def test_hledger_monthly_balance_matches_tenfold(seeded: tuple[Path, Store], tmp_path: Path) -> None:
    db, store = seeded
    journal = str(export_journal(db, tmp_path))
    run("hledger", "-f", journal, "check", "--strict")  # every account and commodity is declared
    rows = list(csv.reader(io.StringIO(run("hledger", "-f", journal, "balance", "-M", "--flat", "-O", "csv",
                                           "income"))))
    months = [(int(h[:4]), int(h[5:7])) if re.match(r"^\d{4}-\d{2}", h) else None for h in rows[0]]
    found: dict[tuple[str, Month], Decimal] = {}
    for row in rows[1:]:
        if row[0].startswith("income:"):
            for month, cell in zip(months, row, strict=True):
                if month is not None and amount_of(cell):
                    found[(row[0], month)] = -amount_of(cell)
    assert found == tenfold_totals(store)
    totals = list(csv.reader(io.StringIO(run("hledger", "-f", journal, "balance", "--flat", "-O", "csv"))))
    assert totals[-1] == ["total", "0"]  # everything balances


@pytest.mark.skipif(LEDGER is None, reason="ledger-cli is not installed")
def test_ledger_cli_reads_every_posting_like_tenfold(seeded: tuple[Path, Store], tmp_path: Path) -> None:
    db, store = seeded
    journal = str(export_journal(db, tmp_path))
    run("ledger", "-f", journal, "--pedantic", "balance")  # every account and commodity is declared
    found: defaultdict[tuple[str, Month], Decimal] = defaultdict(Decimal)
    for day, _code, _payee, account, _commodity, amount, *_ in csv.reader(
        io.StringIO(run("ledger", "-f", journal, "csv", "income"))
    ):
        found[(account, (int(day[:4]), int(day[5:7])))] -= Decimal(amount.replace(",", ""))
    assert dict(found) == tenfold_totals(store)
