"""A TextArea that draws control characters as visible symbols, so they never drive the terminal.

Textual draws each line as it is: an escape sequence in an imported note or a
pasted entry reached the terminal (``ESC[31m`` turned the rest of the form red).
:func:`safe_display` gives one symbol per character, so the cursor and the
selection, placed by character, stay where they were; the text keeps the codes.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import TextArea

from tenfold.domain.text import safe_display


class SafeTextArea(TextArea):
    """A TextArea whose lines are drawn through :func:`safe_display`."""

    def get_line(self, line_index: int) -> Text:
        """The line as drawn: Textual's own, with control characters shown as symbols."""
        line = super().get_line(line_index)
        line.plain = safe_display(line.plain)
        return line
