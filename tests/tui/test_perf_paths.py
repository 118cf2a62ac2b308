"""Guards for the fixes the benchmark led to; counts of work done, never timings.

Timings belong in ``benchmarks/run.py``: on a shared machine a timed test fails
at random. What can be tested is that the cheap path is taken: a tick does not
rebuild the ledger's tables, a change redraws only the panes that show it, the
ledger's per-stream figures take one pass, and a table turns only the rows on
screen into cells (``test_virtual_table.py``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from oracles import summarize
from textual.widgets import Static
from tui_support import TODAY, open_store, reopen, running, seed_ledger, until

from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.figures.totals import ledger_figures, month_totals, stream_month_totals
from tenfold.tui.widgets.goal_pane import GoalPane
from tenfold.tui.widgets.ideas_pane import IdeasPane
from tenfold.tui.widgets.ledger_pane import LedgerPane
from tenfold.tui.widgets.steps_pane import StepList
from tenfold.tui.widgets.virtual_table import VirtualTable

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


def spy_on_panes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the panes whose ``show`` runs, in order, from now on."""
    shown: list[str] = []
    for pane in (GoalPane, LedgerPane, IdeasPane):
        original = pane.show

        def spy(self: object, *args: object, _original: object = original, _name: str = pane.__name__,
                **kwargs: object) -> None:
            shown.append(_name)
            _original(self, *args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(pane, "show", spy)
    return shown


def test_figures_in_two_passes_equal_summarize_and_the_per_stream_totals() -> None:
    active = Stream(3, "Consulting", "business", "active", "EUR")
    gone = Stream(4, "Deleted", "ads", "passive", "EUR")
    streams = [BOOK, ETF, active]
    payments = [
        pay(BOOK, "2026-11-03", "10.10"),
        pay(BOOK, "2026-11-20", "0.25"),
        pay(ETF, "2026-11-15", "33.33"),
        pay(active, "2026-11-02", "900.00"),
        pay(BOOK, "2026-10-31", "5.00"),  # last month
        pay(active, "2026-10-01", "100.00"),
        pay(ETF, "2025-11-15", "99.00"),  # same month, a year before: counts nowhere
        pay(gone, "2026-11-01", "7.00"),  # a stream that is gone: counts nowhere
    ]
    figures = ledger_figures(streams, payments, TODAY)
    assert figures.summary == summarize(payments, streams, TODAY)
    assert figures.this_month_by_stream == stream_month_totals(payments, 2026, 11)
    assert figures.summary.passive_this_month == {"EUR": Decimal("10.35")}  # by hand: the book only
    assert figures.summary.this_month == {"EUR": Decimal("910.35"), "USD": Decimal("33.33")}
    assert figures.summary.last_month == {"EUR": Decimal("105.00")}
    assert ledger_figures([], [], TODAY).summary == summarize([], [], TODAY)


async def test_a_tick_refreshes_the_steps_not_the_ledger_or_ideas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    shown = spy_on_panes(monkeypatch)
    async with running(db) as t:
        await until(t, lambda: t.app.main_screen.store.payments_ready)
        await t.pilot.pause()
        # Filled once when the app opens (from the payments' index), the ledger again once the payments are read.
        assert sorted(shown) == ["GoalPane", "GoalPane", "IdeasPane", "LedgerPane", "LedgerPane"]
        shown.clear()
        await t.press("2", "space")
        assert t.app.main_screen.query_one(StepList).states[0].done
        assert shown == []
    with reopen(db) as store:
        assert store.steps()[0].done_on == TODAY


async def test_each_change_refreshes_only_the_panes_that_show_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    shown = spy_on_panes(monkeypatch)
    async with running(db) as t:
        shown.clear()
        await t.press("3", "a")  # a payment: the ledger, and the goal pane's progress
        await t.fill(amount="7")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        assert sorted(shown) == ["GoalPane", "LedgerPane"]
        assert t.app.main_screen.query_one("#payments", VirtualTable).row_count == 2
        shown.clear()
        await t.press("d", "y")  # deleting it, the same
        assert sorted(shown) == ["GoalPane", "LedgerPane"]
        shown.clear()
        await t.press("4", "a")  # an idea: only the ideas
        await t.fill(who="Neighbours", value="Garden help")
        await t.press("ctrl+s")
        assert shown == ["IdeasPane"]
        shown.clear()
        await t.press("1", "w")  # the goal: its pane and the ledger's totals line, not the ledger's tables
        await t.fill(amount="2000")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        assert shown == ["GoalPane"]
        summary = str(t.app.main_screen.query_one("#ledger-summary", Static).render())
        assert "of 2,000.00 EUR" in summary
    with reopen(db) as store:
        assert len(store.payments()) == 1 and len(store.ideas()) == 1
        assert store.goal is not None and store.goal.amount == Decimal("2000.00")


async def test_a_cancelled_form_refreshes_nothing_unless_it_cleared_a_draft(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    with open_store(db) as store:
        store.save_draft("idea", {"who": "Half", "value": "", "reach": "", "delivery": ""})
    shown = spy_on_panes(monkeypatch)
    async with running(db) as t:
        shown.clear()
        for keys in (("3", "a"), ("3", "s"), ("1", "w")):
            await t.press(*keys)
            assert t.app.screen is not t.app.main_screen
            await t.press("escape")
            assert t.app.screen is t.app.main_screen
        assert shown == []
        await t.press("4", "a")  # the draft comes back; cancelling clears it, a write
        assert t.form.values()["who"] == "Half"
        await t.press("escape")
        assert shown == ["IdeasPane"]
    with reopen(db) as store:
        assert store.draft("idea") is None


def test_the_goal_form_loads_without_the_other_forms() -> None:
    """w on the today card (often the first key) opens the goal form: its module does not load the stream,
    payment and idea forms' modules, which the first key would otherwise wait for."""
    import subprocess
    import sys

    code = ("import sys; import tenfold.tui.dialogs.goal_form; "
            "print(sorted(m for m in ('tenfold.tui.dialogs.ledger_forms', 'tenfold.tui.dialogs.idea_form') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.strip() == "[]"


async def test_ideas_are_drawn_again_only_when_an_idea_earned_something(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A payment to a stream made from no idea leaves the ideas table as it was; one made from an idea does not."""
    db = tmp_path / "t.json"
    books, ads, _ = seed_ledger(db)
    with open_store(db) as store:
        idea = store.add_idea(Idea(0, "Readers of the blog", "A course", "", "", TODAY))
        store.update_stream(replace(ads, idea_id=idea.id))
    given: list[str | None] = []
    original = VirtualTable.set_rows

    def spy(table: VirtualTable[Any], *args: Any, **kwargs: Any) -> None:
        given.append(table.id)
        original(table, *args, **kwargs)

    monkeypatch.setattr(VirtualTable, "set_rows", spy)
    async with running(db) as t:
        await until(t, lambda: t.app.main_screen.store.payments_ready)
        await t.pilot.pause()
        table = t.app.main_screen.query_one("#idea-table", VirtualTable)
        assert table.get_row_at(0)[4] == "0.00 EUR"
        for stream, amount in ((books.name, "7"), (ads.name, "5.50")):
            given.clear()
            await t.press("3", "a")
            await t.fill(stream=stream, amount=amount)
            await t.press("ctrl+s")
            assert t.app.screen is t.app.main_screen
            assert "payments" in given
            assert ("idea-table" in given) is (stream == ads.name), stream
        assert table.get_row_at(0)[4] == "5.50 EUR"


async def test_moving_the_focus_inside_a_pane_restyles_only_the_two_widgets(tmp_path: Path) -> None:
    """The pane in use is marked by a class the screen sets, not by ``:focus-within``.

    With ``:focus-within`` Textual restyled every widget of the pane at each focus
    change inside it: the ledger's filter Enter (line to table) spent 5 of its 22 ms
    at a million payments there. The border still follows the pane that holds the focus.
    """
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        screen = t.app.main_screen
        ledger = screen.query_one(LedgerPane)
        await t.press("3")
        restyled: list[int] = []
        stylesheet = t.app.stylesheet
        update_nodes = stylesheet.update_nodes

        def counted(nodes: Any, animate: bool = False) -> None:
            nodes = list(nodes)
            restyled.append(len(nodes))
            update_nodes(nodes, animate=animate)

        stylesheet.update_nodes = counted  # type: ignore[method-assign]
        try:
            await t.press("slash")  # shows the filter line (a class on the pane) and types into it
            await t.type("2026")
            restyled.clear()
            await t.press("enter")  # the filter line to the payments table
            await t.press("shift+tab")  # the payments table to the streams table
        finally:
            stylesheet.update_nodes = update_nodes  # type: ignore[method-assign]
        assert restyled and max(restyled) == 1, f"widgets restyled together at a focus change: {restyled}"
        border = ledger.styles.border_top[1]
        await t.press("1")
        assert ledger.styles.border_top[1] != border, "the border is no longer the one of the pane in use"
        assert screen.query_one(GoalPane).styles.border_top[1] == border
