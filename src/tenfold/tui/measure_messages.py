"""Messages about the measures: a pane or the step screen says what the user asked for, the screen saves.

Routed by the main screen to :class:`~tenfold.tui.handlers.measures.MeasureActions`.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class EditBills(Message):
    """Open step 4's form: bills, savings, hourly rate."""


@dataclass
class LogHours(Message):
    """Open the hours form for stream ``stream_id``, or for the stream of payment ``payment_id``."""

    stream_id: int | None
    payment_id: int | None = None


@dataclass
class RateParts(Message):
    """Open the three parts' form for an ``idea`` or a ``stream`` (or the stream of payment ``payment_id``)."""

    target: str
    target_id: int | None
    payment_id: int | None = None


@dataclass
class ShowStreamCard(Message):
    """Show the measures of stream ``stream_id`` (or of the selected payment's stream)."""

    stream_id: int | None
    payment_id: int | None = None
