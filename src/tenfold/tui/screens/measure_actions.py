"""Handlers for the measures: step 4's bills, hours logged on a stream, the three parts' ratings.

Mixed into the main screen beside :class:`~tenfold.tui.screens.editing.EditingMixin`,
whose form helper it uses; each handler opens one small form and saves through the store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from tenfold.figures.freedom import FreedomFigures, freedom_figures
from tenfold.tui import measure_messages as mm

if TYPE_CHECKING:
    from tenfold.domain.ledger import Stream
    from tenfold.domain.parts import PartsRating
    from tenfold.store.store import Store


class MeasureActionsMixin:
    """Bills (b in step 4), hours (h on a stream), parts (p on a stream or an idea)."""

    store: Store
    app: Any
    notify: Any
    query_one: Any
    _open_form: Any
    _default_currency: Callable[[], str]
    refresh_ledger: Callable[[], None]
    refresh_ideas: Callable[[], None]
    refresh_step_views: Callable[..., None]

    def freedom_now(self, today: date) -> FreedomFigures | None:
        """The goal pane's freedom figures (None until step 4 holds the bills)."""
        freedom = self.store.freedom
        if freedom is None:
            return None
        return freedom_figures(self.store.monthly_index(), self.store.streams(), self.store.rates(), freedom,
                               self.store.goal, today)

    def on_edit_bills(self, _message: mm.EditBills) -> None:
        """Step 4: the bills, savings and hourly rate."""
        from tenfold.tui.dialogs.measure_forms import FreedomForm, freedom_values

        def refresh() -> None:
            self.refresh_ledger()  # the goal pane's freedom lines and every payback
            self.refresh_step_views()

        self._open_form(FreedomForm, "freedom", "Step 4 · the bills",
                        freedom_values(self.store.freedom, self._default_currency()),
                        self.store.set_freedom, "Saved", refresh)

    def action_edit_bills(self) -> None:
        """Palette entry: step 4's bills."""
        self.on_edit_bills(mm.EditBills())

    def action_ledger_hours(self) -> None:
        """Palette entry: log hours on the stream selected in the ledger."""
        from tenfold.tui.widgets.ledger_pane import LedgerPane

        self.query_one(LedgerPane).action_log_hours()

    def action_ledger_stream_card(self) -> None:
        """Palette entry: the measures of the stream selected in the ledger."""
        from tenfold.tui.widgets.ledger_pane import LedgerPane

        self.query_one(LedgerPane).action_stream_card()

    def action_rate_parts_here(self) -> None:
        """Palette entry: rate the idea selected in the brainstorm when it has focus, else the ledger's stream."""
        from tenfold.tui.widgets.ideas_pane import IdeasPane
        from tenfold.tui.widgets.ledger_pane import LedgerPane

        ideas = self.query_one(IdeasPane)
        if ideas.has_focus_within:
            ideas.action_rate_parts()
        else:
            self.query_one(LedgerPane).action_rate_parts()

    def on_log_hours(self, message: mm.LogHours) -> None:
        """Hours spent on a stream, dated today unless changed."""
        from tenfold.tui.dialogs.measure_forms import HoursForm

        stream = self._stream_for(message.stream_id, message.payment_id)
        if stream is None:
            self.notify("Add a stream first: press s in the Income Ledger.", severity="warning")
            return
        today = self.store.today()
        self._open_form(HoursForm, f"hours:{stream.id}", f"Log hours · {stream.name}",
                        {"on": today.isoformat(), "hours": "", "note": ""}, self.store.add_hours,
                        f"Logged on {stream.name}", self.refresh_ledger, stream=stream, today=today,
                        began=self.store.stream_starts().get(stream.id))

    def on_rate_parts(self, message: mm.RateParts) -> None:
        """Rate creation, delivery and payment; the weakest part's question follows."""
        from tenfold.tui.dialogs.measure_forms import PartsForm, parts_values

        target_id: int | None
        if message.target == "stream":
            stream = self._stream_for(message.target_id, message.payment_id)
            name, target_id = (stream.name, stream.id) if stream else ("", None)
        else:
            idea = self.store.idea(message.target_id) if message.target_id is not None else None
            name, target_id = (f"the idea for {idea.who}", idea.id) if idea else ("", None)
        if target_id is None:
            self.notify(f"Select {'a stream' if message.target == 'stream' else 'an idea'} first.",
                        severity="warning")
            return
        current = self.store.parts(message.target, target_id)

        def save(rating: PartsRating) -> None:
            saved = self.store.set_parts(rating)
            self.notify(saved.advice(), title=name, timeout=12)

        self._open_form(PartsForm, f"parts:{message.target}:{target_id}", "The three parts",
                        parts_values(current), save, "Rated",
                        self.refresh_ledger if message.target == "stream" else self.refresh_ideas,
                        target=message.target, target_id=target_id, name=name)

    def on_show_stream_card(self, message: mm.ShowStreamCard) -> None:
        """The selected stream's measures on one card."""
        from tenfold.tui.screens.stream_card import StreamCard
        from tenfold.views.measures import store_measures

        stream = self._stream_for(message.stream_id, message.payment_id)
        if stream is None:
            self.notify("Add a stream first: press s in the Income Ledger.", severity="warning")
            return
        self.app.push_screen(StreamCard(stream, store_measures(self.store), self.store.parts("stream", stream.id),
                                        self.store.hours(stream.id)))

    def _stream_for(self, stream_id: int | None, payment_id: int | None) -> Stream | None:
        """The stream asked for, or the one the selected payment came from."""
        if stream_id is None and payment_id is not None:
            payment = self.store.payment(payment_id)
            stream_id = payment.stream_id if payment else None
        return self.store.stream(stream_id) if stream_id is not None else None
