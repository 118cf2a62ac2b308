"""Guards for the fixes the benchmark led to; counts of work done, never timings.

Timings belong in ``benchmarks/run.py``: on a shared machine a timed test fails
at random. What can be tested is that the cheap path is taken: a tick does not
rebuild the ledger's tables, and the ledger's per-stream figures take one pass.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tenfold.ledger import Payment, Stream, month_totals, stream_month_totals
from tenfold.tui.widgets.ideas_pane import IdeasPane
from tenfold.tui.widgets.ledger_pane import LedgerPane
from tenfold.tui.widgets.steps_pane import StepList
from tui_support import TODAY, reopen, running, seed_ledger

BOOK = Stream(1, "Book", "ebook", "passive", "EUR")
ETF = Stream(2, "ETF", "dividends", "portfolio", "USD")


def pay(stream: Stream, day: str, amount: str) -> Payment:
    return Payment(0, stream.id, date.fromisoformat(day), Decimal(amount), "")


def test_stream_month_totals_by_hand() -> None:
    payments = [
        pay(BOOK, "2026-01-03", "10.10"),
        pay(BOOK, "2026-01-31", "0.20"),
        pay(BOOK, "2025-01-15", "99.00"),  # same month, another year
        pay(ETF, "2026-01-15", "33.33"),
        pay(ETF, "2026-02-01", "1.00"),
    ]
    assert stream_month_totals(payments, 2026, 1) == {1: Decimal("10.30"), 2: Decimal("33.33")}
    assert stream_month_totals(payments, 2024, 1) == {}
    for stream in (BOOK, ETF):  # the same figure the pane used to get one stream at a time
        assert stream_month_totals(payments, 2026, 1)[stream.id] == month_totals(
            payments, [stream], 2026, 1
        )[stream.currency]


async def test_a_tick_refreshes_the_steps_not_the_ledger_or_ideas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    shown: list[str] = []
    for pane in (LedgerPane, IdeasPane):
        original = pane.show

        def spy(self: object, *args: object, _original: object = original, _name: str = pane.__name__) -> None:
            shown.append(_name)
            _original(self, *args)  # type: ignore[operator]

        monkeypatch.setattr(pane, "show", spy)
    async with running(db) as t:
        assert sorted(shown) == ["IdeasPane", "LedgerPane"]  # filled once when the app opens
        shown.clear()
        await t.press("2", "space")
        assert t.app.main_screen.query_one(StepList).states[0].done
        assert shown == []
    with reopen(db) as store:
        assert store.steps()[0].done_on == TODAY
