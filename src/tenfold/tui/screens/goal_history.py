"""The goal's history: the goal now and each earlier version, with what changed each time.

Watching the goal move - raised, pushed back, put in sharper words - is part of
the coaching; the store keeps each earlier version with the day it was replaced.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tenfold.domain.goal import Goal, GoalVersion
from tenfold.domain.goal_history import GoalEntry, goal_timeline
from tenfold.domain.text import safe_display


def render_timeline(entries: Sequence[GoalEntry]) -> Text:
    """Each version as a short block: when, the figures, the words, then what changed."""
    text = Text()
    if not entries:
        text.append("No goal written yet. Press w in the Written Goal pane to write it.", style="yellow")
        return text
    for index, entry in enumerate(entries):
        if index:
            text.append("\n\n")
        if entry.current:
            text.append(f"Now · written {entry.goal.written_on.isoformat()}\n", style="bold green")
        else:
            assert entry.replaced_on is not None
            text.append(f"{entry.goal.written_on.isoformat()} to {entry.replaced_on.isoformat()}\n", style="bold")
        text.append(f"  {entry.headline()}\n")
        text.append("  " + " ".join(safe_display(entry.goal.text).split()), style="italic")
        if not entry.current:
            text.append("\n  Then changed:", style="cyan")
            for change in entry.changes or ():
                text.append(f"\n    • {safe_display(change.describe())}")
            if not entry.changes:
                text.append(f" {entry.changes_line()}")
    if len(entries) == 1:
        text.append("\n\nThe goal has not been rewritten yet. Each time you rewrite it, the earlier version "
                    "is kept here with its date.", style="dim")
    return text


class GoalHistoryScreen(ModalScreen[None]):
    """Closes with escape or h (q quits, as everywhere)."""

    BINDINGS = [Binding("escape,h", "dismiss", "Close")]
    DEFAULT_CSS = """
    GoalHistoryScreen #dialog { height: auto; max-height: 90%; }
    """

    def __init__(self, goal: Goal | None, history: list[GoalVersion]) -> None:
        super().__init__()
        self.entries = goal_timeline(goal, history)

    def compose(self) -> ComposeResult:
        """A title, the timeline, a hint."""
        with VerticalScroll(id="dialog"):
            count = len(self.entries) - 1
            yield Label(f"How your goal changed · {max(count, 0)} earlier version{'s' if count != 1 else ''}",
                        classes="dialog-title")
            yield Static(render_timeline(self.entries), id="goal-history")
            yield Static("Press esc to close.", classes="dim")
