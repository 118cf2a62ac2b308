"""Import payments from a CSV file: a path, an optional column mapping, a preview, then import or cancel.

Nothing is saved until the user presses Import after a preview; the preview is
made again from the file if the path or the mapping changed since. The dialog
never touches the store: the screen passes ``preview`` (read and check the file)
and ``commit`` (save what the preview showed), and both report problems as
:class:`~tenfold.domain.errors.FieldError` (shown under the field) or as a
:class:`~tenfold.exchange.csvmapping.CsvImportError` (line numbers, shown in the preview).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tenfold.domain.errors import FieldError, TenfoldError
from tenfold.exchange.csvmapping import CsvImportError

MAX_PROBLEMS = 12
"""Problems listed in the dialog; the rest are counted."""


@dataclass(frozen=True)
class Preview:
    """What the screen found in the file: the text to show and how many payments would be saved."""

    text: str
    new: int
    plan: object
    """Handed back to ``commit`` untouched."""


class ImportDialog(ModalScreen[str | None]):
    """Dismisses with the screen's "imported ..." message, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "import_rows", "Import"),
    ]
    DEFAULT_CSS = """
    ImportDialog #import-preview { height: auto; max-height: 16; margin: 1 0; }
    """

    def __init__(self, preview: Callable[[str, str], Preview], commit: Callable[[object], str],
                 path: str = "") -> None:
        super().__init__()
        self._preview = preview
        self._commit = commit
        self.initial_path = path
        self.current: Preview | None = None
        self._previewed: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        """Path and mapping fields with their error lines, the preview, the buttons."""
        with VerticalScroll(id="dialog", classes="form"):
            yield Label("Import payments from CSV", classes="dialog-title")
            yield Static("The first line names the columns: date, stream and amount at least (note, customer "
                         "and currency if you have them). Rows already in the ledger are skipped.", classes="intro")
            yield Label("CSV file", classes="field-label")
            yield Input(self.initial_path, id="field-path", placeholder="e.g. ~/Downloads/payments.csv", compact=True)
            yield Static("", id="error-path", classes="field-error", markup=False)
            yield Label("Column mapping (optional)", classes="field-label")
            yield Input("", id="field-map", placeholder="e.g. stream=Source, note=Memo", compact=True)
            yield Static("", id="error-map", classes="field-error", markup=False)
            yield Static("Press Enter or Preview to read the file. Nothing is saved yet.", id="import-preview")
            yield Static("", id="form-error", classes="field-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Preview", id="preview")
                yield Button("Import  ctrl+s", variant="primary", id="import", disabled=True)
                yield Button("Cancel  esc", id="cancel")

    def on_mount(self) -> None:
        """Start in the path field."""
        self.query_one("#field-path", Input).focus()

    def _typed(self) -> tuple[str, str]:
        return self.query_one("#field-path", Input).value, self.query_one("#field-map", Input).value

    def _error(self, field: str, message: str) -> None:
        line = self.query_one("#form-error" if field == "form" else f"#error-{field}", Static)
        line.update(message)
        line.set_class(bool(message), "-visible")
        if field in ("path", "map"):
            self.query_one(f"#field-{field}", Input).set_class(bool(message), "-invalid")

    def action_preview(self) -> None:
        """Read the file and show what an import would do; enable Import when something is new."""
        for field in ("path", "map", "form"):
            self._error(field, "")
        self.current, self._previewed = None, None
        button = self.query_one("#import", Button)
        button.disabled = True
        shown = self.query_one("#import-preview", Static)
        typed = self._typed()
        try:
            found = self._preview(*typed)
        except FieldError as exc:
            self._error(exc.field if exc.field in ("path", "map") else "form", exc.message)
            shown.update("")
            return
        except CsvImportError as exc:
            lines = [str(p) for p in exc.problems[:MAX_PROBLEMS]]
            if len(exc.problems) > MAX_PROBLEMS:
                lines.append(f"… and {len(exc.problems) - MAX_PROBLEMS} more problems")
            shown.update(Text("Nothing can be imported from this file:\n" + "\n".join(lines), style="red"))
            return
        self.current, self._previewed = found, typed
        shown.update(Text(found.text))
        button.disabled = found.new == 0
        if found.new:
            button.focus()

    def action_import_rows(self) -> None:
        """Save what the preview showed; preview first if the fields changed since."""
        if self.current is None or self._previewed != self._typed():
            self.action_preview()
            return
        if not self.current.new:
            return
        try:
            message = self._commit(self.current.plan)
        except TenfoldError as exc:
            self._error("form", f"Nothing was imported: {exc}")
            return
        self.dismiss(message)

    def action_cancel(self) -> None:
        """Close; nothing is imported."""
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_preview()

    @on(Button.Pressed, "#preview")
    def _preview_pressed(self) -> None:
        self.action_preview()

    @on(Button.Pressed, "#import")
    def _import_pressed(self) -> None:
        self.action_import_rows()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
