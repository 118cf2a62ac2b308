"""The Who Do I Deliver Value To? pane: a brainstorm journal, newest first."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from tenfold.ideas import Idea
from tenfold.text import safe_display
from tenfold.tui.messages import AddIdea, DeleteIdea, EditIdea
from tenfold.tui.widgets.columns import Column
from tenfold.tui.widgets.pane import Pane
from tenfold.tui.widgets.virtual_table import VirtualTable

COLUMNS = (Column("Date", shrink=False), Column("Who", max_width=24), Column("Value", max_width=60))
EMPTY = (
    "Who already gets value from you - your employer, friends, family? "
    "How could that value reach 10, 100 or 1,000,000 people without you there "
    "each time?\n\nPress a to write your first entry."
)


def render_idea(idea: Idea | None) -> Text:
    """The full entry under the cursor, or the questions that start a brainstorm."""
    if idea is None:
        return Text(EMPTY)
    text = Text()
    for label, value in (
        ("Who", idea.who),
        ("Value", idea.value),
        ("Reach", idea.reach or "- how could this reach 10, 100, 1,000,000 people?"),
        ("Without me", idea.delivery or "- how could it be delivered without you in person?"),
    ):
        text.append(f"{label}: ", style="bold")
        text.append(safe_display(value) + "\n")
    text.append(f"Written {idea.written_on.isoformat()}", style="dim")
    return text


class IdeasPane(Pane):
    """Table of entries and the full text of the selected one."""

    PANE_TITLE = "Who Do I Deliver Value To?"
    MAIN = "#idea-table"
    BINDINGS = [
        Binding("a", "add_idea", "Add idea"),
        Binding("e", "edit_idea", "Edit"),
        Binding("d,delete", "delete_idea", "Delete"),
    ]

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._ideas: dict[int, Idea] = {}

    def compose(self) -> ComposeResult:
        """The list and the detail."""
        yield VirtualTable(COLUMNS, _idea_cells, id="idea-table")
        with VerticalScroll(id="idea-detail-scroll", can_focus=False):
            yield Static(EMPTY, id="idea-detail")

    def show(self, ideas: list[Idea]) -> None:
        """Render the journal from the screen's state (already newest first)."""
        self._ideas = {i.id: i for i in ideas}
        self._table().set_rows(ideas)
        self._show_selected()
        self.border_subtitle = f"{len(ideas)} entries"

    def _table(self) -> VirtualTable[Idea]:
        return self.query_one("#idea-table", VirtualTable)

    def _show_selected(self) -> None:
        selected = self._table().selected_id()
        self.query_one("#idea-detail", Static).update(render_idea(self._ideas.get(selected or -1)))

    @on(VirtualTable.RowHighlighted, "#idea-table")
    def _highlighted(self) -> None:
        self._show_selected()

    @on(VirtualTable.RowSelected, "#idea-table")
    def _selected(self, event: VirtualTable.RowSelected) -> None:
        event.stop()
        self.action_edit_idea()

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


def _idea_cells(idea: Idea) -> tuple[str, str, str]:
    """Date, who and value on one line each; the table cuts them to the columns' widths."""
    return idea.written_on.isoformat(), _one_line(idea.who), _one_line(idea.value)


def _one_line(text: str) -> str:
    return safe_display(text).replace("\n", " ").strip()
