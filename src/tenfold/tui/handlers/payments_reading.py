"""The payments of a big file, read after the first paint; an old file given its payments' index.

The program opens a file that has a current payments' index without parsing its
payments (:mod:`tenfold.store.payment_index`): the first screen shows the index's
figures and newest payments. Right after that first paint the payments are read
on a thread, and the ledger is drawn again with all of them. A file without a
current index (saved by an older Tenfold, or changed by another program) was read
in full; it is saved once with an index, so the next start is quick too.

The thread starts once the keyboard has been quiet for a moment (:data:`QUIET`):
it shares the interpreter's lock with the app, and a key pressed as the first
screen appears would otherwise wait for its answer while the payments are built
(at 100,000 payments, a form opened in a third of a second instead of a tenth).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable
from time import monotonic
from typing import Protocol

from textual.message import Message

from tenfold.domain.errors import TenfoldError
from tenfold.store.store import Store
from tenfold.tui.handlers.ui import Poster

QUIET = 0.3
"""Seconds without a key before the reading starts: a key's answer (a form opening) is drawn by then."""
QUIET_FROM = 2_000
"""Payments from which the reading waits for the quiet: fewer are read in about a frame, at once."""
LATEST = 2.0
"""Seconds after the first screen at which the reading starts even if keys keep coming."""


class PaymentsRead(Message):
    """The store's thread has read the payments of a file opened with their index."""


class ReadingUI(Poster, Protocol):
    """Hear from the reading thread (``post_message``), redraw the ledger, or close the app saying why."""

    def refresh_ledger(self) -> None:
        """The ledger, now with every payment."""
        ...

    def close_app(self, message: str) -> None:
        """Leave the app with ``message`` on the terminal (nothing is written)."""
        ...

    def set_timer(self, delay: float, callback: Callable[[], None]) -> object:
        """Call ``callback`` on the app's thread in ``delay`` seconds."""
        ...

    def keyboard_quiet(self) -> None:
        """No key came for a moment after the first screen: the reading starts now, and the UI may build what waits."""
        ...


class PaymentsReader:
    """Started by the main screen once the panes are drawn; :class:`PaymentsRead` comes back to :meth:`take_in`."""

    def __init__(self, store: Store, ui: ReadingUI, *, freeze_collections: bool = False) -> None:
        self.store = store
        self.ui = ui
        self.freeze_collections = freeze_collections
        """The real program moves records read later out of the collector's sight too (tenfold.tui.run)."""
        self.due = False
        """The screen asked for the reading to start later (once the launch card is drawn), and it has not yet."""
        self.quiet = QUIET
        """Seconds without a key before the reading starts (:data:`QUIET`; tests hold it back with more)."""
        self.latest = LATEST
        """Seconds after it was first asked for at which it starts anyway (:data:`LATEST`)."""
        self.quiet_from = QUIET_FROM
        """Payments from which the reading waits for a quiet keyboard (:data:`QUIET_FROM`)."""
        self._last_key = float("-inf")
        self._deadline: float | None = None
        """When the reading starts even if keys keep coming (set when it is first asked for)."""
        self._waiting = False
        """A timer is set to look again."""
        self._quiet = False
        """The keyboard was quiet once: the screen was told, the reading started."""

    def key_pressed(self) -> None:
        """A key came from the terminal (the app tells of each): the reading waits for the keyboard to be quiet."""
        self._last_key = monotonic()

    def start_when_quiet(self) -> None:
        """Start what :meth:`after_first_paint` does once no key has come for :attr:`quiet` seconds.

        The quiet is counted from now too: the first screen is up, and its first key
        usually comes right away. At the latest :attr:`latest` seconds after the first
        call, so a long stretch of typing does not leave the ledger on its newest
        payments for ever. A file with fewer than :attr:`quiet_from` payments is read
        at once (that takes about a frame); the screen still hears when the keyboard
        is quiet (``keyboard_quiet``), to build what it put off.
        """
        if self._deadline is not None:
            return  # waiting already, or done
        now = monotonic()
        self._deadline = now + self.latest
        self._last_key = max(self._last_key, now)
        self.due = True
        if self.store.payment_count() < self.quiet_from:
            self.after_first_paint()
        self._look()

    def _look(self) -> None:
        if self._quiet or self._waiting:
            return
        wait = min(self._last_key + self.quiet, self._deadline or 0.0) - monotonic()
        if wait <= 0:
            self._quiet = True
            self.ui.keyboard_quiet()
            if self.due:
                self.after_first_paint()
            return
        self._waiting = True
        self.ui.set_timer(wait, self._woken)

    def _woken(self) -> None:
        self._waiting = False
        self._look()

    def after_first_paint(self) -> None:
        """Read the payments the first screen did without, or give an old file its index."""
        self.due = False
        if not self.store.payments_ready:
            self.store.read_payments_in_background(self._payments_read)
        else:
            self._give_index()

    def _payments_read(self) -> None:
        """From the store's thread: post_message is safe to call from any thread."""
        self.ui.post_message(PaymentsRead())

    def take_in(self) -> None:
        """Take the payments in and show them all; a damaged one closes the app, saying so."""
        try:
            self.store.wait_for_payments()
        except TenfoldError as exc:  # only a file crafted to match its index gets here: nothing is written
            self.ui.close_app(f"tenfold: {exc}")
            return
        self.ui.refresh_ledger()
        if self.freeze_collections:
            gc.freeze()  # as for everything read before the app started (tenfold.tui.run)
        self._give_index()

    def _give_index(self) -> None:
        store = self.store
        if store.read_only or store.opened_with_index or not store.payment_count():
            return
        with contextlib.suppress(TenfoldError):  # a cache: the next start reads every payment, as this one did
            store.save_payment_index()
