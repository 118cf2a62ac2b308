"""The Eight Steps pane: a checklist, what each step holds, coaching text and the user's own notes.

Each line of the list shows a few words on the step's content ("3/4", "2 plans");
below it, the selected step's content, a suggested tick when the content is
there (the user decides), and the coaching. Enter opens the step full screen,
where its items are added, edited and ticked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from tenfold.domain.steps import STEPS, StepState, next_step, step_info
from tenfold.tui.compat import set_border_subtitle
from tenfold.tui.keys import STEP_LIST_KEYS, bindings
from tenfold.tui.messages import StepNotesChanged, StepToggled
from tenfold.tui.step_messages import AddToStep, OpenStep
from tenfold.tui.widgets.pane import Pane
from tenfold.tui.widgets.step_content import coaching_text, content_text, suggestion_text
from tenfold.tui.widgets.step_lines import StepLines, step_lines
from tenfold.views.step_view import StepsView

if TYPE_CHECKING:  # the editor is imported when it is built, after the first paint
    from textual.widgets import TextArea

    from tenfold.tui.widgets.notes_editor import NotesArea

NOTES_DEBOUNCE = 0.8
"""Seconds of quiet typing before notes are saved; quitting saves at once."""

NOTES_PLACEHOLDER = "Your notes for this step… (esc: back)"

BOX_WIDTH = 4
"""Clicks in the first columns (the box) tick; elsewhere they only select."""


class StepList(Widget, can_focus=True):
    """Eight lines with a cursor. Space/x or a click on the box ticks; Enter opens the step."""

    DEFAULT_CSS = """
    StepList { height: auto; }
    """

    BINDINGS = bindings(STEP_LIST_KEYS)

    @dataclass
    class CursorMoved(Message):
        """The cursor is now on step ``index + 1``."""

        index: int

    cursor: reactive[int] = reactive(0)
    states: reactive[tuple[StepState, ...]] = reactive(tuple(StepState(i.number) for i in STEPS), layout=True)
    badges: reactive[tuple[tuple[str, bool], ...]] = reactive(tuple(("", False) for _ in STEPS), layout=True)
    """Per step: a few words on its content, and whether a tick is suggested."""

    def _lines(self, width: int | None = None) -> StepLines:
        """The list's lines at ``width`` (default: the widget's), wrapped so nothing on them is cut."""
        width = width or self.content_size.width or 80
        return step_lines(self.states, self.badges, self.cursor, self.has_focus, width, self.app.console)

    def render(self) -> Text:
        """One line per step, or more when it does not fit: box, number, title, content, the date it was ticked."""
        return Text("\n").join(self._lines().lines)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """Eight lines, and one more for each wrapped line."""
        return len(self._lines(width).lines)

    def action_move(self, delta: int) -> None:
        """Move the cursor, stopping at the ends."""
        self.cursor = max(0, min(len(STEPS) - 1, self.cursor + delta))

    def action_tick(self) -> None:
        """Ask the screen to tick or untick the step under the cursor."""
        self.post_message(StepToggled(self.cursor + 1))

    def action_open(self) -> None:
        """Ask the screen to open the step under the cursor full screen."""
        self.post_message(OpenStep(self.cursor + 1))

    def action_add(self) -> None:
        """Ask the screen to add to the step under the cursor (an item, the idea, the goal)."""
        self.post_message(AddToStep(self.cursor + 1))

    def action_notes(self) -> None:
        """Jump to the notes of the step under the cursor."""
        self.screen.query_one(StepsPane).notes_editor().focus()

    def on_click(self, event: events.Click) -> None:
        """Select the clicked step; a click on its box (on the step's first line) also ticks it."""
        lines = self._lines()
        index = lines.step_at(event.y)
        if index is not None:
            self.cursor = index
            if event.x < BOX_WIDTH and lines.starts[index] == event.y:
                self.post_message(StepToggled(index + 1))

    def watch_cursor(self, index: int) -> None:
        """Tell the pane, which shows that step's coaching and notes."""
        self.post_message(self.CursorMoved(index))

    def watch_has_focus(self, _focused: bool) -> None:
        """Redraw so the cursor shows as focused or not."""
        self.refresh()


class NotesPreview(Static):
    """The notes as the editor shows them, drawn until the editor is built (after the first screen is drawn).

    Same box, colours and placeholder as :class:`~tenfold.tui.widgets.notes_editor.NotesArea`,
    whose TextArea would be a large part of the pane's start-up cost.
    """

    DEFAULT_CSS = """
    NotesPreview { padding: 0 1; color: $foreground; background: $surface; }
    NotesPreview.-placeholder { color: $text 40%; }
    """

    def show(self, text: str, title: str) -> None:
        """The step's notes, or the editor's placeholder when there are none."""
        self.set_class(not text, "-placeholder")
        self.update(Text(text or NOTES_PLACEHOLDER))
        self.border_title = title


class StepsPane(Pane):
    """Checklist on top, coaching for the selected step, then its notes."""

    PANE_TITLE = "Eight Steps"
    MAIN = "#step-list"

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._timer: Timer | None = None
        self._notes_step = 1
        self._saved_notes: dict[int, str] = {}
        self._placed = False
        self._view = StepsView()
        self._editor: NotesArea | None = None

    def compose(self) -> ComposeResult:
        """The list, the coaching text, the notes."""
        yield StepList(id="step-list")
        with VerticalScroll(id="step-coach", can_focus=False):
            yield Static(id="step-detail")
        yield NotesPreview(id="step-notes-preview")

    def on_mount(self) -> None:
        """Show the first step's coaching; the screen has the notes editor built once the first screen is drawn."""
        super().on_mount()
        self._show_detail(0)

    def notes_editor(self) -> NotesArea:
        """The notes editor, built in place of the preview the first time it is needed."""
        if self._editor is None:
            from tenfold.tui.widgets.notes_editor import notes_area

            text = self._saved_notes.get(self._notes_step, "")
            self._editor = notes_area(text, self._notes_title(), NOTES_PLACEHOLDER)
            preview = self.query_one(NotesPreview)
            preview.display = False  # never both on screen
            self.mount(self._editor, after=preview)
            preview.remove()
        return self._editor

    def _notes_title(self) -> str:
        return f"Notes · step {self._notes_step}"

    def show(self, states: list[StepState], view: StepsView | None = None) -> None:
        """Take the steps' state (and content) from the screen. Notes being typed are not overwritten."""
        step_list = self.query_one(StepList)
        step_list.states = tuple(states)
        if view is not None:
            self._view = view
            step_list.badges = tuple((view.badge(n), view.suggestion(n) is not None) for n in range(1, 9))
            self._show_content(step_list.cursor)
        before = self._saved_notes.get(self._notes_step, "")
        self._saved_notes = {s.number: s.notes for s in states}
        notes = self._editor
        if notes is None:  # nothing can have been typed yet
            self.query_one(NotesPreview).show(self._saved_notes.get(self._notes_step, ""), self._notes_title())
        # Typing not yet saved (text differs from what was saved) stays; otherwise show the store's.
        elif self._timer is None and notes.text == before != self._saved_notes.get(self._notes_step, ""):
            notes.load_text(self._saved_notes.get(self._notes_step, ""))
        if not self._placed:
            # Open where the work is: on the first step not yet ticked.
            self._placed = True
            upcoming = next_step(states)
            if upcoming is not None:
                self.query_one(StepList).cursor = upcoming.number - 1
        done = sum(1 for s in states if s.done)
        set_border_subtitle(self, f"{done} of {len(STEPS)} done")  # only the border line is drawn again

    def _show_content(self, index: int) -> None:
        """The selected step's suggestion, content and coaching."""
        number = index + 1
        # The step's action for today comes first, so the box shows it whole however short it is.
        text = coaching_text(number, today_only=True)
        text.append("\n")
        suggestion = suggestion_text(self._view, number, "Space")
        if suggestion is not None:
            text.append_text(suggestion)
            text.append("\n")
        text.append_text(content_text(self._view, number, limit=3))
        text.append("\n\n")
        text.append(step_info(number).meaning)
        text.append("\n\nEnter: open the step · a: add · n: notes", style="dim")
        self.query_one("#step-detail", Static).update(text)

    def _show_detail(self, index: int) -> None:
        info = STEPS[index]
        self._show_content(index)
        self.flush_notes()
        self._notes_step = info.number
        notes = self._editor
        if notes is None:
            self.query_one(NotesPreview).show(self._saved_notes.get(info.number, ""), self._notes_title())
            return
        notes.load_text(self._saved_notes.get(info.number, ""))
        notes.border_title = self._notes_title()

    def on_step_list_cursor_moved(self, event: StepList.CursorMoved) -> None:
        """Follow the list's cursor."""
        self._show_detail(event.index)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Notes typed: save after a short pause in typing (a handler by name: TextArea is imported late)."""
        if event.text_area.id != "step-notes" or event.text_area.text == self._saved_notes.get(self._notes_step, ""):
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(NOTES_DEBOUNCE, self.flush_notes)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """Leaving the notes saves them at once."""
        if event.widget.id == "step-notes":
            self.flush_notes()

    def pending_notes(self) -> tuple[int, str] | None:
        """Notes typed but not yet handed to the screen, if any."""
        if self._editor is None:
            return None  # the preview: nothing typed yet
        text = self._editor.text
        if text != self._saved_notes.get(self._notes_step, ""):
            return (self._notes_step, text)
        return None

    def flush_notes(self) -> None:
        """Hand typed notes to the screen now (it saves them)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        pending = self.pending_notes()
        if pending is not None:
            # Not marked as saved here: the screen's refresh after a successful save does
            # that, so notes whose save failed stay pending and are saved on quit.
            self.post_message(StepNotesChanged(*pending))

    def selected_step(self) -> int:
        """The number of the step under the cursor."""
        return self.query_one(StepList).cursor + 1

    def select_step(self, number: int) -> None:
        """Move the cursor to step ``number``."""
        step_info(number)
        self.query_one(StepList).cursor = number - 1
