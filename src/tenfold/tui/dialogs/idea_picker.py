"""Choosing step 1's idea: a stream already in the ledger, or an entry of the brainstorm.

With years of brainstorming there may be thousands of entries, so the list shows
at most :data:`SHOWN` matches of what is typed in the filter above it.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tenfold.domain.ideas import Idea
from tenfold.domain.streams import Stream
from tenfold.tui.compat import SafeInput
from tenfold.tui.widgets.step_content import one_line

SHOWN = 200
"""The most options listed at once; typing narrows the rest down."""


@dataclass(frozen=True)
class Choice:
    """What the user picked: ``kind`` is ``idea`` or ``stream``."""

    kind: str
    id: int


def idea_label(idea: Idea) -> str:
    """``colleagues new to Excel: short video lessons``: who, then the value."""
    return f"{one_line(idea.who)}: {one_line(idea.value)}"


class IdeaPicker(ModalScreen[Choice | None]):
    """A filter box over a list of streams and ideas; Enter picks, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    IdeaPicker #dialog { height: 80%; }
    IdeaPicker #picker-list { height: 1fr; }
    """

    def __init__(self, streams: list[Stream], ideas: list[Idea], current: Choice | None = None) -> None:
        super().__init__()
        self.streams = streams
        self.ideas = ideas
        self.current = current

    def compose(self) -> ComposeResult:
        """Title, filter, list, a count."""
        with Vertical(id="dialog"):
            yield Label("Step 1 · choose your passive income idea", classes="dialog-title")
            yield Static("Pick the stream or brainstorm entry you will build first. Type to filter; "
                         "Enter chooses; Esc goes back.", classes="intro")
            yield SafeInput(placeholder="Filter…", id="picker-filter", compact=True)
            yield OptionList(id="picker-list")
            yield Static("", id="picker-count", classes="dim")

    def on_mount(self) -> None:
        """Fill the list; start in the filter."""
        self._fill("")
        self.query_one("#picker-filter", Input).focus()

    def _fill(self, needle: str) -> None:
        wanted = needle.casefold().strip()
        options: list[Option] = []
        total = matched = 0
        for stream in self.streams:
            total += 1
            if wanted in stream.name.casefold():
                matched += 1
                if len(options) < SHOWN:
                    label = Text.assemble(("stream  ", "cyan"), one_line(stream.name), (f"  {stream.kind}", "dim"))
                    options.append(Option(label, id=f"stream:{stream.id}"))
        for idea in self.ideas:
            total += 1
            label_text = idea_label(idea)
            if wanted in label_text.casefold():
                matched += 1
                if len(options) < SHOWN:
                    label = Text.assemble(("idea    ", "green"), label_text, (f"  {idea.written_on}", "dim"))
                    options.append(Option(label, id=f"idea:{idea.id}"))
        listing = self.query_one("#picker-list", OptionList)
        listing.set_options(options)
        if options:
            current = f"{self.current.kind}:{self.current.id}" if self.current else ""
            ids = [o.id for o in options]
            listing.highlighted = ids.index(current) if current in ids else 0
        count = self.query_one("#picker-count", Static)
        if total == 0:
            count.update("No streams or brainstorm entries yet: add one in the ledger (3) or the brainstorm (4).")
        elif matched > len(options):
            count.update(f"Showing {len(options)} of {matched} matches; type to narrow them down.")
        else:
            count.update(f"{matched} of {total}")

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#picker-filter")
    def _take_highlighted(self) -> None:
        listing = self.query_one("#picker-list", OptionList)
        if listing.highlighted is not None:
            self._choose(listing.get_option_at_index(listing.highlighted).id)

    @on(OptionList.OptionSelected, "#picker-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def on_key(self, event: events.Key) -> None:
        """Up and down in the filter move through the list."""
        if event.key in ("down", "up") and self.focused is self.query_one("#picker-filter"):
            event.stop()
            listing = self.query_one("#picker-list", OptionList)
            if event.key == "down":
                listing.action_cursor_down()
            else:
                listing.action_cursor_up()

    def _choose(self, option_id: str | None) -> None:
        if not option_id:
            return
        kind, _, raw = option_id.partition(":")
        self.dismiss(Choice(kind, int(raw)))

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
