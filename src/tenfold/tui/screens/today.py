"""The today card: a short daily ritual shown on launch and with ``t``.

It reads back the written goal and how far this month got, asks the day's
question, names the next step's one concrete action, lists money expected soon,
counts the streak, and raises the honest checks that fired. A check the user
dismisses (``d``) is saved through the goal handler
(:class:`~tenfold.tui.handlers.goal.GoalActions`), so it stays gone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tenfold.coach.prompts import PROMPTS_FILE, PromptsError, load_prompts
from tenfold.coach.today import TodayView, build_today
from tenfold.config import load_settings, save_settings
from tenfold.domain.monthly import LedgerSummary
from tenfold.domain.pauses import paused_days
from tenfold.figures.expected import Expected
from tenfold.figures.goal_figures import GoalFigures
from tenfold.paths import config_dir
from tenfold.store.store import Store
from tenfold.tui.keys import TODAY_KEYS, bindings
from tenfold.tui.widgets.today_card import NudgeLine, card_title, due_text, goal_text, prompt_text, step_text

NO_CHECKS = "Nothing to flag today."
SHORT_HEIGHT = 30
"""Terminals with fewer rows get the compact card."""


def hint(checks: bool, setting: bool) -> str:
    """The keys that do something on this card, for its bottom border."""
    keys = ["enter/esc close", "d dismiss check" if checks else "", "w write goal",
            "o show at start" if setting else ""]
    return " · ".join(k for k in keys if k)


@cache
def coaching_prompts() -> tuple[str, ...]:
    """The shipped prompts, read once; a broken file shows its problem in the prompt's place."""
    try:
        return load_prompts(config_dir() / PROMPTS_FILE)
    except PromptsError as exc:
        return (str(exc),)


def gather_today(
    store: Store,
    summary: LedgerSummary | None = None,
    figures: GoalFigures | None = None,
    expected: Sequence[Expected] | None = None,
) -> TodayView:
    """The card's contents from the store and the figures the main screen already has.

    What the checks need from the payments comes from the store's monthly index
    and the newest payments read so far, so the card never waits for a big
    file's payments to be read.
    """
    streams = store.streams()
    return build_today(
        today=store.today(),
        goal=store.goal,
        summary=summary,
        figures=figures,
        expected=expected,
        streams=streams,
        payments=store.newest_payments(),
        steps=store.steps(),
        backup_items=len(store.step_items(4)),
        checkins=store.checkins(),
        dismissed=store.dismissed(),
        prompts=coaching_prompts(),
        rates=store.rates(),
        index=store.monthly_index(),
        paused=paused_days(store.pauses()),
        items=store.step_items(),
        ideas=len(store.ideas()),
    )


class TodayScreen(ModalScreen[str | None]):
    """The card. Returns ``"write_goal"`` when the user pressed w, else None."""

    DEFAULT_CSS = """
    TodayScreen #dialog.today { width: 84; }
    TodayScreen .today-section { margin-top: 1; }
    TodayScreen #today-checks-title { margin-top: 1; text-style: bold; }
    TodayScreen .nudge { padding: 0 1 0 0; }
    TodayScreen .nudge:focus { background: $accent 30%; }
    TodayScreen #today-no-checks { color: $text-muted; }
    TodayScreen.-short .today-section, TodayScreen.-short #today-checks-title { margin-top: 0; }
    """

    BINDINGS = bindings(TODAY_KEYS)

    def __init__(self, view: TodayView, on_dismiss: Callable[[str], bool], config_dir: Path | None = None) -> None:
        super().__init__()
        self.view = view
        self.on_dismiss = on_dismiss
        """Saves a dismissal; returns False (after telling the user) when it could not."""
        self.config_dir = config_dir
        """Where the on-launch setting lives; None (as in tests) hides the o key."""

    def compose(self) -> ComposeResult:
        """Title, goal and progress, question, next step, money due, checks."""
        view = self.view
        with VerticalScroll(id="dialog", classes="today"):
            yield Static(card_title(view), id="today-title")
            yield Static(goal_text(view), id="today-goal", classes="today-section")
            yield Static(prompt_text(view), id="today-prompt", classes="today-section")
            yield Static(step_text(view), id="today-step", classes="today-section")
            due = due_text(view)
            if due is not None:
                yield Static(due, id="today-due", classes="today-section")
            # Without a goal the whole card is the invitation to write one: no check repeats it.
            nudges = [n for n in view.nudges if n.key != "no-goal"]
            if nudges or view.goal is not None:
                yield Static(Text("Honest checks"), id="today-checks-title")
            for nudge in nudges:
                yield NudgeLine(nudge)
            if not nudges and view.goal is not None:
                yield Static(NO_CHECKS, id="today-no-checks")

    def on_mount(self) -> None:
        """Focus the first check, so d dismisses it; without checks the card itself scrolls."""
        dialog = self.query_one("#dialog", VerticalScroll)
        lines = list(self.query(NudgeLine))
        dialog.border_subtitle = hint(bool(lines), self.config_dir is not None)
        self._fit(self.app.size.height)
        dialog.can_focus = not lines
        (lines[0] if lines else dialog).focus()

    def on_resize(self, event: events.Resize) -> None:
        """Keep the card compact in short terminals."""
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        """Below 30 rows the sections lose their blank line, so the first check fits on an 80x24 screen."""
        self.set_class(height < SHORT_HEIGHT, "-short")

    def nudge_keys(self) -> list[str]:
        """The keys of the checks on the card, top to bottom (for tests and the screen)."""
        return [line.nudge.key for line in self.query(NudgeLine)]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The on-launch switch needs a settings folder."""
        return self.config_dir is not None if action == "toggle_launch" else True

    def action_toggle_launch(self) -> None:
        """Switch whether the card opens when Tenfold starts (a setting of this machine)."""
        if self.config_dir is None:
            return
        settings = load_settings(self.config_dir)
        show = not settings.today_on_launch
        try:
            save_settings(self.config_dir, dataclasses.replace(settings, today_on_launch=show))
        except OSError as exc:
            self.notify(f"Could not save the setting: {exc.strerror}", severity="warning")
            return
        self.notify("The today card will open when Tenfold starts." if show
                    else "The today card will not open on start; press t for it any time.")

    def action_close(self) -> None:
        """Back to the panes."""
        self.dismiss(None)

    def action_write_goal(self) -> None:
        """Close the card and open the goal form."""
        self.dismiss("write_goal")

    def action_move(self, step: int) -> None:
        """Move between checks; up from the first shows the top of the card."""
        lines = list(self.query(NudgeLine))
        if self.focused not in lines:
            return
        target = lines.index(self.focused) + step
        if target < 0:
            self.query_one("#dialog", VerticalScroll).scroll_home(animate=False)
            return
        lines[min(target, len(lines) - 1)].focus()

    async def action_dismiss_nudge(self) -> None:
        """Dismiss the focused check for good, and move to the next one."""
        line = self.focused
        if not isinstance(line, NudgeLine) or not self.on_dismiss(line.nudge.key):
            return
        lines = list(self.query(NudgeLine))
        index = lines.index(line)
        rest = lines[:index] + lines[index + 1 :]
        await line.remove()
        if rest:
            rest[min(index, len(rest) - 1)].focus()
            return
        dialog = self.query_one("#dialog", VerticalScroll)
        await dialog.mount(Static(NO_CHECKS, id="today-no-checks"))
        dialog.border_subtitle = hint(False, self.config_dir is not None)
        dialog.can_focus = True
        dialog.focus()
