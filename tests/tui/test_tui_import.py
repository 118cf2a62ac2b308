"""The app's import screen (palette: Import payments): the same preview as the command line, then one write."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Button, Input, Select, Static
from tui_support import open_store, reopen, running, seed_ledger

from tenfold.tui.app import make_app
from tenfold.tui.dialogs.import_dialog import ImportDialog

IMPORTS = Path(__file__).parent.parent / "fixtures" / "imports"


def shown_in(dialog: ImportDialog, widget_id: str) -> str:
    """What a widget of the dialog says (long lines wrap on screen, so read the widget)."""
    return str(dialog.query_one(f"#{widget_id}", Static).render())


async def open_dialog(t: object) -> ImportDialog:
    await t.press("ctrl+p")  # type: ignore[attr-defined]
    await t.type("Import payments")  # type: ignore[attr-defined]
    await t.press("enter")  # type: ignore[attr-defined]
    dialog = t.app.screen  # type: ignore[attr-defined]
    assert isinstance(dialog, ImportDialog)
    await t.pilot.pause()  # type: ignore[attr-defined]  # keys typed right after a focus change can go astray
    assert dialog.query_one("#field-path", Input).has_focus
    return dialog


async def test_a_kdp_workbook_previews_then_imports_with_new_streams(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        dialog = await open_dialog(t)
        before = db.read_bytes()
        await t.type(str(IMPORTS / "kdp_royalties.xlsx"))
        await t.press("enter")
        shown = shown_in(dialog, "import-preview")
        assert "Amazon KDP royalties (profile kdp) · Excel workbook" in shown
        assert "there is no stream 'Sourdough at Home' (5 rows)" in shown
        assert dialog.query_one("#field-profile", Select).value == "kdp"  # the guess, shown
        assert dialog.query_one("#import", Button).disabled
        dialog.query_one("#field-create", Select).value = "passive"  # previews again
        await t.pilot.pause()
        shown = shown_in(dialog, "import-preview")
        assert "New streams, to be created as passive: Sourdough at Home (EUR), Bread Basics (USD)" in shown
        assert "Total to add: 9.10 EUR + 18.34 GBP + 78.38 USD" in shown
        assert db.read_bytes() == before  # a preview saves nothing
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        assert "Imported 6 payments (9.10 EUR + 18.34 GBP + 78.38 USD) and 2 new streams" in t.notifications()
    with reopen(db) as store:
        names = {s.id: s.name for s in store.streams()}
        kdp = [p for p in store.payments() if p.source == "kdp"]
        assert sorted((names[p.stream_id], p.currency, p.amount) for p in kdp)[:2] == [
            ("Bread Basics", "", Decimal("4.19")), ("Sourdough at Home", "", Decimal("9.10"))]
        assert {p.currency for p in kdp} == {"", "GBP", "USD"}


async def test_an_etsy_statement_to_one_stream_and_again_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        dialog = await open_dialog(t)
        await t.type(str(IMPORTS / "etsy_statement.csv"))
        dialog.query_one("#field-stream", Input).value = "Blog ads"
        await t.press("enter")
        shown = shown_in(dialog, "import-preview")
        assert "  Blog ads · USD · 10 payments · 28.06 USD (1 refund -24.00)" in shown
        assert "  sales tax collected for the tax office: 1 (+1.92 USD)" in shown
        await t.press("ctrl+s")
        await t.pilot.pause()
        assert t.app.screen is t.app.main_screen
        assert "Imported 10 payments (28.06 USD)" in t.notifications()
        dialog = await open_dialog(t)
        dialog.query_one("#field-path", Input).value = str(IMPORTS / "etsy_statement.csv")
        dialog.query_one("#field-stream", Input).value = "Blog ads"
        dialog.action_preview()
        await t.pilot.pause()
        shown = shown_in(dialog, "import-preview")
        assert "To add: 0 payments" in shown and "already imported from etsy" in shown
        assert dialog.query_one("#import", Button).disabled
        await t.press("escape")
    with reopen(db) as store:
        assert sum(p.amount for p in store.payments() if p.source == "etsy") == Decimal("28.06")


async def test_problems_are_shown_by_line_and_nothing_is_imported(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    bad = tmp_path / "bad.csv"
    bad.write_text("date,stream,amount\n2026-11-01,Blog ads,1\n2026-11-02,Nope,2\n2026-11-03,Blog ads,x\n",
                   encoding="utf-8")
    before = db.read_bytes()
    async with running(db) as t:
        dialog = await open_dialog(t)
        await t.press("enter")  # an empty path: the message is under the field
        assert shown_in(dialog, "error-path") == "Enter the file to import"
        await t.type(str(tmp_path / "missing.csv"))
        await t.press("enter")
        assert shown_in(dialog, "error-path").endswith("missing.csv: cannot be read: No such file or directory")
        dialog.query_one("#field-path", Input).clear()
        await t.type(str(bad))
        await t.press("enter")
        shown = shown_in(dialog, "import-preview")
        assert "line 3: there is no stream 'Nope'" in shown and "line 4: amount: 'x' is not an amount" in shown
        assert dialog.query_one("#import", Button).disabled
        await t.press("ctrl+s")  # previews again; still nothing to import
        await t.press("escape")
        assert t.app.screen is t.app.main_screen
    assert db.read_bytes() == before


async def test_the_choices_for_a_kind_of_file_are_remembered_in_the_config_folder(tmp_path: Path) -> None:
    db, config = tmp_path / "t.json", tmp_path / "config"
    seed_ledger(db)
    first, second = tmp_path / "payouts-2024-03.csv", tmp_path / "payouts-2024-04.csv"
    first.write_bytes((IMPORTS / "stripe_payouts.csv").read_bytes())
    second.write_text("id,Amount,Currency,Arrival Date (UTC),Status\npo_9,12.00,eur,2024-04-02,paid\n",
                      encoding="utf-8")
    store = open_store(db)
    try:
        app = make_app(store, config_dir=config)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for path, stream in ((first, "Blog ads"), (second, "")):
                await pilot.press("ctrl+p")
                await pilot.press(*"Import payments")
                await pilot.press("enter")
                dialog = app.screen
                assert isinstance(dialog, ImportDialog)
                dialog.query_one("#field-path", Input).value = str(path)
                if stream:
                    dialog.query_one("#field-stream", Input).value = stream
                    dialog.query_one("#field-profile", Select).value = "stripe-payouts"
                    await pilot.pause()
                dialog.action_preview()
                await pilot.pause()
                assert dialog.query_one("#field-stream", Input).value == "Blog ads"  # typed, then remembered
                assert dialog.query_one("#field-profile", Select).value == "stripe-payouts"
                dialog.action_import_rows()
                await pilot.pause()
    finally:
        store.close()
    memory = json.loads((config / "import-profiles.json").read_text())
    assert memory["payouts-#-#.csv"]["profile"] == "stripe-payouts"
    assert (config / "import-profiles.json").stat().st_mode & 0o777 == 0o600
    assert "payouts-#-#" not in db.read_text()  # the memory is the machine's, not in the (synced) data file
    with reopen(db) as saved:
        assert any(p.on == date(2024, 4, 2) and p.amount == Decimal("12.00") for p in saved.payments())


async def test_the_preview_names_the_dialogs_fields_not_the_command_lines_options(tmp_path: Path) -> None:
    """'add --create-streams KIND' means nothing in the dialog: it says which menu or field does that."""
    db = tmp_path / "t.json"
    seed_ledger(db)
    unknown = tmp_path / "odd.csv"
    unknown.write_text("when,what,how much\n2024-03-01,x,1\n", encoding="utf-8")
    async with running(db) as t:
        dialog = await open_dialog(t)
        await t.type(str(IMPORTS / "revolut.csv"))
        await t.press("enter")
        shown = shown_in(dialog, "import-preview")
        assert "Revolut statement (profile revolut)" in shown
        assert "New streams, do not exist (choose a kind in the menu 'Do not create streams'): Bank (EUR)" in shown
        assert ("there is no stream 'Bank' (3 rows); choose a kind in the menu 'Do not create streams' to create it, "
                "or name a stream under 'Every row to this stream'") in shown
        assert "--" not in shown
        dialog.query_one("#field-path", Input).value = str(unknown)  # the menu still holds the guess: revolut
        dialog.action_preview()
        await t.pilot.pause()
        shown = shown_in(dialog, "import-preview")
        assert "(the columns are: when, what, how much); name them under 'Column mapping' (FIELD=COLUMN)" in shown
        assert "--" not in shown


async def test_more_options_filter_the_rows_and_a_wrong_one_is_shown_by_its_field(tmp_path: Path) -> None:
    """What the dialog has no menu for is typed as the command line writes it, and read the same way."""
    db = tmp_path / "t.json"
    seed_ledger(db)
    sales = tmp_path / "shop.csv"
    sales.write_text("Date;Product;Amount;Type\n2026-10-01;Ebook royalties;12,50;Sale\n"
                     "2026-10-02;Ebook royalties;20,00;Sale\n2026-10-03;Ebook royalties;5,00;Tip\n",
                     encoding="utf-8")
    async with running(db) as t:
        dialog = await open_dialog(t)
        before = db.read_bytes()
        await t.type(str(sales))
        await t.press("enter")
        assert "Ebook royalties · EUR · 3 payments" in shown_in(dialog, "import-preview")  # the tip too
        more = dialog.query_one("#field-more", Input)
        more.value = "--where Type"
        dialog.action_preview()
        await t.pilot.pause()
        assert shown_in(dialog, "error-more") == "--where: 'Type' is not COLUMN=VALUE, e.g. Type=Sale"
        assert more.has_class("-invalid")
        assert dialog.query_one("#import", Button).disabled
        assert more.value == "--where Type"  # what was typed stays, to be corrected
        more.value = "--where Type=Sale"
        dialog.action_preview()
        await t.pilot.pause()
        assert shown_in(dialog, "error-more") == ""
        shown = shown_in(dialog, "import-preview")
        assert "Ebook royalties · EUR · 2 payments · 32.50 EUR" in shown
        assert "not matching --where Type: 1" in shown
        assert db.read_bytes() == before
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
    with reopen(db) as store:
        imported = sorted(p.amount for p in store.payments() if p.on.year == 2026 and p.on.month == 10)
        assert imported == [Decimal("12.50"), Decimal("20.00")]


async def test_the_decimal_comma_hint_names_the_more_options_field(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    mixed = tmp_path / "mixed.csv"
    mixed.write_text('Date,Stream,Amount\n2026-10-01,Blog ads,"12,50"\n2026-10-02,Blog ads,3.75\n', encoding="utf-8")
    async with running(db) as t:
        dialog = await open_dialog(t)
        await t.type(str(mixed))
        await t.press("enter")
        assert ("say which by typing --decimal-comma under 'More options', or fix the file"
                in shown_in(dialog, "import-preview"))


async def test_a_file_without_a_header_row_asks_for_a_column_number_in_the_dialogs_words(tmp_path: Path) -> None:
    """An amount and a running balance, unnamed: the dialog asks which column by number, in its own words,
    and reads the file once it is named under Column mapping."""
    db = tmp_path / "t.json"
    seed_ledger(db)
    statement = tmp_path / "statement.csv"
    statement.write_text("17/03/2026,CR FASTER PAYMENT ACME LTD,1250.00,3250.00\n"
                         "18/03/2026,DD BRITISH GAS,-89.50,3160.50\n", encoding="utf-8")
    async with running(db) as t:
        dialog = await open_dialog(t)
        await t.type(str(statement))
        dialog.query_one("#field-stream", Input).value = "Blog ads"
        await t.press("enter")
        shown = shown_in(dialog, "import-preview") + shown_in(dialog, "error-path")
        assert "columns 3 and 4 both hold amounts" in shown
        assert "amount=N under 'Column mapping'" in shown and "--map" not in shown
        dialog.query_one("#field-map", Input).value = "amount=3"
        dialog.action_preview()
        await t.pilot.pause()
        shown = shown_in(dialog, "import-preview")
        assert "no header row: columns by number" in shown
        assert "Total to add: 1,250.00 EUR" in shown


async def test_a_device_typed_as_the_file_is_refused_under_the_field(tmp_path: Path) -> None:
    """``/dev/zero`` in the path field was read until memory ran out and the system ended the app."""
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        dialog = await open_dialog(t)
        before = db.read_bytes()
        await t.type("/dev/zero")
        await t.press("enter")
        assert shown_in(dialog, "error-path") == "/dev/zero: is a device, not a file; choose the file you downloaded"
        assert dialog.query_one("#import", Button).disabled
        assert db.read_bytes() == before
