"""The eight steps: tick, notes, what each step holds, step 1's idea; and the view the steps are drawn from.

:class:`StepViews` reads the one :class:`~tenfold.views.step_view.StepsView` that
the Eight Steps pane and an open step screen draw; :class:`StepActions` handles
what the pane and the step screen ask for, and calls the store.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import TYPE_CHECKING, Protocol

from tenfold.domain.errors import TenfoldError
from tenfold.domain.step_items import ITEM_KINDS, StepItem
from tenfold.domain.steps import StepState, step_info
from tenfold.figures.step_progress import Trend, trends_from_index
from tenfold.store.store import Store
from tenfold.tui.handlers.editing import Editing
from tenfold.tui.handlers.goal import GoalActions
from tenfold.tui.handlers.ui import Host, Poster
from tenfold.views.step_view import StepsView, StreamRef

if TYPE_CHECKING:
    # The forms and screens are imported by the action that opens them, not at start-up.
    from tenfold.figures.experiments import Measured
    from tenfold.tui.dialogs.idea_picker import Choice
    from tenfold.tui.dialogs.step_forms import Savings


class StepsUI(Host, Poster, Protocol):
    """Besides telling and opening: redraw the steps, put the pane's cursor on a step.

    The step screen posts its messages here (``post_message``): they come back to
    this handler through the main screen.
    """

    def refresh_steps(self) -> None:
        """Redraw the steps pane and any open step screen from the store."""
        ...

    def select_step(self, number: int) -> None:
        """Put the steps pane's cursor on step ``number``."""
        ...


class StepViews:
    """The steps as drawn: states, items, step 1's choice, step 8's trends, read once from the store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._trend_cache: tuple[date, frozenset[int], dict[int, Trend]] | None = None

    def ledger_changed(self) -> None:
        """Payments changed: step 8's trends are read again next time."""
        self._trend_cache = None

    def view(self) -> StepsView:
        """What the pane and the step screen draw, from the store as it is now."""
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
        linked = wanted | {int(i.extra["stream"]) for i in items if i.step == 5 and i.extra.get("stream", "").isdigit()}
        streams = {sid: StreamRef(s.name, s.currency) for sid in linked if (s := store.stream(sid)) is not None}
        return StepsView(tuple(states), tuple(items), store.goal, chosen, detail, streams,
                         self._trends(wanted), store.today(), store.freedom, self._measured(items))

    def _measured(self, items: list[StepItem]) -> dict[int, Measured]:
        """Step 8's experiments on a ledger figure, measured from the store's monthly totals."""
        from tenfold.domain.step_entries import LEDGER_FIGURES
        from tenfold.figures.experiments import measure
        from tenfold.figures.upkeep import logged_by_month

        chosen = [i for i in items if i.step == 8 and i.extra.get("figure", "").strip().casefold() in LEDGER_FIGURES]
        if not chosen:
            return {}
        store = self.store
        # Payments still being read (a big file just opened) are not waited for: the sums come from the
        # index, and customers are counted when the ledger is redrawn with every payment.
        payments = store.payments() if store.payments_ready else None
        index, logged = store.monthly_index(), logged_by_month(store.hours())
        return {i.id: measure(i, store.stream(i.stream_id) if i.stream_id else None, index, payments, logged,
                              store.today()) for i in chosen}

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


class StepActions:
    """Tick, notes, the step screen, items, savings, step 1's idea."""

    def __init__(self, store: Store, ui: StepsUI, editing: Editing, goal: GoalActions, views: StepViews) -> None:
        self.store = store
        self.ui = ui
        self.editing = editing
        self.goal = goal
        self.views = views

    # ----- the step itself ------------------------------------------------------------------

    def toggle(self, number: int) -> None:
        """Tick (with today's date) or untick step ``number``."""
        store, attempt = self.store, self.editing.attempt
        title = step_info(number).title
        if store.steps()[number - 1].done:
            if attempt("The step", lambda: store.untick(number)):
                self.ui.notify(f"Step {number} unticked: {title}")
        elif attempt("The tick", lambda: store.tick(number, store.today())):
            self.ui.notify(f"Step {number} done: {title}")
        self.ui.refresh_steps()

    def save_notes(self, number: int, notes: str) -> None:
        """Save notes; on failure they stay in the pane and are retried on the next save."""
        old = self.store.steps()[number - 1]
        if old.notes != notes and self.editing.attempt(
            "Your notes", lambda: self.store.set_step(dataclasses.replace(old, notes=notes))
        ):
            self.ui.refresh_steps()

    def save_pending_notes(self, number: int, notes: str) -> list[str]:
        """On the way out: notes typed but not yet saved; returns the problem, if any."""
        old = self.store.steps()[number - 1]
        try:
            self.store.set_step(dataclasses.replace(old, notes=notes))  # keeps step 1's idea, step 4's months
        except TenfoldError as exc:
            return [str(exc)]
        return []

    def open_step(self, number: int) -> None:
        """Open a step full screen; coming back puts the pane's cursor on the step shown last."""
        from tenfold.tui.screens.step_screen import StepScreen

        def closed(shown: int | None) -> None:
            if shown:
                self.ui.select_step(shown)

        self.ui.open_screen(StepScreen(number, self.views.view(), self.ui), closed)

    # ----- adding, editing, ticking, deleting what a step holds ------------------------------

    def add_to(self, number: int) -> None:
        """Step 1: choose the idea; step 2: the goal form; steps 3-8: a new item."""
        from tenfold.tui.dialogs.step_forms import StepItemForm

        if number == 1:
            self._choose_idea()
        elif number == 2:
            self.goal.write_goal()
        else:
            kind = ITEM_KINDS[number]
            self.editing.open_form(StepItemForm, f"step_item:{number}", f"Add a {kind.noun}", {},
                                   self.store.add_step_item, f"Added to step {number}", self.ui.refresh_steps,
                                   step=number, added_on=self.store.today(), streams=self.store.streams())

    def _item(self, item_id: int) -> StepItem | None:
        return next((i for i in self.store.step_items() if i.id == item_id), None)

    def edit_item(self, item_id: int) -> None:
        """Open the form for an item, filled in."""
        from tenfold.tui.dialogs.step_forms import StepItemForm

        item = self._item(item_id)
        if item is None:
            return
        kind = ITEM_KINDS[item.step]
        values = {"text": item.text, "detail": item.detail, "done": "yes" if item.done else "no",
                  "stream": str(item.stream_id or ""), "due": item.due_on.isoformat() if item.due_on else "",
                  **{f"entry_{k}": v for k, v in item.extra.items()}}
        self.editing.open_form(StepItemForm, f"step_item:{item.step}:{item.id}", f"Edit the {kind.noun}", values,
                               self.store.update_step_item, "Saved", self.ui.refresh_steps, step=item.step,
                               added_on=item.added_on, item_id=item.id, streams=self.store.streams())

    def toggle_item(self, item_id: int) -> None:
        """Flip an item's box (done, joined, asked)."""
        item = self._item(item_id)
        if item is None or ITEM_KINDS[item.step].done_label is None:
            return
        if self.editing.attempt(
            "The change", lambda: self.store.update_step_item(dataclasses.replace(item, done=not item.done))
        ):
            self.ui.refresh_steps()

    def delete_item(self, item_id: int) -> None:
        """Ask, then delete an item."""
        item = self._item(item_id)
        if item is None:
            return
        kind = ITEM_KINDS[item.step]
        name = item.text or "this stream"
        self.editing.confirm(f"Delete {kind.noun}?", f"Delete '{name[:50]}' from step {item.step}?",
                             lambda: self.store.delete_step_item(item.id), "Deleted", self.ui.refresh_steps)

    def edit_savings_months(self) -> None:
        """Step 4: how many months savings would last."""
        from tenfold.tui.dialogs.step_forms import SavingsForm

        months = self.store.steps()[3].savings_months

        def save(value: Savings) -> None:
            self.store.set_step(dataclasses.replace(self.store.steps()[3], savings_months=value.months))

        self.editing.open_form(SavingsForm, "savings_months", "Step 4 · your savings",
                               {"savings_months": "" if months is None else f"{months.normalize():f}"},
                               save, "Saved", self.ui.refresh_steps)

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

        self.ui.open_screen(IdeaPicker(self.store.streams(), self.store.ideas(), current), chosen)

    def clear_idea(self) -> None:
        """Forget step 1's choice (the idea itself stays in the brainstorm)."""
        self._set_choice(None, None, "Step 1: choice cleared")

    def _set_choice(self, idea_id: int | None, stream_id: int | None, done: str) -> None:
        state: StepState = self.store.steps()[0]
        new = dataclasses.replace(state, idea_id=idea_id, stream_id=stream_id)
        if self.editing.attempt("The choice", lambda: self.store.set_step(new)):
            self.ui.refresh_steps()
            self.ui.notify(done)
