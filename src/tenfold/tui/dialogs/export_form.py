"""Export…: choose a format and a file; the screen writes it.

The path is checked as the form is saved (not the data file, a folder that
exists), with the message under the field; the file extension follows the
format while the path is still the suggested one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.widgets import Input, Select

from tenfold.domain.errors import FieldError, FormErrors
from tenfold.exchange.files import EXPORT_FORMATS, SUFFIXES
from tenfold.exchange.output_file import output_target
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
