"""What the terminal shows after keys is what a fresh render shows, though only changed lines are drawn.

The panes' bottom lines are drawn alone when their text changes
(:func:`~tenfold.tui.compat.set_border_subtitle`), and the main screen draws a
key's change when idle rather than at the frame timer's next tick. The terminal
is mirrored here from the updates the app sends it (a headless run skips only
the final write), and compared cell by cell, colours included, with a fresh
render of every widget: a widget that changed but was not redrawn shows as a
stale cell.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.segment import ControlType, Segment
from rich.style import Style
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate
from textual.screen import Screen
from textual.widgets import Input
from tui_support import Running, running, seed_ledger

from tenfold.tui.app import TenfoldApp

Cell = tuple[str, Style | None]


class Terminal:
    """The cells the app has written so far, from each update it sent to the (headless) terminal."""

    def __init__(self, app: TenfoldApp) -> None:
        self.app = app
        self.cells: dict[tuple[int, int], Cell] = {}
        self._console = Console(width=app.size.width, height=app.size.height, force_terminal=True)
        original = app._display

        def display(screen: Any, renderable: Any) -> None:
            original(screen, renderable)
            if isinstance(renderable, CompositorUpdate) and screen is app.screen:
                self.write(renderable)

        app._display = display  # type: ignore[method-assign]

    def write(self, update: CompositorUpdate, into: dict[tuple[int, int], Cell] | None = None) -> None:
        """Apply ``update`` to the cells (or to ``into``), as a terminal applies the text and cursor moves."""
        cells = self.cells if into is None else into
        assert isinstance(update, (LayoutUpdate, ChopsUpdate))
        x = y = 0
        for segment in update.__rich_console__(self._console, self._console.options):
            assert isinstance(segment, Segment)
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = int(control[1]), int(control[2])  # type: ignore[misc]
                continue
            if segment.text == "\n":
                continue
            for char in segment.text:
                cells[x, y] = (char, segment.style)
                x += 1

    async def stale(self, ui: Running) -> list[str]:
        """The lines whose cells differ from a fresh render of every widget (none is left to its caches)."""
        await ui.pilot.pause()
        await ui.pilot.pause()
        shown = dict(self.cells)
        for widget in self.app.screen.walk_children(with_self=True):
            widget.refresh()
        await ui.pilot.pause()
        await ui.pilot.pause()
        width, height = self.app.size
        lines = []
        for y in range(height):
            row = [(x, y) for x in range(width)]
            if [shown.get(c) for c in row] != [self.cells.get(c) for c in row]:
                lines.append(f"{y}: {''.join(shown.get(c, ('?', None))[0] for c in row).rstrip()}")
        return lines


async def test_focus_moves_redraw_what_they_change_and_nothing_stale_is_left(tmp_path: Path) -> None:
    """Filter opened and submitted, panes switched, filter cleared, order changed, a step ticked: no stale cell."""
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        terminal = Terminal(ui.app)
        await terminal.stale(ui)  # a full render to start from: the cells before the mirror was hooked
        await ui.press("3")
        assert await terminal.stale(ui) == []
        await ui.press("slash")
        assert await terminal.stale(ui) == []
        await ui.type("2026-11")
        assert await terminal.stale(ui) == []
        await ui.press("enter")  # focus goes from the filter line to the payments; the bottom line counts matches
        assert await terminal.stale(ui) == []
        for key in ("2", "4", "1", "3"):  # the focus goes round the panes, borders and footer keys change
            await ui.press(key)
            assert await terminal.stale(ui) == [], key
        await ui.press("slash", "escape")
        assert await terminal.stale(ui) == []
        for key in ("o", "2", "space"):  # the ledger's order and a ticked step change the panes' bottom lines
            await ui.press(key)
            assert await terminal.stale(ui) == [], key


class Draws:
    """Each update of a screen sent to the terminal: "timer" (the frame timer drew it) or "idle".

    While ``hold`` is set the frame timer's ticks are held back, so a change can only be
    drawn at idle: a key answered that way is drawn, and a key left for the timer is not.
    That holds on a loaded machine too, where the timer may tick before the app is idle.
    """

    def __init__(self, app: TenfoldApp, screen: Screen[Any]) -> None:
        self.seen: list[str] = []
        self.hold = False
        timer = screen._update_timer
        in_tick = [False]
        tick = timer._tick
        display = app._display

        async def ticked(*, next_timer: float, count: int) -> None:
            if self.hold:
                return
            in_tick[0] = True
            try:
                await tick(next_timer=next_timer, count=count)
            finally:
                in_tick[0] = False

        def displayed(on: Any, renderable: Any) -> None:
            if renderable is not None and on is screen:
                self.seen.append("timer" if in_tick[0] else "idle")
            display(on, renderable)

        timer._tick = ticked  # type: ignore[method-assign]
        app._display = displayed  # type: ignore[method-assign,assignment]

    async def key(self, ui: Running, key: str) -> list[str]:
        """Press ``key`` after more than a frame without drawing, the timer held; what drew its change."""
        await asyncio.sleep(0.05)  # nothing drawn for longer than a frame
        self.seen.clear()
        self.hold = True
        try:
            ui._send(key)
            for _ in range(400):  # no Pilot pause: it draws the screen itself at its end
                if self.seen:
                    break
                await asyncio.sleep(0.005)
        finally:
            self.hold = False
        await ui.pilot.pause()
        return self.seen


async def test_a_key_is_drawn_once_handled_not_at_the_next_tick_of_the_frame_timer(tmp_path: Path) -> None:
    """After a pause longer than a frame, a key's change is drawn when the app is idle, not by the frame timer."""
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        draws = Draws(ui.app, ui.app.main_screen)
        for key in ("3", "2", "4", "1"):  # each moves the focus to another pane: its border and the footer change
            assert (await draws.key(ui, key))[:1] == ["idle"], key


async def test_the_first_frame_after_a_payment_is_saved_shows_it(tmp_path: Path) -> None:
    """The form closes and the ledger takes the payment in one frame: none shows the ledger as it was."""
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        app = ui.app
        terminal = Terminal(app)
        await terminal.stale(ui)  # a full render to start from
        await ui.press("3", "a")
        await asyncio.sleep(0.05)  # the form drawn, and no frame for longer than one
        app.screen.query_one("#field-amount", Input).value = "77.77"
        first: list[str] = []
        display = app._display

        def displayed(on: Any, renderable: Any) -> None:
            display(on, renderable)  # the mirror writes it first
            if renderable is not None and on is app.main_screen and not first:
                width, height = app.size
                first.append("\n".join("".join(terminal.cells.get((x, y), (" ", None))[0] for x in range(width))
                                       for y in range(height)))

        app._display = displayed  # type: ignore[method-assign,assignment]
        await ui.press("ctrl+s")
        assert app.screen is app.main_screen
        assert first and "77.77" in first[0], "the first frame after the form showed the ledger without the payment"


async def test_the_frame_after_a_saved_form_is_drawn_once_its_answer_is_in_not_at_the_next_tick(
    tmp_path: Path,
) -> None:
    """The payment form saved: the main screen is drawn as soon as the ledger took the payment in.

    Without a dialog's answer the first frame after it waits for the frame timer (a
    frame drawn sooner could show the screen as it was); once the form's callback
    has run, nothing is left to wait for.
    """
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        app = ui.app
        await ui.press("3", "a")
        await ui.fill(amount="12.34")
        draws = Draws(app, app.main_screen)
        assert (await draws.key(ui, "ctrl+s"))[:1] == ["idle"]
        assert app.screen is app.main_screen
