"""Import payments from a platform's or a bank's file: the same preview as ``tenfold import``, then import or cancel.

The file's profile is guessed from its header (or chosen), the stream, the column
mapping, the amounts (net or gross) and whether to create missing streams can be
set, and the preview - every row accounted for, problems by line - is made again
whenever one of them changed. Nothing is saved until the user presses Import
after a preview with no problem, in one write (new streams included). What was
chosen for a file is remembered for the next file named the same way, in the
config folder (:mod:`tenfold.exchange.remembered`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static
from textual.widgets._select import InvalidSelectValueError

from tenfold.domain.errors import ChangedOnDiskError, FieldError, TenfoldError
from tenfold.domain.money import format_totals
from tenfold.domain.streams import KINDS
from tenfold.exchange.csvmapping import CsvImportError
from tenfold.exchange.extraction import Options
from tenfold.exchange.importing import parse_map, plan_file
from tenfold.exchange.more_options import parse_more
from tenfold.exchange.plan import ImportPlan
from tenfold.exchange.preview import added_totals, preview_lines
from tenfold.exchange.profiles import PROFILES
from tenfold.exchange.remembered import recall, remember
from tenfold.exchange.source_file import UnreadableSource, read_source_file
from tenfold.store.store import Store
from tenfold.tui.compat import SafeInput
from tenfold.tui.dialogs.import_words import in_app

GUESS = "guess"
NO_NEW = "none"
TEXT_FIELDS = ("path", "stream", "map", "date_format", "more")
SELECTS = ("profile", "create", "amount")


class ImportDialog(ModalScreen[str | None]):
    """Dismisses with the "Imported ..." message, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "import_rows", "Import"),
    ]
    DEFAULT_CSS = """
    ImportDialog #dialog { width: 110; max-width: 100%; }
    ImportDialog #import-preview { height: auto; margin: 1 0; }
    ImportDialog .pair { height: auto; }
    ImportDialog .pair > Select { width: 1fr; }
    """

    def __init__(self, store: Store, changed_on_disk: Callable[[], None] | None = None, path: str = "",
                 config_dir: Path | None = None) -> None:
        super().__init__()
        self.store = store
        self._changed_on_disk = changed_on_disk
        self.initial_path = path
        self._config_dir = config_dir
        self.plan: ImportPlan | None = None
        self._previewed: dict[str, str] | None = None
        self._recalled_for = ""

    def compose(self) -> ComposeResult:
        """The file, the choices, the preview, the buttons."""
        profiles = [("Guess from the header", GUESS)] + [(f"{p.title} ({p.name})", p.name) for p in PROFILES]
        create = [("Do not create streams", NO_NEW)] + [(f"Create missing streams as {k}", k) for k in KINDS]
        with VerticalScroll(id="dialog", classes="form"):
            yield Label("Import payments from a file", classes="dialog-title")
            yield Static("A platform's download (PayPal, Stripe, Gumroad, KDP, Etsy, Patreon, YouTube, Google Play, "
                         "the App Store, Udemy, Airbnb and more, listed in the first menu below), a bank's file "
                         "(CSV, .xlsx, OFX, QIF, camt.053 or MT940), or any CSV with date, stream and amount. Nothing "
                         "is saved until you press Import.",
                         classes="intro")
            yield Label("File", classes="field-label")
            yield SafeInput(self.initial_path, id="field-path", placeholder="e.g. ~/Downloads/Download.CSV",
                            compact=True)
            yield Static("", id="error-path", classes="field-error", markup=False)
            with Horizontal(classes="pair"):
                yield Select(profiles, value=GUESS, allow_blank=False, id="field-profile", compact=True)
                yield Select(create, value=NO_NEW, allow_blank=False, id="field-create", compact=True)
                yield Select([("Amounts net of fees", "net"), ("Gross amounts", "gross")], value="net",
                             allow_blank=False, id="field-amount", compact=True)
            yield Label("Every row to this stream (optional)", classes="field-label")
            yield SafeInput("", id="field-stream", placeholder="e.g. Etsy shop", compact=True)
            yield Label("Column mapping (optional)", classes="field-label")
            yield SafeInput("", id="field-map", placeholder="e.g. stream=Item, amount=Net", compact=True)
            yield Static("", id="error-map", classes="field-error", markup=False)
            yield Label("Date format (optional)", classes="field-label")
            yield SafeInput("", id="field-date_format", placeholder="e.g. %d/%m/%Y or mdy", compact=True)
            yield Label("More options, as 'tenfold import' writes them (optional)", classes="field-label")
            yield SafeInput("", id="field-more", compact=True,
                        placeholder="e.g. --decimal-comma --encoding cp1252 --where Type=Sale --skip-rows 3")
            yield Static("", id="error-more", classes="field-error", markup=False)
            yield Static("Press Enter or Preview to read the file.", id="import-preview")
            yield Static("", id="form-error", classes="field-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Preview", id="preview")
                yield Button("Import  ctrl+s", variant="primary", id="import", disabled=True)
                yield Button("Cancel  esc", id="cancel")

    def on_mount(self) -> None:
        """Start in the file field."""
        self.query_one("#field-path", Input).focus()

    # ----- the choices --------------------------------------------------------------------

    def _typed(self) -> dict[str, str]:
        values = {f: self.query_one(f"#field-{f}", Input).value for f in TEXT_FIELDS}
        for name in SELECTS:
            value = self.query_one(f"#field-{name}", Select).value
            values[name] = value if isinstance(value, str) else ""
        return values

    def _recall(self, path: str) -> None:
        """Fill the choices remembered for files named like ``path`` (once per path typed)."""
        if path == self._recalled_for:
            return
        self._recalled_for = path
        for key, value in recall(self._config_dir, path).items():
            if key in SELECTS:
                select: Select[str] = self.query_one(f"#field-{key}", Select)
                with contextlib.suppress(InvalidSelectValueError):  # a profile this version no longer has
                    select.value = value
            elif key in TEXT_FIELDS and not self.query_one(f"#field-{key}", Input).value:
                self.query_one(f"#field-{key}", Input).value = value

    def _error(self, field: str, message: str) -> None:
        line = self.query_one("#form-error" if field == "form" else f"#error-{field}", Static)
        line.update(message)
        line.set_class(bool(message), "-visible")
        if field in ("path", "map", "more"):
            self.query_one(f"#field-{field}", Input).set_class(bool(message), "-invalid")

    def _options(self, values: dict[str, str]) -> Options:
        more = parse_more(values["more"])
        return Options(
            profile=None if values["profile"] in ("", GUESS) else values["profile"],
            overrides=parse_map(p for p in values["map"].split(",") if p.strip()),
            stream=values["stream"].strip() or None, date_format=values["date_format"].strip() or None,
            gross=values["amount"] == "gross", decimal_comma=more.decimal_comma, encoding=more.encoding,
            delimiter=more.delimiter, skip_rows=more.skip_rows, where=more.where, sheet=more.sheet,
            currency=more.currency,
        )

    # ----- preview and import ---------------------------------------------------------------

    def action_preview(self) -> None:
        """Read the file and show what an import would do; Import is enabled when there is something to add."""
        for field in ("path", "map", "more", "form"):
            self._error(field, "")
        self.plan, self._previewed = None, None
        button = self.query_one("#import", Button)
        button.disabled = True
        shown = self.query_one("#import-preview", Static)
        path = self.query_one("#field-path", Input).value.strip()
        if not path:
            self._error("path", "Enter the file to import")
            shown.update("")
            return
        self._recall(path)
        values = self._typed()
        try:
            options = self._options(values)
        except FieldError as exc:
            self._error("more" if exc.field == "more" else "map", exc.message)
            shown.update("")
            return
        try:
            raw = read_source_file(Path(path).expanduser())
        except UnreadableSource as exc:
            self._error("path", f"{path}: {exc}")
            shown.update("")
            return
        except OSError as exc:
            self._error("path", f"{path}: cannot be read: {exc.strerror}")
            shown.update("")
            return
        create = values["create"] if values["create"] in KINDS else None
        try:
            plan = plan_file(raw, path, options, self.store, create)
        except CsvImportError as exc:
            shown.update(Text(f"Nothing can be imported from this file:\n{in_app(str(exc.problems[0]))}", style="red"))
            return
        self.plan, self._previewed = plan, values
        streams = {s.id: s for s in self.store.streams()}
        text = Text(in_app("\n".join(preview_lines(plan, streams, Path(path).name, options.gross))))
        if plan.problems:
            text.stylize("red", text.plain.find("Problems ("))
        shown.update(text)
        self._pick_guessed(plan)
        button.disabled = bool(plan.problems) or not plan.new
        if not button.disabled:
            button.focus()

    def _pick_guessed(self, plan: ImportPlan) -> None:
        """Show the profile the header was read with, so the user sees the guess and can change it."""
        select: Select[str] = self.query_one("#field-profile", Select)
        if select.value == GUESS and self._previewed is not None:
            with self.prevent(Select.Changed):
                select.value = plan.source
            self._previewed = self._typed()

    def action_import_rows(self) -> None:
        """Save what the preview showed; preview first if anything changed since."""
        if self.plan is None or self._previewed != self._typed():
            self.action_preview()
            return
        plan = self.plan
        if plan.problems or not plan.new:
            return
        totals = added_totals(plan, {s.id: s for s in self.store.streams()})
        try:
            created, saved = self.store.import_payments(plan.new_streams if plan.create_kind else [], plan.payments)
        except ChangedOnDiskError:
            if self._changed_on_disk is not None:
                self._changed_on_disk()
            self._error("form", "Nothing was imported: the data file changed on disk; reload it first")
            return
        except TenfoldError as exc:
            self._error("form", f"Nothing was imported: {exc}")
            return
        values = self._typed()
        kept = (*SELECTS, *TEXT_FIELDS[1:])  # every choice but the file itself
        remember(self._config_dir, values["path"], {k: values[k] for k in kept if k != "profile" or values[k] != GUESS})
        made = f" and {len(created)} new stream{'s' if len(created) != 1 else ''}" if created else ""
        skipped = f", {len(plan.duplicates)} already there" if plan.duplicates else ""
        count = f"{len(saved)} payment{'s' if len(saved) != 1 else ''}"
        self.dismiss(f"Imported {count} ({format_totals(totals)}){made}{skipped}")

    def action_cancel(self) -> None:
        """Close; nothing is imported."""
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_preview()

    @on(Select.Changed)
    def _choice_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self.query_one("#field-path", Input).value.strip():
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
