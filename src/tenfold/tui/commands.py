"""Every action a user can take, in one list: the help screen and the palette read it.

The keys shown here are the ones bound in the panes and the screen, so the footer,
the help screen (``?``) and the command palette (``ctrl+p``) always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from tenfold.domain.steps import STEPS


@dataclass(frozen=True)
class Command:
    """An action on the main screen: ``action`` is its ``action_*`` name with arguments."""

    title: str
    help: str
    key: str
    where: str
    action: str


COMMANDS: tuple[Command, ...] = (
    Command("Write goal", "Write or rewrite your passive income goal", "w", "Written Goal", "write_goal"),
    Command("Add income stream", "A new stream: royalties, dividends, a course…", "s", "Income Ledger", "add_stream"),
    Command("Add payment", "Record money received from a stream", "a", "Income Ledger", "add_payment"),
    Command("Add brainstorm entry", "Who do you deliver value to, and how could it scale?", "a",
            "Who Do I Deliver Value To?", "add_idea"),
    Command("Make it a stream", "Turn the entry under the cursor into an income stream that remembers it", "m",
            "Who Do I Deliver Value To?", "make_stream"),
    Command("Sort ideas", "Order the entries: newest, widest reach, most passive delivery", "o",
            "Who Do I Deliver Value To?", "sort_ideas"),
    Command("Filter ideas", "Show all entries, those rated 1k+ people, or those with automated delivery", "f",
            "Who Do I Deliver Value To?", "filter_ideas"),
    Command("Edit selected", "Edit the stream, payment or entry under the cursor", "e / Enter",
            "Income Ledger, Who Do I Deliver Value To?", "edit_selected"),
    Command("Delete selected", "Delete the stream, payment or entry under the cursor (asks first)", "d / Delete",
            "Income Ledger, Who Do I Deliver Value To?", "delete_selected"),
    Command("Filter payments", "Show only payments whose stream, note, customer or date (2026-03) match", "/",
            "Income Ledger", "filter_payments"),
    Command("Sort payments", "Order the payments: newest first, largest first, by stream", "o", "Income Ledger",
            "sort_payments"),
    Command("Income chart", "Monthly passive income against the goal line, in place of the tables (c again: back)",
            "c", "Income Ledger", "toggle_chart"),
    Command("Tick or untick step", "Tick the step under the cursor; ticking records today's date",
            "Space / x / click the box", "Eight Steps", "toggle_step"),
    Command("Step notes", "Write notes for the step under the cursor (saved as you type)", "n", "Eight Steps",
            "step_notes"),
    Command("Open step", "The step under the cursor full screen: its sub-tasks, plans, mentors, streams",
            "Enter", "Eight Steps", "open_step"),
    Command("Add to step", "Add a sub-task, plan, marketer, group, mentor or stream; step 1: choose the idea", "a",
            "Eight Steps", "add_to_step"),
    Command("Goal history", "Each earlier version of the goal, with what changed", "h", "Written Goal",
            "goal_history"),
    Command("Weekly review", "The last seven days in Markdown: goal, steps, payments, ideas, streak", "ctrl+p",
            "anywhere", "review('week')"),
    Command("Monthly review", "This month so far in Markdown; s in the review saves it to a file", "ctrl+p",
            "anywhere", "review('month')"),
    *(
        Command(f"Go to {title}", f"Move to the {title} pane", key, "anywhere", f"focus_pane('{pane}')")
        for key, title, pane in (
            ("1", "Written Goal", "goal"),
            ("2", "Eight Steps", "steps"),
            ("3", "Income Ledger", "ledger"),
            ("4", "Who Do I Deliver Value To?", "ideas"),
        )
    ),
    Command("Zoom pane", "Show the pane with the cursor alone at full size; z again shows all four", "z",
            "anywhere", "zoom"),
    Command("Next pane", "Move to the next pane (esc first to leave a text field)", "Tab", "anywhere",
            "next_pane(1)"),
    Command("Today", "The day's card: goal and progress, a question, the next step, streak, honest checks", "t",
            "anywhere", "today"),
    Command("Show dismissed checks", "The honest checks you dismissed or snoozed (d, s, m on the today card); "
            "Enter brings one back", "ctrl+p", "anywhere", "dismissed_checks"),
    Command("Report", "Income per month and stream, passive share, concentration, upkeep; a month or a year",
            "r", "Income Ledger", "ledger_report"),
    Command("Exchange rates", "List, add and delete the dated rates that convert other currencies", "$",
            "Income Ledger", "ledger_rates"),
    Command("Import payments from CSV…", "Preview a CSV file of payments, then import it (duplicates skipped)",
            "ctrl+p", "anywhere", "import_payments"),
    Command("Export…", "Write the payments as CSV or a ledger journal, or everything as JSON or Markdown",
            "ctrl+p", "anywhere", "export_data"),
    Command("Help", "Keys and the method in short", "?", "anywhere", "help"),
    Command("Quit", "Save everything and quit", "q / ctrl+q", "anywhere", "app.quit"),
)

STEP_COMMANDS: tuple[Command, ...] = tuple(
    Command(f"Tick or untick step {s.number}: {s.title}", s.today, "Space", "Eight Steps", f"toggle_step({s.number})")
    for s in STEPS
)
"""One palette entry per step, so ``ctrl+p`` then "mentor" ticks step 7."""
