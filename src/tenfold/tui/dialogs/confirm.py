"""A yes/no question before anything is deleted."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from tenfold.domain.text import safe_display


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses with True only when the user says yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, title: str, message: str, yes: str = "Delete", no: str = "Keep", *,
                 yes_is_safe: bool = False) -> None:
        super().__init__()
        self.question_title = title
        self.message = message
        self.yes = yes
        self.no = no
        # Yes keeps data (a deleted file written again): it has the focus, and is not drawn as a danger.
        self.yes_is_safe = yes_is_safe

    def compose(self) -> ComposeResult:
        """Title, message, two buttons."""
        with Vertical(id="dialog", classes="confirm"):
            yield Label(Text(safe_display(self.question_title)), classes="dialog-title")
            # It names what the user typed: "[/]" is text, and an escape code is shown, not obeyed.
            yield Static(safe_display(self.message), markup=False)
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes}  y", variant="primary" if self.yes_is_safe else "error", id="yes")
                yield Button(f"{self.no}  n", id="no")

    def on_mount(self) -> None:
        """The safe answer has focus."""
        self.query_one("#yes" if self.yes_is_safe else "#no", Button).focus()

    def action_answer(self, value: bool) -> None:
        """Close with the answer."""
        self.dismiss(value)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
