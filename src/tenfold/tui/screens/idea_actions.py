"""From idea to stream: the handlers that close the loop creation -> delivery -> payment.

``m`` in the ideas pane opens the stream form filled from the idea (a name from
its value, a category guessed from how it would be delivered, passive when the
delivery is automated at its rating); the saved stream keeps the idea's id. After
any ledger change the screen sums, from the store's monthly totals, what each
idea's streams have earned, and the ideas pane shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Stream
from tenfold.domain.text import safe_display
from tenfold.tui import messages as m
from tenfold.views.idea_views import category_for, earned_from_totals, stream_name_for

if TYPE_CHECKING:
    from tenfold.store.store import Store
    from tenfold.tui.widgets.ideas_pane import IdeasPane


def idea_origin(idea: Idea) -> str:
    """One line naming the idea, for the stream form ("from idea: …")."""
    line = " ".join(f"{idea.who} - {idea.value}".split())
    return safe_display(line if len(line) <= 70 else line[:69] + "…")


def stream_origin(store: Store, stream: Stream) -> str:
    """The "from idea" line for a stream's edit form; '' when it did not grow from an idea (or the idea is gone)."""
    idea = store.idea(stream.idea_id) if stream.idea_id is not None else None
    return idea_origin(idea) if idea is not None else ""


class IdeaActionsMixin:
    """Brainstorm entries: write, edit, delete, make a stream; keep the earnings current. Mixed into the main screen."""

    store: Store

    # Provided by MainScreen / EditingMixin / Screen.
    refresh_ledger: Callable[[], None]
    refresh_ideas: Callable[[], None]
    _open_form: Callable[..., None]
    _confirm: Callable[..., None]
    _default_currency: Callable[[], str]
    query_one: Any
    notify: Any
    app: Any

    def _ideas_pane(self) -> IdeasPane:
        from tenfold.tui.widgets.ideas_pane import IdeasPane

        pane: IdeasPane = self.query_one(IdeasPane)
        return pane

    def on_add_idea(self, _message: m.AddIdea) -> None:
        """Open the form for a new brainstorm entry."""
        from tenfold.tui.dialogs.idea_form import IdeaForm  # the forms load when first opened, not at start-up

        added: list[Idea] = []

        def save(idea: Idea) -> None:
            added.append(self.store.add_idea(idea))

        def shown() -> None:
            self.refresh_ideas()
            if added:  # the new entry under the cursor, its detail shown
                self._ideas_pane().select_idea(added[-1].id)

        self._open_form(IdeaForm, "idea", "Who do I deliver value to?", {}, save, "Entry saved", shown,
                        written_on=self.store.today())

    def action_add_idea(self) -> None:
        """Palette entry."""
        self.on_add_idea(m.AddIdea())

    def on_edit_idea(self, message: m.EditIdea) -> None:
        """Open the form for an existing entry, ladder included (its date stays the day it was written)."""
        from tenfold.tui.dialogs.idea_form import IdeaForm, idea_values

        idea = self.store.idea(message.idea_id)
        if idea is None:
            return
        self._open_form(IdeaForm, f"idea:{idea.id}", "Edit entry", idea_values(idea), self.store.update_idea,
                        "Entry saved", self.refresh_ideas, written_on=idea.written_on, idea_id=idea.id)

    def on_delete_idea(self, message: m.DeleteIdea) -> None:
        """Ask, then delete an entry; its streams stay and forget it (the store clears the link)."""
        idea = self.store.idea(message.idea_id)
        if idea is None:
            return

        def refresh() -> None:
            self.refresh_ideas()
            self.refresh_idea_earnings(self.store.streams())

        self._confirm("Delete entry?", f"Delete the entry about '{idea.who[:40]}'? Streams made from it stay.",
                      lambda: self.store.delete_idea(idea.id), "Entry deleted", refresh)

    def on_make_stream(self, message: m.MakeStream) -> None:
        """Open the stream form prefilled from the idea; the saved stream remembers the idea.

        An entry that already became a stream is asked about first, naming that stream:
        a second stream from one idea is allowed (a US edition) but should never be an accident.
        """
        idea = self.store.idea(message.idea_id)
        if idea is None:
            return
        made = [s.name for s in self.store.streams() if s.idea_id == idea.id]
        if not made:
            self._make_stream(idea)
            return
        from tenfold.tui.dialogs.confirm import ConfirmDialog

        names = ", ".join(f"'{name}'" for name in made)
        question = (f"This entry already became the stream {names} in the Income Ledger. "
                    "Make another stream from it?")

        def answered(yes: bool | None) -> None:
            if yes:
                self._make_stream(idea)

        self.app.push_screen(ConfirmDialog("Already a stream", question, yes="Make another"), answered)

    def _make_stream(self, idea: Idea) -> None:
        from tenfold.tui.dialogs.ledger_forms import StreamForm

        streams = self.store.streams()
        values = {
            "name": stream_name_for(idea, (s.name for s in streams)),
            "category": category_for(idea),
            "kind": "passive" if idea.passive_level == 2 else "",
            "currency": self._default_currency(),
        }
        self._open_form(StreamForm, f"stream:idea:{idea.id}", "Make it a stream", values, self.store.add_stream,
                        "Stream added: record its payments with a in the Income Ledger", self.refresh_ledger,
                        existing=self.store.streams, idea_id=idea.id, origin=idea_origin(idea))

    def action_make_stream(self) -> None:
        """Palette entry: the entry under the cursor in the ideas pane becomes a stream."""
        self._ideas_pane().action_make_stream()

    def action_sort_ideas(self) -> None:
        """Palette entry: the ideas pane's next order."""
        self._ideas_pane().action_cycle_sort()

    def action_filter_ideas(self) -> None:
        """Palette entry: the ideas pane's next filter."""
        self._ideas_pane().action_cycle_filter()

    def refresh_idea_earnings(self, streams: Sequence[Stream]) -> None:
        """After the ledger changed: what each idea's streams have earned, for the ideas pane.

        From the store's monthly totals: a few sums per linked stream, no pass over
        the payments, and nothing at all while no stream came from an idea.
        """
        linked = [s for s in streams if s.idea_id is not None]
        totals: dict[int, Decimal] = {}
        if linked:
            index = self.store.monthly_index()
            months = index.months()
            totals = {s.id: sum(index.series(s.id, months), Decimal(0)) for s in linked}
        earned = earned_from_totals(streams, totals)
        self._ideas_pane().show_earned(earned)
