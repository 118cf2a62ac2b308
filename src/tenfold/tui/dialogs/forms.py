"""The four forms: goal, stream, payment, brainstorm entry (each in a module of its own)."""

from __future__ import annotations

from tenfold.tui.dialogs.goal_form import GoalForm
from tenfold.tui.dialogs.idea_form import IdeaForm
from tenfold.tui.dialogs.ledger_forms import PaymentForm, StreamForm

__all__ = ["GoalForm", "IdeaForm", "PaymentForm", "StreamForm"]
