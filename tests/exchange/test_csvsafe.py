"""CSV formula injection: text cells a spreadsheet would run as a formula are written inert, and read back as typed.

A stream, note or customer named ``=HYPERLINK(...)`` or ``+cmd|' /C calc'!A0`` would be
a live formula when the export is opened in a spreadsheet. OWASP's advice: prefix
such a cell with a single quote. ``tenfold import`` takes exactly that quote off
again, so an export still imports back to the same text.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import invoke

from tenfold.domain.csvsafe import neutralise, unneutralise
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.store import Store

FORMULAS = ("=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3")
STREAM = "=1+1 Royalties"


@pytest.mark.parametrize(
    "text",
    ["", "plain", "'", "''", "'plain", "=", "=1", "+1", "-2+3", "@x", "\tx", "\rx", "'=x", "''=x", "'''@x", "-", " =x",
     "a=b", "'\t"],
)
def test_neutralise_round_trips(text: str) -> None:
    written = neutralise(text)
    assert unneutralise(written) == text
    assert written[:1] not in ("=", "+", "-", "@", "\t", "\r")


def ledger(db: Path, *, with_payments: bool) -> Path:
    with Store.open(db, today=lambda: date(2026, 11, 1)) as store:
        stream = store.add_stream(Stream(0, STREAM, "royalties", "passive", "EUR"))
        if with_payments:
            for day, note in enumerate(FORMULAS, start=1):
                store.add_payment(Payment(0, stream.id, date(2026, 11, day), Decimal("12.50"), note, "@Platform"))
            store.add_payment(Payment(0, stream.id, date(2026, 11, 9), Decimal("3.00"), "'=quoted already", "-x"))
    return db


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_export_csv_is_inert_and_imports_back_as_typed(tmp_path: Path) -> None:
    source = ledger(tmp_path / "source.json", with_payments=True)
    exported = invoke(source, "export", "--format", "csv")
    assert exported.exit_code == 0, exported.output
    body = rows(exported.stdout)[1:]
    assert {r[1] for r in body} == {"'" + STREAM}
    assert [r[4] for r in body] == ["'" + f for f in FORMULAS] + ["''=quoted already"]
    assert {r[5] for r in body} == {"'@Platform", "'-x"}
    assert {r[2] for r in body} == {"12.50", "3.00"}  # amounts are numbers: left as they are

    csv_file = tmp_path / "export.csv"
    csv_file.write_text(exported.stdout, encoding="utf-8")
    target = ledger(tmp_path / "target.json", with_payments=False)
    imported = invoke(target, "import", "--yes", str(csv_file))
    assert imported.exit_code == 0, imported.output
    with Store.open(source, read_only=True) as a, Store.open(target, read_only=True) as b:
        def seen(store: Store) -> list[tuple[date, Decimal, str, str]]:
            return sorted((p.on, p.amount, p.note, p.customer) for p in store.payments())

        assert seen(b) == seen(a)
        assert [s.name for s in b.streams()] == [STREAM]


def test_report_csv_is_inert(tmp_path: Path) -> None:
    db = ledger(tmp_path / "t.json", with_payments=True)
    result = invoke(db, "report", "--format", "csv")
    assert result.exit_code == 0, result.output
    body = rows(result.stdout)[1:]
    assert body and {r[1] for r in body} == {"'" + STREAM}


def test_report_measures_csv_is_inert(tmp_path: Path) -> None:
    """The measures' long CSV (section, stream, field, value) names streams too: inert, numbers left alone."""
    db = ledger(tmp_path / "t.json", with_payments=True)
    result = invoke(db, "report", "--measures", "only", "--format", "csv")
    assert result.exit_code == 0, result.output
    body = rows(result.stdout)[1:]
    streams = {r[1] for r in body if r[0] != "freedom"}
    assert streams == {"'" + STREAM}
