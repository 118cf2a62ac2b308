"""The app's side of saving in the background: start it, hear of failures, flush before leaving.

The store writes each change from a background thread (:mod:`tenfold.store.file.saver`,
run by the store's write-behind middleware), so a tick or a saved form never waits for
the disk. What :class:`BackgroundSaving` adds: failures reach the user (a notification
that says the change is kept and retried, or the reload question when another program
changed the file), and every way out - quit, hang-up, SIGTERM, a crash - first writes whatever is still pending.
"""

from __future__ import annotations

import time
from typing import Protocol

from textual.message import Message
from textual.notifications import SeverityLevel

from tenfold.domain.errors import ChangedOnDiskError, StoreError, TenfoldError
from tenfold.store.store import Store

REPEAT_AFTER = 30.0
"""Seconds before the same save failure is shown again (each retry is reported)."""


class SaveResult(Message):
    """From the saver's thread: a save failed (``problem``), or works again (None)."""

    def __init__(self, problem: StoreError | None) -> None:
        super().__init__()
        self.problem = problem


class SavingUI(Protocol):
    """What saving needs from the app: a toast, a thread-safe way in, and the reload question."""

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """A toast."""
        ...

    def post_message(self, message: Message) -> bool:
        """Queue ``message`` for the app; safe from the saver's thread."""
        ...

    def offer_reload(self) -> None:
        """Another program changed the file: ask whether to reload it."""
        ...


class BackgroundSaving:
    """Owned by the app: starts the store's saver and turns its reports into what the user sees."""

    def __init__(self, store: Store, ui: SavingUI) -> None:
        self.store = store
        self.ui = ui
        self._save_problem: tuple[str, float] | None = None

    def start(self) -> None:
        """Hand the store's writes to its background thread."""
        self.store.save_in_background(self._report_from_saver)

    def _report_from_saver(self, problem: StoreError | None) -> None:
        """Runs in the saver's thread: post the news to the app (thread-safe), never wait for it."""
        self.ui.post_message(SaveResult(problem))

    def show(self, problem: StoreError | None) -> None:
        """Tell the user about a background save that failed, or that saving works again."""
        if problem is None:
            if self._save_problem is not None:
                self._save_problem = None
                self.ui.notify("Saved: every change is on disk again.", timeout=5)
            return
        if isinstance(problem, ChangedOnDiskError):
            self._save_problem = None
            if self.store.file_deleted:  # nothing to reload: the question that follows says what to do
                self.ui.offer_reload()
                return
            self.ui.notify(
                f"Your last change is not saved yet: {problem} Reload to use the other copy "
                "(your unsaved change is then dropped), or keep working without saving.",
                severity="error", timeout=20, markup=False,
            )
            self.ui.offer_reload()
            return
        message, now = str(problem), time.monotonic()
        last = self._save_problem
        if last is not None and last[0] == message and now - last[1] < REPEAT_AFTER:
            return
        self._save_problem = (message, now)
        self.ui.notify(
            f"Your change is not saved yet: {message}. It is kept, and Tenfold keeps trying; "
            "quitting saves it first.",
            severity="error", timeout=REPEAT_AFTER, markup=False,
        )

    def flush(self) -> list[str]:
        """Write every pending change now; returns the problem, if any (the change stays pending)."""
        try:
            self.store.flush()
        except TenfoldError as exc:
            return [str(exc)]
        return []
