"""The ledger's tools in the app: the Report screen, the rates dialog, import and export (real app, Pilot)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Input, ProgressBar
from tui_support import TODAY, open_store, reopen, running, screen_lines, seed_ledger, until

from tenfold.domain.errors import FieldError
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.tui.dialogs.confirm import ConfirmDialog
from tenfold.tui.dialogs.export_form import ExportDone, ExportForm, ExportProgress
from tenfold.tui.dialogs.rates import RateForm, RatesDialog
from tenfold.tui.screens.report import ReportScreen


def seed_usd(db: Path) -> None:
    """The ledger of :func:`seed_ledger` plus a USD course paid in October and November, and one rate."""
    seed_ledger(db)
    with open_store(db) as store:
        course = store.add_stream(Stream(0, "Video course", "course", "passive", "USD", upkeep_hours=Decimal("4")))
        store.add_payments([Payment(0, course.id, date(2026, 10, 9), Decimal("100.00"), ""),
                            Payment(0, course.id, date(2026, 11, 9), Decimal("50.00"), "")])
        store.add_rate(Rate(0, "USD", "EUR", Decimal("0.90"), date(2026, 10, 1)))


def text(t: object) -> str:
    return "\n".join(screen_lines(t.app))  # type: ignore[attr-defined]


async def test_the_report_opens_with_r_and_moves_through_months_and_years(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_usd(db)
    async with running(db) as t:
        await t.press("3", "r")
        screen = t.app.screen
        assert isinstance(screen, ReportScreen) and screen.report is not None
        # It opens on the last full month: October, 90.00 EUR
        assert screen.report.period.months == ((2026, 10),)
        assert screen.report.all.amount == Decimal("90.00")
        # the first payment is of October: September, before it, is not compared with
        assert "Income report · month 2026-10 · in EUR" in text(t)
        await t.press("right")  # the running month, one key away, marked so far
        # November: 42.50 EUR + 50 USD * 0.90 = 45.00 -> 87.50 EUR, all passive
        assert (screen.report.all.amount, screen.report.passive.amount) == (Decimal("87.50"), Decimal("87.50"))
        shown = text(t)
        assert "Income report · month 2026-11 so far (compared with 2026-10) · in EUR" in shown
        assert "Video course" in shown
        assert "Rates used: 1 USD = 0.90 EUR (2026-10-01)." in shown.replace("\n", " ")
        await t.press("right")  # never past this month
        assert screen.month == (2026, 11)
        await t.press("left")
        assert screen.report.period.months == ((2026, 10),)
        await t.press("y")
        assert screen.report.period.label == "2026"  # from the first payment's month on: October
        assert list(screen.report.period.months) == [(2026, 10), (2026, 11)]
        assert screen.report.all.amount == Decimal("177.50")
        assert "Income report · year 2026" in text(t)
        await t.press("escape")
        assert t.on_top(t.app.main_screen)
        await t.run_command("Report")
        assert isinstance(t.app.screen, ReportScreen)


async def test_rates_are_listed_added_with_field_errors_and_deleted(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_usd(db)
    async with running(db) as t:
        await t.press("3", "$")
        dialog = t.app.screen
        assert isinstance(dialog, RatesDialog)
        assert [r.describe() for r in dialog.shown] == ["1 USD = 0.90 EUR (2026-10-01)"]
        await t.press("a")
        assert isinstance(t.form, RateForm)
        assert t.form.values() == {"currency": "", "to": "EUR", "rate": "", "on": TODAY.isoformat()}
        await t.fill(currency="eur", rate="0,9", on="2026-11-31")
        await t.press("ctrl+s")
        assert t.error("to") == "Choose a different currency: a rate converts one into another"
        assert t.error("rate") == "Use a dot for decimals, e.g. 0.92"
        assert "November 2026 has 30 days" in t.error("on")
        assert t.form.values()["rate"] == "0,9"  # what was typed stays
        await t.fill(currency="gbp", rate="1.17", on="2026-11-01")
        await t.press("ctrl+s")
        assert t.on_top(dialog)
        assert [r.describe() for r in dialog.shown] == ["1 GBP = 1.17 EUR (2026-11-01)",
                                                        "1 USD = 0.90 EUR (2026-10-01)"]
        await t.press("down", "d")
        assert isinstance(t.app.screen, ConfirmDialog)
        await t.press("y")
        assert [r.describe() for r in dialog.shown] == ["1 GBP = 1.17 EUR (2026-11-01)"]
        await t.press("escape")
        assert t.on_top(t.app.main_screen)
    with reopen(db) as store:
        assert [(r.currency, r.to, r.rate, r.on) for r in store.rates()] == [
            ("GBP", "EUR", Decimal("1.17"), date(2026, 11, 1))]


async def test_export_writes_the_chosen_format_and_refuses_a_bad_path(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.run_command("Export")
        assert isinstance(t.form, ExportForm)
        assert t.form.values()["path"].endswith(f"tenfold-{TODAY.isoformat()}.csv")
        await t.fill(format="JSON: everything, exact")
        assert t.form.values()["path"].endswith(f"tenfold-{TODAY.isoformat()}.json")
        await t.fill(path=str(tmp_path / "no" / "x.json"))
        await t.press("ctrl+s")
        assert "does not exist" in t.error("path")
        await t.fill(path=str(db))
        await t.press("ctrl+s")
        assert "That is Tenfold's data file; choose another file" in t.error("path")
        for hostile in ("x" * 10_000, "a\x00b.csv"):  # each raised from inside the check, and the app closed
            t.form.query_one("#field-path", Input).value = hostile  # as a paste would put it there
            await t.press("ctrl+s")
            assert t.error("path") and t.form.values()["path"] == hostile
        await t.fill(path=str(tmp_path / "out.json"))
        await t.press("ctrl+s")
        await until(t, lambda: t.on_top(t.app.main_screen), 10)  # written on a thread, behind a progress bar
        assert any(n.startswith("Exported 1 payment, 2 streams and 0 ideas to ") for n in t.notifications())
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["payments"][0]["amount"] == "42.50"
    assert (tmp_path / "out.json").stat().st_mode & 0o777 == 0o600


async def test_the_export_runs_behind_a_progress_bar_and_esc_cancels_it(tmp_path: Path) -> None:
    """The job waits between two steps: the app still answers keys, the bar shows the count, Esc stops it."""
    db = tmp_path / "t.json"
    seed_ledger(db)
    go, wrote = threading.Event(), []

    def job(progress: Callable[[int], None]) -> str:
        progress(0)
        progress(2000)
        go.wait(10)
        progress(4000)  # raises: the user cancelled meanwhile
        wrote.append("file")
        return "nothing"

    ended: list[ExportDone | None] = []
    async with running(db) as t:
        dialog = ExportProgress(tmp_path / "out.csv", 5000, job)
        t.app.push_screen(dialog, ended.append)
        await until(t, lambda: bool(dialog.query(ProgressBar)) and dialog.query_one(ProgressBar).progress == 2000,
                    10)
        await t.press("escape")  # answered while the export's thread is busy
        go.set()
        await until(t, lambda: t.on_top(t.app.main_screen), 10)
    assert ended == [ExportDone("Export cancelled; nothing was written")]
    assert wrote == []


async def test_an_export_that_cannot_be_written_is_told(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)

    def job(progress: Callable[[int], None]) -> str:
        progress(0)
        raise FieldError("path", "/nope/out.csv: cannot be written: No space left on device")

    ended: list[ExportDone | None] = []
    async with running(db) as t:
        t.app.push_screen(ExportProgress(tmp_path / "out.csv", 1, job), ended.append)
        await until(t, lambda: t.on_top(t.app.main_screen), 10)
    assert ended == [ExportDone("Export not written: /nope/out.csv: cannot be written: No space left on device",
                                failed=True)]
