"""Export…: choose a format and a file; then the export runs on a thread, with a progress bar.

The path is checked as the form is saved (not the data file, a folder that
exists), with the message under the field; the file extension follows the
format while the path is still the suggested one. The writing itself happens
after the form closes (:class:`ExportProgress`), so no key waits for it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, ProgressBar, Select, Static
from textual.worker import Worker, WorkerState

from tenfold.domain.errors import FieldError, FormErrors
from tenfold.exchange.files import EXPORT_FORMATS, SUFFIXES
from tenfold.exchange.output_file import output_target
from tenfold.exchange.progress import Progress
from tenfold.tui.dialogs.form import FieldSpec, FormDialog

FORMAT_LABELS = {
    "csv": "CSV: the payments, for a spreadsheet (tenfold import reads it back)",
    "json": "JSON: everything, exact",
    "markdown": "Markdown: everything, to read",
    "ledger": "Ledger journal: the payments, for hledger or ledger-cli",
    "beancount": "Beancount: the payments and rates, for bean-check or Fava",
}


@dataclass(frozen=True)
class ExportRequest:
    """What to write and where."""

    fmt: str
    target: Path


def suggested_path(folder: Path, day: str, fmt: str) -> str:
    """``~/tenfold-2026-11-21.csv``: a name that says what and when."""
    return str(folder / f"tenfold-{day}{SUFFIXES[fmt]}")


class ExportForm(FormDialog[ExportRequest]):
    """Format and file; ``data_file`` is refused as a target."""

    INTRO = "Exports are written privately (only you can read them). The data file itself is never overwritten."
    FIELDS = (
        FieldSpec("format", "Format", "select", tuple((FORMAT_LABELS[f], f) for f in EXPORT_FORMATS), "Choose"),
        FieldSpec("path", "File to write"),
    )

    def __init__(self, *args: object, data_file: Path, suggest: Callable[[str], str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.data_file = data_file
        self.suggest = suggest

    def parse(self, values: dict[str, str]) -> ExportRequest:
        """A known format and a writable place; both problems at once, under their fields."""
        errors: dict[str, str] = {}
        fmt = values["format"]
        if fmt not in EXPORT_FORMATS:
            errors["format"] = "Choose a format"
        target = None
        try:
            target = output_target(values["path"], self.data_file, example="~/tenfold-export.csv")
        except FieldError as exc:
            errors["path"] = exc.message
        if errors or target is None:
            raise FormErrors(errors)
        return ExportRequest(fmt, target)

    @on(Select.Changed, "#field-format")
    def _format_changed(self, event: Select.Changed) -> None:
        """Keep the suggested file name's extension in step with the format."""
        path = self.query_one("#field-path", Input)
        if event.value in EXPORT_FORMATS and path.value in {self.suggest(f) for f in EXPORT_FORMATS}:
            path.value = self.suggest(str(event.value))


class ExportCancelled(Exception):
    """Raised inside the export, on its thread, when the user pressed Esc."""


@dataclass(frozen=True)
class ExportDone:
    """How an export ended: what to tell the user, and whether it is a problem."""

    message: str
    failed: bool = False


Job = Callable[[Progress], str]
"""Writes the export, telling how many payments are done; returns the summary ("3 payments ...")."""


class ExportProgress(ModalScreen[ExportDone]):
    """The export running on a thread: a progress bar, and Esc to cancel.

    Formatting a million payments and writing the file takes seconds, longer on a
    slow disk; no key of the app waits for it. The thread only counts; the bar
    reads the count a few times a second, so neither side waits for the other.
    """

    BINDINGS = [Binding("escape", "cancel_export", "Cancel")]
    DEFAULT_CSS = """
    ExportProgress #dialog.export-progress { width: 70; height: auto; }
    ExportProgress #export-bar { margin: 1 0; }
    """

    def __init__(self, target: Path, total: int, job: Job) -> None:
        super().__init__()
        self.target = target
        self.total = total
        self.job = job
        self.done = 0
        """Payments written so far: set by the thread, read by the bar."""
        self.stop = threading.Event()

    def compose(self) -> ComposeResult:
        """Title, where it goes, the bar, the key."""
        with Vertical(id="dialog", classes="export-progress"):
            yield Label("Exporting", classes="dialog-title")
            yield Static(str(self.target), markup=False)
            yield ProgressBar(total=max(self.total, 1), show_eta=False, id="export-bar")
            yield Static("Esc cancels (nothing is written)", id="export-hint")

    def on_mount(self) -> None:
        """Start the thread, and the bar's updates."""
        self.set_interval(0.1, self._show_progress)
        self.run_worker(self._work, thread=True, exit_on_error=False, name="export")

    def _work(self) -> str:
        def step(done: int) -> None:
            if self.stop.is_set():
                raise ExportCancelled
            self.done = done

        return self.job(step)

    def _show_progress(self) -> None:
        self.query_one(ProgressBar).update(progress=min(self.done, self.total))
        if self.done >= self.total and not self.stop.is_set():
            self.query_one("#export-hint", Static).update("Writing the file…")

    def action_cancel_export(self) -> None:
        """Stop at the next few thousand payments; the file is not written."""
        self.stop.set()
        self.query_one("#export-hint", Static).update("Cancelling…")

    def on_unmount(self) -> None:
        """The app is quitting meanwhile: the thread stops too."""
        self.stop.set()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The thread ended: close, saying how."""
        worker = event.worker
        if worker.state == WorkerState.SUCCESS:
            self.dismiss(ExportDone(f"Exported {worker.result} to {self.target}"))
        elif worker.state == WorkerState.ERROR and isinstance(worker.error, ExportCancelled):
            self.dismiss(ExportDone("Export cancelled; nothing was written"))
        elif worker.state == WorkerState.ERROR:
            error = worker.error
            text = error.message if isinstance(error, FieldError) else str(error)
            self.dismiss(ExportDone(f"Export not written: {text}", failed=True))
