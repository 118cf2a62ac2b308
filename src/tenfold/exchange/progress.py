"""Progress through a long export: how many payments are written so far, told every few thousand.

The app writes an export on a worker thread with a progress bar and a cancel key
(:class:`tenfold.tui.dialogs.export_form.ExportProgress`): the formats call
``progress(done)`` as they go, and the callback stops the export by raising.
The command line passes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
Progress = Callable[[int], None]
EVERY = 2000
"""Payments between two calls: a call costs nothing next to 2,000 formatted rows."""


def tracked(rows: Iterable[T], progress: Progress | None) -> Iterable[T]:
    """``rows`` as they are, telling ``progress`` how many were taken every :data:`EVERY`."""
    return rows if progress is None else _counting(rows, progress)


def _counting(rows: Iterable[T], progress: Progress) -> Iterator[T]:
    done = 0
    for row in rows:
        if done % EVERY == 0:
            progress(done)
        done += 1
        yield row
    progress(done)
