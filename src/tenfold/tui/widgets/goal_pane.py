"""The Written Goal pane: the goal read back, and how far this month's passive income got."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tenfold.goal import Goal
from tenfold.money import format_money
from tenfold.text import safe_display
from tenfold.totals import LedgerSummary, progress
from tenfold.tui.messages import EditGoal
from tenfold.tui.widgets.pane import Pane

INVITATION = (
    "No goal written yet.\n\n"
    "Writing it down is the first act of the method: how much passive income per "
    "month, and by when. A goal on paper pulls harder than one in your head.\n\n"
)


class GoalView(Static, can_focus=True):
    """The focusable body of the goal pane; Enter or w opens the goal form."""

    BINDINGS = [
        Binding("w", "edit_goal", "Write goal"),
        Binding("enter", "edit_goal", "Write goal", show=False),
    ]

    def action_edit_goal(self) -> None:
        """Ask the screen to open the goal form."""
        self.post_message(EditGoal())

    def on_click(self) -> None:
        """A click on the goal opens it for writing, like Enter."""
        self.post_message(EditGoal())


def progress_bar(share: Decimal, width: int = 24) -> str:
    """A text bar such as ``[#########-----]`` for a share of 0..1."""
    filled = max(0, min(width, int(share * width)))
    return "█" * filled + "░" * (width - filled)


def render_goal(goal: Goal | None, summary: LedgerSummary | None, today: date) -> Text:
    """The pane's text: the invitation, or the goal with progress and days left."""
    if goal is None:
        text = Text(INVITATION)
        text.append("Press w (or Enter) to write your goal.", style="bold")
        return text
    text = Text()
    text.append(safe_display(goal.text).strip() + "\n\n", style="italic")
    text.append("Target  ", style="dim")
    text.append(f"{format_money(goal.amount, goal.currency)} passive income per month\n", style="bold")
    days = (goal.deadline - today).days
    when = f"{days} days left" if days >= 0 else f"{-days} days past"
    text.append("By      ", style="dim")
    text.append(f"{goal.deadline.isoformat()}  ({when})\n")
    if summary is not None:
        reached = summary.passive_this_month.get(goal.currency, Decimal(0))
        share = progress(summary.passive_this_month, goal.amount, goal.currency)
        text.append("\nThis month  ", style="dim")
        text.append(progress_bar(share), style="green")
        text.append(f" {share * 100:.0f}%\n")
        text.append(f"{format_money(reached, goal.currency)} of {format_money(goal.amount, goal.currency)}")
        gap = goal.amount - reached
        if gap > 0:
            text.append(f"  ·  {format_money(gap, goal.currency)} to go", style="dim")
        text.append("\n")
    text.append(f"\nWritten {goal.written_on.isoformat()} · press w to rewrite", style="dim")
    return text


class GoalPane(Pane):
    """Shows the written goal; the screen passes the data in with :meth:`show`."""

    PANE_TITLE = "Written Goal"
    MAIN = "#goal-view"

    def compose(self) -> ComposeResult:
        """One focusable text body."""
        yield GoalView(id="goal-view")

    def show(self, goal: Goal | None, summary: LedgerSummary | None, today: date) -> None:
        """Render the goal (or the invitation to write it)."""
        self.query_one(GoalView).update(render_goal(goal, summary, today))
        self.set_class(goal is None, "-empty")
