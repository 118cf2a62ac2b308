"""Saving off the app's path: one background thread writes the store's newest document.

With years of data a save (write the whole file, fsync, rename, fsync the folder)
takes several frames' time; in the app it must not hold up the key that
caused it. The store changes memory at once and pokes this thread, which writes
the newest committed version with the same atomic write as ever. Changes made
while a write is under way are coalesced into the next one.

Nothing is dropped: a failed save leaves the change in memory, pending; it is
retried when the next change comes and after a growing pause (1 s up to 30 s),
and every failed attempt is reported, so the app can tell the user. When the
file changed on disk (a sync tool), nothing is retried until the store reloads.
Quitting, a hang-up or SIGTERM call :meth:`tenfold.store.file.middleware.WriteBehindMiddleware.flush`,
which waits for a write under way and then writes what is left, in the caller.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from pathlib import Path

from tenfold.domain.errors import ChangedOnDiskError, StoreError

Report = Callable[[StoreError | None], None]
"""Told about each failed background save, and with None about the first success after one."""

RETRY_DELAYS = (1.0, 2.0, 5.0, 10.0, 30.0)
"""Seconds before each retry of a failed save; the last one repeats."""

SETTLE = 0.03
"""Seconds the saver waits after a change before it writes: the app draws the key's effect first.

Serialising holds the GIL (briefly for a tick, for about a frame when a large
payments table changed), so starting at once would take that time from the frame
the user is waiting for. Changes made meanwhile go into the same write.
"""


class BackgroundSaver:
    """A daemon thread running ``save`` whenever :meth:`poke` says there is something new."""

    def __init__(self, path: Path, save: Callable[[], object], report: Report) -> None:
        self._path = path
        self._save = save
        self._report = report
        self._wake = threading.Event()
        self._stopping = False
        self._failures = 0
        self._thread = threading.Thread(target=self._run, name="tenfold-saver", daemon=True)

    def start(self) -> None:
        """Start the thread."""
        self._thread.start()

    def poke(self) -> None:
        """A change was committed: save it soon (at once unless a save is under way)."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        """End the thread after the save under way, if any; the caller flushes what is left."""
        self._stopping = True
        self._wake.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    @property
    def failing(self) -> bool:
        """Whether the last background save failed (the change is still pending)."""
        return self._failures > 0

    def _run(self) -> None:
        while True:
            delay = RETRY_DELAYS[min(self._failures, len(RETRY_DELAYS)) - 1] if self._failures else None
            self._wake.wait(delay)
            if self._stopping:
                return
            time.sleep(SETTLE)
            self._wake.clear()
            if self._stopping:
                return
            try:
                self._save()
            except ChangedOnDiskError as exc:
                self._failures = 0  # not retried: the store waits for the user to reload
                self._tell(exc)
            except StoreError as exc:
                self._failures += 1
                self._tell(exc)
            except Exception as exc:  # a bug must not end the thread and stop all saving
                self._failures += 1
                reason = f"could not be saved ({type(exc).__name__}: {exc}); the change is kept and retried"
                self._tell(StoreError(self._path, reason))
            else:
                if self._failures:
                    self._failures = 0
                    self._tell(None)

    def _tell(self, problem: StoreError | None) -> None:
        with contextlib.suppress(Exception):  # the app may be gone; the change stays pending either way
            self._report(problem)
