"""The message handlers that change data: each opens a form or asks, then calls the store.

Kept apart from the layout code in ``main.py`` so each file has one job. Every
store call is here or in the topic mixins beside it (``idea_actions.py`` for the
brainstorm, ...), plus :meth:`MainScreen.save_everything`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tenfold.domain.errors import ChangedOnDiskError, TenfoldError
from tenfold.domain.money import DEFAULT_CURRENCY
from tenfold.domain.steps import step_info
from tenfold.tui import messages as m

if TYPE_CHECKING:
    # The dialogs are imported when first opened, not at start-up.
    from tenfold.store.store import Store
    from tenfold.tui.dialogs.form import FormDialog


class EditingMixin:
    """Handlers for the panes' messages. Mixed into the main screen."""

    store: Store

    # Provided by MainScreen / Screen.
    refresh_panes: Callable[[], None]
    refresh_steps: Callable[[], None]
    refresh_ledger: Callable[[], None]
    refresh_goal: Callable[[], None]
    refresh_ideas: Callable[[], None]
    app: Any
    notify: Any

    def _try(self, what: str, action: Callable[[], object]) -> bool:
        """Run a store call; on failure tell the user, keep running, return False."""
        try:
            action()
        except ChangedOnDiskError:
            self.offer_reload()
            return False
        except TenfoldError as exc:
            self.notify(f"{what} was not saved: {exc}", severity="error", timeout=10)
            return False
        return True

    def _guarded(self, save: Callable[[Any], object]) -> Callable[[Any], None]:
        """A form's save callback that offers a reload when the file changed elsewhere.

        The error still reaches the form, which stays open with what was typed.
        """

        def guarded(value: Any) -> None:
            try:
                save(value)
            except ChangedOnDiskError:
                self.offer_reload()
                raise

        return guarded

    def offer_reload(self) -> None:
        """Another program changed the file: never overwrite it; reload if the user agrees."""

        def answered(yes: bool | None) -> None:
            if not yes:
                self.notify("Nothing was saved. Tenfold will not overwrite the other copy until you reload.",
                            severity="warning", timeout=10)
                return
            try:
                self.store.reload()
            except TenfoldError as exc:
                self.notify(f"Could not reload: {exc}", severity="error", timeout=15)
                return
            self.refresh_panes()
            self.notify("Reloaded the file from disk. Anything in an open form is still there: save it again.")

        from tenfold.tui.dialogs.confirm import ConfirmDialog

        self.app.push_screen(
            ConfirmDialog(
                "The data file changed on disk",
                f"Another program (a sync tool?) changed {self.store.path} while Tenfold was open. "
                "Tenfold did not overwrite it. Reload it now? What you typed stays where it is.",
                yes="Reload",
            ),
            answered,
        )

    def _open_form(self, form_cls: type[FormDialog[Any]], kind: str, title: str, values: dict[str, str],
                   save: Callable[[Any], object], done: str, refresh: Callable[[], None], **kwargs: Any) -> None:
        """Open a form, restoring a draft left when the app closed; ``refresh`` after a save.

        ``refresh`` redraws only the panes the form's data touches. A cancelled form
        changed nothing, so nothing is redrawn - unless a draft was cleared (a write).
        """
        draft = self.store.draft(kind)
        form = form_cls(title, draft or values, self._guarded(save), draft_kind=kind, restored=draft is not None,
                        **kwargs)

        def closed(result: object) -> None:
            cleared = self.store.draft(kind) is not None and self._try(
                "Clearing the draft", lambda: self.store.clear_draft(kind))
            if result is not None or cleared:
                refresh()
            if result is not None:
                self.notify(done)

        self.app.push_screen(form, closed)

    def _confirm(self, title: str, message: str, then: Callable[[], object], done: str,
                 refresh: Callable[[], None]) -> None:
        from tenfold.tui.dialogs.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes and self._try(title, then):
                refresh()
                self.notify(done)

        self.app.push_screen(ConfirmDialog(title, message), answered)

    def _default_currency(self) -> str:
        return self.store.goal.currency if self.store.goal else DEFAULT_CURRENCY

    # ----- goal and steps ----------------------------------------------------------

    def on_edit_goal(self, _message: m.EditGoal) -> None:
        """Open the goal form, filled with the current goal."""
        from tenfold.tui.dialogs.forms import GoalForm

        goal = self.store.goal
        values = (
            {"text": goal.text, "amount": str(goal.amount), "currency": goal.currency,
             "deadline": goal.deadline.isoformat(), "portfolio_counts": "yes" if goal.portfolio_counts else "no"}
            if goal else {"currency": DEFAULT_CURRENCY}
        )
        self._open_form(GoalForm, "goal", "Write your goal", values, self.store.set_goal, "Goal saved",
                        self.refresh_goal, today=self.store.today())

    def action_write_goal(self) -> None:
        """Palette and help entry for writing the goal."""
        self.on_edit_goal(m.EditGoal())

    def on_step_toggled(self, message: m.StepToggled) -> None:
        """Tick (with today's date) or untick a step."""
        state = self.store.steps()[message.number - 1]
        title = step_info(message.number).title
        if state.done:
            if self._try("The step", lambda: self.store.untick(message.number)):
                self.notify(f"Step {message.number} unticked: {title}")
        elif self._try("The tick", lambda: self.store.tick(message.number, self.store.today())):
            self.notify(f"Step {message.number} done: {title}")
        self.refresh_steps()

    def action_toggle_step(self, number: int = 0) -> None:
        """Tick the step under the cursor, or step ``number`` from the palette."""
        from tenfold.tui.widgets.steps_pane import StepsPane

        pane = self.query_one(StepsPane)  # type: ignore[attr-defined]
        if number:
            pane.select_step(number)
        self.on_step_toggled(m.StepToggled(number or pane.selected_step()))

    def action_step_notes(self) -> None:
        """Jump to the notes of the selected step."""
        from tenfold.tui.widgets.steps_pane import StepsPane

        self.action_focus_pane("steps")  # type: ignore[attr-defined]
        self.query_one(StepsPane).notes_editor().focus()  # type: ignore[attr-defined]

    def on_step_notes_changed(self, message: m.StepNotesChanged) -> None:
        """Save notes; on failure they stay in the pane and are retried on the next save."""
        old = self.store.steps()[message.number - 1]
        if old.notes != message.notes and self._try(
            "Your notes", lambda: self.store.set_step(dataclasses.replace(old, notes=message.notes))
        ):
            self.refresh_steps()

    # ----- palette helpers ------------------------------------------------------------

    def action_edit_selected(self) -> None:
        """Edit what is under the cursor in the active pane."""
        self._pane_action("edit")

    def action_delete_selected(self) -> None:
        """Delete what is under the cursor in the active pane."""
        self._pane_action("delete")

    def _pane_action(self, verb: str) -> None:
        pane = getattr(self, "active_pane", "")
        target = {"ledger": "#ledger", "ideas": "#ideas"}.get(pane)
        if target is None:
            self.notify("Select a payment, stream or entry first.", severity="warning")
            return
        widget = self.query_one(target)  # type: ignore[attr-defined]
        name = {"ledger": verb, "ideas": f"{verb}_idea"}[pane]
        getattr(widget, f"action_{name}")()

