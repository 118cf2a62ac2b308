"""The Eight Steps pane: a checklist with coaching text and the user's own notes."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static, TextArea

from tenfold.steps import STEPS, StepState, next_step, step_info
from tenfold.tui.messages import StepNotesChanged, StepToggled
from tenfold.tui.widgets.pane import Pane

NOTES_DEBOUNCE = 0.8
"""Seconds of quiet typing before notes are saved; quitting saves at once."""

BOX_WIDTH = 4
"""Clicks in the first columns (the box) tick; elsewhere they only select."""


class StepList(Widget, can_focus=True):
    """Eight lines with a cursor. Space/Enter/x or a click on the box ticks."""

    BINDINGS = [
        Binding("space", "tick", "Tick/untick"),
        Binding("x", "tick", "Tick/untick", show=False),
        Binding("enter", "tick", "Tick/untick", show=False),
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("n", "notes", "Notes"),
    ]

    @dataclass
    class CursorMoved(Message):
        """The cursor is now on step ``index + 1``."""

        index: int

    cursor: reactive[int] = reactive(0)
    states: reactive[tuple[StepState, ...]] = reactive(tuple(StepState(i.number) for i in STEPS), layout=True)

    def render(self) -> Text:
        """One line per step: box, number, title, and the date it was ticked."""
        text = Text(no_wrap=True, overflow="ellipsis")
        for index, (info, state) in enumerate(zip(STEPS, self.states, strict=True)):
            box = "[x]" if state.done else "[ ]"
            style = "reverse" if index == self.cursor and self.has_focus else ("bold" if index == self.cursor else "")
            line = Text(style=style)
            line.append(f"{box} ", style="green" if state.done else "")
            line.append(f"{info.number} {info.title}")
            if state.done_on:
                line.append(f"  {state.done_on.isoformat()}", style="dim")
            text.append_text(line)
            if index < len(STEPS) - 1:
                text.append("\n")
        return text

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """Always eight lines."""
        return len(STEPS)

    def action_move(self, delta: int) -> None:
        """Move the cursor, stopping at the ends."""
        self.cursor = max(0, min(len(STEPS) - 1, self.cursor + delta))

    def action_tick(self) -> None:
        """Ask the screen to tick or untick the step under the cursor."""
        self.post_message(StepToggled(self.cursor + 1))

    def action_notes(self) -> None:
        """Jump to the notes of the step under the cursor."""
        self.screen.query_one("#step-notes", TextArea).focus()

    def on_click(self, event: events.Click) -> None:
        """Select the clicked step; a click on its box also ticks it."""
        if 0 <= event.y < len(STEPS):
            self.cursor = event.y
            if event.x < BOX_WIDTH:
                self.post_message(StepToggled(event.y + 1))

    def watch_cursor(self, index: int) -> None:
        """Tell the pane, which shows that step's coaching and notes."""
        self.post_message(self.CursorMoved(index))

    def watch_has_focus(self, _focused: bool) -> None:
        """Redraw so the cursor shows as focused or not."""
        self.refresh()


class NotesArea(TextArea):
    """The notes editor; Escape goes back to the list (Tab moves on to the next pane)."""

    BINDINGS = [Binding("escape", "leave", "Back to steps")]

    def action_leave(self) -> None:
        """Return to the checklist."""
        self.screen.query_one(StepList).focus()


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

    def compose(self) -> ComposeResult:
        """The list, the coaching text, the notes."""
        yield StepList(id="step-list")
        with VerticalScroll(id="step-coach", can_focus=False):
            yield Static(id="step-detail")
        yield NotesArea(id="step-notes", soft_wrap=True, placeholder="Your notes for this step… (esc: back)")

    def on_mount(self) -> None:
        """Show the first step's coaching."""
        super().on_mount()
        self._show_detail(0)

    def show(self, states: list[StepState]) -> None:
        """Take the steps' state from the screen. Notes being typed are not overwritten."""
        self.query_one(StepList).states = tuple(states)
        before = self._saved_notes.get(self._notes_step, "")
        self._saved_notes = {s.number: s.notes for s in states}
        notes = self.query_one("#step-notes", TextArea)
        # Typing not yet saved (text differs from what was saved) stays; otherwise show the store's.
        if self._timer is None and notes.text == before != self._saved_notes.get(self._notes_step, ""):
            notes.load_text(self._saved_notes.get(self._notes_step, ""))
        if not self._placed:
            # Open where the work is: on the first step not yet ticked.
            self._placed = True
            upcoming = next_step(states)
            if upcoming is not None:
                self.query_one(StepList).cursor = upcoming.number - 1
        done = sum(1 for s in states if s.done)
        self.border_subtitle = f"{done} of {len(STEPS)} done"

    def _show_detail(self, index: int) -> None:
        info = STEPS[index]
        text = Text()
        text.append("Today: ", style="bold green")
        text.append(info.today + "\n", style="default")
        text.append(info.meaning)
        self.query_one("#step-detail", Static).update(text)
        notes = self.query_one("#step-notes", TextArea)
        self.flush_notes()
        self._notes_step = info.number
        notes.load_text(self._saved_notes.get(info.number, ""))
        notes.border_title = f"Notes · step {info.number}"

    def on_step_list_cursor_moved(self, event: StepList.CursorMoved) -> None:
        """Follow the list's cursor."""
        self._show_detail(event.index)

    @on(TextArea.Changed, "#step-notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        """Save after a short pause in typing."""
        if event.text_area.text == self._saved_notes.get(self._notes_step, ""):
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
        text = self.query_one("#step-notes", TextArea).text
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
