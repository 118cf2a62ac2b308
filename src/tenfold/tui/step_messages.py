"""Messages about the steps' content: the pane and the step screen post them, the screen saves.

Like :mod:`tenfold.tui.messages`: widgets say what the user asked for, the main
screen routes each message to :class:`~tenfold.tui.handlers.steps.StepActions`,
which calls the store.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class OpenStep(Message):
    """Open step ``number`` full screen."""

    number: int


@dataclass
class AddToStep(Message):
    """Add to step ``number``: choose step 1's idea, write step 2's goal, or add an item to steps 3-8."""

    number: int


@dataclass
class EditStepItem(Message):
    """Open the form for step item ``item_id``."""

    item_id: int


@dataclass
class DeleteStepItem(Message):
    """Delete step item ``item_id`` (after confirmation)."""

    item_id: int


@dataclass
class ToggleStepItem(Message):
    """Flip the yes/no box (done, joined, asked) of step item ``item_id``."""

    item_id: int


@dataclass
class ClearStepIdea(Message):
    """Forget step 1's chosen idea or stream."""


@dataclass
class EditSavingsMonths(Message):
    """Open the form for step 4's months of savings."""


@dataclass
class ShowGoalHistory(Message):
    """Show the earlier versions of the goal."""
