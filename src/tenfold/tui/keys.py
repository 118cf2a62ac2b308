"""Every key of the main screen, declared once: the bindings, the footer, the help screen and the palette read it.

A :class:`Key` is one binding: the keys, the action where it is bound, its footer
label. The widgets take their ``BINDINGS`` from the tuples below (``GOAL_KEYS``
for the goal pane, ...), in the order the footer shows them. A :class:`Command`
is one thing a user can do on the main screen: its title and help (the palette's
entry and the help screen's row), the main screen's action that the palette runs,
and the :class:`Key` objects that do it in the panes - the help screen names
those keys, so it cannot disagree with them. ``tests/tui/test_keys.py`` checks
that every command is in the palette and the help, and every key is bound.

Keys that only one dialog or screen knows (a form's ctrl+s, the report's arrows)
are here when the help screen names them; the other screens declare their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding, BindingType

from tenfold.domain.steps import STEPS

NAMES = {"space": "Space", "enter": "Enter", "delete": "Delete", "slash": "/", "dollar_sign": "$",
         "question_mark": "?", "tab": "Tab", "escape": "esc"}
"""How the help screen and the palette write a key Textual names otherwise."""


OPENING: set[tuple[str, str]] = set()
"""(key, action) of every binding declared with ``opens=True``."""


def key_name(key: str) -> str:
    """``space`` -> ``Space``, ``slash`` -> ``/``; letters and ``ctrl+q`` as they are."""
    return NAMES.get(key, key)


@dataclass(frozen=True)
class Key:
    """One binding. ``names``: the keys the help screen names, when not all of ``keys`` (a subset of them)."""

    keys: str
    action: str
    description: str
    show: bool = True
    priority: bool = False
    names: str | None = None
    """None: the help names every key; "": it names none (the binding repeats another)."""
    opens: bool = False
    """It opens a form or screen, or moves the focus: keys typed right behind it wait for that
    (:mod:`tenfold.tui.key_gate`)."""

    def __post_init__(self) -> None:
        if self.opens:
            OPENING.update((key, self.action) for key in self.keys.split(","))

    def binding(self) -> Binding:
        """The Textual binding."""
        return Binding(self.keys, self.action, self.description, show=self.show, priority=self.priority)

    def named(self) -> list[str]:
        """The keys as the help screen writes them."""
        names = self.keys if self.names is None else self.names
        return [key_name(k) for k in names.split(",") if k]


def bindings(keys: tuple[Key, ...]) -> list[BindingType]:
    """A widget's ``BINDINGS``."""
    return [k.binding() for k in keys]


@dataclass(frozen=True)
class Command:
    """An action on the main screen: the palette runs ``action`` there; ``keys`` do it in the panes.

    ``also``: ways Textual provides (Tab, a click), or a key of a screen over the main one (the step
    screen's b), that the help names after the keys.
    A command without keys or ``also`` is reached through the palette (ctrl+p).
    """

    title: str
    help: str
    where: str
    action: str
    keys: tuple[Key, ...] = ()
    also: tuple[str, ...] = ()
    in_palette: bool = True

    @property
    def key(self) -> str:
        """The keys as the help screen and the palette show them: ``d / Delete``."""
        names: list[str] = []
        for key in self.keys:
            names += [n for n in key.named() if n not in names]
        names += [a for a in self.also if a not in names]
        return " / ".join(names) or PALETTE_KEY


PALETTE_KEY = App.COMMAND_PALETTE_BINDING
"""Textual's own key for the command palette."""

# ----- the keys, by where they are bound (in footer order) --------------------------------

GOAL_WRITE = Key("w", "edit_goal", "Write goal", opens=True)
GOAL_KEYS = (
    GOAL_WRITE,
    GOAL_ENTER := Key("enter", "edit_goal", "Write goal", show=False, names="", opens=True),
    GOAL_HISTORY := Key("h", "screen.goal_history", "Goal history", opens=True),
)
"""The Written Goal pane's body (:class:`~tenfold.tui.widgets.goal_pane.GoalView`)."""

STEP_LIST_KEYS = (
    STEP_TICK := Key("space", "tick", "Tick/untick"),
    STEP_TICK_X := Key("x", "tick", "Tick/untick", show=False),
    STEP_OPEN := Key("enter", "open", "Open step", opens=True),
    STEP_ADD := Key("a", "add", "Add to step", opens=True),
    Key("down,j", "move(1)", "Down", show=False),
    Key("up,k", "move(-1)", "Up", show=False),
    STEP_NOTES := Key("n", "notes", "Notes", opens=True),
)
"""The Eight Steps checklist (:class:`~tenfold.tui.widgets.steps_pane.StepList`)."""

NOTES_KEYS = (NOTES_LEAVE := Key("escape", "leave", "Back to steps"),)
"""The step notes editor (:class:`~tenfold.tui.widgets.notes_editor.NotesArea`)."""

FILTER_KEYS = (FILTER_CLOSE := Key("escape", "close", "Clear filter"),)
"""The filter line of the payments and of the ideas (:class:`~tenfold.tui.widgets.filter_line.FilterInput`)."""

LEAVE_FIELD = (NOTES_LEAVE, FILTER_CLOSE)
"""esc in a pane's text field: the help's "Next pane" row says to press it first."""

LEDGER_KEYS = (
    LEDGER_PAYMENT := Key("a", "add_payment", "Add payment", opens=True),
    LEDGER_STREAM := Key("s", "add_stream", "Add stream", opens=True),
    LEDGER_EDIT := Key("e", "edit", "Edit", opens=True),
    LEDGER_DELETE := Key("d,delete", "delete", "Delete", opens=True),
    LEDGER_FILTER := Key("slash", "filter_payments", "Filter", opens=True),
    LEDGER_SORT := Key("o", "sort_payments", "Sort", show=False),  # the footer is full at 80 columns; ? lists it
    LEDGER_CHART := Key("c", "toggle_chart", "Chart"),
    LEDGER_REPORT := Key("r", "screen.ledger_report", "Report", opens=True),
    # Rates is not in the footer, so Quit fits at 120 columns.
    LEDGER_RATES := Key("dollar_sign", "screen.ledger_rates", "Rates", show=False, opens=True),
    LEDGER_HOURS := Key("h", "log_hours", "Log hours", show=False, opens=True),
    LEDGER_PARTS := Key("p", "rate_parts", "Three parts", show=False, opens=True),
    LEDGER_CARD := Key("i", "stream_card", "Stream measures", show=False, opens=True),
    # esc while a long sort or filter runs on a thread stops it; it does nothing otherwise.
    LEDGER_CANCEL := Key("escape", "cancel_work", "Cancel", show=False, names=""),
)
"""The Income Ledger pane (:class:`~tenfold.tui.widgets.ledger_pane.LedgerPane`)."""

IDEAS_KEYS = (
    IDEAS_ADD := Key("a", "add_idea", "Add idea", opens=True),
    IDEAS_EDIT := Key("e", "edit_idea", "Edit", opens=True),
    IDEAS_DELETE := Key("d,delete", "delete_idea", "Delete", opens=True),
    IDEAS_MAKE := Key("m", "make_stream", "Make it a stream", opens=True),
    IDEAS_SORT := Key("o", "cycle_sort", "Sort", show=False),  # room for / Search at 120 columns; ? lists it
    IDEAS_FILTER := Key("f", "cycle_filter", "Filter"),
    IDEAS_SEARCH := Key("slash", "search_ideas", "Search", opens=True),
    # esc on the list (not only in the search line) clears a search; it does nothing when none is on.
    IDEAS_CLEAR := Key("escape", "clear_search", "Clear search", show=False, names=""),
    IDEAS_PARTS := Key("p", "rate_parts", "Three parts", show=False, opens=True),
)
"""The ideas pane (:class:`~tenfold.tui.widgets.ideas_pane.IdeasPane`)."""

TABLE_KEYS = (
    TABLE_UP := Key("up,k", "move(-1)", "Up", show=False, names="k"),
    TABLE_DOWN := Key("down,j", "move(1)", "Down", show=False, names="j"),
    Key("home,g", "move_to(0)", "Top", show=False),
    Key("end,G", "move_to(-1)", "Bottom", show=False),
    Key("pageup", "page(-1)", "Page up", show=False),
    Key("pagedown", "page(1)", "Page down", show=False),
    TABLE_SELECT := Key("enter", "select_cursor", "Select", show=False, opens=True),
)
"""Every table (:class:`~tenfold.tui.widgets.virtual_table.VirtualTable`): Enter edits the row."""

MAIN_KEYS = (
    *(GO_TO := tuple(Key(str(n), f"focus_pane('{pane}')", pane.capitalize(), show=False, opens=True)
                     for n, pane in enumerate(("goal", "steps", "ledger", "ideas"), start=1))),
    HELP := Key("question_mark", "help", "Help", opens=True),
    TODAY := Key("t", "today", "Today", opens=True),
    ZOOM := Key("z", "zoom", "Zoom"),
)
"""The main screen, whichever pane has focus."""

APP_KEYS = (
    # q quits from every screen, dialogs and the today card included (a modal screen hides the
    # app's ordinary bindings, so this one goes first); in a text field it is a letter.
    QUIT := Key("q", "quit_unless_typing", "Quit", priority=True),
    QUIT_ANYWHERE := Key("ctrl+q", "quit", "Quit", show=False, priority=True),
    NEXT_FIELD := Key("tab", "focus_next", "Focus Next", show=False, priority=True),
    Key("shift+tab", "focus_previous", "Focus Previous", show=False, priority=True),
)
"""The app: on every screen (ctrl+q even in a text field).

Tab and shift+tab do what Textual's screens bind them to, but as priority keys of
the app: the app then moves the focus itself, before it hands on the keys typed
after Tab. Bound on the screen, Tab travels to the focused field first and back
up, and keys that came in the same burst (a paste, a fast typist, a busy machine)
were handed to the old field meanwhile. No widget of Tenfold takes Tab itself
(its text areas move the focus with Tab, as Textual's do by default).
"""

FORM_KEYS = (
    FORM_CANCEL := Key("escape", "cancel", "Cancel"),
    FORM_SAVE := Key("ctrl+s", "save", "Save"),
)
"""Every form (:class:`~tenfold.tui.dialogs.form.FormDialog`)."""

STEP_BILLS = Key("b", "bills", "Bills")
"""Step 4's bills, in the step screen (:class:`~tenfold.tui.screens.step_screen.StepScreen`), which declares
its other keys itself; the help names this one."""

TODAY_KEYS = (
    Key("escape,enter,t", "close", "Close"),
    TODAY_DISMISS := Key("d,x,delete", "dismiss_nudge", "Dismiss check", names="d,x"),
    TODAY_SNOOZE_WEEK := Key("s", "snooze('week')", "Snooze a week"),
    TODAY_SNOOZE_MONTH := Key("m", "snooze('month')", "Snooze a month"),
    TODAY_UNDO := Key("u", "undo", "Undo"),
    Key("w", "write_goal", "Write goal", opens=True),
    Key("o", "toggle_launch", "Show at start: on/off"),
)
"""The today card (:class:`~tenfold.tui.screens.today.TodayScreen`)."""

# ----- what a user can do on the main screen: the help's rows and the palette's entries -----

PANE_TITLES = ("Written Goal", "Eight Steps", "Income Ledger", "Who Do I Deliver Value To?")
LEDGER, IDEAS = PANE_TITLES[2], PANE_TITLES[3]

COMMANDS: tuple[Command, ...] = (
    Command("Write goal", "Write or rewrite your passive income goal", "Written Goal", "write_goal",
            (GOAL_WRITE, GOAL_ENTER)),
    Command("Add income stream", "A new stream: royalties, dividends, a course…", LEDGER, "add_stream",
            (LEDGER_STREAM,)),
    Command("Add payment", "Record money received from a stream", LEDGER, "add_payment", (LEDGER_PAYMENT,)),
    Command("Add brainstorm entry", "Who do you deliver value to, and how could it scale?", IDEAS, "add_idea",
            (IDEAS_ADD,)),
    Command("Make it a stream", "Turn the entry under the cursor into an income stream that remembers it", IDEAS,
            "make_stream", (IDEAS_MAKE,)),
    Command("Sort ideas", "Order the entries: newest, widest reach, most passive delivery", IDEAS, "sort_ideas",
            (IDEAS_SORT,)),
    Command("Filter ideas", "Show all entries, those rated 1k+ people, or those with automated delivery", IDEAS,
            "filter_ideas", (IDEAS_FILTER,)),
    Command("Search ideas", "Show only entries holding every word typed (who, value, reach, delivery, ladder); "
            "#tag words match tags; esc shows all again", IDEAS, "search_ideas", (IDEAS_SEARCH, IDEAS_CLEAR)),
    Command("Edit selected", "Edit the stream, payment or entry under the cursor", f"{LEDGER}, {IDEAS}",
            "edit_selected", (LEDGER_EDIT, IDEAS_EDIT, TABLE_SELECT)),
    Command("Delete selected", "Delete the stream, payment or entry under the cursor (asks first)",
            f"{LEDGER}, {IDEAS}", "delete_selected", (LEDGER_DELETE, IDEAS_DELETE)),
    Command("Filter payments", "Show only payments whose stream, note, customer or date (2026-03) match", LEDGER,
            "filter_payments", (LEDGER_FILTER,)),
    Command("Sort payments", "Order the payments: newest first, largest first, by stream", LEDGER, "sort_payments",
            (LEDGER_SORT,)),
    Command("Income chart", "Monthly passive income against the goal line, in place of the tables (c again: back)",
            LEDGER, "toggle_chart", (LEDGER_CHART,)),
    Command("Tick or untick step", "Tick the step under the cursor; ticking records today's date", "Eight Steps",
            "toggle_step", (STEP_TICK, STEP_TICK_X), also=("click the box",)),
    Command("Step notes", "Write notes for the step under the cursor (saved as you type)", "Eight Steps",
            "step_notes", (STEP_NOTES,)),
    Command("Open step", "The step under the cursor full screen: its sub-tasks, plans, mentors, streams",
            "Eight Steps", "open_step", (STEP_OPEN,)),
    Command("Add to step", "Add a sub-task, plan, marketer, group, mentor or stream; step 1: choose the idea",
            "Eight Steps", "add_to_step", (STEP_ADD,)),
    Command("Goal history", "Each earlier version of the goal, with what changed", "Written Goal", "goal_history",
            (GOAL_HISTORY,)),
    Command("Weekly review", "The last seven days in Markdown: goal, steps, payments, ideas, streak", "anywhere",
            "review('week')"),
    Command("Monthly review", "The last complete month in Markdown; s in the review saves it to a file",
            "anywhere", "review('month')"),
    Command("Plan a pause", "Days off (holiday, illness) that do not break the streak, a few a month", "anywhere",
            "plan_pause"),
    *(Command(f"Go to {title}", f"Move to the {title} pane", "anywhere", key.action, (key,))
      for title, key in zip(PANE_TITLES, GO_TO, strict=True)),
    Command("Next pane", "Move to the next pane (esc first to leave a text field)", "anywhere", "next_pane(1)",
            (NEXT_FIELD,)),
    Command("Zoom pane", "Show the pane with the cursor alone at full size; z again shows all four", "anywhere",
            "zoom", (ZOOM,)),
    Command("Today", "The day's card: goal and progress, a question, the next step, streak, honest checks",
            "anywhere", "today", (TODAY,)),
    Command("Show dismissed checks", "The honest checks you dismissed or snoozed (d, s, m on the today card); "
            "Enter brings one back", "anywhere", "dismissed_checks"),
    Command("Report", "Income per month and stream, passive share, concentration, upkeep; a month or a year",
            LEDGER, "ledger_report", (LEDGER_REPORT,)),
    Command("Log hours on a stream", "Upkeep as it happens: income per hour then rests on real hours", LEDGER,
            "ledger_hours", (LEDGER_HOURS,)),
    Command("Stream measures", "Payback, income per upkeep hour, reach and the three parts of a stream", LEDGER,
            "ledger_stream_card", (LEDGER_CARD,)),
    Command("Rate the three parts", "Creation, delivery, payment: the weakest is named with a question",
            f"{LEDGER}, {IDEAS}", "rate_parts_here", (LEDGER_PARTS, IDEAS_PARTS)),
    Command("Step 4: the bills", "Monthly bills the streams must cover, savings, what an hour of yours is worth",
            "Eight Steps (step 4)", "edit_bills", also=(STEP_BILLS.keys,)),
    Command("Exchange rates", "List, add and delete the dated rates that convert other currencies", LEDGER,
            "ledger_rates", (LEDGER_RATES,)),
    Command("Import payments from a file…",
            "Preview a platform's or a bank's file (CSV, .xlsx, OFX, QIF, camt, MT940), then import it "
            "(duplicates skipped)",
            "anywhere", "import_payments"),
    Command("Export…", "Write the payments as CSV or a ledger journal, or everything as JSON or Markdown",
            "anywhere", "export_data"),
    Command("Help", "Keys and the method in short", "anywhere", "help", (HELP,)),
    # Textual's palette has its own Quit, which runs the same app.quit (saving first).
    Command("Quit", "Save everything and quit", "anywhere", "app.quit", (QUIT, QUIT_ANYWHERE), in_palette=False),
)
"""The help screen's rows, in order; the palette's Tenfold entries."""

STEP_COMMANDS: tuple[Command, ...] = tuple(
    Command(f"Tick or untick step {s.number}: {s.title}", s.today, "Eight Steps", f"toggle_step({s.number})",
            (STEP_TICK,))
    for s in STEPS
)
"""One palette entry per step, so ``ctrl+p`` then "mentor" ticks step 7 (not rows of the help)."""

HELP_NOTES: tuple[Command, ...] = (
    Command("Command palette: every action by name", "", "anywhere", "", in_palette=False),
    Command("Move down / up in lists, besides the arrows", "", "lists", "", (TABLE_DOWN, TABLE_UP),
            in_palette=False),
    Command("Save / cancel a form (typed in it: esc twice)", "", "forms", "", (FORM_SAVE, FORM_CANCEL),
            in_palette=False),
    Command("Dismiss the highlighted honest check for good", "", "today card", "", (TODAY_DISMISS,),
            in_palette=False),
)
"""Rows the help screen adds after the commands: keys that work in lists, forms and the today card."""
