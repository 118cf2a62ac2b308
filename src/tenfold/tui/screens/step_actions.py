"""Handlers for what the steps hold, the goal's history and the review: each calls the store.

Mixed into the main screen beside :class:`~tenfold.tui.screens.editing.EditingMixin`,
whose form and confirmation helpers it uses. :meth:`refresh_step_views` builds the
one :class:`StepsView` that the Eight Steps pane and an open step screen draw.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from tenfold.domain.step_items import ITEM_KINDS
from tenfold.domain.steps import StepState
from tenfold.figures.step_progress import Trend, trends_from_index
from tenfold.tui import step_messages as sm
from tenfold.tui.widgets.steps_pane import StepsPane
from tenfold.views.step_view import StepsView, StreamRef

if TYPE_CHECKING:
    # The forms and screens are imported by the action that opens them, not at
    # start-up: together they cost about 10 ms before the first paint.
    from tenfold.store.store import Store
    from tenfold.tui.dialogs.idea_picker import Choice
    from tenfold.tui.dialogs.step_forms import Savings


class StepActionsMixin:
    """Steps with substance: choose the idea, add/edit/tick/delete items, savings, history, review."""

    store: Store
    app: Any
    notify: Any
    query_one: Any
    # From EditingMixin.
    _open_form: Any
    _confirm: Any
    _try: Callable[[str, Callable[[], object]], bool]
    action_write_goal: Callable[[], None]
    action_focus_pane: Callable[[str], None]

    _trend_cache: tuple[date, frozenset[int], dict[int, Trend]] | None = None

    # ----- data flowing down ------------------------------------------------------------

    def steps_view(self) -> StepsView:
        """The steps, their items, step 1's choice and step 8's trends, read once from the store."""
        store = self.store
        states = store.steps()
        items = store.step_items()
        first = states[0]
        chosen = detail = ""
        if first.stream_id is not None and (stream := store.stream(first.stream_id)) is not None:
            chosen, detail = f"{stream.name} (stream in the ledger)", f"{stream.kind}, {stream.category}"
        elif first.idea_id is not None and (idea := store.idea(first.idea_id)) is not None:
            from tenfold.tui.dialogs.idea_picker import idea_label

            chosen = idea_label(idea)
            detail = " · ".join(t for t in (idea.reach, idea.delivery) if t.strip())
        wanted = frozenset(i.stream_id for i in items if i.step == 8 and i.stream_id is not None)
        streams = {sid: StreamRef(s.name, s.currency) for sid in wanted if (s := store.stream(sid)) is not None}
        return StepsView(tuple(states), tuple(items), store.goal, chosen, detail, streams,
                         self._trends(wanted), store.today())

    def _trends(self, wanted: frozenset[int]) -> dict[int, Trend]:
        """Step 8's trends, from the store's monthly totals; kept until the ledger or the day changes."""
        if not wanted:
            return {}
        today = self.store.today()
        cache = self._trend_cache
        if cache is not None and cache[0] == today and cache[1] == wanted:
            return cache[2]
        trends = trends_from_index(self.store.monthly_index(), wanted, today)
        self._trend_cache = (today, wanted, trends)
        return trends

    def refresh_step_views(self, *, ledger: bool = False) -> None:
        """Redraw the steps pane and any open step screen; ``ledger=True`` after payments changed."""
        if ledger:
            self._trend_cache = None
        view = self.steps_view()
        self.query_one(StepsPane).show(list(view.states), view)
        if len(self.app.screen_stack) < 2:
            return  # only the main screen: no step screen to redraw (and none to import at start-up)
        from tenfold.tui.screens.step_screen import StepScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, StepScreen):
                screen.show(view)

    # ----- the step screen ------------------------------------------------------------------

    def on_open_step(self, message: sm.OpenStep) -> None:
        """Open a step full screen; coming back puts the pane's cursor on the step shown last."""
        from tenfold.tui.screens.step_screen import StepScreen

        def closed(number: int | None) -> None:
            if number:
                self.query_one(StepsPane).select_step(number)

        self.app.push_screen(StepScreen(message.number, self.steps_view(), self), closed)  # type: ignore[arg-type]

    def action_open_step(self, number: int = 0) -> None:
        """Palette entry: open the step under the cursor (or step ``number``)."""
        self.on_open_step(sm.OpenStep(number or self.query_one(StepsPane).selected_step()))

    def action_add_to_step(self) -> None:
        """Palette entry: add to the step under the cursor."""
        self.on_add_to_step(sm.AddToStep(self.query_one(StepsPane).selected_step()))

    # ----- adding, editing, ticking, deleting --------------------------------------------------

    def on_add_to_step(self, message: sm.AddToStep) -> None:
        """Step 1: choose the idea; step 2: the goal form; steps 3-8: a new item."""
        from tenfold.tui.dialogs.step_forms import StepItemForm

        number = message.number
        if number == 1:
            self._choose_idea()
        elif number == 2:
            self.action_write_goal()
        else:
            kind = ITEM_KINDS[number]
            self._open_form(StepItemForm, f"step_item:{number}", f"Add a {kind.noun}", {},
                            self.store.add_step_item, f"Added to step {number}", self.refresh_step_views,
                            step=number, added_on=self.store.today(), streams=self.store.streams())

    def on_edit_step_item(self, message: sm.EditStepItem) -> None:
        """Open the form for an item, filled in."""
        from tenfold.tui.dialogs.step_forms import StepItemForm

        item = next((i for i in self.store.step_items() if i.id == message.item_id), None)
        if item is None:
            return
        kind = ITEM_KINDS[item.step]
        values = {"text": item.text, "detail": item.detail, "done": "yes" if item.done else "no",
                  "stream": str(item.stream_id or "")}
        self._open_form(StepItemForm, f"step_item:{item.step}:{item.id}", f"Edit the {kind.noun}", values,
                        self.store.update_step_item, "Saved", self.refresh_step_views, step=item.step,
                        added_on=item.added_on, item_id=item.id, streams=self.store.streams())

    def on_toggle_step_item(self, message: sm.ToggleStepItem) -> None:
        """Flip an item's box (done, joined, asked) and say what it is now."""
        item = next((i for i in self.store.step_items() if i.id == message.item_id), None)
        if item is None or ITEM_KINDS[item.step].done_label is None:
            return
        if self._try("The change", lambda: self.store.update_step_item(dataclasses.replace(item, done=not item.done))):
            self.refresh_step_views()

    def on_delete_step_item(self, message: sm.DeleteStepItem) -> None:
        """Ask, then delete an item."""
        item = next((i for i in self.store.step_items() if i.id == message.item_id), None)
        if item is None:
            return
        kind = ITEM_KINDS[item.step]
        name = item.text or "this stream"
        self._confirm(f"Delete {kind.noun}?", f"Delete '{name[:50]}' from step {item.step}?",
                      lambda: self.store.delete_step_item(item.id), "Deleted", self.refresh_step_views)

    def on_edit_savings_months(self, _message: sm.EditSavingsMonths) -> None:
        """Step 4: how many months savings would last."""
        from tenfold.tui.dialogs.step_forms import SavingsForm

        months = self.store.steps()[3].savings_months

        def save(value: Savings) -> None:
            self.store.set_step(dataclasses.replace(self.store.steps()[3], savings_months=value.months))

        self._open_form(SavingsForm, "savings_months", "Step 4 · your savings",
                        {"savings_months": "" if months is None else f"{months.normalize():f}"},
                        save, "Saved", self.refresh_step_views)

    # ----- step 1's idea -----------------------------------------------------------------------

    def _choose_idea(self) -> None:
        from tenfold.tui.dialogs.idea_picker import Choice, IdeaPicker

        first = self.store.steps()[0]
        current = (Choice("stream", first.stream_id) if first.stream_id
                   else Choice("idea", first.idea_id) if first.idea_id else None)

        def chosen(choice: Choice | None) -> None:
            if choice is None:
                return
            self._set_choice(choice.id if choice.kind == "idea" else None,
                             choice.id if choice.kind == "stream" else None, "Step 1: idea chosen")

        self.app.push_screen(IdeaPicker(self.store.streams(), self.store.ideas(), current), chosen)

    def on_clear_step_idea(self, _message: sm.ClearStepIdea) -> None:
        """Forget step 1's choice (the idea itself stays in the brainstorm)."""
        self._set_choice(None, None, "Step 1: choice cleared")

    def _set_choice(self, idea_id: int | None, stream_id: int | None, done: str) -> None:
        state: StepState = self.store.steps()[0]
        new = dataclasses.replace(state, idea_id=idea_id, stream_id=stream_id)
        if self._try("The choice", lambda: self.store.set_step(new)):
            self.refresh_step_views()
            self.notify(done)

    # ----- goal history and review ----------------------------------------------------------

    def on_show_goal_history(self, _message: sm.ShowGoalHistory) -> None:
        """Show how the goal changed."""
        self.action_goal_history()

    def action_goal_history(self) -> None:
        """The goal now and each earlier version, with what changed."""
        from tenfold.tui.screens.goal_history import GoalHistoryScreen

        self.app.push_screen(GoalHistoryScreen(self.store.goal, self.store.goal_history()))

    def action_plan_pause(self) -> None:
        """Plan days off that do not break the streak (palette entry)."""
        from tenfold.tui.dialogs.pause_form import PauseForm

        today = self.store.today().isoformat()
        self._open_form(PauseForm, "pause", "Plan a pause", {"from": today}, self.store.add_pause,
                        "Pause planned: the streak steps over those days", lambda: None,
                        existing=self.store.pauses)

    def action_review(self, span: str = "week") -> None:
        """The week's (or month's) review, with a key to save it."""
        from tenfold.coach.review import last_month_period, review, week_period
        from tenfold.tui.screens.review_screen import ReviewScreen  # Markdown: 30 ms of start-up if at the top

        today = self.store.today()
        start, end = week_period(today) if span == "week" else last_month_period(today)
        self.app.push_screen(ReviewScreen(lambda s, e: review(self.store, s, e), start, end, today,
                                          self.store.path))
