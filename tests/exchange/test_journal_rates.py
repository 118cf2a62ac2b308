"""The journal's P lines convert as ``tenfold report`` does: hledger and ledger, to the cent, per month.

Rates are entered both ways round (``1 USD = 0.92 EUR`` and ``1 EUR = 1.10 USD``),
one on a month's last day, and a stream paid in two currencies. For each month
and each currency, the tool's value in euros must equal the converted amount
Tenfold's report used. The Beancount export of the same data must pass
``bean-check``. Each tool's test skips cleanly when the tool is not installed.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import invoke
from oracles import aggregate

from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.reports.aggregate import Month, month_period
from tenfold.reports.build import build_report
from tenfold.store.store import Store

HLEDGER = shutil.which("hledger")
LEDGER = shutil.which("ledger")
BEAN_CHECK = shutil.which("bean-check") or (str(Path(__file__).parents[2] / ".venv" / "bin" / "bean-check")
                                            if (Path(__file__).parents[2] / ".venv" / "bin" / "bean-check").exists()
                                            else None)
MONTHS: list[Month] = [(2024, 1), (2024, 2), (2024, 3)]
RATES = [  # (from, to, rate, date): each pair entered both ways round over the months
    ("USD", "EUR", "0.92", "2024-01-01"),
    ("EUR", "USD", "1.10", "2024-02-15"),
    ("GBP", "EUR", "1.17", "2024-01-31"),  # a month's last day: it converts January already
    ("EUR", "GBP", "0.86", "2024-03-10"),
]
PAYMENTS = [  # (stream, date, amount, own currency or "")
    ("Course", "2024-01-10", "123.45", ""),
    ("Course", "2024-01-28", "19.99", ""),
    ("Course", "2024-02-20", "200.00", ""),
    ("Course", "2024-03-05", "-49.00", ""),
    ("Course", "2024-03-07", "310.10", ""),
    ("Book", "2024-01-31", "50.03", "GBP"),
    ("Book", "2024-02-02", "13.02", "GBP"),
    ("Book", "2024-03-30", "75.55", "GBP"),
    ("Book", "2024-03-30", "9.10", ""),
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "tenfold.json"
    with Store.open(path, today=lambda: date(2024, 4, 2)) as store:
        streams = {"Course": store.add_stream(Stream(0, "Course", "course", "passive", "USD")),
                   "Book": store.add_stream(Stream(0, "Book", "ebook", "passive", "EUR"))}
        for source, target, rate, on in RATES:
            store.add_rate(Rate(0, source, target, Decimal(rate), date.fromisoformat(on)))
        store.add_payments([Payment(0, streams[s].id, date.fromisoformat(on), Decimal(a), "sale", "Ana, Ltd",
                                    currency=c, refund=Decimal(a) < 0) for s, on, a, c in PAYMENTS])
    return path


def expected(db: Path) -> dict[tuple[Month, str], Decimal]:
    """Per month and currency: the euros Tenfold's report counted."""
    store = Store.open(db, read_only=True)
    out: dict[tuple[Month, str], Decimal] = {}
    for month in MONTHS:
        period = month_period(month)
        report = build_report(aggregate(store.payments(), period), store.streams(), store.rates(), "EUR", period)
        figures = next(m for m in report.months if m.month == month)
        assert not figures.all.unconverted
        for used in figures.all.used:
            assert used.rate is not None
            currency = used.rate.currency if not used.inverted else used.rate.to
            out[(month, currency)] = used.amount
    store.close()
    return out


def export(db: Path, tmp_path: Path, fmt: str, *extra: str) -> Path:
    out = tmp_path / f"export.{fmt}"
    result = invoke(db, "export", "--format", fmt, "-o", str(out), *extra, today="2024-04-02")
    assert result.exit_code == 0, result.output
    return out


def run(*args: str) -> str:
    proc = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def euros(text: str) -> Decimal:
    """``-113.57 EUR`` as 113.57 (income is negative in a journal)."""
    return -Decimal(text.strip().split(" ")[0].replace(",", "") or "0")


def test_the_journal_has_prices_both_ways_and_tags(db: Path, tmp_path: Path) -> None:
    text = export(db, tmp_path, "ledger", "--account-prefix", "tenfold").read_text()
    assert "P 2024-01-01 USD 0.92 EUR" in text and "P 2024-01-01 EUR 1.086956521739130434782608696 USD" in text
    assert "P 2024-02-15 EUR 1.1 USD" in text and "P 2024-02-15 USD 0.9090909090909090909090909091 EUR" in text
    assert "    ; customer: Ana  Ltd" not in text and "    ; customer: Ana Ltd" in text
    assert "    tenfold:income:passive:Book  -75.55 GBP" in text and "    tenfold:assets:received  75.55 GBP" in text
    assert "    ; payment: 1\n" in text


def test_expected_figures_cover_two_currencies_every_month(db: Path) -> None:
    figures = expected(db)
    assert {c for _m, c in figures} == {"USD", "GBP"} and {m for m, _c in figures} == set(MONTHS)
    assert figures[((2024, 1), "GBP")] == Decimal("58.54")  # 50.03 GBP at 1.17, the rate of 31 January


@pytest.mark.skipif(HLEDGER is None, reason="hledger is not installed")
def test_hledger_value_matches_tenfold_per_month_and_currency(db: Path, tmp_path: Path) -> None:
    journal = str(export(db, tmp_path, "ledger"))
    run("hledger", "-f", journal, "check", "--strict")
    found: dict[tuple[Month, str], Decimal] = {}
    for currency in ("USD", "GBP"):
        rows = list(csv.reader(io.StringIO(run("hledger", "-f", journal, "balance", "-M", "--value=end,EUR",
                                               "-O", "csv", f"cur:{currency}", "income"))))
        months = [(int(h[:4]), int(h[5:7])) for h in rows[0][1:]]
        total = rows[-1]
        assert total[0] == "total"
        for month, cell in zip(months, total[1:], strict=True):
            found[(month, currency)] = euros(cell)
    assert found == expected(db)


@pytest.mark.skipif(LEDGER is None, reason="ledger-cli is not installed")
def test_ledger_exchange_matches_tenfold_per_month_and_currency(db: Path, tmp_path: Path) -> None:
    journal = str(export(db, tmp_path, "ledger"))
    run("ledger", "-f", journal, "--pedantic", "balance")
    found: dict[tuple[Month, str], Decimal] = {}
    for (year, month) in MONTHS:
        end = date(year + (month == 12), month % 12 + 1, 1)
        last = date.fromordinal(end.toordinal() - 1)
        for currency in ("USD", "GBP"):
            out = run("ledger", "-f", journal, "balance", "-X", "EUR", "--begin", f"{year}-{month:02d}-01",
                      "--end", end.isoformat(), "--now", last.isoformat(), "-l", f'commodity == "{currency}"',
                      "^income", "--format", "%(display_total)\n")
            found[((year, month), currency)] = euros(out.strip().splitlines()[-1])
    assert found == expected(db)


@pytest.mark.skipif(BEAN_CHECK is None, reason="beancount (bean-check) is not installed")
def test_beancount_export_passes_bean_check(db: Path, tmp_path: Path) -> None:
    path = export(db, tmp_path, "beancount", "--account-prefix", "tenfold")
    assert BEAN_CHECK is not None
    run(BEAN_CHECK, str(path))
    text = path.read_text()
    assert "2024-01-01 price USD 0.92 EUR" in text
    assert "  Income:Tenfold:Passive:Book  -75.55 GBP" in text and '  customer: "Ana, Ltd"' in text


@pytest.mark.skipif(BEAN_CHECK is None, reason="beancount (bean-check) is not installed")
def test_awkward_names_still_pass_bean_check(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    with Store.open(path, today=lambda: date(2024, 4, 2)) as store:
        names = ["Bücher 📚 für Kinder", "Books: EU", "Books- EU", "(virtual) [x] \"quoted\"", "123 numbers", "📚"]
        streams = [store.add_stream(Stream(0, n, "other", "passive", "EUR")) for n in names]
        store.add_payments([Payment(0, s.id, date(2024, 3, 1), Decimal("1.00"), 'a "note"; \\ back')
                            for s in streams])
    out = export(path, tmp_path, "beancount")
    assert BEAN_CHECK is not None
    run(BEAN_CHECK, str(out))
