"""The today card: a short daily ritual shown on launch and with ``t``.

It reads back the written goal and how far this month got, asks the day's
question, names the next step's one concrete action, lists money expected soon,
counts the streak, and raises the honest checks that fired. A check the user
dismisses (``d``) or snoozes for a week or a month (``s``, ``m``) is saved through
the goal handler (:class:`~tenfold.tui.handlers.goal.GoalActions`), so it stays
away; ``u`` brings it back while the card is open, and the palette's "Show
dismissed checks" at any time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widget import AwaitMount
from textual.widgets import Static

from tenfold.coach.nudges import Nudge
from tenfold.coach.prompts import PROMPTS_FILE, PromptsError, load_prompts
from tenfold.coach.today import TodayView, build_today
from tenfold.config import load_settings, save_settings
from tenfold.domain.monthly import LedgerSummary
from tenfold.domain.pauses import paused_days
from tenfold.domain.step_entries import mentor_line
from tenfold.figures.expected import Expected, add_months
from tenfold.figures.goal_figures import GoalFigures
from tenfold.paths import config_dir
from tenfold.store.store import Store
from tenfold.tui.keys import TODAY_KEYS, bindings
from tenfold.tui.screens.first_show import StyledOnce
from tenfold.tui.widgets.today_card import (
    NudgeLine,
    card_title,
    checks_title,
    due_text,
    goal_text,
    prompt_text,
    step_text,
)
from tenfold.views.measures import store_measures

NO_CHECKS = "Nothing to flag today."
SHORT_HEIGHT = 30
"""Terminals with fewer rows get the compact card."""
CHECKS_AT_ONCE = 20
"""Checks put on the card when it opens, and again each time the cursor or the scrolling nears the last.

Twenty checks (two lines or more each) fill more than the tallest card shows; a
ledger of many streams gone quiet has two hundred, and each check is a widget
to style, wrap and lay out: all of them would hold the card back by half a second.
"""


def hint(setting: bool | None) -> str:
    """The keys of the card as a whole, for its bottom border (the checks' keys are beside their title).

    ``setting``: whether the card opens at start (None: no settings folder, no o key);
    the o key's label says which way it is set now.
    """
    keys = ["enter/esc close", "w write goal",
            "" if setting is None else f"o show at start: {'on' if setting else 'off'}", "q quit"]
    return " · ".join(k for k in keys if k)


def snooze_end(today: date, period: str) -> date:
    """The day a check snoozed ``today`` for a ``"week"`` or a ``"month"`` shows again."""
    return today + timedelta(days=7) if period == "week" else add_months(today, 1)


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
    *,
    with_dismissed: bool = False,
) -> TodayView:
    """The card's contents from the store and the figures the main screen already has.

    What the checks need from the payments comes from the store's monthly index
    and the newest payments read so far, so the card never waits for a big
    file's payments to be read (the measures leave payback and reach out until then).
    ``with_dismissed``: the checks kept away are on it too (to name them in the list of dismissals).
    """
    today = store.today()
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
        dismissed={} if with_dismissed else store.dismissed(),
        prompts=coaching_prompts(),
        rates=store.rates(),
        index=store.monthly_index(),
        paused=paused_days(store.pauses()),
        items=store.step_items(),
        ideas=len(store.ideas()),
        measures=store_measures(store, today, wait=False),
        mentor=mentor_line(store.step_items(7), today),
    )


class TodayScreen(StyledOnce, ModalScreen[str | None]):
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
    AUTO_FOCUS = ""
    """Nothing is focused as the card mounts: :meth:`on_mount` focuses the first check (or the card).

    Left to Textual's default, the card's scrolling frame took the focus first and,
    with checks on the card, gave it up to the first one a moment later: each move
    restyled the frame with everything in it, before the card's first frame.
    """

    def __init__(self, view: TodayView, on_dismiss: Callable[[str, date | None], bool],
                 config_dir: Path | None = None, on_restore: Callable[[str], bool] | None = None) -> None:
        super().__init__()
        self.view = view
        self.on_dismiss = on_dismiss
        """Saves a dismissal (for good, or until a day); returns False (after telling the user) when it could not."""
        self.on_restore = on_restore
        """Removes a dismissal (undo); same contract."""
        self._undo: list[tuple[int, Nudge]] = []
        """Checks kept away while the card is open, with their place on it: u brings back the last."""
        self.config_dir = config_dir
        """Where the on-launch setting lives; None (as in tests) hides the o key."""
        self._later: list[Nudge] = []
        """Checks below the ones on the card, put on it as the cursor or the scrolling comes near."""

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
                yield Static(checks_title() if nudges else Text("Honest checks"), id="today-checks-title")
            self._later = nudges[CHECKS_AT_ONCE:]
            for nudge in nudges[:CHECKS_AT_ONCE]:
                yield NudgeLine(nudge)
            if not nudges and view.goal is not None:
                yield Static(NO_CHECKS, id="today-no-checks")

    def on_mount(self) -> None:
        """Focus the first check, so d dismisses it; without checks the card itself scrolls."""
        dialog = self.query_one("#dialog", VerticalScroll)
        lines = list(self.query(NudgeLine))
        dialog.border_subtitle = hint(self._shows_at_start())
        self._fit(self.app.size.height)
        dialog.can_focus = not lines
        (lines[0] if lines else dialog).focus()
        if self._later:
            self.watch(dialog, "scroll_y", self._scrolled, init=False)
            self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        """A card tall enough to show every check on it, with more held back, shows them too (nothing scrolls)."""
        if self._later and self.query_one("#dialog", VerticalScroll).max_scroll_y == 0:
            self._more_checks()
            self.call_after_refresh(self._fill)

    def _scrolled(self, y: float) -> None:
        """Scrolled to within half a screen of the end of the card: the next checks join it."""
        dialog = self.query_one("#dialog", VerticalScroll)
        if self._later and y >= dialog.max_scroll_y - dialog.size.height // 2:
            self._more_checks()  # mounted in the background: nothing waits on it

    def _more_checks(self) -> tuple[list[NudgeLine], AwaitMount | None]:
        """Put the next checks held back on the card, below the last one: their lines, and their mounting."""
        chunk, self._later = self._later[:CHECKS_AT_ONCE], self._later[CHECKS_AT_ONCE:]
        lines = [NudgeLine(nudge) for nudge in chunk]
        if not lines:
            return lines, None
        on_card = list(self.query(NudgeLine))
        after = on_card[-1] if on_card else self.query_one("#today-checks-title")
        return lines, self.query_one("#dialog", VerticalScroll).mount(*lines, after=after)

    def on_resize(self, event: events.Resize) -> None:
        """Keep the card compact in short terminals."""
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        """Below 30 rows the sections lose their blank line, so the first check fits on an 80x24 screen."""
        self.set_class(height < SHORT_HEIGHT, "-short")

    def nudge_keys(self) -> list[str]:
        """The keys of the checks on the card, top to bottom, those not drawn yet included (for tests)."""
        return [line.nudge.key for line in self.query(NudgeLine)] + [nudge.key for nudge in self._later]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The on-launch switch needs a settings folder."""
        return self.config_dir is not None if action == "toggle_launch" else True

    def _shows_at_start(self) -> bool | None:
        """Whether the card opens when Tenfold starts, as the settings say; None without a settings folder."""
        return None if self.config_dir is None else load_settings(self.config_dir).today_on_launch

    def _show_hint(self) -> None:
        self.query_one("#dialog", VerticalScroll).border_subtitle = hint(self._shows_at_start())

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
        self._show_hint()
        self.notify("The today card will open when Tenfold starts." if show
                    else "The today card will not open on start; press t for it any time.")

    def action_close(self) -> None:
        """Back to the panes."""
        self.dismiss(None)

    def action_write_goal(self) -> None:
        """Close the card and open the goal form."""
        self.dismiss("write_goal")

    async def action_move(self, step: int) -> None:
        """Move between checks; up from the first shows the top of the card."""
        lines = list(self.query(NudgeLine))
        if self.focused not in lines:
            return
        target = lines.index(self.focused) + step
        if target < 0:
            self.query_one("#dialog", VerticalScroll).scroll_home(animate=False)
            return
        if target >= len(lines) - 1 and self._later:  # at the last check on the card: the next ones join it
            more, mounting = self._more_checks()
            if mounting is not None:
                await mounting
            lines += more
        lines[min(target, len(lines) - 1)].focus()

    async def action_dismiss_nudge(self) -> None:
        """Dismiss the focused check for good, and move to the next one (u brings it back)."""
        await self._keep_away(None)

    async def action_snooze(self, period: str) -> None:
        """Keep the focused check away for a week or a month; it shows again on that day."""
        await self._keep_away(snooze_end(self.view.day, period))

    async def _keep_away(self, until: date | None) -> None:
        line = self.focused
        if not isinstance(line, NudgeLine) or not self.on_dismiss(line.nudge.key, until):
            return
        lines = list(self.query(NudgeLine))
        index = lines.index(line)
        self._undo.append((index, line.nudge))
        rest = lines[:index] + lines[index + 1 :]
        await line.remove()
        if not rest and self._later:  # the last check on the card is gone: the next ones take its place
            rest, mounting = self._more_checks()
            if mounting is not None:
                await mounting
        kept = "Dismissed for good" if until is None else f"Snoozed until {until.isoformat()}"
        self.notify(f"{kept}. Press u to undo; ctrl+p 'Show dismissed checks' lists them all.", timeout=8)
        if rest:
            rest[min(index, len(rest) - 1)].focus()
            return
        dialog = self.query_one("#dialog", VerticalScroll)
        await dialog.mount(Static(NO_CHECKS, id="today-no-checks"))
        dialog.can_focus = True
        dialog.focus()

    async def action_undo(self) -> None:
        """Bring back the check dismissed or snoozed last, in its place, with the focus on it."""
        if not self._undo or self.on_restore is None:
            self.notify("Nothing to undo on this card.", timeout=3)
            return
        index, nudge = self._undo[-1]
        if not self.on_restore(nudge.key):
            return
        self._undo.pop()
        dialog = self.query_one("#dialog", VerticalScroll)
        for empty in self.query("#today-no-checks"):
            await empty.remove()
        lines = list(self.query(NudgeLine))
        line = NudgeLine(nudge)
        if index < len(lines):
            await dialog.mount(line, before=lines[index])
        else:
            await dialog.mount(line, after=lines[-1] if lines else self.query_one("#today-checks-title"))
        dialog.can_focus = False
        line.focus()
        self.notify("The check is back.", timeout=3)

