"""The step notes editor, a TextArea: imported and built only once the first screen is drawn.

Textual's TextArea (its module, the document classes, its themes and its large
CSS) would be most of the steps pane's start-up cost; the pane draws its first frame
with :class:`~tenfold.tui.widgets.steps_pane.NotesPreview` and builds this editor
in its place right after, or at once when the user asks for the notes first.
"""

from __future__ import annotations

from tenfold.tui.keys import NOTES_KEYS, bindings
from tenfold.tui.widgets.safe_text_area import SafeTextArea


class NotesArea(SafeTextArea):
    """The notes editor; Escape goes back to the list (Tab moves on to the next pane)."""

    BINDINGS = bindings(NOTES_KEYS)

    def on_mount(self) -> None:
        """Start at the end of the notes: what is typed next adds to them instead of going before them."""
        self.move_cursor(self.document.end)

    def load_text(self, text: str) -> None:
        """Show another step's notes (or the saved ones), the cursor at their end."""
        super().load_text(text)
        self.move_cursor(self.document.end)

    def action_leave(self) -> None:
        """Return to the checklist."""
        self.screen.query_one("#step-list").focus()


def notes_area(text: str, title: str, placeholder: str) -> NotesArea:
    """The editor as the steps pane shows it: soft-wrapped, with the placeholder and a titled border."""
    area = NotesArea(text, id="step-notes", soft_wrap=True, placeholder=placeholder)
    area.border_title = title
    return area
