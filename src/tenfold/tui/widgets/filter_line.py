"""The one-line filter a pane opens with ``/``: the ledger's payments and the ideas journal share it."""

from __future__ import annotations

from textual.message import Message

from tenfold.tui.compat import SafeInput
from tenfold.tui.keys import FILTER_KEYS, bindings


class FilterInput(SafeInput):
    """A filter line: Enter goes back to the table (the pane handles Input.Submitted), Esc clears the filter."""

    BINDINGS = bindings(FILTER_KEYS)

    class Closed(Message):
        """Esc in the filter: clear it."""

    def action_close(self) -> None:
        """Clear the filter and hide it (the pane does both)."""
        self.post_message(self.Closed())
