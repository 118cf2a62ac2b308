"""The Who Do I Deliver Value To? pane: a brainstorm journal with its reach ladder.

Each row shows how far the idea could reach and how passive its delivery is
(Reach: ``1k ●●`` is rated 1,000 people, ●● automated at that rung, ● on some
rung, – on none) and, once it became a stream, what that stream has earned. ``o`` cycles the
order (newest, widest reach, most passive), ``f`` the filter (all, rated 1k+,
automated delivery); both only re-sort the list the pane already holds. ``/``
opens a search line: every word typed must be in the entry's text and every
``#tag`` among its tags; the matches are highlighted in the list and the detail,
and esc shows all entries again. The search index (each entry's text in lower case) is
made when the pane first shows, so the first letter typed lowers nothing.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Static

from tenfold.domain.ideas import Idea
from tenfold.domain.parts import PartsRating
from tenfold.domain.text import safe_display
from tenfold.tui.compat import set_border_subtitle
from tenfold.tui.keys import IDEAS_KEYS, bindings
from tenfold.tui.measure_messages import RateParts
from tenfold.tui.messages import AddIdea, DeleteIdea, EditIdea, MakeStream
from tenfold.tui.widgets.columns import Column
from tenfold.tui.widgets.filter_line import FilterInput
from tenfold.tui.widgets.idea_text import EMPTY, earned_text, reach_cell, render_idea
from tenfold.tui.widgets.pane import Pane
from tenfold.tui.widgets.virtual_table import VirtualTable
from tenfold.views.idea_views import (
    FILTER_LABELS,
    FILTERS,
    SORT_LABELS,
    SORTS,
    IdeaEarnings,
    Query,
    SearchIndex,
    arrange,
    match_spans,
    next_in,
    search_ideas,
)

__all__ = ["IdeasPane", "earned_text", "reach_cell", "render_idea"]

COLUMNS = (
    Column("Date", shrink=False),
    Column("Who", max_width=24),
    Column("Value", max_width=60),
    Column("Reach", shrink=False),
    Column("Earned", align="right", shrink=False),
)

class IdeasPane(Pane):
    """Table of entries and the full text of the selected one."""

    PANE_TITLE = "Who Do I Deliver Value To?"
    MAIN = "#idea-table"
    DEFAULT_CSS = """
    IdeasPane #idea-search {
        display: none;
    }
    IdeasPane.-searching #idea-search {
        display: block;
    }
    """
    BINDINGS = bindings(IDEAS_KEYS)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._all: list[Idea] = []
        self._rows: list[Idea] = []
        self._ideas: dict[int, Idea] = {}
        self._earned: dict[int, IdeaEarnings] = {}
        self._parts: dict[int, PartsRating] = {}
        """The three parts' ratings, by idea id: the detail names the weakest."""
        self._arranged: list[Idea] = []
        """The entries in the chosen order and filter, before the search narrows them."""
        self.sort = SORTS[0]
        self.only = FILTERS[0]
        self.search = ""
        """The search as typed."""
        self._query = Query()
        self._index = SearchIndex()
        self._seen = False
        """The pane has been on screen: from then on the search index is kept warm."""
        self.hold_warming = False
        """The start-up holds the warming back until the keyboard is quiet (:meth:`let_warm`)."""
        self._typing = False
        """The search line was just opened: it, not the table, is where focus belongs."""

    def compose(self) -> ComposeResult:
        """The list and the detail."""
        yield VirtualTable(COLUMNS, self._idea_cells, id="idea-table")
        with VerticalScroll(id="idea-detail-scroll", can_focus=False):
            yield Static(EMPTY, id="idea-detail")

    def show(self, ideas: list[Idea], parts: dict[int, PartsRating] | None = None) -> None:
        """Render the journal from the screen's state, in the chosen order and filter; ``parts`` by idea id."""
        if parts is not None:
            self._parts = parts
        self._all = ideas
        self._ideas = {i.id: i for i in ideas}
        self._arrange()
        if self._seen and not self.hold_warming:
            self.call_after_refresh(self._warm)

    def on_show(self, event: events.Show) -> None:
        """First on screen: lower every entry's text now, after this paint, not on the first letter typed."""
        if not self._seen:
            self._seen = True
            if not self.hold_warming:
                self.call_after_refresh(self._warm)

    def let_warm(self) -> None:
        """The keyboard is quiet after the start-up: warm the index now, if the pane has been on screen.

        Warming 5,000 entries takes a good part of a frame or two; right after the
        first paint it ran just as the first key came (w on the today card), and that
        key's answer waited for it. A search typed before then builds the entries it
        needs as it goes, as before the warming.
        """
        self.hold_warming = False
        if self._seen:
            self.call_after_refresh(self._warm)

    def _warm(self) -> None:
        """Every entry in the search index; entries unchanged since the last time cost a look-up each."""
        for idea in self._all:
            self._index.entry(idea)
        self._index.forget(self._ideas)

    def show_earned(self, earned: dict[int, IdeaEarnings]) -> None:
        """What each idea's streams have earned, by idea id (computed by the screen once per ledger change).

        Most ledger changes leave every idea's earnings as they were (a payment to a
        stream made from no idea): the table and the detail are then not drawn again.
        """
        if earned == self._earned:
            return
        self._earned = earned
        self._table().set_rows(self._rows)
        self._show_selected()

    def _arrange(self) -> None:
        self._arranged = arrange(self._all, self.sort, self.only)
        self._narrow()

    def _narrow(self) -> None:
        """The arranged entries the search keeps (in their order), shown and counted in the border."""
        self._rows = search_ideas(self._arranged, self._query, self._index)
        table = self._table()
        table.marks = self._marks if self._query else None
        table.set_rows(self._rows)
        self._show_selected()
        total = len(self._all)
        narrowed = self.only != "all" or bool(self._query)
        shown = f"{len(self._rows):,} of {total:,}" if narrowed else f"{total:,}"
        parts = [f"{shown} {'entry' if total == 1 else 'entries'}", SORT_LABELS[self.sort]]
        if self.only != "all":
            parts.append(FILTER_LABELS[self.only])
        if self._query:
            parts.append(f"{len(self._rows):,} match '{safe_display(self.search.strip())[:20]}'")
        set_border_subtitle(self, " · ".join(parts))  # only the border line is drawn again

    def _marks(self, cell: str) -> list[tuple[int, int]]:
        return match_spans(cell, self._query)

    def _table(self) -> VirtualTable[Idea]:
        return self.query_one("#idea-table", VirtualTable)

    def _show_selected(self) -> None:
        selected = self._table().selected_id()
        detail = self.query_one("#idea-detail", Static)
        if selected is None and self._all:
            if self._query:
                words = safe_display(self.search.strip())
                detail.update(Text(f"No entry holds '{words}'{self._filter_words()}. Press esc to show all."))
            else:
                detail.update(Text(f"No entry matches the filter: {FILTER_LABELS[self.only]}. Press f to change it."))
            return
        idea = self._ideas.get(selected or -1)
        detail.update(render_idea(idea, self._earned.get(idea.id) if idea else None, self._query,
                                  self._parts.get(idea.id) if idea else None))

    def _filter_words(self) -> str:
        return "" if self.only == "all" else f" among {FILTER_LABELS[self.only]}"

    def _idea_cells(self, idea: Idea) -> tuple[str, ...]:
        """One line per entry; the table cuts the text to the columns' widths."""
        earned = self._earned.get(idea.id)
        return (
            idea.written_on.isoformat(),
            _one_line(idea.who),
            _one_line(idea.value),
            reach_cell(idea),
            earned_text(earned) if earned else "",
        )

    @on(VirtualTable.RowHighlighted, "#idea-table")
    def _highlighted(self) -> None:
        self._show_selected()

    @on(VirtualTable.RowSelected, "#idea-table")
    def _selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        self.action_edit_idea()

    def select_idea(self, idea_id: int) -> None:
        """Show ``idea_id`` under the cursor (after it was added), if the filter lets it through."""
        self._table().select_id(idea_id)
        self._show_selected()

    def selected_idea(self) -> int | None:
        """The id of the entry under the cursor, if any (the palette's actions use it)."""
        return self._table().selected_id()

    def action_add_idea(self) -> None:
        """Write a new entry."""
        self.post_message(AddIdea())

    def action_edit_idea(self) -> None:
        """Edit the selected entry."""
        selected = self._table().selected_id()
        if selected is not None:
            self.post_message(EditIdea(selected))

    def action_delete_idea(self) -> None:
        """Delete the selected entry (the screen asks first)."""
        selected = self._table().selected_id()
        if selected is not None:
            self.post_message(DeleteIdea(selected))

    def action_rate_parts(self) -> None:
        """Rate creation, delivery and payment of the selected entry."""
        self.post_message(RateParts("idea", self._table().selected_id()))

    def action_make_stream(self) -> None:
        """Turn the selected entry into an income stream (the screen opens the stream form)."""
        selected = self._table().selected_id()
        if selected is None:
            self.notify("Select an entry first: press a to write one.", severity="warning")
            return
        self.post_message(MakeStream(selected))

    # ----- search ----------------------------------------------------------------------

    def _search_line(self) -> FilterInput:
        """The search line under the list, added the first time it is opened."""
        for line in self.query(FilterInput):
            return line
        line = FilterInput(id="idea-search", placeholder="search: words in the entry, #tag", compact=True)
        self.mount(line, after=self._table())
        return line

    def main_widget(self) -> Widget:
        """The search line while it is typed into, else the list."""
        if self._typing and self.has_class("-searching"):
            return self._search_line()
        return super().main_widget()

    def action_search_ideas(self) -> None:
        """Show the search line and type into it."""
        self.add_class("-searching")
        self._typing = True
        self._search_line().focus()

    def set_search(self, text: str) -> None:
        """Show only the entries holding every word of ``text`` and carrying its ``#tags``."""
        self.search = text
        self._query = Query.parse(text)
        self._narrow()

    @on(Input.Changed, "#idea-search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.set_search(event.value)

    @on(Input.Submitted, "#idea-search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        """Enter: go to the matches, the search kept (esc on the list clears it)."""
        event.stop()
        self._typing = False
        self.set_search(event.value)
        self._table().focus()
        if not self._query:
            self.remove_class("-searching")

    @on(Input.Blurred, "#idea-search")
    def _search_left(self, event: Input.Blurred) -> None:
        """Focus went elsewhere (a click on the list): the pane's main widget is the list again."""
        event.stop()
        self._typing = False

    @on(FilterInput.Closed)
    def _search_closed(self, event: FilterInput.Closed) -> None:
        event.stop()
        self.action_clear_search()

    def action_clear_search(self) -> None:
        """Show every entry again (in the order and filter chosen) and hide the search line."""
        if not self.search and not self.has_class("-searching"):
            return
        for line in self.query(FilterInput):
            line.value = ""
        self._typing = False
        self.remove_class("-searching")
        self.set_search("")
        self._table().focus()

    # ----- order and filter -------------------------------------------------------------

    def action_cycle_sort(self) -> None:
        """Next order: newest first, widest reach first, most passive first."""
        self.sort = next_in(SORTS, self.sort)
        self._arrange()
        self._table().move_cursor(0)
        self.notify(f"Entries: {SORT_LABELS[self.sort]}", timeout=2)

    def action_cycle_filter(self) -> None:
        """Next filter: all entries, rated 1k+ people, automated delivery."""
        self.only = next_in(FILTERS, self.only)
        self._arrange()
        self._table().move_cursor(0)
        self.notify(f"Showing {FILTER_LABELS[self.only]} ({len(self._rows)})", timeout=2)


def _one_line(text: str) -> str:
    return safe_display(text).replace("\n", " ").strip()
