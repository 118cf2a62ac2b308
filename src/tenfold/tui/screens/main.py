"""The main screen: four panes, the state they show, and the one place that saves.

Data flows down: after a change the screen re-reads from the store what that change
touches and hands it to the panes that show it (``refresh_ledger``, ``refresh_goal``,
``refresh_ideas``, ``refresh_steps``; ``refresh_panes`` for all of them). Events
flow up: panes post messages, and the handlers in
:class:`~tenfold.tui.screens.editing.EditingMixin` call the store.
"""

from __future__ import annotations

import gc
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header

from tenfold.domain.errors import TenfoldError
from tenfold.domain.monthly import LedgerSummary
from tenfold.store.store import Store
from tenfold.tui.screens.idea_actions import IdeaActionsMixin
from tenfold.tui.screens.ledger_editing import LedgerEditingMixin
from tenfold.tui.screens.ledger_tools import LedgerToolsMixin
from tenfold.tui.screens.payments_reading import PaymentsReadingMixin
from tenfold.tui.screens.step_actions import StepActionsMixin
from tenfold.tui.widgets.footer import TenfoldFooter
from tenfold.tui.widgets.goal_pane import GoalPane
from tenfold.tui.widgets.ideas_pane import IdeasPane
from tenfold.tui.widgets.ledger_pane import LedgerPane
from tenfold.tui.widgets.pane import Pane
from tenfold.tui.widgets.steps_pane import StepsPane
from tenfold.views.ledger_state import LedgerState

if TYPE_CHECKING:
    from tenfold.tui.widgets.pane_tabs import PaneTabs

PANES = ("goal", "steps", "ledger", "ideas")
NARROW_WIDTH = 100
NARROW_HEIGHT = 30
"""Below either size the panes become tabs, one shown at a time, each at full size."""


def is_narrow(width: int, height: int) -> bool:
    """Whether a terminal of this size shows the panes as tabs."""
    return width < NARROW_WIDTH or height < NARROW_HEIGHT


class MainScreen(
    PaymentsReadingMixin, IdeaActionsMixin, LedgerEditingMixin, LedgerToolsMixin, StepActionsMixin, Screen[None]
):
    """Holds the store and the four panes."""

    BINDINGS = [
        Binding("1", "focus_pane('goal')", "Goal", show=False),
        Binding("2", "focus_pane('steps')", "Steps", show=False),
        Binding("3", "focus_pane('ledger')", "Ledger", show=False),
        Binding("4", "focus_pane('ideas')", "Ideas", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("t", "today", "Today"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.active_pane = "goal"
        self._summary: LedgerSummary | None = None
        self._summary_day: date | None = None
        self._has_streams = False
        self.ledger_state = LedgerState(index_source=store.monthly_index)
        """The figures of the goal and ledger panes, from the store's monthly totals."""
        self.today_on_launch = False
        """Show the today card once the panes are on screen (the app sets this from the settings)."""

    def compose(self) -> ComposeResult:
        """Header, tab bar (narrow terminals only), the panes; the footer comes in :meth:`on_mount`.

        The screen's size class and the first pane's ``-active`` are set before the
        panes are styled, so start-up styles each widget once instead of again after
        mount (issue #7); the tab bar is built only when the terminal is narrow.
        """
        self.active_pane = "goal" if self.store.goal is None else "steps"
        self._shown_once = False
        narrow = is_narrow(self.app.size.width, self.app.size.height)
        self.set_class(narrow, "-narrow")
        yield Header(icon="×10")
        if narrow:
            yield self._pane_tabs()
        active = {name: f"{Pane.DEFAULT_CLASSES} -active" if name == self.active_pane else None for name in PANES}
        with Container(id="panes"):
            yield GoalPane(id="goal", classes=active["goal"])
            yield StepsPane(id="steps", classes=active["steps"])
            yield LedgerPane(id="ledger", classes=active["ledger"])
            yield IdeasPane(id="ideas", classes=active["ideas"])

    def _pane_tabs(self) -> Widget:
        from tenfold.tui.widgets.pane_tabs import pane_tabs  # only narrow terminals have tabs

        return pane_tabs(self.active_pane)

    def on_mount(self) -> None:
        """Fill the panes; start where the method starts - the goal, if it is unwritten.

        The footer is mounted once the first pane has focus, so it is built once,
        with that pane's keys, instead of again right after the first paint.
        """
        self.refresh_panes()
        self._apply_size(self.app.size.width, self.app.size.height)
        self.action_focus_pane(self.active_pane)
        self.mount(TenfoldFooter())
        self.call_after_refresh(gc.enable)  # paused for the start-up (tenfold.cli.main)
        self.call_after_refresh(self._after_first_paint)
        if self.today_on_launch:
            self.call_after_refresh(self.action_today)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown for the first time: every widget was styled as it mounted, so skip Textual's second pass.

        Textual restyles the whole screen whenever it is shown; the first time, right
        after mounting, that styles all of it twice (issue #7). Later returns (from
        a dialog) are restyled as Textual does.
        """
        if not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False

    # ----- data flowing down ----------------------------------------------------

    def refresh_panes(self) -> None:
        """Give every pane the store's current state: at start-up and after a reload.

        The monthly totals need no resetting here: a reload rebuilds the store's own.
        """
        self.refresh_ledger()
        self.refresh_steps()
        self.refresh_ideas()
        self.sub_title = self.store.today().isoformat()

    def refresh_ledger(self) -> None:
        """After a stream or payment changed: the ledger, and the goal pane's progress.

        The figures come from :attr:`ledger_state`, on the store's monthly totals,
        which follow each change (no pass over the payments here); the summary is
        kept for :meth:`refresh_goal`; the ledger's tables take the lists as they are
        - until the payments are read (:meth:`_after_first_paint`), the newest ones.
        """
        today = self.store.today()
        streams, payments = self.store.streams(), self.store.newest_payments()
        goal = self.store.goal
        view = self.ledger_state.view(streams, payments, self.store.rates(), goal, today)
        self._summary, self._summary_day, self._has_streams = view.summary, today, bool(streams)
        self.query_one(GoalPane).show(goal, view, today)
        self.query_one(LedgerPane).show(streams, payments, view, goal, total=self.store.payment_count())
        self.refresh_idea_earnings(streams)
        self.refresh_step_views(ledger=True)  # step 8's trends and stream names

    def refresh_goal(self) -> None:
        """After the goal changed: the goal pane and the ledger's totals line, not its tables.

        Reuses the summary of the last ledger refresh unless the day has turned.
        """
        today = self.store.today()
        if self._summary is None or self._summary_day != today:
            self.refresh_ledger()
            return
        goal = self.store.goal
        view = self.ledger_state.view(
            self.store.streams(), self.store.newest_payments(), self.store.rates(), goal, today
        )
        self.query_one(GoalPane).show(goal, view, today)
        self.query_one(LedgerPane).show_figures(view, goal, self._has_streams)
        self.refresh_step_views()  # step 2 reads the goal back

    def refresh_ideas(self) -> None:
        """After a brainstorm entry changed: only the ideas pane."""
        self.query_one(IdeasPane).show(self.store.ideas())
        self.refresh_step_views()  # step 1 names its chosen idea

    def refresh_steps(self) -> None:
        """Give only the steps pane the store's steps: all that a tick or a note changes.

        Re-reading every pane after a tick would also rebuild the ledger's tables,
        which takes seconds with years of payments (benchmarks/RESULTS.md).
        """
        self.refresh_step_views()

    # ----- layout and moving between panes ----------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Switch between the 2x2 grid and tabs."""
        self._apply_size(event.size.width, event.size.height)

    def _apply_size(self, width: int, height: int) -> None:
        narrow = is_narrow(width, height)
        if narrow and not self.query("#pane-tabs"):
            self.mount(self._pane_tabs(), before="#panes")  # the terminal became narrow
        self.set_class(narrow, "-narrow")

    def _set_active(self, pane: str) -> None:
        self.active_pane = pane
        for name in PANES:
            self.query_one(f"#{name}", Pane).set_class(name == pane, "-active")
        found = self.query("#pane-tabs")  # none while the terminal has always been wide
        if found:
            from tenfold.tui.widgets.pane_tabs import PaneTabs

            for tabs in found.results(PaneTabs):
                if tabs.active != f"tab-{pane}":
                    tabs.active = f"tab-{pane}"

    def action_focus_pane(self, pane: str) -> None:
        """Show (in narrow terminals) and focus a pane."""
        self._set_active(pane)
        self._focus_main(self.query_one(f"#{pane}", Pane).main_widget(), attempts=5)

    def _focus_main(self, widget: Widget, attempts: int) -> None:
        """Focus a pane's main widget as soon as it can take focus.

        In narrow terminals the pane was hidden until a moment ago, and Textual
        drops focus from widgets being hidden, so wait for the refresh that shows
        it (a few at most) and set the focus directly.
        """
        if self.focused is widget:
            return
        if widget.focusable:
            self.set_focus(widget)
        if attempts > 0:
            self.call_after_refresh(self._focus_main, widget, attempts - 1)

    def action_next_pane(self, step: int) -> None:
        """Cycle through the panes."""
        index = (PANES.index(self.active_pane) + step) % len(PANES)
        self.action_focus_pane(PANES[index])

    @on(events.DescendantFocus)
    def _follow_focus(self, event: events.DescendantFocus) -> None:
        """Whichever pane holds the focus is the active one."""
        for ancestor in event.widget.ancestors_with_self:
            if isinstance(ancestor, Pane) and ancestor.id in PANES:
                if ancestor.id != self.active_pane or not ancestor.has_class("-active"):
                    self._set_active(ancestor.id)
                return

    def on_pane_tabs_pane_chosen(self, event: PaneTabs.PaneChosen) -> None:
        """A click on a tab moves to that pane."""
        self.action_focus_pane(event.pane)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Toasts from the editing mixins name what the user typed ("Deleted [/]x"): plain text, not markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def action_help(self) -> None:
        """Keys and the method."""
        from tenfold.tui.screens.help import HelpScreen  # when asked for, not at start-up

        self.app.push_screen(HelpScreen(self.store.path))

    def action_today(self) -> None:
        """The today card: goal and progress, the day's question, next step, streak, honest checks.

        Its figures are the goal pane's, from the ledger state (no pass over the payments): it opens
        without waiting for a big file's payments to be read.
        """
        from tenfold.tui.screens.today import open_today  # after the first paint: not a start-up import

        store = self.store
        view = self.ledger_state.view(store.streams(), store.newest_payments(), store.rates(), store.goal,
                                      store.today())
        open_today(self, view.summary, view.goal, view.expected)

    # ----- nothing typed is lost ----------------------------------------------------

    def save_everything(self) -> list[str]:
        """Save notes being typed and any open form as a draft; returns problems, if any.

        Called on quit and when the terminal closes (SIGHUP) or the process is
        asked to stop (SIGTERM), so nothing typed is lost.
        """
        problems: list[str] = []
        pending = self.query_one(StepsPane).pending_notes()
        if pending is not None:
            number, notes = pending
            old = self.store.steps()[number - 1]
            try:
                self.store.set_step(replace(old, notes=notes))  # keeps step 1's idea, step 4's months
            except TenfoldError as exc:
                problems.append(str(exc))
        from tenfold.tui.dialogs.form import FormDialog  # imported already if a form was ever opened

        for screen in self.app.screen_stack:
            if isinstance(screen, FormDialog) and screen.changed():
                try:
                    self.store.save_draft(screen.draft_kind, screen.values())
                except TenfoldError as exc:
                    problems.append(str(exc))
        return problems
