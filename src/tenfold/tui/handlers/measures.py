"""The measures: step 4's bills, hours logged on a stream, the three parts' ratings, a stream's card.

Each opens one small form (through :class:`~tenfold.tui.handlers.editing.Editing`)
or the stream's card, and saves through the store. The goal pane's freedom
figures are read here too, so the screen asks one place for everything the bills
feed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

from tenfold.figures.freedom import FreedomFigures, freedom_figures
from tenfold.store.store import Store
from tenfold.tui.handlers.editing import Editing
from tenfold.tui.handlers.ui import Host

if TYPE_CHECKING:
    # The forms and the card are imported when first opened, not at start-up.
    from tenfold.domain.parts import PartsRating
    from tenfold.domain.streams import Stream

NO_STREAM = "Add a stream first: press s in the Income Ledger."


class MeasuresUI(Host, Protocol):
    """Besides telling and opening: redraw what the bills, hours and ratings feed."""

    def refresh_ledger(self) -> None:
        """The ledger and what its figures feed: the goal pane's freedom lines, paybacks, step 8."""
        ...

    def refresh_ideas(self) -> None:
        """The ideas pane (an idea's rating)."""
        ...


class MeasureActions:
    """Bills (b in step 4), hours (h on a stream), parts (p on a stream or an idea), a stream's card (i)."""

    def __init__(self, store: Store, ui: MeasuresUI, editing: Editing) -> None:
        self.store = store
        self.ui = ui
        self.editing = editing

    def freedom_now(self, today: date) -> FreedomFigures | None:
        """The goal pane's freedom figures (None until step 4 holds the bills)."""
        freedom = self.store.freedom
        if freedom is None:
            return None
        return freedom_figures(self.store.monthly_index(), self.store.streams(), self.store.rates(), freedom,
                               self.store.goal, today)

    def edit_bills(self) -> None:
        """Step 4: the bills, savings and hourly rate."""
        from tenfold.tui.dialogs.measure_forms import FreedomForm, freedom_values

        # The ledger's redraw takes the goal pane's freedom lines, every payback and the steps along.
        self.editing.open_form(FreedomForm, "freedom", "Step 4 · the bills",
                               freedom_values(self.store.freedom, self.editing.default_currency()),
                               self.store.set_freedom, "Saved", self.ui.refresh_ledger)

    def log_hours(self, stream_id: int | None, payment_id: int | None = None) -> None:
        """Hours spent on a stream (or the selected payment's stream), dated today unless changed."""
        from tenfold.tui.dialogs.measure_forms import HoursForm, shown_name

        stream = self._stream_for(stream_id, payment_id)
        if stream is None:
            self.ui.notify(NO_STREAM, severity="warning")
            return
        today = self.store.today()
        self.editing.open_form(HoursForm, f"hours:{stream.id}", f"Log hours · {shown_name(stream.name)}",
                               {"on": today.isoformat(), "hours": "", "note": ""}, self.store.add_hours,
                               f"Logged on {stream.name}", self.ui.refresh_ledger, stream=stream, today=today,
                               began=self.store.stream_starts().get(stream.id))

    def rate_parts(self, target: str, target_id: int | None, payment_id: int | None = None) -> None:
        """Rate creation, delivery and payment of an idea or a stream; the weakest part's question follows."""
        from tenfold.tui.dialogs.measure_forms import PartsForm, parts_values

        rated_id: int | None
        if target == "stream":
            stream = self._stream_for(target_id, payment_id)
            name, rated_id = (stream.name, stream.id) if stream else ("", None)
        else:
            idea = self.store.idea(target_id) if target_id is not None else None
            name, rated_id = (f"the idea for {idea.who}", idea.id) if idea else ("", None)
        if rated_id is None:
            self.ui.notify(f"Select {'a stream' if target == 'stream' else 'an idea'} first.", severity="warning")
            return

        def save(rating: PartsRating) -> None:
            saved = self.store.set_parts(rating)
            self.ui.notify(saved.advice(), title=name, timeout=12)

        self.editing.open_form(PartsForm, f"parts:{target}:{rated_id}", "The three parts",
                               parts_values(self.store.parts(target, rated_id)), save, "Rated",
                               self.ui.refresh_ledger if target == "stream" else self.ui.refresh_ideas,
                               target=target, target_id=rated_id, name=name)

    def stream_card(self, stream_id: int | None, payment_id: int | None = None) -> None:
        """The stream's measures on one card: payback, income per upkeep hour, reach, parts, hours."""
        from tenfold.tui.screens.stream_card import StreamCard
        from tenfold.views.measures import store_measures

        stream = self._stream_for(stream_id, payment_id)
        if stream is None:
            self.ui.notify(NO_STREAM, severity="warning")
            return
        self.ui.open_screen(StreamCard(stream, store_measures(self.store), self.store.parts("stream", stream.id),
                                       self.store.hours(stream.id)))

    def _stream_for(self, stream_id: int | None, payment_id: int | None) -> Stream | None:
        """The stream asked for, or the one the selected payment came from."""
        if stream_id is None and payment_id is not None:
            payment = self.store.payment(payment_id)
            stream_id = payment.stream_id if payment else None
        return self.store.stream(stream_id) if stream_id is not None else None
