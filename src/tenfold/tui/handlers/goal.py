"""The goal: write it, see how it changed, the weekly or monthly review, the today card."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

from tenfold.domain.money import DEFAULT_CURRENCY
from tenfold.domain.monthly import LedgerSummary
from tenfold.figures.expected import Expected
from tenfold.figures.goal_figures import GoalFigures
from tenfold.store.store import Store
from tenfold.tui.handlers.editing import Editing
from tenfold.tui.handlers.ui import Host


class GoalUI(Host, Protocol):
    """Besides telling and opening: redraw what a new goal changes."""

    def refresh_goal(self) -> None:
        """The goal pane and the ledger's totals line."""
        ...


class GoalActions:
    """Write the goal; its history; the review; the today card (whose w writes the goal)."""

    def __init__(self, store: Store, ui: GoalUI, editing: Editing, config_dir: Path | None = None) -> None:
        self.store = store
        self.ui = ui
        self.editing = editing
        self.config_dir = config_dir
        """Where the today card's on-launch setting lives; None (as in tests) hides its switch."""

    def write_goal(self) -> None:
        """Open the goal form, filled with the current goal."""
        from tenfold.tui.dialogs.goal_form import GoalForm

        goal = self.store.goal
        values = (
            {"text": goal.text, "amount": str(goal.amount), "currency": goal.currency,
             "deadline": goal.deadline.isoformat(), "portfolio_counts": "yes" if goal.portfolio_counts else "no"}
            if goal else {"currency": DEFAULT_CURRENCY}
        )
        self.editing.open_form(GoalForm, "goal", "Write your goal", values, self.store.set_goal, "Goal saved",
                               self.ui.refresh_goal, today=self.store.today())

    def goal_history(self) -> None:
        """The goal now and each earlier version, with what changed."""
        from tenfold.tui.screens.goal_history import GoalHistoryScreen

        self.ui.open_screen(GoalHistoryScreen(self.store.goal, self.store.goal_history()))

    def review(self, span: str = "week") -> None:
        """The week's (or month's) review, with a key to save it."""
        from tenfold.coach.as_of import first_record
        from tenfold.coach.periods import last_month_period, month_period, week_period
        from tenfold.coach.review import review
        from tenfold.tui.screens.review_screen import ReviewScreen  # Markdown is costly: only when asked for
        from tenfold.views.measures import store_measures

        store = self.store
        today = store.today()
        start, end = week_period(today) if span == "week" else last_month_period(today)
        began = first_record(store.payments(), store.checkins(), store.goal_history(), store.goal, store.ideas(),
                             store.steps())
        if span == "month" and began is not None and began > end:  # no full month yet: this one so far
            start, end = month_period(today, today)
        self.ui.open_screen(ReviewScreen(lambda s, e: review(self.store, s, e, store_measures(self.store)), start,
                                         end, today, self.store.path))

    def plan_pause(self) -> None:
        """Plan days off that do not break the streak."""
        from tenfold.tui.dialogs.pause_form import PauseForm

        today = self.store.today().isoformat()
        self.editing.open_form(PauseForm, "pause", "Plan a pause", {"from": today}, self.store.add_pause,
                               "Pause planned: the streak steps over those days", lambda: None,
                               existing=self.store.pauses)

    def today(self, summary: LedgerSummary | None, figures: GoalFigures | None,
              expected: Sequence[Expected] | None) -> None:
        """The today card with the figures the screen has; a dismissed check is saved, w writes the goal."""
        from tenfold.tui.screens.today import TodayScreen, gather_today  # after the first paint

        store = self.store

        def dismiss_check(key: str, until: date | None) -> bool:
            return self.editing.attempt("Dismissing the check", lambda: store.dismiss(key, store.today(), until))

        def restore_check(key: str) -> bool:
            return self.editing.attempt("Bringing the check back", lambda: store.undismiss(key))

        def closed(result: str | None) -> None:
            if result == "write_goal":
                self.write_goal()

        card = TodayScreen(gather_today(store, summary, figures, expected), dismiss_check, self.config_dir,
                           restore_check)
        self.ui.open_screen(card, closed)

    def dismissed_checks(self) -> None:
        """The checks dismissed or snoozed, each in the words it fires with today; Enter brings one back."""
        from tenfold.tui.dialogs.dismissed import DismissedChecks
        from tenfold.tui.screens.today import gather_today

        store = self.store
        firing = {n.key: n for n in gather_today(store, with_dismissed=True).nudges} if store.dismissals() else {}

        def restore_check(key: str) -> bool:
            return self.editing.attempt("Bringing the check back", lambda: store.undismiss(key))

        self.ui.open_screen(DismissedChecks(store.dismissals(), firing, restore_check))
