"""The Who Do I Deliver Value To? pane: a brainstorm journal with its reach ladder.

Each row shows how far the idea could reach and how passive its delivery is
(Reach: ``1k ●●`` is rated 1,000 people, ●● automated at that rung, ● on some
rung, – on none) and, once it became a stream, what that stream has earned. ``o`` cycles the
order (newest, widest reach, most passive), ``f`` the filter (all, rated 1k+,
automated delivery); both only re-sort the list the pane already holds.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tenfold.domain.ideas import Idea, rung_label
from tenfold.domain.money import format_totals
from tenfold.domain.text import safe_display
from tenfold.tui.keys import IDEAS_KEYS, bindings
from tenfold.tui.measure_messages import RateParts
from tenfold.tui.messages import AddIdea, DeleteIdea, EditIdea, MakeStream
from tenfold.tui.widgets.columns import Column
from tenfold.tui.widgets.pane import Pane
from tenfold.tui.widgets.virtual_table import VirtualTable
from tenfold.views.idea_views import (
    FILTER_LABELS,
    FILTERS,
    SORT_LABELS,
    SORTS,
    IdeaEarnings,
    arrange,
    next_in,
    passive_marks,
)

COLUMNS = (
    Column("Date", shrink=False),
    Column("Who", max_width=24),
    Column("Value", max_width=60),
    Column("Reach", shrink=False),
    Column("Earned", align="right", shrink=False),
)
EMPTY = (
    "Who already gets value from you - your employer, friends, family? "
    "How could that value reach 10, 100 or 1,000,000 people without you there "
    "each time?\n\nPress a to write your first entry."
)
PASSIVE_WORDS = (
    "nothing automated yet",
    "automated on some rung",
    "automated at its rating",
)


def render_idea(idea: Idea | None, earnings: IdeaEarnings | None = None) -> Text:
    """The full entry under the cursor, or the questions that start a brainstorm."""
    if idea is None:
        return Text(EMPTY)
    text = Text()
    _line(text, "Who", idea.who)
    _line(text, "Value", idea.value)
    text.append("Ladder: ", style="bold")
    if idea.rating:
        text.append(f"rated {rung_label(idea.rating)} people · {PASSIVE_WORDS[idea.passive_level]}\n")
    else:
        text.append("not rated yet - press e and pick the rung you believe in\n", style="dim")
    for rung in reversed(idea.ladder):
        text.append(f"  {rung_label(rung.people):>3} ", style="bold")
        text.append(safe_display(rung.how) or "-")
        text.append("  automated\n" if rung.automated else "\n", style="green")
    if earnings is None:
        text.append("Not a stream yet: press m to make it one.\n", style="dim")
    else:
        _line(text, "Stream", f"{', '.join(earnings.streams)} · earned {earned_text(earnings)}")
    _line(text, "Reach", idea.reach or "- how could this reach 10, 100, 1,000,000 people?")
    _line(text, "Without me", idea.delivery or "- how could it be delivered without you in person?")
    text.append(f"Written {idea.written_on.isoformat()}", style="dim")
    return text


def _line(text: Text, label: str, value: str) -> None:
    text.append(f"{label}: ", style="bold")
    text.append(safe_display(value) + "\n")


def earned_text(earnings: IdeaEarnings) -> str:
    """Money per currency, never added across; a currency with nothing yet is left out unless all are."""
    paid = {currency: amount for currency, amount in earnings.totals.items() if amount}
    return format_totals(paid or earnings.totals)


def reach_cell(idea: Idea) -> str:
    """The Reach column: the rated rung and how passive the delivery is, e.g. ``1k ●●``; blank when neither."""
    marks = passive_marks(idea)
    if not idea.rating and not marks:
        return ""
    return f"{rung_label(idea.rating) if idea.rating else '?':>3} {marks}".rstrip()


class IdeasPane(Pane):
    """Table of entries and the full text of the selected one."""

    PANE_TITLE = "Who Do I Deliver Value To?"
    MAIN = "#idea-table"
    BINDINGS = bindings(IDEAS_KEYS)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._all: list[Idea] = []
        self._rows: list[Idea] = []
        self._ideas: dict[int, Idea] = {}
        self._earned: dict[int, IdeaEarnings] = {}
        self.sort = SORTS[0]
        self.only = FILTERS[0]

    def compose(self) -> ComposeResult:
        """The list and the detail."""
        yield VirtualTable(COLUMNS, self._idea_cells, id="idea-table")
        with VerticalScroll(id="idea-detail-scroll", can_focus=False):
            yield Static(EMPTY, id="idea-detail")

    def show(self, ideas: list[Idea]) -> None:
        """Render the journal from the screen's state, in the chosen order and filter."""
        self._all = ideas
        self._ideas = {i.id: i for i in ideas}
        self._arrange()

    def show_earned(self, earned: dict[int, IdeaEarnings]) -> None:
        """What each idea's streams have earned, by idea id (computed by the screen once per ledger change)."""
        self._earned = earned
        self._table().set_rows(self._rows)
        self._show_selected()

    def _arrange(self) -> None:
        self._rows = arrange(self._all, self.sort, self.only)
        self._table().set_rows(self._rows)
        self._show_selected()
        shown = f"{len(self._rows)} of {len(self._all)}" if self.only != "all" else str(len(self._all))
        parts = [f"{shown} {'entry' if len(self._all) == 1 else 'entries'}", SORT_LABELS[self.sort]]
        if self.only != "all":
            parts.append(FILTER_LABELS[self.only])
        self.border_subtitle = " · ".join(parts)

    def _table(self) -> VirtualTable[Idea]:
        return self.query_one("#idea-table", VirtualTable)

    def _show_selected(self) -> None:
        selected = self._table().selected_id()
        detail = self.query_one("#idea-detail", Static)
        if selected is None and self._all:
            detail.update(Text(f"No entry matches the filter: {FILTER_LABELS[self.only]}. Press f to change it."))
            return
        idea = self._ideas.get(selected or -1)
        detail.update(render_idea(idea, self._earned.get(idea.id) if idea else None))

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
