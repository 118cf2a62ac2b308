"""From idea to stream: brainstorm entries written, edited, deleted, and made into streams.

``m`` in the ideas pane opens the stream form filled from the idea (a name from
its value, a category guessed from how it would be delivered, passive when the
delivery is automated at its rating); the saved stream keeps the idea's id.
:func:`idea_earnings` sums, from the store's monthly totals, what each idea's
streams have earned, for the ideas pane.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from tenfold.domain.ideas import Idea
from tenfold.domain.streams import Stream
from tenfold.domain.text import safe_display
from tenfold.store.store import Store
from tenfold.tui.handlers.editing import Editing
from tenfold.tui.handlers.ui import Host
from tenfold.views.idea_views import IdeaEarnings, category_for, earned_from_totals, stream_name_for


def idea_origin(idea: Idea) -> str:
    """One line naming the idea, for the stream form ("from idea: …")."""
    line = " ".join(f"{idea.who} - {idea.value}".split())
    return safe_display(line if len(line) <= 70 else line[:69] + "…")


def stream_origin(store: Store, stream: Stream) -> str:
    """The "from idea" line for a stream's edit form; '' when it did not grow from an idea (or the idea is gone)."""
    idea = store.idea(stream.idea_id) if stream.idea_id is not None else None
    return idea_origin(idea) if idea is not None else ""


def idea_earnings(store: Store, streams: Sequence[Stream]) -> dict[int, IdeaEarnings]:
    """What each idea's streams have earned, by idea id.

    From the store's monthly totals: a few sums per linked stream, no pass over
    the payments, and nothing at all while no stream came from an idea.
    """
    linked = [s for s in streams if s.idea_id is not None]
    totals: dict[int, Decimal] = {}
    if linked:
        index = store.monthly_index()
        months = index.months()
        totals = {s.id: sum(index.series(s.id, months), Decimal(0)) for s in linked}
    return earned_from_totals(streams, totals)


class IdeasUI(Host, Protocol):
    """Besides telling and opening: redraw the ideas or the ledger, put the cursor on an entry."""

    def refresh_ideas(self) -> None:
        """The ideas pane (and step 1, which names its idea)."""
        ...

    def refresh_ledger(self) -> None:
        """The ledger and what its figures feed, idea earnings included."""
        ...

    def refresh_idea_earnings(self) -> None:
        """Only what each idea's streams have earned, in the ideas pane."""
        ...

    def select_idea(self, idea_id: int) -> None:
        """Put the ideas table's cursor on ``idea_id``."""
        ...


class IdeaActions:
    """Brainstorm entries: write, edit, delete, make a stream."""

    def __init__(self, store: Store, ui: IdeasUI, editing: Editing) -> None:
        self.store = store
        self.ui = ui
        self.editing = editing

    def add_idea(self) -> None:
        """Open the form for a new brainstorm entry."""
        from tenfold.tui.dialogs.idea_form import IdeaForm  # the forms load when first opened, not at start-up

        added: list[Idea] = []

        def save(idea: Idea) -> None:
            added.append(self.store.add_idea(idea))

        def shown() -> None:
            self.ui.refresh_ideas()
            if added:  # the new entry under the cursor, its detail shown
                self.ui.select_idea(added[-1].id)

        self.editing.open_form(IdeaForm, "idea", "Who do I deliver value to?", {}, save, "Entry saved", shown,
                               written_on=self.store.today())

    def edit_idea(self, idea_id: int) -> None:
        """Open the form for an existing entry, ladder included (its date stays the day it was written)."""
        from tenfold.tui.dialogs.idea_form import IdeaForm, idea_values

        idea = self.store.idea(idea_id)
        if idea is None:
            return
        self.editing.open_form(IdeaForm, f"idea:{idea.id}", "Edit entry", idea_values(idea), self.store.update_idea,
                               "Entry saved", self.ui.refresh_ideas, written_on=idea.written_on, idea_id=idea.id)

    def delete_idea(self, idea_id: int) -> None:
        """Ask, then delete an entry; its streams stay and forget it (the store clears the link)."""
        idea = self.store.idea(idea_id)
        if idea is None:
            return

        def refresh() -> None:
            self.ui.refresh_ideas()
            self.ui.refresh_idea_earnings()

        self.editing.confirm("Delete entry?", f"Delete the entry about '{idea.who[:40]}'? Streams made from it stay.",
                             lambda: self.store.delete_idea(idea.id), "Entry deleted", refresh)

    def make_stream(self, idea_id: int) -> None:
        """Open the stream form prefilled from the idea; the saved stream remembers the idea.

        An entry that already became a stream is asked about first, naming that stream:
        a second stream from one idea is allowed (a US edition) but should never be an accident.
        """
        idea = self.store.idea(idea_id)
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

        self.ui.open_screen(ConfirmDialog("Already a stream", question, yes="Make another"), answered)

    def _make_stream(self, idea: Idea) -> None:
        from tenfold.tui.dialogs.ledger_forms import StreamForm

        streams = self.store.streams()
        values = {
            "name": stream_name_for(idea, (s.name for s in streams)),
            "category": category_for(idea),
            "kind": "passive" if idea.passive_level == 2 else "",
            "currency": self.editing.default_currency(),
        }
        self.editing.open_form(StreamForm, f"stream:idea:{idea.id}", "Make it a stream", values,
                               self.store.add_stream, "Stream added: record its payments with a in the Income Ledger",
                               self.ui.refresh_ledger, existing=self.store.streams, idea_id=idea.id,
                               origin=idea_origin(idea))
