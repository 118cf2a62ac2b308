"""The Written Goal pane: the goal read back, how far passive income got, and when it may get there.

Figures come from :class:`~tenfold.views.ledger_state.LedgerView`: the last full month and the
average of the last 3 full months (of those since the first payment, labelled with how many) in
the goal's currency (other currencies through the user's rates; what
has no rate is shown apart, never added), the gap, and the projection.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tenfold.domain.dates import time_to
from tenfold.domain.goal import Goal
from tenfold.domain.money import format_money, format_totals
from tenfold.domain.text import safe_display
from tenfold.figures.freedom import FreedomFigures, share_text, when_text
from tenfold.figures.goal_figures import GoalFigures, average_label
from tenfold.figures.projection import describe, month_text
from tenfold.figures.status import percent
from tenfold.tui.keys import GOAL_KEYS, bindings
from tenfold.tui.messages import EditGoal
from tenfold.tui.widgets.pane import Pane
from tenfold.views.ledger_state import LedgerView

INVITATION = (
    "No goal written yet.\n\n"
    "Writing it down is the first act of the method: how much passive income per "
    "month, and by when. A goal on paper pulls harder than one in your head.\n\n"
)


class GoalView(Static, can_focus=True):
    """The focusable body of the goal pane; Enter or w opens the goal form."""

    BINDINGS = bindings(GOAL_KEYS)

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


BAR_WIDTH = 20


def _bar_line(text: Text, label: str, amount: Decimal, goal: Goal) -> None:
    """``Last month   ████░░░░  19%  280.00 EUR``: one progress bar with its figure."""
    share = amount / goal.amount if goal.amount > 0 else Decimal(0)
    text.append(f"{label:<13}", style="dim")
    text.append(progress_bar(share, BAR_WIDTH), style="green")
    text.append(f" {percent(share):>3,}%  ", style="bold")  # never 100% before the goal is reached
    text.append(f"{format_money(amount, goal.currency)}\n")


def _progress(text: Text, goal: Goal, figures: GoalFigures) -> None:
    """Bars for the last full month and the 3-month average, the gap, this month, the projection."""
    last = figures.last_month
    unknown = figures.before_ledger
    if unknown is not None:  # no complete month recorded yet: not a month without income, and nothing to average
        text.append(f"{'Last month':<13}", style="dim")
        text.append(f"{unknown}\n", style="dim")
    else:
        _bar_line(text, "Last month", last.amount, goal)
    if figures.average is not None:
        _bar_line(text, average_label(figures.average_months, short=True), figures.average, goal)
    gap = goal.amount - last.amount
    text.append("Gap          ", style="dim")
    if unknown is not None:  # the line above says why it is all of it
        text.append(f"{format_money(goal.amount, goal.currency)} a month to go\n", style="bold")
    elif gap > 0:
        text.append(f"{format_money(gap, goal.currency)} a month to go", style="bold")
        text.append(f" (from {month_text(last.month)})\n", style="dim")
    else:
        text.append("none: last month met the target\n", style="bold green")
    text.append("This month   ", style="dim")
    text.append(f"{format_money(figures.this_month.amount, goal.currency)} so far\n")
    text.append(describe(figures.projection) + "\n", style="italic")
    apart = figures.unconverted
    if apart:
        text.append(f"Not counted, no rate to {goal.currency}: {format_totals(apart)}. "
                    "Enter a rate to count it.\n", style="yellow")


def _freedom(text: Text, f: FreedomFigures) -> None:
    """Step 4's bills in three lines: the share paid last full month, the 3-month share and savings, when."""
    code = f.freedom.currency
    if f.before_ledger is not None:  # "Last month" above says why: not recorded, so not 0% paid
        text.append(f"{'Bills':<13}", style="dim")
        text.append(f"{format_money(f.bills, code)} a month · no full month yet\n", style="dim")
    else:
        text.append(f"{'Bills paid':<13}", style="dim")
        text.append(progress_bar(min(f.share_last, Decimal(1)), BAR_WIDTH), style="cyan")
        text.append(f" {share_text(f.share_last):>4}  ", style="bold")
        text.append(f"of {format_money(f.bills, code)}\n")
    parts = [] if f.share_average is None else [
        f"{share_text(f.share_average)} on {f.average_months} month{'' if f.average_months == 1 else 's'}"]
    if f.savings_months is not None:
        parts.append(f"savings last {f.savings_months} months")
    elif f.freedom.savings is not None:
        parts.append("savings untouched")
    if parts:
        text.append(" " * 13 + " · ".join(parts) + "\n", style="dim")
    text.append(when_text(f) + "\n", style="italic")


def render_goal(goal: Goal | None, figures: GoalFigures | None, today: date,
                freedom: FreedomFigures | None = None) -> Text:
    """The pane's text: the invitation, or the goal with progress, gap, projection, the bills and days left."""
    if goal is None:
        text = Text(INVITATION)
        text.append("Press w (or Enter) to write your goal.", style="bold")
        return text
    text = Text()
    text.append(safe_display(goal.text).strip() + "\n\n", style="italic")
    text.append("Target       ", style="dim")
    text.append(f"{format_money(goal.amount, goal.currency)} passive income per month\n", style="bold")
    when = time_to(goal.deadline, today)
    text.append("By           ", style="dim")
    text.append(f"{goal.deadline.isoformat()}  ({when})\n\n")
    if figures is not None:
        _progress(text, goal, figures)
    if freedom is not None:
        _freedom(text, freedom)
    text.append(f"\nWritten {goal.written_on.isoformat()} · press w to rewrite", style="dim")
    return text


class GoalPane(Pane):
    """Shows the written goal; the screen passes the data in with :meth:`show`."""

    PANE_TITLE = "Written Goal"
    MAIN = "#goal-view"

    def compose(self) -> ComposeResult:
        """One focusable text body."""
        yield GoalView(id="goal-view")

    def show(self, goal: Goal | None, view: LedgerView | None, today: date,
             freedom: FreedomFigures | None = None) -> None:
        """Render the goal (or the invitation to write it) with the figures the screen computed."""
        self.query_one(GoalView).update(render_goal(goal, view.goal if view else None, today, freedom))
        self.set_class(goal is None, "-empty")
