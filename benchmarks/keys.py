"""Keystroke latency in the real app, driven headless by Textual's Pilot.

    python benchmarks/keys.py DATA_FILE [--repeat N] [--ticks N]

Prints one JSON object: per interaction the latency of each key in milliseconds,
plus how long the ledger pane took to fill and how long a form takes to close. Run by ``run.py`` in its own process
so each data set starts from a fresh interpreter and a hang can be timed out.

Sorting and filtering are timed twice: first with the orders and the filter's
texts made for the first time (the first ``o`` after start-up), and again right
after a payment was added through the form, which is when a cache that is dropped
on every change shows. A sort or filter too long for a key runs on a thread with
a progress bar (``tenfold.tui.widgets.ledger_work``): its key is answered when
the result or the bar is on screen, and the time until the result is shown is
kept beside it (``sort_result_ms``, ``filter_result_ms``).

Saving runs in the background (``tenfold.store.file.saver``), so a tick's key is timed to
the screen update, and separately to the moment its change is on disk (the
store has nothing unsaved left): the first is what the user waits for, the
second how long a change is only in memory.

Method: a key event is posted to the app exactly as Pilot does (through the
driver), without Pilot's idle waits, and the clock stops at the first screen
update (``App._display``, called once per refresh with the changed regions) that
happens once the key's effect is visible in the widgets: the character is in the
text area, the ledger cursor is one row down, the step's tick has flipped. In a
headless run Textual skips only the final write to the terminal, so this is the
time to a rendered update; the write itself is in the start-up figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import events
from textual.widgets import Input, TextArea

from tenfold.store.store import Store
from tenfold.tui.app import TenfoldApp, make_app
from tenfold.tui.run import keep_out_of_collections
from tenfold.tui.widgets.ledger_pane import LedgerPane
from tenfold.tui.widgets.ledger_work import WorkBar
from tenfold.tui.widgets.steps_pane import StepList
from tenfold.tui.widgets.virtual_table import VirtualTable

TIMEOUT = 120.0
RESULT: dict[str, Any] = {}
"""Figures gathered along the way, merged into the printed result."""


class Probe:
    """Hooks the app's screen updates and times keys against them."""

    def __init__(self, app: TenfoldApp) -> None:
        self.app = app
        self._check: Callable[[], bool] | None = None
        self._done = asyncio.Event()
        self._stamp = 0.0
        self.started = 0.0
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if renderable is not None and self._check is not None and self._check():
                self._stamp = time.perf_counter()
                self._check = None
                self._done.set()

        app._display = display  # type: ignore[method-assign]

    async def key(self, key: str, changed: Callable[[], bool], char: str | None = None) -> float:
        """Press ``key``; return milliseconds until the screen shows ``changed()``."""
        driver = self.app._driver
        assert driver is not None
        self._done.clear()
        self._check = changed
        event = events.Key(key, char if char is not None else (key if len(key) == 1 else None))
        event.set_sender(self.app)
        started = self.started = time.perf_counter()
        driver.send_message(event)
        await asyncio.wait_for(self._done.wait(), TIMEOUT)
        return (self._stamp - started) * 1000

    async def durable(self) -> float:
        """Milliseconds from the last key until its change was on disk (the background save done)."""
        while self.app.store.unsaved:
            await asyncio.sleep(0.001)
        return (time.perf_counter() - self.started) * 1000


def bar_shown(pane: LedgerPane) -> bool:
    """The progress bar of a sort or filter made on a thread is on screen (the key's answer)."""
    return pane.work.waiting and any(bar.display and bar.is_mounted and bar.children for bar in pane.query(WorkBar))


async def answered(probe: Probe, key: str, pane: LedgerPane, done: Callable[[], bool], results: list[float]) -> float:
    """Time ``key`` until ``done()`` or the progress bar is on screen; then wait for ``done()`` and keep that time."""
    took = await probe.key(key, lambda: done() or bar_shown(pane))
    deadline = time.perf_counter() + TIMEOUT
    while not done():
        assert time.perf_counter() < deadline, f"{key}: no result after {TIMEOUT} s"
        await asyncio.sleep(0.002)
    results.append((time.perf_counter() - probe.started) * 1000)
    return took


async def settle(pilot: Any) -> None:
    """Let timers and refreshes from the last key finish before the next one."""
    await pilot.pause()
    await asyncio.sleep(0.03)


async def type_amount(app: TenfoldApp, pilot: Any, amount: str) -> None:
    """Type ``amount`` into the form's amount field, key by key, as a user does.

    Not by setting the field's value: Textual's Input then draws the change only
    when its next message comes - the Ctrl+S being timed - which put a layout of
    the whole form (3 ms) into the save's time that typing never leaves there.
    """
    field = app.screen.query_one("#field-amount", Input)
    field.focus()
    await settle(pilot)
    await pilot.press(*("full_stop" if char == "." else char for char in amount))
    assert field.value == amount, field.value
    await settle(pilot)


async def close_forms(app: TenfoldApp, probe: Probe, pilot: Any, table: VirtualTable[Any],
                      count: int) -> tuple[list[float], list[float]]:
    """Time closing the payment form: Escape (nothing changed), then Ctrl+S (a payment saved).

    The clock stops when the main screen is back on screen; after a save, once the
    payments table holds the new payment, i.e. the save and the ledger's refresh.
    """
    cancels, saves = [], []
    for _ in range(count):
        await pilot.press("a")
        await settle(pilot)
        cancels.append(await probe.key("escape", lambda: app.screen is app.main_screen))
        await settle(pilot)
    for n in range(count):
        await pilot.press("a")
        await settle(pilot)
        await type_amount(app, pilot, f"{n + 1}.00")
        rows = table.row_count
        saves.append(await probe.key(
            "ctrl+s", lambda r=rows: app.screen is app.main_screen and table.row_count == r + 1))
        await settle(pilot)
    return cancels, saves


async def add_one(app: TenfoldApp, pilot: Any, table: VirtualTable[Any], amount: str) -> None:
    """Record a payment through the form (untimed) and wait until the ledger shows it."""
    await pilot.press("a")
    await settle(pilot)
    await type_amount(app, pilot, amount)
    rows = table.row_count
    await pilot.press("ctrl+s")
    while not (app.screen is app.main_screen and table.row_count == rows + 1):
        await asyncio.sleep(0.005)
    await settle(pilot)


async def after_adds(app: TenfoldApp, probe: Probe, pilot: Any,
                     table: VirtualTable[Any]) -> tuple[list[float], list[float]]:
    """``o`` right after a payment was added, once into each order; then a filter right after an add."""
    pane = app.screen.query_one(LedgerPane)
    sorts, saved_sorts = [], []
    full_sorts = pane._order.sorts
    for n in range(3):
        await add_one(app, pilot, table, f"{n + 2}.00")
        before = pane._sort
        sorts.append(await answered(probe, "o", pane, lambda b=before: pane._sort != b,
                                    RESULT.setdefault("sort_after_add_result_ms", [])))
        await settle(pilot)
    for n in range(3):  # the same once the add is on disk: the background save no longer competes
        await add_one(app, pilot, table, f"{n + 12}.00")
        while app.store.unsaved:
            await asyncio.sleep(0.01)
        before = pane._sort
        saved_sorts.append(await answered(probe, "o", pane, lambda b=before: pane._sort != b,
                                          RESULT.setdefault("sort_after_save_result_ms", [])))
        await settle(pilot)
    RESULT["sort_after_save_ms"] = saved_sorts
    RESULT["full_sorts_after_adds"] = pane._order.sorts - full_sorts if pane._order.sorts >= full_sorts else -1
    filters = []
    payments = app.store.payments()
    for k in (1, 3):
        await add_one(app, pilot, table, f"{k + 5}.00")
        prefix = payments[len(payments) * k // 4].on.isoformat()[:7]
        filters.append(await type_filter(app, probe, pilot, table, prefix))
    return sorts, filters


async def type_filter(app: TenfoldApp, probe: Probe, pilot: Any, table: VirtualTable[Any], prefix: str) -> float:
    """Open the filter, type ``prefix``, time Enter until only the matches are shown; then clear it."""
    pane = app.screen.query_one(LedgerPane)
    await pilot.press("slash")
    await settle(pilot)
    for char in prefix:
        await pilot.press(char if char != "-" else "minus")
    took = await answered(probe, "enter", pane,
                          lambda: not pane._typing and pane._query == prefix and table.row_count > 0,
                          RESULT.setdefault("filter_result_ms", []))
    await settle(pilot)
    pane.clear_filter()
    await settle(pilot)
    return took


async def sort_and_filter(app: TenfoldApp, probe: Probe, pilot: Any,
                          table: VirtualTable[Any]) -> tuple[list[float], list[float]]:
    """Time ``o`` (the payments' next order) and Enter on a typed filter, until the table shows it.

    Three sorts go round all three orders (each one's first use sorts, later ones reuse
    it); three filters are month prefixes found in the data, typed and then submitted
    with Enter, each measured from Enter to the table holding only the matches.
    """
    pane = app.screen.query_one(LedgerPane)
    sorts: list[float] = []
    RESULT["sort_result_ms"] = results = []
    for _ in range(3):
        before = pane._sort
        sorts.append(await answered(probe, "o", pane, lambda b=before: pane._sort != b, results))
        await settle(pilot)
    filters = []
    payments = app.store.payments()
    # Month prefixes of payments a quarter, half and three quarters down the list: each
    # matches some payments whatever the data set spans.
    prefixes = [payments[len(payments) * k // 4].on.isoformat()[:7] for k in (1, 2, 3)] if payments else []
    for prefix in prefixes:
        filters.append(await type_filter(app, probe, pilot, table, prefix))
    return sorts, filters


async def measure(path: Path, repeat: int, ticks: int) -> dict[str, Any]:
    """Open the app on ``path`` and time the three interactions."""
    store = Store.open(path, defer_payments=True)  # as the program opens it: from the payments' index
    app = make_app(store)
    # As tenfold.tui.run.run_tui does before it starts the app: the records read so far, and
    # the payments once read after the first paint, are kept out of the collector's sight.
    app.main_screen.reader.freeze_collections = True
    keep_out_of_collections()
    fills: list[float] = []
    original_show = LedgerPane.show

    def timed_show(pane: LedgerPane, *args: Any, **kwargs: Any) -> None:
        started = time.perf_counter()
        original_show(pane, *args, **kwargs)
        fills.append(time.perf_counter() - started)

    LedgerPane.show = timed_show  # type: ignore[method-assign]
    result: dict[str, Any] = {}
    try:
        started = time.perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            result["headless_start_s"] = time.perf_counter() - started
            while not store.payments_ready:  # read on a thread after the first paint: keys are timed after
                await asyncio.sleep(0.01)
            await pilot.pause()
            probe = Probe(app)

            await pilot.press("3")  # the ledger's payments table
            await settle(pilot)
            table = app.screen.query_one("#payments", VirtualTable)
            moves = []
            for _ in range(min(repeat, max(0, table.row_count - 1))):
                row = table.cursor_row
                moves.append(await probe.key("down", lambda r=row: table.cursor_row == r + 1))
                await settle(pilot)
            result["ledger_cursor_ms"] = moves
            result["sort_ms"], result["filter_ms"] = await sort_and_filter(app, probe, pilot, table)

            await pilot.press("2")  # the steps list
            await settle(pilot)
            steps = app.screen.query_one(StepList)
            if ticks:  # untimed: the day's first save also writes the daily backup (see the save rows)
                steps.cursor = 7
                await pilot.press("space", "space")
            flips, durable = [], []
            for n in range(ticks):
                index = 4 + n % 4
                steps.cursor = index
                await settle(pilot)
                was = steps.states[index].done
                flips.append(await probe.key("space", lambda i=index, w=was: steps.states[i].done != w, " "))
                durable.append(await probe.durable())
                await settle(pilot)
            result["tick_ms"] = flips
            result["tick_durable_ms"] = durable

            await pilot.press("3")  # back to the ledger; the day's first save (the backup) is behind us
            await settle(pilot)
            result["form_cancel_ms"], result["payment_save_ms"] = await close_forms(app, probe, pilot, table, ticks)
            result["sort_after_add_ms"], result["filter_after_add_ms"] = await after_adds(app, probe, pilot, table)

            await pilot.press("1", "w")  # the goal form; its first field is the goal text
            await settle(pilot)
            area = app.screen.query_one("#field-text", TextArea)
            area.focus()
            area.move_cursor(area.document.end)
            await settle(pilot)
            typed = []
            for char in ("passive income " * 4)[:repeat]:
                length = len(area.text)
                key = char if char.isalnum() else "space"
                typed.append(await probe.key(key, lambda n=length: len(area.text) == n + 1, char))
                await settle(pilot)
            result["typing_ms"] = typed
    finally:
        LedgerPane.show = original_show  # type: ignore[method-assign]
        store.close()
    result["ledger_fill_s"] = fills
    result.update(RESULT)
    return result


def main() -> int:
    """Measure and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--repeat", type=int, default=25, help="keys per interaction")
    parser.add_argument("--ticks", type=int, default=3, help="step ticks (each one saves)")
    args = parser.parse_args()
    result = asyncio.run(measure(args.db, args.repeat, args.ticks))
    json.dump(result, sys.stdout)
    for name in ("ledger_cursor_ms", "sort_ms", "sort_result_ms", "filter_ms", "filter_result_ms",
                 "form_cancel_ms", "payment_save_ms", "tick_ms",
                 "tick_durable_ms", "sort_after_add_ms", "filter_after_add_ms", "typing_ms"):
        if result.get(name):
            print(f"\n{name}: median {statistics.median(result[name]):.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
