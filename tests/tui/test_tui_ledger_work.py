"""Sorts and filters too long for a key run on a thread: a progress bar, Esc stops them, the rows are the oracle's.

``QUICK_ROWS`` is lowered so a few hundred payments count as many, and the job's
steps wait at a gate the test opens: the job is the real one, only held.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from oracles import payment_rows
from tui_support import Running, open_store, running, until

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.tui.widgets.ledger_pane import LedgerPane
from tenfold.tui.widgets.ledger_work import WorkBar
from tenfold.tui.widgets.virtual_table import VirtualTable
from tenfold.views import payment_jobs, payment_work
from tenfold.views.payment_work import Progress


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Jobs step only while the gate is open; 600 payments are 'many'."""
    monkeypatch.setattr(payment_jobs, "QUICK_ROWS", 100)
    monkeypatch.setattr(payment_work, "STEP", 50)
    opened = threading.Event()
    tick = Progress.tick

    def held(self: Progress, count: int) -> None:
        opened.wait(30)
        tick(self, count)

    monkeypatch.setattr(Progress, "tick", held)
    yield opened
    opened.set()  # let stopped threads end


def seed(path: Path) -> tuple[list[Payment], dict[int, str]]:
    with open_store(path) as store:
        streams = [store.add_stream(Stream(0, name, "ebook", "passive", "EUR"))
                   for name in ("Ebook royalties", "Blog ads", "ETF dividends")]
        store.add_payments([Payment(0, streams[n % 3].id, date(2026, 1, 1) + timedelta(days=n % 290),
                                    Decimal(n % 37) + Decimal("0.50"), "paid 2026-03-01" if n % 50 == 0 else "",
                                    "Acme" if n % 7 == 0 else "") for n in range(600)])
        return list(store.payments()), {s.id: s.name for s in streams}


def shown(t: Running) -> list[int]:
    table = t.app.main_screen.query_one("#payments", VirtualTable)
    return [p.id for p in table._records]


def bar_shown(pane: LedgerPane) -> bool:
    return any(bar.display for bar in pane.query(WorkBar))


async def test_a_long_sort_shows_a_bar_answers_keys_and_esc_leaves_the_ledger(tmp_path: Path,
                                                                             gate: threading.Event) -> None:
    db = tmp_path / "t.json"
    payments, names = seed(db)
    async with running(db) as t:
        pane = t.app.main_screen.query_one(LedgerPane)
        table = t.app.main_screen.query_one("#payments", VirtualTable)
        await t.press("3")
        before = shown(t)
        assert before == payment_rows(payments, names, "date")
        await until(t, lambda: pane.work.job is not None)  # made ahead of use once every payment is read
        await t.press("o")
        await until(t, lambda: bar_shown(pane))
        assert pane._sort == "date" and shown(t) == before, "the table keeps its rows while the order is made"
        await t.press("down")  # the app answers keys while the thread works
        assert table.cursor_row == 1
        await t.press("escape")
        assert not pane.work.waiting and not bar_shown(pane)
        assert pane._sort == "date" and shown(t) == before and table.cursor_row == 1
        gate.set()
        await t.press("o")
        await until(t, lambda: pane._sort == "amount", 10)
        assert shown(t) == payment_rows(payments, names, "amount")
        assert not bar_shown(pane)
        await t.press("o")  # by stream: made on a thread too, then the same rows as the plain sort
        await until(t, lambda: pane._sort == "stream", 10)
        assert shown(t) == payment_rows(payments, names, "stream")


async def test_a_long_filter_on_a_thread_gives_the_oracles_rows(tmp_path: Path, gate: threading.Event) -> None:
    db = tmp_path / "t.json"
    payments, names = seed(db)
    async with running(db) as t:
        pane = t.app.main_screen.query_one(LedgerPane)
        await t.press("3", "slash")
        await t.type("acme")
        await t.press("enter")
        await until(t, lambda: bar_shown(pane))
        assert pane._query == "" and shown(t) == payment_rows(payments, names, "date")
        await t.press("escape")  # focus is on the table again: Esc stops the filter, the rows stay
        assert not pane.work.waiting and pane._query == ""
        gate.set()
        await t.press("slash")
        await t.type("acme")
        await t.press("enter")
        await until(t, lambda: pane._query == "acme", 10)
        assert shown(t) == payment_rows(payments, names, "date", "acme")
        await t.press("slash", "escape")  # Esc in the filter line clears it: all payments again
        await until(t, lambda: pane._query == "", 10)
        await t.press("slash")
        await t.type("2026-03")  # a month: once the texts are made, a run of the date order, at once
        await t.press("enter")
        await until(t, lambda: pane._query == "2026-03", 10)
        assert shown(t) == payment_rows(payments, names, "date", "2026-03")
