"""The Tenfold app. :func:`make_app` builds it around a store, for the CLI and for tests."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import signal
import sys
import threading
from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Any

from textual import events, on
from textual.actions import SkipAction
from textual.app import SystemCommand
from textual.markup import escape
from textual.screen import Screen
from textual.theme import Theme

from tenfold.config import load_settings, save_settings
from tenfold.crashlog import crash_message, write_crash_log
from tenfold.paths import state_dir
from tenfold.store.store import Store
from tenfold.tui import compat
from tenfold.tui.compat import HookedApp
from tenfold.tui.hang_up import give_terminal_back
from tenfold.tui.key_gate import KeyGate
from tenfold.tui.keys import APP_KEYS, COMMANDS, STEP_COMMANDS, bindings
from tenfold.tui.saving import BackgroundSaving, SaveResult
from tenfold.tui.screens.main import MainScreen


class TenfoldApp(HookedApp):
    """Four panes on one data file. Saves run in the background; quitting, or the terminal closing, saves first."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "Tenfold"
    BINDINGS = bindings(APP_KEYS)

    def __init__(
        self,
        store: Store,
        *,
        handle_signals: bool = False,
        log_dir: Path | None = None,
        config_dir: Path | None = None,
        show_today: bool | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.handle_signals = handle_signals
        self.log_dir = log_dir
        self.config_dir = config_dir
        self.crash_log: Path | None = None
        self.rescue_at_exit = False
        """Stopped (SIGTERM) with the data file deleted: all that was open goes to a rescue file after the app."""
        self.main_screen: MainScreen = MainScreen(store, config_dir)
        self.saving = BackgroundSaving(store, self)
        self.key_gate = KeyGate(self)
        self.main_screen.keys_held = lambda: self.key_gate.holding
        if show_today is None:
            show_today = config_dir is not None and load_settings(config_dir).today_on_launch
        self.main_screen.today_on_launch = show_today

    def get_default_screen(self) -> Screen[None]:
        """The main screen is the first screen: no empty default screen to mount, suspend and restyle."""
        return self.main_screen

    def on_mount(self) -> None:
        """Save in the background; listen for the terminal closing."""
        self.saving.start()
        self.key_gate.start()
        if self.config_dir is not None:
            theme = load_settings(self.config_dir).theme
            if theme in self.available_themes:
                self.theme = theme
            self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            loop.add_signal_handler(signal.SIGHUP, self._hang_up)
            loop.add_signal_handler(signal.SIGTERM, self._terminate)

    async def on_event(self, event: events.Event) -> None:
        """Every key and paste from the terminal passes the gate: those behind a key that opens a form wait for it.

        The payments' reader hears of each too: it waits for a quiet keyboard to start.
        """
        if isinstance(event, events.Key) and not event.is_forwarded:
            self.main_screen.reader.key_pressed()
            if not self.key_gate.admit(event):
                return
        elif isinstance(event, events.Paste) and not event.is_forwarded and not self.key_gate.admit_paste(event):
            return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """The key a form opens with is back at the app: once its binding has run, the gate looks on."""
        if event is self.key_gate.opener:
            self.call_later(self.key_gate.bound)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The focus moved: keys held for a form or field go to it."""
        self.key_gate.focus_moved()

    @on(SaveResult)
    def _save_result(self, message: SaveResult) -> None:
        """A background save failed, or works again: tell the user."""
        self.saving.show(message.problem)

    def offer_reload(self) -> None:
        """The saver found the file changed by another program: the main screen asks about reloading."""
        self.main_screen.offer_reload()

    def flush_saves(self) -> list[str]:
        """Write every pending change now; returns the problem, if any."""
        return self.saving.flush()

    def _remember_theme(self, theme: Theme) -> None:
        """Save the theme picked in the palette, so it is there next time."""
        if self.config_dir is None:
            return
        try:
            save_settings(self.config_dir, dataclasses.replace(load_settings(self.config_dir), theme=theme.name))
        except OSError as exc:
            self.notify(f"Could not remember the theme: {exc.strerror}", severity="warning")

    def _hang_up(self) -> None:
        """The terminal window closed: save what was typed, then leave at once.

        Textual's shutdown blocks for ever writing to a vanished tty, so we exit
        without it, once every pending save is written and fsync'd; the lock goes
        with the process. A terminal still there is given back without waiting
        (:mod:`tenfold.tui.hang_up`). A save that fails here can be told nowhere but the log.
        """
        try:
            problems = self.main_screen.save_everything() + self.flush_saves()
            if problems or self.store.file_deleted:  # the change (or all, if deleted) goes to a rescue file
                note = self.store.rescue_unsaved()
                why = problems[0] if problems else "the data file was deleted"
                write_crash_log(self.log_dir or state_dir(), RuntimeError(f"not saved at hang-up: {why}; {note}"))
            with contextlib.suppress(Exception):  # the window may still be open (kill -HUP): give it back
                driver = self._driver
                give_terminal_back(getattr(driver, "fileno", None), getattr(driver, "attrs_before", None),
                                   sys.__stderr__.fileno() if sys.__stderr__ is not None else None)
        finally:  # whatever failed above, the process must not outlive its terminal
            os._exit(128 + signal.SIGHUP)

    def _terminate(self) -> None:
        """Asked to stop (SIGTERM): save, then exit cleanly, restoring the terminal.

        A watchdog ends the process if the clean exit hangs (e.g. the terminal is
        gone too), so a stop request is never ignored. Pending saves are written
        first; one that fails is tried once more, and reported, after the app
        (:func:`tenfold.tui.run.run_tui`).
        """
        self.main_screen.save_everything()
        self.flush_saves()
        self.rescue_at_exit = self.store.file_deleted  # nobody to ask whether to write it again
        watchdog = threading.Timer(3.0, os._exit, args=(128 + signal.SIGTERM,))
        watchdog.daemon = True
        watchdog.start()
        self.exit(return_code=128 + signal.SIGTERM)

    def before_crash(self, error: Exception) -> None:
        """An unexpected error: save what was typed, log the traceback; then Textual exits."""
        with contextlib.suppress(Exception):  # best effort: the app is already failing
            self.main_screen.save_everything()
        with contextlib.suppress(Exception):
            self.flush_saves()
        self.crash_log = write_crash_log(self.log_dir or state_dir(), error)

    def exit_line(self, has_error_output: bool) -> str | None:
        """One line pointing at the log instead of a traceback."""
        if self.crash_log is not None or has_error_output:
            return crash_message(self.crash_log)
        return None

    async def action_quit(self) -> None:
        """Save notes and open forms, write every pending save, then quit; if saving fails, stay and say why.

        A data file deleted under the app is not written again without asking: the
        user says whether to write it before quitting or to quit without it.
        """
        if self.store.file_deleted and not self.store.read_only:

            def go_on(written: bool | None) -> None:
                if written is None:  # the user chose to quit without the file
                    self.exit()
                elif written:  # then as ever: open forms and notes saved, and written
                    self.call_later(self.action_quit)

            self.main_screen.editing.offer_write_back(quitting=go_on)
            return
        problems = self.main_screen.save_everything() + self.flush_saves()
        if problems:
            problem = problems[0].rstrip()
            if not problem.endswith((".", "!", "?")):
                problem += "."
            self.notify(
                f"Could not save before quitting: {problem} Tenfold stays open so nothing is lost: fix it "
                "(free some space, put the data file back) and press ctrl+q again.",
                severity="error",
                timeout=15,
            )
            return
        self.exit()

    async def action_quit_unless_typing(self) -> None:
        """q: quit, unless the focus is where q is typed (a text field, an open list that searches as you type).

        The widget classes are imported here, not at start-up (TextArea's module is large).
        """
        from textual.widgets import Input, TextArea

        if isinstance(self.screen.focused, Input | TextArea | compat.SelectOverlay):
            raise SkipAction()  # the key goes on to the field
        await self.action_quit()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own commands, then every Tenfold action (same list as the help screen)."""
        yield from super().get_system_commands(screen)
        for command in (*COMMANDS, *STEP_COMMANDS):
            if not command.in_palette:
                continue
            # The palette reads help as markup: a key such as "/" would make "[/]" a closing tag.
            # A command reached only through the palette names no key there: the user is already in it.
            reached_by_key = command.keys or command.also
            help_text = escape(f"{command.help}  [{command.key}]" if reached_by_key else command.help)
            yield SystemCommand(command.title, help_text, self._runner(command.action))

    def _runner(self, action: str) -> Callable[[], Awaitable[None]]:
        async def run() -> None:
            await self.main_screen.run_action(action)

        return run


def make_app(
    store: Store,
    *,
    handle_signals: bool = False,
    log_dir: Path | None = None,
    config_dir: Path | None = None,
    show_today: bool | None = None,
) -> TenfoldApp:
    """Build the app around an open store (tests pass a store on a temporary file).

    ``log_dir`` is where crash logs go (default: the user state directory);
    ``config_dir`` is where the theme is remembered (None: not remembered, as in tests);
    ``show_today`` opens the today card on launch (None: as the settings say; off without them).
    """
    return TenfoldApp(
        store, handle_signals=handle_signals, log_dir=log_dir, config_dir=config_dir, show_today=show_today
    )
