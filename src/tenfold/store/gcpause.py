"""Pausing the garbage collector while a data file is parsed and its records are built.

Reading ten years of data makes hundreds of thousands of objects - the parsed
JSON, then a record for each payment - and none of them is in a reference cycle,
so no collection can free any of them. With the collector running, each
collection set off by so many new objects walks every object made so far and the
whole parsed document: a large share of the reading time, for nothing. The same
holds after the pause, so what was made during it is put with the oldest objects.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_gc() -> Iterator[None]:
    """Run the block with the collector paused; it runs again after, if it ran before (blocks may nest)."""
    running = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if running:
            # What the block made would all be young yet, and the first collections after it
            # would walk it to free nothing: it goes straight to the oldest generation instead
            # (frozen, then unfrozen into it), where only a full collection looks at it.
            gc.freeze()
            gc.unfreeze()
            gc.enable()
