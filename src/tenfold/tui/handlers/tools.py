"""The ledger's tools: the report, the exchange rates, import and export.

The screens and dialogs these open only show things and hand back what the user
chose; the store is called from here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from tenfold.store.store import Store
from tenfold.tui.handlers.editing import Editing
from tenfold.tui.handlers.ui import Host

if TYPE_CHECKING:
    # The dialogs, screens and file formats below are imported by the action that
    # opens them, not at start-up, where each would delay the first paint.
    from tenfold.domain.rates import Rate
    from tenfold.exchange.progress import Progress
    from tenfold.reports.aggregate import MonthlyTotals
    from tenfold.tui.dialogs.export_form import ExportRequest
    from tenfold.tui.dialogs.rates import RatesDialog

class ToolsUI(Host, Protocol):
    """Besides telling and opening: redraw the ledger after rates or an import changed it."""

    def refresh_ledger(self) -> None:
        """The ledger and what its figures feed."""
        ...


class LedgerTools:
    """Report (r), rates ($), import and export (palette)."""

    def __init__(self, store: Store, ui: ToolsUI, editing: Editing, config_dir: Path | None = None) -> None:
        self.store = store
        self.ui = ui
        self.editing = editing
        self.config_dir = config_dir
        """Where the import dialog remembers the profile chosen for a kind of file name."""

    # ----- the report ------------------------------------------------------------------

    def _monthly_totals(self) -> MonthlyTotals:
        """Each stream's monthly sums, from the store's monthly totals (no pass over payments)."""
        index = self.store.monthly_index()
        return {(m[0], m[1], sid): value for m in index.months() for sid, value in index.month(m).items()}

    def report(self) -> None:
        """Open the report on this month."""
        from tenfold.figures.upkeep import logged_by_month
        from tenfold.reports.aggregate import extras_index
        from tenfold.reports.build import report_currency
        from tenfold.tui.screens.report import ReportScreen, ReportSource

        streams = self.store.streams()
        source = ReportSource(self._monthly_totals(), tuple(streams), tuple(self.store.rates()),
                              report_currency(self.store.goal, streams), self.store.today(),
                              logged=logged_by_month(self.store.hours()),
                              extras=extras_index(self.store.monthly_index()))
        self.ui.open_screen(ReportScreen(source))

    # ----- exchange rates ----------------------------------------------------------------

    def rates(self) -> None:
        """List the rates; add and delete from there."""
        from tenfold.tui.dialogs.rates import RatesDialog

        dialog = RatesDialog(self.store.rates, lambda: self._add_rate(dialog), lambda r: self._delete_rate(dialog, r))
        self.ui.open_screen(dialog)

    def _rates_changed(self, dialog: RatesDialog) -> Callable[[], None]:
        def refresh() -> None:
            dialog.reload()
            self.ui.refresh_ledger()  # the goal's progress converts with the rates

        return refresh

    def _add_rate(self, dialog: RatesDialog) -> None:
        from tenfold.tui.dialogs.rates import RateForm

        values = {"to": self.editing.default_currency(), "on": self.store.today().isoformat()}
        self.editing.open_form(RateForm, "rate", "Add an exchange rate", values, self.store.add_rate, "Rate added",
                               self._rates_changed(dialog))

    def _delete_rate(self, dialog: RatesDialog, rate: Rate) -> None:
        self.editing.confirm("Delete rate?", f"Delete the rate {rate.describe()}? Reports will no longer use it.",
                             lambda: self.store.delete_rate(rate.id), "Rate deleted", self._rates_changed(dialog))

    # ----- import ------------------------------------------------------------------------

    def import_payments(self) -> None:
        """Pick a file (a platform's export, a bank statement, a CSV), preview it, then import or cancel."""
        from tenfold.tui.dialogs.import_dialog import ImportDialog

        def closed(message: str | None) -> None:
            if message:
                self.ui.refresh_ledger()
                self.ui.notify(message)

        self.ui.open_screen(ImportDialog(self.store, self.editing.offer_reload, config_dir=self.config_dir), closed)

    # ----- export ------------------------------------------------------------------------

    def export_data(self) -> None:
        """Choose a format and a file; the export is then written on a thread, behind a progress bar.

        The form only checks the path. Once it closes, the payments are read here, on
        the app's thread (the export's thread only reads the store's lists), and
        :class:`~tenfold.tui.dialogs.export_form.ExportProgress` writes the file: Esc
        there cancels and nothing is written; a failure is told.
        """
        from tenfold.exchange.files import export_text, write_export
        from tenfold.tui.dialogs.export_form import ExportDone, ExportForm, ExportProgress, suggested_path

        day = self.store.today().isoformat()
        home = Path.home()

        def suggest(fmt: str) -> str:
            return suggested_path(home, day, fmt)

        chosen: list[ExportRequest] = []

        def ended(done: ExportDone | None) -> None:
            if done is not None:
                self.ui.notify(done.message, severity="error" if done.failed else "information")

        def closed(result: object) -> None:
            if self.store.draft("export") is not None:
                self.editing.attempt("Clearing the draft", lambda: self.store.clear_draft("export"))
            if result is None or not chosen:
                return
            request = chosen[-1]
            self.store.payments()  # read here, on the app's thread: the export's thread only reads lists

            def job(progress: Progress) -> str:
                text, summary = export_text(self.store, request.fmt, progress=progress)
                write_export(request.target, text)
                return summary

            self.ui.open_screen(ExportProgress(request.target, self.store.payment_count(), job), ended)

        draft = self.store.draft("export")
        form = ExportForm("Export", draft or {"format": "csv", "path": suggest("csv")}, chosen.append,
                          draft_kind="export", restored=draft is not None, data_file=self.store.path, suggest=suggest)
        self.ui.open_screen(form, closed)
