"""The honest checks the user dismissed or snoozed, each with a way back to the today card.

Opened from the palette ("Show dismissed checks"). A record keeps only the check's
key, so the words shown are those of the check as it fires today; one that no
longer fires (the stream paid again, the plan was written) is named by its key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tenfold.coach.nudges import Nudge
from tenfold.domain.text import safe_display
from tenfold.store.dismissals import Dismissal

NONE_LEFT = "No check is dismissed or snoozed: the today card shows every one that fires."


def describe(dismissal: Dismissal, firing: Mapping[str, Nudge]) -> Text:
    """Two lines: what the check says (or its key), then since when and until when it is kept away."""
    nudge = firing.get(dismissal.key)
    text = Text("• ")
    if nudge is not None:
        text.append(safe_display(nudge.text))
    else:
        text.append(f"A check that does not fire today ({safe_display(dismissal.key)})", style="italic")
    kept = "for good" if dismissal.until is None else f"snoozed until {dismissal.until.isoformat()}"
    text.append(f"\n  dismissed {dismissal.on.isoformat()}, {kept}", style="dim")
    return text


class DismissedChecks(ModalScreen[None]):
    """A list of dismissals; Enter brings the selected check back, Esc closes."""

    DEFAULT_CSS = """
    DismissedChecks OptionList { height: auto; max-height: 20; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("r", "restore", "Bring back"),
    ]

    def __init__(self, dismissals: Sequence[Dismissal], firing: Mapping[str, Nudge],
                 restore: Callable[[str], bool]) -> None:
        super().__init__()
        self.dismissals = list(dismissals)
        self.firing = dict(firing)
        self.restore = restore
        """Removes a dismissal; returns False (after telling the user) when it could not."""

    def compose(self) -> ComposeResult:
        """Title, what the keys do, the list (or why it is empty)."""
        with VerticalScroll(id="dialog", classes="dismissed"):
            yield Label("Dismissed checks", classes="dialog-title")
            yield Static("Enter (or r) brings the check back to the today card · esc closes.", classes="intro")
            options = [Option(describe(d, self.firing), id=d.key) for d in self.dismissals]
            yield OptionList(*options, id="dismissed-list")
            yield Static(NONE_LEFT, id="dismissed-none", classes="dim")

    def on_mount(self) -> None:
        """The list has the focus; an empty one says so instead."""
        self._show_empty()
        self.query_one(OptionList).focus()

    def _show_empty(self) -> None:
        options = self.query_one(OptionList)
        self.query_one("#dismissed-none").display = options.option_count == 0
        options.display = options.option_count > 0

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_restore()

    def action_restore(self) -> None:
        """Bring the highlighted check back: it shows on the today card again from now on."""
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            return
        key = options.get_option_at_index(index).id
        if key is None or not self.restore(key):
            return
        options.remove_option(key)
        self._show_empty()
        self.notify("The check is back on the today card (t).", timeout=4)

    def action_close(self) -> None:
        """Back to where the palette was opened."""
        self.dismiss(None)
