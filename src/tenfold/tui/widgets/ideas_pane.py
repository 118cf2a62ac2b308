"""The Who Do I Deliver Value To? pane: a brainstorm journal, newest first."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from tenfold.ideas import Idea
from tenfold.text import safe_display
from tenfold.tui.messages import AddIdea, DeleteIdea, EditIdea
from tenfold.tui.widgets.pane import Pane
from tenfold.tui.widgets.tables import RecordTable

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
        table = RecordTable(id="idea-table")
        table.add_columns("Date", "Who", "Value")
        yield table
        with VerticalScroll(id="idea-detail-scroll", can_focus=False):
            yield Static(EMPTY, id="idea-detail")

    def show(self, ideas: list[Idea]) -> None:
        """Render the journal from the screen's state (already newest first)."""
        self._ideas = {i.id: i for i in ideas}
        table = self.query_one("#idea-table", RecordTable)
        table.replace_rows(
            [(i.id, (i.written_on.isoformat(), _one_line(i.who, 24), _one_line(i.value, 60))) for i in ideas]
        )
        self._show_selected()
        self.border_subtitle = f"{len(ideas)} entries"

    def _show_selected(self) -> None:
        selected = self.query_one("#idea-table", RecordTable).selected_id()
        self.query_one("#idea-detail", Static).update(render_idea(self._ideas.get(selected or -1)))

    @on(DataTable.RowHighlighted, "#idea-table")
    def _highlighted(self) -> None:
        self._show_selected()

    @on(DataTable.RowSelected, "#idea-table")
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit_idea()

    def action_add_idea(self) -> None:
        """Write a new entry."""
        self.post_message(AddIdea())

    def action_edit_idea(self) -> None:
        """Edit the selected entry."""
        selected = self.query_one("#idea-table", RecordTable).selected_id()
        if selected is not None:
            self.post_message(EditIdea(selected))

    def action_delete_idea(self) -> None:
        """Delete the selected entry (the screen asks first)."""
        selected = self.query_one("#idea-table", RecordTable).selected_id()
        if selected is not None:
            self.post_message(DeleteIdea(selected))


def _one_line(text: str, limit: int) -> str:
    line = safe_display(text).replace("\n", " ").strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"
