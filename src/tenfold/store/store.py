"""The store: the one place that reads and writes the data file.

:class:`Store` is the core (:mod:`tenfold.store.core`: opening, locking, the
atomic write) with the ledger's records (:mod:`tenfold.store.ledger`) and the
coaching records (:mod:`tenfold.store.coach`), and the measuring records on top of
both (:mod:`tenfold.store.measures`: logged hours, bills, the three parts). Everything else, the app and the
command line, goes through it.
"""

from __future__ import annotations

from tenfold.domain.errors import TenfoldError
from tenfold.store.measures import MeasureStore
from tenfold.store.opening import clock_time
from tenfold.store.reading.loading import remove_leftover_temp_files
from tenfold.store.rescue import write_rescue

__all__ = ["Store", "remove_leftover_temp_files"]


class Store(MeasureStore):
    """Validated, in-memory view of the data file with crash-safe writes."""

    def rescue_unsaved(self) -> str:
        """At an exit whose last save failed: keep the change not saved in a rescue file; say where.

        Returns "" when nothing is pending. Never raises: it runs on the way out
        (SIGTERM, a hang-up, a crash), where the sentence is all that can be told.
        """
        try:
            pending = self._storage.pending_payload()
            if pending is None:
                return ""
            generation, payload = pending
            kept = write_rescue(self.path, payload, clock_time(self.today))
        except Exception as exc:  # on the way out: a sentence, never a second failure
            reason = str(exc) if isinstance(exc, TenfoldError) else f"{type(exc).__name__}: {exc}"
            return f"the changes made since the last save are lost: {reason}"
        self._storage.rescued(generation)
        return f"the changes made since the last save are kept in {kept}; Tenfold offers them back at the next start"
