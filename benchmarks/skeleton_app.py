"""Tenfold's first usable screen built from Textual's own widgets, with no Tenfold code and no data.

The start-up row compares Tenfold with the smallest Textual app (``baseline_app.py``).
This app sits between the two: the same layout Tenfold shows at start-up - a
header, four bordered panes in a 2x2 grid (text, three tables), a footer, a card
over them - and the same answer to the key (a form of labels, three inputs, a text
area, a list and two buttons over the dimmed screen), made of stock widgets with a
few lines of text each. Its ratio to the minimal app is what that screen costs in
Python and Textual alone; what Tenfold takes beyond it is Tenfold's own code
(imports, reading the file, the figures, its widgets).

Started like the others (``python FILE`` under a pseudo-terminal); the benchmark
waits for the same kind of markers and sends ``w``.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Footer, Header, Input, Label, Select, Static, TextArea

READY_TEXT = "Skeleton card: ready"
ANSWER_TEXT = "Write it down"
PANES = ("Written Goal", "Eight Steps", "Income Ledger", "Who Do I Deliver Value To?")


class Card(ModalScreen[None]):
    """A few lines over the dimmed panes, as the today card."""

    DEFAULT_CSS = "Card { align: center middle; } Card > Vertical { width: 70; height: auto; border: round $accent; }"
    BINDINGS = [("w", "form", "Write the goal"), ("escape", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        """The card's lines."""
        with Vertical():
            yield Static(READY_TEXT)
            for line in ("Goal: none written yet", "Question of the day: who already gets value from you?",
                         "Next step: 1 Select your idea", "Payments due: none", "Streak: none yet"):
                yield Static(line)

    def action_form(self) -> None:
        """The key the benchmark sends."""
        self.app.push_screen(Form())


def form_body() -> VerticalScroll:
    """The form's fields in their scrolling box, the same in the dialog and in the overlay."""
    fields = [Static(ANSWER_TEXT), Label("Your goal in your own words"), TextArea("", id="text"), Static("")]
    for name in ("Amount per month", "Deadline (YYYY-MM-DD)", "Started"):
        fields += [Label(name), Input(placeholder=name), Static("")]
    fields += [Label("Currency"), Select([(code, code) for code in ("EUR", "USD", "GBP")], value="EUR"),
               Horizontal(Button("Save", variant="primary"), Button("Cancel"))]
    return VerticalScroll(*fields)


class Form(ModalScreen[str]):
    """A form as the goal form: labels, three inputs, a text area, a list, buttons, error lines.

    Ctrl+S closes it with the first input's text, as a saved form gives its value.
    """

    BINDINGS = [("ctrl+s", "save", "Save")]

    DEFAULT_CSS = """
    Form { align: center middle; }
    Form > VerticalScroll { width: 80; height: 30; border: round $accent; }
    """

    def compose(self) -> ComposeResult:
        """The fields; the first has the focus, as in Tenfold's forms."""
        yield form_body()

    def on_mount(self) -> None:
        """The first field has the focus."""
        self.query_one("#text", TextArea).focus()

    def action_save(self) -> None:
        """Close with the first input's text."""
        self.dismiss(self.query_one(Input).value)


class SkeletonApp(App[None]):
    """Header, four panes, footer; the card once the screen is up."""

    CSS = """
    #panes { layout: grid; grid-size: 2 2; }
    .pane { border: round $primary; }
    """
    BINDINGS = [("q", "quit", "Quit"), ("ctrl+p", "command_palette", "palette"), ("a", "add", "Add"),
                ("1", "quit", "Goal"),
                ("2", "quit", "Steps"), ("3", "quit", "Ledger"), ("4", "quit", "Ideas"), ("z", "quit", "Zoom")]

    def compose(self) -> ComposeResult:
        """The panes, each with what Tenfold's holds on an empty file."""
        yield Header()
        with Container(id="panes"):
            for number, title in enumerate(PANES):
                with Vertical(classes="pane") as pane:
                    pane.border_title = title
                    if number == 0:
                        yield Static("No goal written yet.\nPress w to write it down.\n" * 3)
                    elif number == 1:
                        yield Static("\n".join(f"[ ] {n} step" for n in range(1, 9)))
                    else:
                        for _ in range(2 if number == 2 else 1):
                            table: DataTable[str] = DataTable()
                            table.add_columns("Date", "Name", "Amount", "Note")
                            yield table
                        yield Static("0 streams · 0 payments" if number == 2 else "0 entries",
                                     id="summary" if number == 2 else None)
        yield Footer()

    def __init__(self, card: bool = True) -> None:
        super().__init__()
        self.card = card

    def on_mount(self) -> None:
        """The card comes once the panes are drawn, as Tenfold's."""
        if self.card:
            self.call_after_refresh(self.push_screen, Card())

    def action_add(self) -> None:
        """The form; once saved, a row in the first table and a changed line under it, as a payment added."""
        self.push_screen(Form(), self.added)

    def added(self, amount: str | None) -> None:
        """What a saved payment changes in the ledger pane."""
        if amount is None:
            return
        table: DataTable[str] = self.query(DataTable).first()
        table.add_row("2026-12-06", "Stream", amount, "", key=str(table.row_count))
        table.move_cursor(row=table.row_count - 1)
        self.query_one("#summary", Static).update(f"1 stream · {table.row_count} payments")


class FormLayer(Container):
    """The same form drawn over the panes inside the main screen (a layer), not as a screen of its own.

    The other design for Tenfold's forms: closing it hides a widget instead of
    popping a screen. ``skeleton_keys.py --overlay`` times it against :class:`Form`.
    It was also tried without the dimmed background and sized to the form alone
    (no full-screen layer): neither closed faster than the dialog.
    """

    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True)]
    DEFAULT_CSS = """
    FormLayer { layer: overlay; width: 100%; height: 100%; align: center middle; background: $background 60%; }
    FormLayer > VerticalScroll { width: 80; height: 30; border: round $accent; background: $surface; }
    """

    compose = Form.compose
    on_mount = Form.on_mount

    def action_save(self) -> None:
        """Hide the form, then do what a saved dialog's callback does."""
        app = self.app
        assert isinstance(app, SkeletonApp)
        self.display = False
        app.added(self.query_one(Input).value)
        app.query(DataTable).first().focus()


class OverlayApp(SkeletonApp):
    """The skeleton with its form as :class:`FormLayer`, mounted once and shown again for each payment."""

    CSS = SkeletonApp.CSS + "Screen { layers: base overlay; }"

    def action_add(self) -> None:
        """Show the form layer (mount it the first time)."""
        found = self.screen.query(FormLayer)
        if not found:
            self.screen.mount(FormLayer())
            return
        layer = found.first()
        layer.display = True
        layer.query_one("#text", TextArea).focus()


if __name__ == "__main__":
    SkeletonApp().run()
