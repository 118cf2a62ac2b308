"""The payments of a big file, read after the first paint; an old file given its payments' index.

The program opens a file that has a current payments' index without parsing its
payments (:mod:`tenfold.store.payment_index`): the first screen shows the index's
figures and newest payments. Right after that first paint the payments are read
on a thread, and the ledger is drawn again with all of them. A file without a
current index (saved by an older Tenfold, or changed by another program) was read
in full; it is saved once with an index, so the next start is quick too.
"""

from __future__ import annotations

import contextlib
import gc
from typing import Protocol

from textual.message import Message

from tenfold.domain.errors import TenfoldError
from tenfold.store.store import Store
from tenfold.tui.handlers.ui import Poster


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


class PaymentsReader:
    """Started by the main screen once the panes are drawn; :class:`PaymentsRead` comes back to :meth:`take_in`."""

    def __init__(self, store: Store, ui: ReadingUI, *, freeze_collections: bool = False) -> None:
        self.store = store
        self.ui = ui
        self.freeze_collections = freeze_collections
        """The real program moves records read later out of the collector's sight too (tenfold.tui.run)."""
        self.due = False
        """The screen asked for the reading to start later (once the launch card is drawn), and it has not yet."""

    def start_if_due(self) -> None:
        """Start what :meth:`after_first_paint` does if it was put off and has not started yet."""
        if self.due:
            self.after_first_paint()

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
