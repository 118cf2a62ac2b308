"""The main screen's routes: each pane's message, each key and palette entry, to the handler that acts.

Events flow up: panes post small messages (:mod:`tenfold.tui.messages`) and the
``@on`` methods here hand each to its handler in :mod:`tenfold.tui.handlers`. The
``action_*`` methods are the keys' and the palette's way to the same handlers
(the keys themselves are declared once, in :mod:`tenfold.tui.keys`).
:class:`~tenfold.tui.screens.main.MainScreen` makes the handlers; what the routes
need from it is declared, typed, below.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on

from tenfold.store.store import Store
from tenfold.tui import measure_messages as mm
from tenfold.tui import messages as m
from tenfold.tui import step_messages as sm
from tenfold.tui.handlers.editing import Editing
from tenfold.tui.handlers.goal import GoalActions
from tenfold.tui.handlers.ideas import IdeaActions
from tenfold.tui.handlers.ledger import LedgerActions
from tenfold.tui.handlers.measures import MeasureActions
from tenfold.tui.handlers.payments_reading import PaymentsRead, PaymentsReader
from tenfold.tui.handlers.steps import StepActions, StepViews
from tenfold.tui.handlers.tools import LedgerTools
from tenfold.tui.screens.panes import PanesScreen
from tenfold.tui.widgets.ideas_pane import IdeasPane
from tenfold.tui.widgets.ledger_pane import LedgerPane
from tenfold.tui.widgets.steps_pane import StepsPane
from tenfold.views.ledger_state import LedgerState


class HandlerRoutes(PanesScreen):
    """Messages and actions to handlers; the handlers are made by the main screen."""

    store: Store
    ledger_state: LedgerState
    editing: Editing
    goal: GoalActions
    step_views: StepViews
    steps: StepActions
    ledger: LedgerActions
    ideas: IdeaActions
    tools: LedgerTools
    measures: MeasureActions
    reader: PaymentsReader

    # ----- events flowing up: each pane message to its handler -------------------------

    @on(m.EditGoal)
    def _edit_goal(self) -> None:
        self.goal.write_goal()

    @on(sm.ShowGoalHistory)
    def _goal_history(self) -> None:
        self.goal.goal_history()

    @on(m.StepToggled)
    def _step_toggled(self, message: m.StepToggled) -> None:
        self.steps.toggle(message.number)

    @on(m.StepNotesChanged)
    def _notes_changed(self, message: m.StepNotesChanged) -> None:
        self.steps.save_notes(message.number, message.notes)

    @on(sm.OpenStep)
    def _open_step(self, message: sm.OpenStep) -> None:
        self.steps.open_step(message.number)

    @on(sm.AddToStep)
    def _add_to_step(self, message: sm.AddToStep) -> None:
        self.steps.add_to(message.number)

    @on(sm.EditStepItem)
    def _edit_item(self, message: sm.EditStepItem) -> None:
        self.steps.edit_item(message.item_id)

    @on(sm.ToggleStepItem)
    def _toggle_item(self, message: sm.ToggleStepItem) -> None:
        self.steps.toggle_item(message.item_id)

    @on(sm.DeleteStepItem)
    def _delete_item(self, message: sm.DeleteStepItem) -> None:
        self.steps.delete_item(message.item_id)

    @on(sm.EditSavingsMonths)
    def _savings(self) -> None:
        self.steps.edit_savings_months()

    @on(sm.ClearStepIdea)
    def _clear_idea(self) -> None:
        self.steps.clear_idea()

    @on(m.AddStream)
    def _add_stream(self) -> None:
        self.ledger.add_stream()

    @on(m.EditStream)
    def _edit_stream(self, message: m.EditStream) -> None:
        self.ledger.edit_stream(message.stream_id)

    @on(m.DeleteStream)
    def _delete_stream(self, message: m.DeleteStream) -> None:
        self.ledger.delete_stream(message.stream_id)

    @on(m.AddPayment)
    def _add_payment(self, message: m.AddPayment) -> None:
        self.ledger.add_payment(message.stream_id)

    @on(m.EditPayment)
    def _edit_payment(self, message: m.EditPayment) -> None:
        self.ledger.edit_payment(message.payment_id)

    @on(m.DeletePayment)
    def _delete_payment(self, message: m.DeletePayment) -> None:
        self.ledger.delete_payment(message.payment_id)

    @on(m.AddIdea)
    def _add_idea(self) -> None:
        self.ideas.add_idea()

    @on(m.EditIdea)
    def _edit_idea(self, message: m.EditIdea) -> None:
        self.ideas.edit_idea(message.idea_id)

    @on(m.DeleteIdea)
    def _delete_idea(self, message: m.DeleteIdea) -> None:
        self.ideas.delete_idea(message.idea_id)

    @on(m.MakeStream)
    def _make_stream(self, message: m.MakeStream) -> None:
        self.ideas.make_stream(message.idea_id)

    @on(mm.EditBills)
    def _edit_bills(self) -> None:
        self.measures.edit_bills()

    @on(mm.LogHours)
    def _log_hours(self, message: mm.LogHours) -> None:
        self.measures.log_hours(message.stream_id, message.payment_id)

    @on(mm.RateParts)
    def _rate_parts(self, message: mm.RateParts) -> None:
        self.measures.rate_parts(message.target, message.target_id, message.payment_id)

    @on(mm.ShowStreamCard)
    def _stream_card(self, message: mm.ShowStreamCard) -> None:
        self.measures.stream_card(message.stream_id, message.payment_id)

    @on(PaymentsRead)
    def _payments_read(self) -> None:
        self.reader.take_in()

    # ----- actions: the keys' and the palette's way to the handlers ------------------------

    def action_help(self) -> None:
        """Keys and the method."""
        from tenfold.tui.screens.help import HelpScreen  # when asked for, not at start-up

        self.app.push_screen(HelpScreen(self.store.path))

    def action_today(self) -> None:
        """The today card, with the goal pane's figures (from the ledger state: no pass over the payments).

        It opens without waiting for a big file's payments to be read: the newest ones the index keeps will do.
        """
        store = self.store
        view = self.ledger_state.view(store.streams(), store.newest_payments(), store.rates(), store.goal,
                                      store.today())
        self.goal.today(view.summary, view.goal, view.expected)

    def action_write_goal(self) -> None:
        """Write or rewrite the goal."""
        self.goal.write_goal()

    def action_goal_history(self) -> None:
        """The goal now and each earlier version."""
        self.goal.goal_history()

    def action_review(self, span: str = "week") -> None:
        """The week's (or month's) review."""
        self.goal.review(span)

    def action_dismissed_checks(self) -> None:
        """The honest checks dismissed or snoozed, each one brought back with Enter."""
        self.goal.dismissed_checks()

    def action_plan_pause(self) -> None:
        """Days off that do not break the streak."""
        self.goal.plan_pause()

    def action_toggle_step(self, number: int = 0) -> None:
        """Tick the step under the cursor, or step ``number`` (the palette's one entry per step)."""
        pane = self.query_one(StepsPane)
        if number:
            pane.select_step(number)
        self.steps.toggle(number or pane.selected_step())

    def action_step_notes(self) -> None:
        """Jump to the notes of the selected step."""
        self.action_focus_pane("steps")
        self.query_one(StepsPane).notes_editor().focus()

    def action_open_step(self, number: int = 0) -> None:
        """Open the step under the cursor (or step ``number``) full screen."""
        self.steps.open_step(number or self.query_one(StepsPane).selected_step())

    def action_add_to_step(self) -> None:
        """Add to the step under the cursor."""
        self.steps.add_to(self.query_one(StepsPane).selected_step())

    def action_add_stream(self) -> None:
        """A new income stream."""
        self.ledger.add_stream()

    def action_add_payment(self) -> None:
        """A new payment."""
        self.ledger.add_payment()

    def action_filter_payments(self) -> None:
        """The ledger's filter line (the pane's main widget while it is open)."""
        self.query_one(LedgerPane).action_filter_payments()
        self.action_focus_pane("ledger")

    def action_sort_payments(self) -> None:
        """The payments' next order."""
        self.action_focus_pane("ledger")
        self.query_one(LedgerPane).action_sort_payments()

    def action_toggle_chart(self) -> None:
        """The chart of monthly passive income, or back to the tables."""
        self.query_one(LedgerPane).action_toggle_chart()
        self.action_focus_pane("ledger")

    def action_ledger_report(self) -> None:
        """The report on this month."""
        self.tools.report()

    def action_ledger_rates(self) -> None:
        """The exchange rates."""
        self.tools.rates()

    def action_ledger_hours(self) -> None:
        """Log hours on the stream selected in the ledger."""
        self.query_one(LedgerPane).action_log_hours()

    def action_ledger_stream_card(self) -> None:
        """The measures of the stream selected in the ledger."""
        self.query_one(LedgerPane).action_stream_card()

    def action_rate_parts_here(self) -> None:
        """Rate the entry selected in the ideas pane when it has focus, else the ledger's stream."""
        ideas = self.query_one(IdeasPane)
        if ideas.has_focus_within:
            ideas.action_rate_parts()
        else:
            self.query_one(LedgerPane).action_rate_parts()

    def action_edit_bills(self) -> None:
        """Step 4's bills, savings and hourly rate."""
        self.measures.edit_bills()

    def action_import_payments(self) -> None:
        """Preview a CSV file of payments, then import it."""
        self.tools.import_payments()

    def action_export_data(self) -> None:
        """Write the data to a file."""
        self.tools.export_data()

    def action_add_idea(self) -> None:
        """A new brainstorm entry."""
        self.ideas.add_idea()

    def action_make_stream(self) -> None:
        """The entry under the cursor in the ideas pane becomes a stream."""
        self.query_one(IdeasPane).action_make_stream()

    def action_sort_ideas(self) -> None:
        """The ideas pane's next order."""
        self.query_one(IdeasPane).action_cycle_sort()

    def action_filter_ideas(self) -> None:
        """The ideas pane's next filter."""
        self.query_one(IdeasPane).action_cycle_filter()

    def action_search_ideas(self) -> None:
        """The ideas pane's search line (the pane's main widget while it is open)."""
        self.query_one(IdeasPane).action_search_ideas()
        self.action_focus_pane("ideas")

    def action_edit_selected(self) -> None:
        """Edit what is under the cursor in the active pane."""
        self._selected_action(self.query_one(LedgerPane).action_edit, self.query_one(IdeasPane).action_edit_idea)

    def action_delete_selected(self) -> None:
        """Delete what is under the cursor in the active pane."""
        self._selected_action(self.query_one(LedgerPane).action_delete,
                              self.query_one(IdeasPane).action_delete_idea)

    def _selected_action(self, ledger: Callable[[], None], ideas: Callable[[], None]) -> None:
        if self.active_pane == "ledger":
            ledger()
        elif self.active_pane == "ideas":
            ideas()
        else:
            self.notify("Select a payment, stream or entry first.", severity="warning")
