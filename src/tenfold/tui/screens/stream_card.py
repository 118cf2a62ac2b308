"""A stream's measures on one card (i on a stream): payback, how passive it really is, reach, the three parts."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from tenfold.domain.hours import HoursEntry
from tenfold.domain.parts import PartsRating
from tenfold.domain.streams import Stream
from tenfold.domain.text import safe_display
from tenfold.figures.measures import Measures

RECENT_HOURS = 5
"""Logged entries listed on the card, newest first."""


def card_text(stream: Stream, measures: Measures, parts: PartsRating | None, hours: Sequence[HoursEntry]) -> Text:
    """Every measure of one stream, a line each, with where each figure comes from."""
    text = Text()

    def line(label: str, value: str, style: str = "") -> None:
        text.append(f"{label:<16}", style="dim")
        text.append(value + "\n", style=style)

    payback = measures.paybacks.get(stream.id)
    line("Payback", payback.describe() if payback else "no up-front cost recorded: nothing to pay back")
    upkeep = measures.upkeep.get(stream.id)
    if upkeep is not None:
        counted = len(upkeep.recent.months)  # fewer than 3 for a stream begun since
        over = f", last {counted} complete month{'' if counted == 1 else 's'}" if counted else ""
        line("Per upkeep hour", upkeep.describe() + over)
    spent = measures.hours_a_month.get(stream.id)
    source = "logged" if measures.logged.get(stream.id) else "your estimate"
    if spent is not None:
        line("Hours a month", f"{spent:f} ({source})")
    reach = measures.reach.get(stream.id)
    if reach is not None:
        line("Reach", reach.describe())
    if parts is None:
        line("Three parts", "not rated yet: p rates creation, delivery and payment", "yellow")
    else:
        line("Three parts", parts.summary())
        text.append(parts.advice() + "\n", style="italic")
    if hours:
        text.append("\nHours logged (newest first)\n", style="bold")
        for entry in list(reversed(hours))[:RECENT_HOURS]:
            note = f"  {safe_display(entry.note)}" if entry.note else ""
            text.append(f"{entry.on.isoformat()}  {entry.hours:f} h{note}\n")
    text.append("\nh logs hours · p rates the three parts (in the ledger) · Esc closes", style="dim")
    return text


class StreamCard(ModalScreen[None]):
    """Read-only: the measures of one stream."""

    BINDINGS = [Binding("escape,enter,i", "close", "Close")]  # q quits, as on every screen

    def __init__(self, stream: Stream, measures: Measures, parts: PartsRating | None,
                 hours: Sequence[HoursEntry]) -> None:
        super().__init__()
        self.stream = stream
        self.body = card_text(stream, measures, parts, hours)

    def compose(self) -> ComposeResult:
        """Title and the card's lines."""
        with VerticalScroll(id="dialog", classes="form"):
            yield Label(f"{safe_display(self.stream.name)} · {self.stream.kind}, {self.stream.currency}",
                        classes="dialog-title", markup=False)
            yield Static(self.body, id="stream-card")

    def action_close(self) -> None:
        """Back to the ledger."""
        self.dismiss(None)
