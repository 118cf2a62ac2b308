"""The store: the one place that reads and writes the data file.

:class:`Store` is the core (:mod:`tenfold.store.core`: opening, locking, the
atomic write) with the ledger's records (:mod:`tenfold.store.ledger`) and the
coaching records (:mod:`tenfold.store.coach`), and the measuring records on top of
both (:mod:`tenfold.store.measures`: logged hours, bills, the three parts). Everything else, the app and the
command line, goes through it.
"""

from __future__ import annotations

from tenfold.store.measures import MeasureStore
from tenfold.store.reading.loading import remove_leftover_temp_files

__all__ = ["Store", "remove_leftover_temp_files"]


class Store(MeasureStore):
    """Validated, in-memory view of the data file with crash-safe writes."""
