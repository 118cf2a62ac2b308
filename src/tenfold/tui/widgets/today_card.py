"""The today card's text: the goal read back, progress, the day's question, the next step, money due.

Rendering is kept apart from the screen (``tui/screens/today.py``) so it can be
read as plain functions of a :class:`~tenfold.coach.today.TodayView`.
"""

from __future__ import annotations

from decimal import Decimal

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from tenfold.coach.nudges import Nudge
from tenfold.coach.today import TodayView
from tenfold.domain.dates import time_to
from tenfold.domain.money import format_money
from tenfold.domain.text import count_of, safe_display
from tenfold.figures.expected import Expected
from tenfold.figures.freedom import share_text, when_text
from tenfold.figures.goal_figures import average_label
from tenfold.figures.status import percent
from tenfold.tui.widgets.goal_pane import progress_bar

WELCOME = (
    "Passive income comes from delivering the same value to many people, without doing each "
    "delivery yourself. The method starts with one act: write your goal down - how much a "
    "month, and by when."
)
MAX_DUE = 3
"""Expected payments listed on the card; the rest are counted."""
GOAL_CHARS = 150
"""The goal is read back in full in its pane; the card shows its start."""


def card_title(view: TodayView) -> Text:
    """``Today · Saturday 21 November 2026 · streak 4 days``."""
    text = Text()
    text.append("Welcome to Tenfold" if view.goal is None else "Today", style="bold")
    text.append(f" · {view.day:%A} {view.day.day} {view.day:%B %Y} · ", style="dim")
    if view.streak:
        text.append(f"streak {count_of(view.streak, 'day')}", style="bold green")
    else:
        text.append(view.streak_note or "no streak yet", style="dim")
    return text


def goal_text(view: TodayView) -> Text:
    """The written goal read back with its progress, or the welcome that points at writing it."""
    goal = view.goal
    if goal is None:
        text = Text(WELCOME + "\n")
        text.append("Press w to write your goal now.", style="bold")
        return text
    words = " ".join(safe_display(goal.text).split())
    if len(words) > GOAL_CHARS:
        words = words[: GOAL_CHARS - 1].rstrip() + "…"
    text = Text()
    text.append(f"“{words}”\n", style="italic")
    when = time_to(goal.deadline, view.day)
    text.append(f"{format_money(goal.amount, goal.currency)} passive income a month by {goal.deadline} · {when}\n")
    text.append("Last month ", style="dim")
    if view.before_ledger is not None:
        text.append(view.before_ledger, style="dim")
    else:
        text.append(progress_bar(view.share, 16), style="green")
        text.append(f" {percent(view.share):,}% · {format_money(view.last_month, goal.currency)}")
    text.append(f" · so far this month {format_money(view.this_month, goal.currency)}", style="dim")
    if view.average is not None:
        label = average_label(view.average_months)
        text.append(f"\n{label} {format_money(view.average, goal.currency)}. ", style="dim")
    elif view.outlook:  # on a line of its own, not run on after this month's figure
        text.append("\n")
    if view.outlook:
        text.append(view.outlook, style="italic")
    if view.freedom is not None:
        f = view.freedom
        text.append("\nThe bills  ", style="dim")
        if f.before_ledger is not None:  # last month not recorded: not 0% covered
            text.append(f"{format_money(f.bills, f.freedom.currency)} a month; last month {f.before_ledger}. ",
                        style="dim")
        else:
            text.append(progress_bar(min(f.share_last, Decimal(1)), 16), style="cyan")
            text.append(f" {share_text(f.share_last)} of {format_money(f.bills, f.freedom.currency)} covered "
                        f"last month. ")
        text.append(when_text(f), style="italic")
    return text


def prompt_text(view: TodayView) -> Text:
    """The day's question."""
    text = Text()
    text.append("Today's question\n", style="bold")
    text.append(view.prompt or "(no coaching prompts found)")
    return text


def step_text(view: TodayView) -> Text:
    """The first unticked step and its one concrete action; step 7's next move when there is one."""
    text = Text()
    if view.mentor:
        text.append("Mentor: ", style="bold")
        text.append(view.mentor + "\n")
    step = view.next_step
    if step is None:
        text.append("All eight steps are ticked\n", style="bold")
        text.append("Keep measuring what works, and scale it (step 8).")
        return text
    text.append(f"Next step · {step.number} {step.title}\n", style="bold")
    text.append(view.next_action or step.today)
    return text


def due_line(expected: Expected, view: TodayView) -> Text:
    """``overdue  2026-11-03  Blog ads  40.00 EUR`` / ``in 4 days  2026-11-25  …``."""
    days = (expected.due - view.day).days
    if expected.overdue:
        when, style = "overdue", "bold red"
    elif days <= 0:
        when, style = "due now", "yellow"
    else:
        when, style = f"in {days} day{'' if days == 1 else 's'}", ""
    text = Text()
    text.append(f"{when:<11}", style=style)
    text.append(f"{expected.due}  {safe_display(expected.stream.name)}")
    if expected.amount is not None:
        text.append(f"  {format_money(expected.amount, expected.stream.currency)}", style="dim")
    return text


def due_text(view: TodayView) -> Text | None:
    """Expected payments overdue or due within 30 days; None when there are none."""
    if not view.due:
        return None
    text = Text()
    text.append("Money expected soon\n", style="bold")
    lines = [due_line(e, view) for e in view.due[:MAX_DUE]]
    if len(view.due) > MAX_DUE:
        lines.append(Text(f"and {len(view.due) - MAX_DUE} more in the Income Ledger", style="dim"))
    text.append(Text("\n").join(lines))
    return text


def nudge_text(nudge: Nudge) -> Table:
    """A bullet, what was seen, and below it, dim, why it matters; wrapped lines stay indented."""
    grid = Table.grid(padding=0)
    grid.add_column(width=2, style="bold yellow")
    grid.add_column(ratio=1)
    body = Text(safe_display(nudge.text))
    body.append("\n" + nudge.why, style="dim")
    grid.add_row("•", body)
    return grid


CHECK_KEYS = "d dismiss · s snooze a week · m a month · u undo"
"""What can be done with the check under the cursor, beside the checks' title."""


def checks_title() -> Text:
    """``Honest checks`` and, dim, the keys that keep one away or bring it back."""
    text = Text("Honest checks", style="bold")
    text.append(f"   {CHECK_KEYS}", style="dim not bold")
    return text


class NudgeLine(Static, can_focus=True):
    """One honest check on the card; the arrows move between checks, d dismisses, s and m snooze."""

    BINDINGS = [
        Binding("down,j", "screen.move(1)", "Next check", show=False),
        Binding("up,k", "screen.move(-1)", "Previous check", show=False),
    ]

    def __init__(self, nudge: Nudge) -> None:
        super().__init__(nudge_text(nudge), classes="nudge")
        self.nudge = nudge

    def on_click(self) -> None:
        """A click selects the check, so d dismisses it."""
        self.focus()
