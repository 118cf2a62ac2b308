"""The main screen: the four panes, the data they show, and the handlers that change it.

Data flows down: after a change the screen re-reads from the store what that change
touches and hands it to the panes that show it (``refresh_ledger``, ``refresh_goal``,
``refresh_ideas``, ``refresh_steps``; ``refresh_panes`` for all of them). Events
flow up: panes post small messages (:mod:`tenfold.tui.messages`), and the routes
this screen inherits (:mod:`tenfold.tui.screens.routes`) hand each, and each key's
action, to the handler in :mod:`tenfold.tui.handlers` that calls the store.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from rich.text import Text
from textual import events, on
from textual.notifications import SeverityLevel
from textual.screen import Screen

from tenfold.domain.monthly import LedgerSummary
from tenfold.domain.text import safe_display
from tenfold.store.store import Store
from tenfold.tui.handlers.editing import Editing
from tenfold.tui.handlers.goal import GoalActions
from tenfold.tui.handlers.ideas import IdeaActions, idea_earnings
from tenfold.tui.handlers.ledger import LedgerActions
from tenfold.tui.handlers.measures import MeasureActions
from tenfold.tui.handlers.payments_reading import PaymentsReader
from tenfold.tui.handlers.steps import StepActions, StepViews
from tenfold.tui.handlers.tools import LedgerTools
from tenfold.tui.keys import MAIN_KEYS, bindings
from tenfold.tui.screens.panes import NARROW_HEIGHT, NARROW_WIDTH, PANES, is_narrow
from tenfold.tui.screens.routes import HandlerRoutes
from tenfold.tui.widgets.footer import TenfoldFooter
from tenfold.tui.widgets.goal_pane import GoalPane
from tenfold.tui.widgets.ideas_pane import IdeasPane
from tenfold.tui.widgets.ledger_pane import LedgerPane
from tenfold.tui.widgets.steps_pane import StepsPane
from tenfold.views.ledger_state import LedgerState

__all__ = ["NARROW_HEIGHT", "NARROW_WIDTH", "PANES", "MainScreen", "is_narrow"]

R = TypeVar("R")

DAY_CHECK_SECONDS = 30.0
"""How often the screen looks whether the day has turned (an app left open overnight)."""


class MainScreen(HandlerRoutes):
    """Holds the store, the four panes and the handlers."""

    BINDINGS = bindings(MAIN_KEYS)

    def __init__(self, store: Store, config_dir: Path | None = None) -> None:
        super().__init__()
        self.store = store
        self._summary: LedgerSummary | None = None
        self._summary_day: date | None = None
        self._shown_day: date | None = None
        """The day the panes were last drawn for (:meth:`check_day`)."""
        self._has_streams = False
        self.ledger_state = LedgerState(index_source=store.monthly_index)
        """The figures of the goal and ledger panes, from the store's monthly totals."""
        self.today_on_launch = False
        """Show the today card once the panes are on screen (the app sets this from the settings)."""
        self.editing = Editing(store, self)
        self.goal = GoalActions(store, self, self.editing, config_dir)
        self.step_views = StepViews(store)
        self.steps = StepActions(store, self, self.editing, self.goal, self.step_views)
        self.ledger = LedgerActions(store, self, self.editing)
        self.ideas = IdeaActions(store, self, self.editing)
        self.tools = LedgerTools(store, self, self.editing, config_dir)
        self.measures = MeasureActions(store, self, self.editing)
        self.reader = PaymentsReader(store, self)
        self._notes_put_off = False
        """The launch card is over the panes and the notes editor is not built yet (:meth:`_launch_card`)."""
        self.keys_held: Callable[[], bool] = lambda: False
        """Whether keys wait for a form that a key opens (the app's key gate, :mod:`tenfold.tui.key_gate`)."""

    def first_pane(self) -> str:
        """Start where the method starts: the goal, if it is unwritten."""
        return "goal" if self.store.goal is None else "steps"

    def on_mount(self) -> None:
        """Fill the panes and focus the first.

        The footer is mounted once the first pane has focus, so it is built once,
        with that pane's keys, instead of again right after the first paint. The
        notes editor (a TextArea, slow to build) follows the first paint; with the
        launch card, once the card is drawn (:meth:`_launch_card`).
        """
        self.query_one(IdeasPane).hold_warming = True  # until the keyboard is quiet (keyboard_quiet)
        self.refresh_panes()
        self._apply_size(self.app.size.width, self.app.size.height)
        self.action_focus_pane(self.active_pane)
        self.mount(TenfoldFooter())
        self.set_interval(DAY_CHECK_SECONDS, self.check_day)
        self.call_after_refresh(self._keep_start_up_out_of_collections)
        if self.today_on_launch:
            self.call_after_refresh(self._launch_card)
        else:
            self.call_after_refresh(self._build_notes_editor)
            self.call_after_refresh(self.reader.start_when_quiet)

    def _keep_start_up_out_of_collections(self) -> None:
        """The first frame is drawn: what the start-up made leaves the garbage collector's sight.

        In the real program (``reader.freeze_collections``) what the start-up made -
        widgets, styles, the records read - lives as long as the app, so it is moved
        out of the collector's sight, as :func:`tenfold.tui.run.run_tui` does for what
        was loaded before the app ran: otherwise each full collection walks all of it
        again. What is made from now on (the today card, a first form, and what they
        leave behind when they close) stays in sight, to be collected once the
        collector runs again (:meth:`keyboard_quiet`).
        """
        if self.reader.freeze_collections:
            gc.freeze()

    @staticmethod
    def _collect_again() -> None:
        """Resume the garbage collector, paused for the start-up (:func:`tenfold.launch.main`).

        Not at the first frame but once the keyboard is first quiet (at most the
        reader's ``latest`` seconds later): the today card and the answer to a key
        typed as it appears (the goal form) allocate thousands of objects, nearly
        none of them garbage, and collections in the middle of them only delayed
        what the user waits for. Before the payments of a big file are read
        (:meth:`PaymentsReader._look` tells the screen first), it runs again.
        """
        gc.enable()

    def _launch_card(self) -> None:
        """The today card over the panes, then the payments read once it is drawn and the keyboard is quiet.

        Reading a big file's payments on a thread shares the CPU with the UI (one
        interpreter lock): started before the card, it would slow the card's
        figures and drawing by half, and the answer to the first key as much
        (:meth:`PaymentsReader.start_when_quiet`). Should the card close before it
        was drawn, the wait starts as the panes show again (:meth:`_read_when_back`).

        The notes editor, hidden under the card, is built in the same quiet moment
        (:meth:`keyboard_quiet`), or as soon as the panes are on top again, before
        any key can reach them: a key on the card (w opens the goal form) does not
        wait for it.
        """
        self.reader.due = True
        self._notes_put_off = True
        self.action_today()
        self.call_after_refresh(self.reader.start_when_quiet)

    def keyboard_quiet(self) -> None:
        """The first screen is drawn and no key came for a moment (the reader says so): build what was put off."""
        self._collect_again()
        self.query_one(IdeasPane).let_warm()
        if self._notes_put_off:
            self._build_notes_editor()

    def _build_notes_editor(self) -> None:
        self._notes_put_off = False
        self.query_one(StepsPane).notes_editor()

    @on(events.ScreenResume)
    def _read_when_back(self) -> None:
        """The panes show again: the notes editor is built if it was put off for the launch card, and if the card
        closed before it was drawn, the reading waits no longer for it.

        Not when the card closed to open a form (w: the goal form, the key gate holds the
        keys typed behind w for it): the panes are not back for the user, and the form
        does not wait for the editor.
        """
        if self._notes_put_off and self.app.screen is self and not self.keys_held():
            self._build_notes_editor()
        if self.reader.due:
            self.reader.start_when_quiet()

    # ----- what the handlers need from the screen (tenfold.tui.handlers.ui) -----------------

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Toasts name what the user typed ("Deleted [/]x"): plain text, not markup, control codes shown."""
        super().notify(safe_display(message), title=safe_display(title), severity=severity, timeout=timeout,
                       markup=markup)

    def open_screen(self, screen: Screen[R], callback: Callable[[R | None], None] | None = None) -> None:
        """Push a screen or dialog over this one; once ``callback`` has shown its answer, draw without waiting."""
        if callback is None:
            self.app.push_screen(screen)
            return

        def answered(result: R | None) -> None:
            try:
                callback(result)
            finally:
                self.dialog_answered()

        self.app.push_screen(screen, answered)

    def select_step(self, number: int) -> None:
        """Put the steps pane's cursor on step ``number``."""
        self.query_one(StepsPane).select_step(number)

    def select_payment(self, payment_id: int) -> None:
        """Put the payments table's cursor on ``payment_id``."""
        self.query_one(LedgerPane).select_payment(payment_id)

    def select_idea(self, idea_id: int) -> None:
        """Put the ideas table's cursor on ``idea_id``."""
        self.query_one(IdeasPane).select_idea(idea_id)

    def close_app(self, message: str) -> None:
        """Leave with ``message`` on the terminal, exit status 1."""
        self.app.exit(return_code=1, message=Text(message))

    def offer_reload(self) -> None:
        """Another program changed the file (the app's saver found it): ask before reloading."""
        self.editing.offer_reload()

    # ----- data flowing down ----------------------------------------------------

    def refresh_panes(self) -> None:
        """Give every pane the store's current state: at start-up and after a reload.

        The monthly totals need no resetting here: a reload rebuilds the store's own.
        """
        self.refresh_ledger()
        self.refresh_steps()
        self.refresh_ideas()
        self._shown_day = self.store.today()
        self.sub_title = self._shown_day.isoformat()

    def check_day(self) -> None:
        """Every :data:`DAY_CHECK_SECONDS`: after midnight, show the new day (and at a month's turn, the new month).

        Everything dated - the header, days left, this month so far, the last full
        month, payments due - is drawn for one day; an app left open overnight would
        otherwise show yesterday's figures beside today's ticks.
        """
        if self.store.today() != self._shown_day:
            self.refresh_panes()

    def refresh_ledger(self) -> None:
        """After a stream or payment changed: the ledger, and the goal pane's progress.

        The figures come from :attr:`ledger_state`, on the store's monthly totals,
        which follow each change (no pass over the payments here); the summary is
        kept for :meth:`refresh_goal`; the ledger's tables take the lists as they are
        - until the payments are read after the first paint, the newest ones.
        """
        today = self.store.today()
        streams, payments = self.store.streams(), self.store.newest_payments()
        goal = self.store.goal
        view = self.ledger_state.view(streams, payments, self.store.rates(), goal, today)
        self._summary, self._summary_day, self._has_streams = view.summary, today, bool(streams)
        self.query_one(GoalPane).show(goal, view, today, self.measures.freedom_now(today))
        self.query_one(LedgerPane).show(streams, payments, view, goal, total=self.store.payment_count())
        self.query_one(IdeasPane).show_earned(idea_earnings(self.store, streams))
        self.step_views.ledger_changed()
        self.refresh_steps()  # step 8's trends and stream names

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
        self.query_one(GoalPane).show(goal, view, today, self.measures.freedom_now(today))
        self.query_one(LedgerPane).show_figures(view, goal, self._has_streams)
        self.refresh_steps()  # step 2 reads the goal back

    def refresh_ideas(self) -> None:
        """After a brainstorm entry changed: only the ideas pane."""
        rated = {r.target_id: r for r in self.store.parts_ratings() if r.target == "idea"}
        self.query_one(IdeasPane).show(self.store.ideas(), rated)
        self.refresh_steps()  # step 1 names its chosen idea

    def refresh_idea_earnings(self) -> None:
        """After an entry was deleted: what the others' streams earned, not the ledger's tables."""
        self.query_one(IdeasPane).show_earned(idea_earnings(self.store, self.store.streams()))

    def refresh_steps(self) -> None:
        """Redraw the steps pane and any open step screen: all that a tick or a note changes.

        Re-reading every pane after a tick would also rebuild the ledger's tables,
        which takes seconds with years of payments.
        """
        view = self.step_views.view()
        self.query_one(StepsPane).show(list(view.states), view)
        if len(self.app.screen_stack) < 2:
            return  # only the main screen: no step screen to redraw (and none to import at start-up)
        from tenfold.tui.screens.step_screen import StepScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, StepScreen):
                screen.show(view)

    # ----- nothing typed is lost ----------------------------------------------------

    def save_everything(self) -> list[str]:
        """Save notes being typed and any open form as a draft; returns problems, if any.

        Called on quit and when the terminal closes (SIGHUP) or the process is
        asked to stop (SIGTERM), so nothing typed is lost.
        """
        problems: list[str] = []
        pending = self.query_one(StepsPane).pending_notes()
        if pending is not None:
            problems += self.steps.save_pending_notes(*pending)
        from tenfold.tui.dialogs.form import FormDialog  # imported already if a form was ever opened

        forms = [s for s in self.app.screen_stack if isinstance(s, FormDialog)]
        return problems + self.editing.save_drafts(forms)
