"""Small messages the panes post upwards; the main screen is the one place that saves.

Panes never touch the store: they say what the user asked for, and the screen
decides, saves, and hands the new state back down.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class EditGoal(Message):
    """The user wants to write or rewrite the goal."""


@dataclass
class StepToggled(Message):
    """Tick or untick step ``number``."""

    number: int


@dataclass
class StepNotesChanged(Message):
    """The notes of step ``number`` are now ``notes`` (debounced while typing)."""

    number: int
    notes: str


@dataclass
class AddStream(Message):
    """Open the form for a new income stream."""


@dataclass
class EditStream(Message):
    """Open the form for stream ``stream_id``."""

    stream_id: int


@dataclass
class DeleteStream(Message):
    """Delete stream ``stream_id`` (after confirmation)."""

    stream_id: int


@dataclass
class AddPayment(Message):
    """Open the form for a new payment, preselecting ``stream_id`` when given."""

    stream_id: int | None = None


@dataclass
class EditPayment(Message):
    """Open the form for payment ``payment_id``."""

    payment_id: int


@dataclass
class DeletePayment(Message):
    """Delete payment ``payment_id`` (after confirmation)."""

    payment_id: int


@dataclass
class AddIdea(Message):
    """Open the form for a new brainstorm entry."""


@dataclass
class EditIdea(Message):
    """Open the form for idea ``idea_id``."""

    idea_id: int


@dataclass
class DeleteIdea(Message):
    """Delete idea ``idea_id`` (after confirmation)."""

    idea_id: int


@dataclass
class MakeStream(Message):
    """Turn idea ``idea_id`` into an income stream (the stream form opens, prefilled)."""

    idea_id: int
