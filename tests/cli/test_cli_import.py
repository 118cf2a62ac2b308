"""``tenfold import FILE``: the options, the preview, and all-or-nothing saving."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import invoke, lock_held, one_error_line, read, seed

from tenfold.cli import common
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.store import Store

IMPORTS = Path(__file__).parent.parent / "fixtures" / "imports"
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


def refused(db: Path, *args: str, input: str | None = None) -> tuple[str, str]:
    """(the one error line, what was printed before it); the data file is untouched."""
    before = db.read_bytes()
    result = invoke(db, *args, input=input)
    line = one_error_line(result)
    assert db.read_bytes() == before
    return line, result.stdout


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
    assert result.stdout.endswith(f"Imported 3 payments (12.50 EUR + 250.00 USD) from {tmp_path / 'payments.csv'}\n")
    assert [r for r in replaces if r == str(db)] == [str(db)]  # (a daily backup may be written too)
    payments = read(db).payments()
    assert len(payments) == 5
    assert {(p.on, p.amount, p.note, p.source) for p in payments} >= {
        (date(2026, 11, 1), Decimal("10.00"), "Kindle", ""),
        (date(2026, 11, 2), Decimal("250.00"), "", ""),
        (date(2026, 10, 15), Decimal("2.50"), "", ""),
    }


def test_a_dry_run_before_the_first_start_previews_against_an_empty_ledger(tmp_path: Path) -> None:
    """Nothing is written either way, so a data file that does not exist yet is no reason to refuse a preview."""
    db = tmp_path / "new" / "tenfold.json"
    db.parent.mkdir(mode=0o700)
    result = invoke(db, "import", str(csv_file(tmp_path, GOOD)), "--dry-run", "--create-streams", "passive")
    assert result.exit_code == 0, result.stderr
    assert "  Royalties · EUR · 2 payments · 12.50 EUR" in result.stdout
    assert "New streams, to be created as passive: " in result.stdout
    assert result.stdout.endswith("Dry run: nothing was imported.\n")
    assert list(db.parent.iterdir()) == []


def test_quiet_after_the_command_prints_nothing(db: Path, tmp_path: Path) -> None:
    result = invoke(db, "import", str(csv_file(tmp_path, GOOD)), "--yes", "-q")
    assert result.exit_code == 0 and result.stdout == ""


def test_import_previews_and_asks(db: Path, tmp_path: Path) -> None:
    result = invoke(db, "import", str(csv_file(tmp_path, GOOD)), input="y\n")
    assert result.exit_code == 0, result.stderr
    assert "  Royalties · EUR · 2 payments · 12.50 EUR" in result.stdout
    assert "  Consulting · USD · 1 payment · 250.00 USD" in result.stdout
    assert "Import them into" in result.stdout
    assert len(read(db).payments()) == 5


@pytest.mark.parametrize("answer", ["n\n", "\n", None], ids=["no", "default", "no-input"])
def test_import_declined_imports_nothing(db: Path, tmp_path: Path, answer: str | None) -> None:
    assert refused(db, "import", str(csv_file(tmp_path, GOOD)), input=answer)[0] == "tenfold: nothing imported"


def test_problems_are_listed_one_per_line_and_nothing_is_imported(db: Path, tmp_path: Path) -> None:
    text = (
        "date,stream,amount,note\n"
        "2026-11-01,Royalties,10.00,ok\n"
        "2026-11-02,Royalties,abc,\n"
        "2026-02-30,Royalties,5,\n"
        "2026-11-03,Royalties\n"
        "2026-11-04,Rent,5,\n"
    )
    line, shown = refused(db, "import", str(csv_file(tmp_path, text)), "--yes")
    assert line.endswith("nothing imported: 4 problems (listed above)")
    problems = shown.split("Problems (4; nothing is imported until they are fixed):\n")[1].splitlines()
    assert problems[:4] == [
        "  line 3: amount: 'abc' is not an amount",
        "  line 4: date: '2026-02-30' is not a real date (February 2026 has 28 days)",
        "  line 5: has 2 fields; the header has 4",
        "  line 6: there is no stream 'Rent' (1 row); create it with --create-streams KIND (passive, active, "
        "portfolio) or send the rows to one with --stream NAME",
    ]


def test_a_file_nobody_recognises_is_one_line_naming_its_columns(db: Path, tmp_path: Path) -> None:
    line, _ = refused(db, "import", str(csv_file(tmp_path, "when,what,how much\n2026-11-01,x,1\n")), "--yes")
    assert line == (f"tenfold: {tmp_path / 'payments.csv'}: nothing imported: line 1: no profile recognises these "
                    "columns: when, what, how much; choose one with --profile NAME (see --list-profiles), or name "
                    "the columns with --map date=COLUMN --map amount=COLUMN and give --stream NAME")


def test_map_and_stream_make_any_file_readable(db: Path, tmp_path: Path) -> None:
    path = csv_file(tmp_path, "when,what,how much\n2026-11-01,x,\"1,250.50\"\n")
    result = invoke(db, "import", str(path), "--yes", "--map", "date=when", "--map", "amount=how much",
                    "--stream", "Royalties")
    assert result.exit_code == 0, result.stderr
    assert any(p.amount == Decimal("1250.50") for p in read(db).payments())


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("empty.csv", b"", "line 1: the file is empty"),
        ("sales.numbers", b"PK\x03\x04" + b"\x00" * 30, "is an Apple Numbers document; in Numbers choose File"),
        ("sales.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "is an old Excel workbook (.xls); open it"),
        ("sales.pdf", b"%PDF-1.7\n", "is a PDF; download the CSV (or Excel) export"),
        ("sales.ods", b"plain text", "is named .ods but is not such a file"),
    ],
)
def test_files_that_are_not_tables_say_what_they_are(db: Path, tmp_path: Path, name: str, raw: bytes,
                                                     expected: str) -> None:
    line, _ = refused(db, "import", str(csv_file(tmp_path, raw, name)), "--yes")
    assert expected in line


def test_a_real_ods_file_is_named(db: Path, tmp_path: Path) -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    line, _ = refused(db, "import", str(csv_file(tmp_path, buffer.getvalue(), "sales.ods")), "--yes")
    assert "is an OpenDocument spreadsheet (.ods); open it and save it as .xlsx or CSV" in line


def test_ambiguous_dates_are_refused_with_both_readings_until_a_format_is_given(db: Path, tmp_path: Path) -> None:
    path = csv_file(tmp_path, "date,stream,amount\n03/02/2024,Royalties,5\n04/02/2024,Royalties,6\n")
    _line, shown = refused(db, "import", str(path), "--yes")
    assert ("line 2: date 03/02/2024 could be 2024-03-02 (month first) or 2024-02-03 (day first); no date in the "
            "file says which") in shown
    result = invoke(db, "import", str(path), "--yes", "--date-format", "%d/%m/%Y")
    assert result.exit_code == 0, result.stderr
    assert {p.on for p in read(db).payments()} >= {date(2024, 2, 3), date(2024, 2, 4)}


def test_decimal_comma_delimiter_encoding_and_skip_rows(db: Path, tmp_path: Path) -> None:
    text = "Exported by MyBank\nAccount 123\ndate|stream|amount\n2026-11-01|Royalties|1.234\n"
    path = csv_file(tmp_path, text.encode("cp1252"))
    result = invoke(db, "import", str(path), "--yes", "--decimal-comma", "--delimiter", "|", "--encoding", "cp1252",
                    "--skip-rows", "2")
    assert result.exit_code == 0, result.stderr
    assert any(p.amount == Decimal("1234.00") for p in read(db).payments())


def test_where_keeps_only_matching_rows(db: Path, tmp_path: Path) -> None:
    result = invoke(db, "import", str(IMPORTS / "etsy_statement.csv"), "--yes", "--stream", "Royalties",
                    "--where", "Type=Sale", "--where", "Type=Refund")
    assert result.exit_code == 0, result.stderr
    assert "  not matching --where Type: 9" in result.stdout
    assert sum(p.amount for p in read(db).payments() if p.source == "etsy") == Decimal("36.00")


def test_amount_gross_leaves_fees_out(db: Path, tmp_path: Path) -> None:
    result = invoke(db, "import", str(IMPORTS / "etsy_statement.csv"), "--yes", "--stream", "Royalties",
                    "--amount", "gross", "--currency", "USD")
    assert result.exit_code == 0, result.stderr
    assert "  fees (left out with --amount gross): 7" in result.stdout
    etsy = [p for p in read(db).payments() if p.source == "etsy"]
    assert sum(p.amount for p in etsy) == Decimal("36.00")
    assert {p.currency for p in etsy} == {"USD"}  # the Royalties stream is in EUR: each payment keeps its own


def test_sheet_picks_one_worksheet(db: Path) -> None:
    result = invoke(db, "import", str(IMPORTS / "kdp_royalties.xlsx"), "--dry-run", "--sheet", "paperback royalty",
                    "--create-streams", "passive")
    assert result.exit_code == 0, result.stderr
    assert "Total to add: 5.32 GBP + 18.75 USD" in result.stdout
    line, _ = refused(db, "import", str(IMPORTS / "kdp_royalties.xlsx"), "--sheet", "Nope")
    assert "has no sheet 'Nope' (the sheets are: Summary, eBook Royalty" in line


def test_standard_input_is_read_with_a_dash(db: Path) -> None:
    result = invoke(db, "import", "-", "--yes", input=GOOD)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("Imported 3 payments (12.50 EUR + 250.00 USD) from standard input\n")


def test_a_missing_file_is_one_line(db: Path, tmp_path: Path) -> None:
    line, _ = refused(db, "import", str(tmp_path / "nope.csv"), "--yes")
    assert "nope.csv: cannot be read: No such file or directory" in line


def test_list_profiles_says_what_each_reads(db: Path) -> None:
    result = invoke(db, "import", "--list-profiles")
    assert result.exit_code == 0
    for name in ("paypal", "stripe", "stripe-payouts", "gumroad", "kdp", "patreon", "youtube", "adsense", "etsy",
                 "kofi", "lemonsqueezy", "bank-de", "bank-us", "bank", "tenfold"):
        assert f"\n  {name} " in result.stdout
    assert "skips withdrawals, currency conversions" in result.stdout


def test_an_unknown_profile_names_the_known_ones(db: Path) -> None:
    line, _ = refused(db, "import", str(IMPORTS / "paypal.csv"), "--profile", "venmo")
    assert "there is no profile 'venmo'; the profiles are: paypal, stripe" in line


def test_import_while_another_process_holds_the_lock(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "LOCK_WAIT", 0.2)
    with lock_held(db) as pid:
        line, _ = refused(db, "import", str(csv_file(tmp_path, GOOD)), "--yes")
    assert f"is in use by process {pid}" in line


def test_csv_round_trip_keeps_two_alike_sales_and_recognises_them_at_home(tmp_path: Path) -> None:
    """Two real 49.00 sales on the same day with the same note survive export and import."""
    home = tmp_path / "home.json"
    with Store.open(home, today=lambda: date(2026, 11, 21)) as store:
        course = store.add_stream(Stream(0, "Course", "course", "passive", "EUR"))
        store.add_payment(Payment(0, course.id, date(2026, 11, 20), Decimal("49.00"), "launch sale"))
        store.add_payment(Payment(0, course.id, date(2026, 11, 20), Decimal("49.00"), "launch sale"))
    exported = invoke(home, "export", "--format", "csv")
    assert exported.exit_code == 0, exported.stderr
    path = csv_file(tmp_path, exported.stdout, "export.csv")
    fresh = tmp_path / "fresh.json"
    Store.open(fresh).close()
    result = invoke(fresh, "import", str(path), "--yes", "--create-streams", "passive")
    assert result.exit_code == 0, result.stderr
    assert [p.amount for p in read(fresh).payments()] == [Decimal("49.00"), Decimal("49.00")]
    again = invoke(home, "import", str(path), "--yes")
    assert again.exit_code == 0, again.stderr
    assert "already in the ledger (same transaction id): 2" in again.stdout
    assert len(read(home).payments()) == 2
    back = invoke(fresh, "export", "--format", "csv")
    assert back.stdout == exported.stdout  # the same ids: exported again, the file says the same


def test_an_export_of_imported_payments_keeps_their_source_ids(db: Path, tmp_path: Path) -> None:
    invoke(db, "import", str(IMPORTS / "paypal.csv"), "--yes", "--create-streams", "passive")
    exported = invoke(db, "export", "--format", "csv").stdout
    assert "paypal:1AB23456CD789012E" in exported and "refund,1AB23456CD789012E,paypal:6FG" in exported
    fresh = tmp_path / "fresh.json"
    Store.open(fresh).close()
    assert invoke(fresh, "import", csv_file(tmp_path, exported, "e.csv").as_posix(), "--yes",
                  "--create-streams", "passive").exit_code == 0
    second = invoke(fresh, "import", str(IMPORTS / "paypal.csv"), "--yes", "--create-streams", "passive")
    assert "already in the ledger (same transaction id): 5" in second.stdout  # PayPal's own file is recognised
    refund = next(p for p in read(fresh).payments() if p.refund)
    assert (refund.source, refund.refund_of, refund.amount) == ("paypal", "1AB23456CD789012E", Decimal("-24.27"))


def test_a_row_dated_after_this_month_is_a_problem_not_income(db: Path, tmp_path: Path) -> None:
    """A date swapped or mistyped (2062 for 2026) would put income in a month nobody has lived yet."""
    path = csv_file(tmp_path, "date,stream,amount\n2026-11-30,Royalties,5.00\n2062-11-02,Royalties,7.00\n"
                              "2026-12-01,Royalties,2.00\n")
    line, shown = refused(db, "import", str(path), "--yes")
    assert line.endswith("nothing imported: 2 problems (listed above)")
    assert ("  line 3: date: 2062-11-02 is after this month; money received has no later day (check the date, "
            "and the date order)") in shown
    assert "  line 4: date: 2026-12-01 is after this month" in shown
