"""Every action a user can take, in one list: the help screen and the palette read it.

The keys shown here are the ones bound in the panes and the screen, so the footer,
the help screen (``?``) and the command palette (``ctrl+p``) always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

from tenfold.steps import STEPS


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
    Command("Edit selected", "Edit the stream, payment or entry under the cursor", "e / Enter",
            "Income Ledger, Who Do I Deliver Value To?", "edit_selected"),
    Command("Delete selected", "Delete the stream, payment or entry under the cursor (asks first)", "d / Delete",
            "Income Ledger, Who Do I Deliver Value To?", "delete_selected"),
    Command("Tick or untick step", "Tick the step under the cursor; ticking records today's date",
            "Space / x / click the box", "Eight Steps", "toggle_step"),
    Command("Step notes", "Write notes for the step under the cursor (saved as you type)", "n", "Eight Steps",
            "step_notes"),
    *(
        Command(f"Go to {title}", f"Move to the {title} pane", key, "anywhere", f"focus_pane('{pane}')")
        for key, title, pane in (
            ("1", "Written Goal", "goal"),
            ("2", "Eight Steps", "steps"),
            ("3", "Income Ledger", "ledger"),
            ("4", "Who Do I Deliver Value To?", "ideas"),
        )
    ),
    Command("Next pane", "Move to the next pane (esc first to leave a text field)", "Tab", "anywhere",
            "next_pane(1)"),
    Command("Help", "Keys and the method in short", "?", "anywhere", "help"),
    Command("Quit", "Save everything and quit", "q / ctrl+q", "anywhere", "app.quit"),
)

STEP_COMMANDS: tuple[Command, ...] = tuple(
    Command(f"Tick or untick step {s.number}: {s.title}", s.today, "Space", "Eight Steps", f"toggle_step({s.number})")
    for s in STEPS
)
"""One palette entry per step, so ``ctrl+p`` then "mentor" ticks step 7."""
