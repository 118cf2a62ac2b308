"""Helpers shared by the TUI tests (no tests here).

Everything is real: the app from :func:`make_app` on a TinyDB file in a temporary
folder, driven through ``App.run_test()`` and ``Pilot``. What a test checks is what
a new :class:`Store` reads back from the file after the app has gone.
"""

from __future__ import annotations

import asyncio
import html
import re
import time
import unicodedata
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.message_pump import MessagePump
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Select, Static, TextArea

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.store import Store
from tenfold.tui.app import TenfoldApp, make_app
from tenfold.tui.dialogs.form import FormDialog
from tenfold.tui.screens.today import TodayScreen

TODAY = date(2026, 11, 21)
WIDE = (120, 40)
NARROW = (80, 24)


def open_store(path: Path) -> Store:
    """The store the app runs on, opened as the program opens it, with the tests' fixed clock.

    As in the program, a file with a payments' index is opened without reading its
    payments; the app reads them after its first paint.
    """
    return Store.open(path, today=lambda: TODAY, defer_payments=True)


def reopen(path: Path) -> Store:
    """A fresh, read-only look at what is on disk.

    While the app runs on ``path``, its background saves are waited for first
    (:func:`wait_for_saves`), so the file holds every change the app has made.
    """
    store = _RUNNING.get(path)
    if store is not None:
        wait_for_saves(store)
    return Store.open(path, read_only=True, today=lambda: TODAY)


_RUNNING: dict[Path, Store] = {}
"""The store of the app running on each path (see :func:`running`)."""


def wait_for_saves(store: Store, seconds: float = 5.0) -> None:
    """Block until the app's background saver has written every change, or reported that it cannot.

    The saver is a thread that needs nothing from the event loop, so blocking the
    loop here is fine; this keeps tests that look at the file deterministic.
    """
    deadline = time.monotonic() + seconds
    while store.unsaved and not store.saving_failed:
        assert time.monotonic() < deadline, f"a background save did not finish within {seconds} s"
        time.sleep(0.002)


@dataclass
class Running:
    """The app under test, its pilot, and the file it writes."""

    app: TenfoldApp
    pilot: Pilot[None]
    path: Path

    async def press(self, *keys: str) -> None:
        """Press keys one at a time, letting the app settle after each.

        Like ``Pilot.press`` (the key goes to the driver, which posts it to the app),
        with one ``Pilot.pause`` per key instead of its three waits: this machine
        spends most of a test's time in those waits.
        """
        for key in keys:
            self._send(key)
            await self.settle()

    async def settle(self, seconds: float = 10.0) -> None:
        """Wait until the app has handled every message the last keys caused, and its saves are written.

        ``Pilot.pause`` waits for the messages queued when it is called, then for
        the process to look idle. A key is first queued to the app, which hands it
        to the focused widget later, and a loaded machine looks idle while this
        process waits for a CPU: a test on a busy CI machine then pressed its next
        key before the last one had moved the focus or opened a screen. This waits
        until no queue of any screen's widgets holds anything, the same screen
        stayed on top, and the background saver has written all.
        """
        deadline = time.monotonic() + seconds
        while True:
            screen = self.app.screen
            await self.pilot.pause()
            wait_for_saves(self.app.store)
            if self.app.screen is screen and not _busy(self.app):
                return
            assert time.monotonic() < deadline, f"the app was still busy after {seconds} s"

    def _send(self, key: str) -> None:
        """Post one key event exactly as ``App._press_keys`` (behind ``Pilot.press``) builds it."""
        if len(key) == 1 and not key.isalnum():
            key = _character_to_key(key)
        try:
            char: str | None = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
        except KeyError:
            char = key if len(key) == 1 else None
        event = events.Key(key, char)
        event.set_sender(self.app)
        driver = self.app._driver
        assert driver is not None
        driver.send_message(event)

    async def paste(self, text: str, *, behind: tuple[str, ...] = ()) -> None:
        """Paste ``text`` as a terminal does (one event), in one burst behind the keys ``behind``; then settle."""
        for key in behind:
            self._send(key)
        event = events.Paste(text)
        event.set_sender(self.app)
        driver = self.app._driver
        assert driver is not None
        driver.send_message(event)
        await self.settle()

    async def burst(self, *keys: str) -> None:
        """Send keys as one burst, as a paste or a fast typist on a busy machine does, then let the app settle.

        Every key is in the app's queue before the app handles the first.
        """
        for key in keys:
            self._send(key)
        await self.settle()

    async def type(self, text: str) -> None:
        """Type text into the focused widget; a newline is Enter.

        Runs of printable characters are sent together, then the app settles once;
        Enter goes through :meth:`press` on its own, because a key handled by a
        binding may run after printable keys sent behind it.
        """
        run: list[str] = []
        for char in [*text, ""]:
            if char.isprintable() and char:
                run.append(char)
                continue
            for c in run:
                self._send(c)
            run.clear()
            await self.settle()
            if char == "\n":
                await self.press("enter")

    async def run_command(self, name: str) -> None:
        """Run a command from the palette: Ctrl+P, its name typed, Enter."""
        await self.press("ctrl+p")
        await self.type(name)
        await self.press("enter")

    @property
    def form(self) -> FormDialog[object]:
        """The open form; fails the test when none is open."""
        screen = self.app.screen
        assert isinstance(screen, FormDialog), f"expected a form, the screen is {screen!r}"
        return screen

    async def fill(self, **values: str) -> None:
        """Set form fields the way a user would: focus each, empty it, type.

        For a list (Select), the value is the label of the option to choose.
        """
        for name, value in values.items():
            widget = self.form.query_one(f"#field-{name}")
            widget.focus()
            await self.settle()
            if isinstance(widget, Select):
                # Open the list, type the start of the option's label to find it, take it.
                await self.press("enter")
                await self.type(value)
                await self.press("enter")
                labels = {key: str(label) for label, key in widget._options}
                chosen = labels.get(widget.value)
                assert chosen == value, f"choosing {value!r} in {name} gave {chosen!r}"
                continue
            if field_value(widget):
                assert isinstance(widget, Input | TextArea)
                widget.clear()  # selecting all and deleting by keys is not what is under test (and is slow)
            await self.type(value)
            assert field_value(widget) == value, f"typing into {name} gave {field_value(widget)!r}"

    def error(self, name: str) -> str:
        """The message under a field; '' when none is visible."""
        line = self.form.query_one(f"#error-{name}", Static)
        return str(line.render()) if line.has_class("-visible") else ""

    def form_error(self) -> str:
        """The form-wide message (a failed save); '' when none is visible."""
        line = self.form.query_one("#form-error", Static)
        return str(line.render()) if line.has_class("-visible") else ""

    def on_top(self, screen: object) -> bool:
        """Whether ``screen`` is the one on top (a call, so a type checker keeps what it knows of ``screen``)."""
        return self.app.screen is screen

    def current(self) -> Screen[object]:
        """The screen on top now: read afresh, so a type checker does not carry a narrowing across an await."""
        return self.app.screen

    def notifications(self) -> list[str]:
        """Messages the app has shown in toasts so far."""
        return [n.message for n in self.app._notifications]


def field_value(widget: Widget) -> str:
    """What a form widget holds, as the form would read it."""
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, Select):
        return "" if widget.value is Select.NULL else str(widget.value)
    raise TypeError(widget)


def _busy(app: TenfoldApp) -> bool:
    """Whether the app, a screen on its stack or any of their widgets has a message or callback waiting."""
    nodes: list[MessagePump] = [app]
    for screen in app.screen_stack:
        nodes.extend(screen.walk_children(with_self=True))
        if screen._callbacks:
            return True
    return any(node._message_queue.qsize() or node._next_callbacks or node._pending_message for node in nodes)


async def until(ui: Running, condition: Callable[[], bool], seconds: float = 2.0) -> None:
    """Let the app run until ``condition()`` holds (a background save, its report); fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"still not true after {seconds} s"
        await asyncio.sleep(0.02)
        await ui.pilot.pause()


@asynccontextmanager
async def running(path: Path, size: tuple[int, int] = WIDE) -> AsyncIterator[Running]:
    """Run the real app on ``path``; the store is closed (lock released) afterwards."""
    store = open_store(path)
    _RUNNING[path] = store
    try:
        app = make_app(store)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            yield Running(app, pilot, path)
    finally:
        del _RUNNING[path]
        store.close()


def seed_ledger(path: Path) -> tuple[Stream, Stream, Payment]:
    """A goal, two streams and one payment, written with the store (not the app)."""
    with open_store(path) as store:
        store.set_goal(Goal("Ebooks pay the rent", Decimal("1500.00"), "EUR", date(2027, 12, 31), TODAY))
        books = store.add_stream(Stream(0, "Ebook royalties", "ebook", "passive", "EUR"))
        ads = store.add_stream(Stream(0, "Blog ads", "ads", "passive", "EUR"))
        payment = store.add_payment(Payment(0, books.id, date(2026, 11, 3), Decimal("42.50"), "October sales"))
    return books, ads, payment


def screen_lines(app: TenfoldApp) -> list[str]:
    """The text on the screen, line by line, read from Textual's own screenshot (SVG)."""
    svg = app.export_screenshot()
    width, height = app.size
    grid = [[" "] * width for _ in range(height)]
    spans = re.finditer(
        r'<text [^>]*x="([\d.]+)"[^>]*textLength="([\d.]+)"[^>]*clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>',
        svg,
    )
    for match in spans:
        x, length, line, raw = match.groups()
        text = html.unescape(raw).replace("\xa0", " ")
        if not text or int(line) >= height:
            continue
        cell = float(length) / len(text)  # every character here is one cell wide
        column = round(float(x) / cell)
        for offset, char in enumerate(text):
            if column + offset < width:
                grid[int(line)][column + offset] = char
    return ["".join(row).rstrip() for row in grid]


@asynccontextmanager
async def launched(
    path: Path, size: tuple[int, int] = WIDE, *, show_today: bool | None = True, config: Path | None = None
) -> AsyncIterator[Running]:
    """The real app as the command line starts it: the card opens once the panes are shown."""
    store = open_store(path)
    try:
        app = make_app(store, show_today=show_today, config_dir=config)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.pause()
            yield Running(app, pilot, path)
    finally:
        store.close()


def card(t: Running) -> TodayScreen:
    screen = t.app.screen
    assert isinstance(screen, TodayScreen), f"expected the today card, the screen is {screen!r}"
    return screen
