"""The Tenfold app. :func:`make_app` builds it around a store, for the CLI and for tests."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tenfold.store import Store
from tenfold.tui.commands import COMMANDS, STEP_COMMANDS
from tenfold.tui.screens.main import MainScreen


class TenfoldApp(App[None]):
    """Four panes on one data file. Quitting, or the terminal closing, saves first."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "Tenfold"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, store: Store, *, handle_signals: bool = False) -> None:
        super().__init__()
        self.store = store
        self.handle_signals = handle_signals
        self.main_screen = MainScreen(store)

    def on_mount(self) -> None:
        """Show the main screen; listen for the terminal closing."""
        self.push_screen(self.main_screen)
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self._save_and_exit)

    def _save_and_exit(self) -> None:
        """The terminal closed or we were asked to stop: save what was typed, then exit."""
        self.main_screen.save_everything()
        self.exit()

    async def action_quit(self) -> None:
        """Save notes and open forms, then quit; if saving fails, stay and say why."""
        problems = self.main_screen.save_everything()
        if problems:
            self.notify(
                "Could not save before quitting: " + problems[0] + " Press ctrl+q again after fixing it.",
                severity="error",
                timeout=15,
            )
            return
        self.exit()

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, then every Tenfold action (same list as the help screen)."""
        yield from super().get_system_commands(screen)
        for command in (*COMMANDS, *STEP_COMMANDS):
            if command.action == "app.quit":
                continue
            yield SystemCommand(command.title, f"{command.help}  [{command.key}]", self._runner(command.action))

    def _runner(self, action: str) -> object:
        async def run() -> None:
            await self.main_screen.run_action(action)

        return run


def make_app(store: Store, *, handle_signals: bool = False) -> TenfoldApp:
    """Build the app around an open store (tests pass a store on a temporary file)."""
    return TenfoldApp(store, handle_signals=handle_signals)
