"""``tenfold import FILE``: CSV payments, previewed and confirmed, all or nothing."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import invoke, lock_held, one_error_line, read, seed

from tenfold.cli import common

GOOD = (
    "date,stream,amount,note\n"
    "2026-11-01,Royalties,10.00,Kindle\n"
    "2026-11-02,consulting,250,\n"
    "2026-10-15,Royalties,2.5,\n"
)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seed(tmp_path / "tenfold.json")


def csv_file(tmp_path: Path, text: str | bytes, name: str = "payments.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def refused(db: Path, *args: str, input: str | None = None) -> str:
    before = db.read_bytes()
    line = one_error_line(invoke(db, *args, input=input))
    assert db.read_bytes() == before
    return line


def test_import_with_yes_saves_every_row_in_one_write(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replaces: list[str] = []
    real_replace = os.replace

    def counting_replace(src: str, dst: str) -> None:
        replaces.append(str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", counting_replace)  # counts the saves; the real replace still runs
    result = invoke(db, "import", str(csv_file(tmp_path, GOOD)), "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"Imported 3 payments (12.50 EUR + 250.00 USD) from {tmp_path / 'payments.csv'}\n"
    assert [r for r in replaces if r == str(db)] == [str(db)]  # (a daily backup may be written too)
    payments = read(db).payments()
    assert len(payments) == 5
    assert {(p.on, p.amount, p.note) for p in payments} >= {
        (date(2026, 11, 1), Decimal("10.00"), "Kindle"),
        (date(2026, 11, 2), Decimal("250.00"), ""),
        (date(2026, 10, 15), Decimal("2.50"), ""),
    }


def test_import_previews_and_asks(db: Path, tmp_path: Path) -> None:
    result = invoke(db, "import", str(csv_file(tmp_path, GOOD)), input="y\n")
    assert result.exit_code == 0, result.stderr
    assert "3 payments in" in result.stdout
    assert "2026-11-01  Royalties  10.00 EUR  Kindle" in result.stdout
    assert "Import them into" in result.stdout
    assert len(read(db).payments()) == 5


@pytest.mark.parametrize("answer", ["n\n", "\n", None], ids=["no", "default", "no-input"])
def test_import_declined_imports_nothing(db: Path, tmp_path: Path, answer: str | None) -> None:
    assert refused(db, "import", str(csv_file(tmp_path, GOOD)), input=answer) == "tenfold: nothing imported"


def test_preview_shows_ten_rows_and_counts_the_rest(db: Path, tmp_path: Path) -> None:
    rows = "".join(f"2026-11-{d:02d},Royalties,1\n" for d in range(1, 16))
    result = invoke(db, "import", str(csv_file(tmp_path, "date,stream,amount\n" + rows)), input="n\n")
    assert "… and 5 more" in result.stdout


def test_a_malformed_csv_names_the_lines_and_imports_nothing(db: Path, tmp_path: Path) -> None:
    text = (
        "date,stream,amount,note\n"
        "2026-11-01,Royalties,10.00,ok\n"
        "2026-11-02,Royalties,abc,\n"
        "2026-02-30,Rent,5,\n"
        "2026-11-03,Royalties\n"
    )
    line = refused(db, "import", str(csv_file(tmp_path, text)), "--yes")
    assert "nothing imported" in line
    assert "line 3: amount: 'abc' is not an amount" in line
    assert "line 4: stream: There is no stream called 'Rent'; date: 2026-02-30 is not a real date" in line
    assert "line 5: has 2 fields; the header has 4" in line
    assert "line 2" not in line


def test_only_the_first_five_problems_are_spelled_out(db: Path, tmp_path: Path) -> None:
    text = "date,stream,amount\n" + "2026-11-01,Royalties,x\n" * 8
    line = refused(db, "import", str(csv_file(tmp_path, text)), "--yes")
    assert "line 6:" in line and "line 7:" not in line
    assert line.endswith("and 3 more problems")


def test_a_quoted_note_spanning_lines_is_reported_where_it_starts(db: Path, tmp_path: Path) -> None:
    text = 'date,stream,amount,note\n2026-11-01,Royalties,1,"two\nlines"\n2026-11-02,Royalties,x,\n'
    line = refused(db, "import", str(csv_file(tmp_path, text)), "--yes")
    assert "line 2: note: Must be a single line" in line
    assert "line 4: amount:" in line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "line 1: the file is empty"),
        ("date,stream,amount,note\n", "line 2: there are no payments below the header"),
        ("when,stream,amount\n2026-11-01,Royalties,1\n", "line 1: missing column date (the columns are: when, stream"),
        ("date,stream,amount,amount\n", "a column is repeated"),
        (b"date,stream,amount\n2026-11-01,Caf\xe9,1\n", "line 2: is not UTF-8 text"),
        ('date,stream,amount\n2026-11-01,"Roy"alties,1\n', "line 2: is not valid CSV"),
    ],
    ids=["empty", "header-only", "bad-header", "repeated", "latin-1", "bad-quotes"],
)
def test_files_that_are_not_payment_csv_are_refused(db: Path, tmp_path: Path, text: str | bytes, expected: str) -> None:
    assert expected in refused(db, "import", str(csv_file(tmp_path, text)), "--yes")


def test_header_is_case_insensitive_note_is_optional_and_a_bom_is_fine(db: Path, tmp_path: Path) -> None:
    text = "\ufeffAmount, Date ,STREAM\r\n12.00,2026-11-05,Royalties\r\n\r\n"
    result = invoke(db, "import", str(csv_file(tmp_path, text)), "--yes")
    assert result.exit_code == 0, result.stderr
    assert read(db).payments()[0].amount == Decimal("12.00")


def test_a_missing_file_is_one_line(db: Path, tmp_path: Path) -> None:
    line = refused(db, "import", str(tmp_path / "nope.csv"), "--yes")
    assert "nope.csv: cannot be read: No such file or directory" in line


def test_import_while_another_process_holds_the_lock(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "LOCK_WAIT", 0.2)
    with lock_held(db) as pid:
        line = refused(db, "import", str(csv_file(tmp_path, GOOD)), "--yes")
    assert f"is in use by process {pid}" in line
