"""The ledger's tools on the main screen: the report, the exchange rates, import and export.

Like the other editing mixins, this is where those actions reach the store; the
screens and dialogs they open only show things and hand back what the user chose.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tenfold.tui.screens.editing import EditingMixin

if TYPE_CHECKING:
    # The dialogs, screens and file formats below are imported by the action that
    # opens them, not at start-up: each costs milliseconds before the first paint.
    from tenfold.domain.rates import Rate
    from tenfold.reports.aggregate import MonthlyTotals
    from tenfold.tui.dialogs.export_form import ExportRequest
    from tenfold.tui.dialogs.rates import RatesDialog
    from tenfold.views.ledger_state import LedgerState

class LedgerToolsMixin(EditingMixin):
    """Report (r), rates ($), import and export (palette). Mixed into the main screen."""

    ledger_state: LedgerState
    refresh_ledger: Callable[[], None]
    notify: Any

    # ----- the report ------------------------------------------------------------------

    def _monthly_totals(self) -> MonthlyTotals:
        """Each stream's monthly sums, from the store's monthly totals (no pass over payments)."""
        index = self.store.monthly_index()
        return {(m[0], m[1], sid): value for m in index.months() for sid, value in index.month(m).items()}

    def action_ledger_report(self) -> None:
        """Open the report on this month."""
        from tenfold.reports.build import report_currency
        from tenfold.tui.screens.report import ReportScreen, ReportSource

        streams = self.store.streams()
        source = ReportSource(self._monthly_totals(), tuple(streams), tuple(self.store.rates()),
                              report_currency(self.store.goal, streams), self.store.today())
        self.app.push_screen(ReportScreen(source))

    # ----- exchange rates ----------------------------------------------------------------

    def action_ledger_rates(self) -> None:
        """List the rates; add and delete from there."""
        from tenfold.tui.dialogs.rates import RatesDialog

        dialog = RatesDialog(self.store.rates, lambda: self._add_rate(dialog), lambda r: self._delete_rate(dialog, r))
        self.app.push_screen(dialog)

    def _rates_changed(self, dialog: RatesDialog) -> Callable[[], None]:
        def refresh() -> None:
            dialog.reload()
            self.refresh_ledger()  # the goal's progress converts with the rates

        return refresh

    def _add_rate(self, dialog: RatesDialog) -> None:
        from tenfold.tui.dialogs.rates import RateForm

        values = {"to": self._default_currency(), "on": self.store.today().isoformat()}
        self._open_form(RateForm, "rate", "Add an exchange rate", values, self.store.add_rate, "Rate added",
                        self._rates_changed(dialog))

    def _delete_rate(self, dialog: RatesDialog, rate: Rate) -> None:
        self._confirm("Delete rate?", f"Delete the rate {rate.describe()}? Reports will no longer use it.",
                      lambda: self.store.delete_rate(rate.id), "Rate deleted", self._rates_changed(dialog))

    # ----- import ------------------------------------------------------------------------

    def action_import_payments(self) -> None:
        """Palette: pick a file, preview it, then import or cancel."""
        from tenfold.tui.dialogs.import_dialog import ImportDialog


        def closed(message: str | None) -> None:
            if message:
                self.refresh_ledger()
                self.notify(message)

        config = getattr(self.app, "config_dir", None)
        self.app.push_screen(ImportDialog(self.store, self.offer_reload, config_dir=config), closed)

    # ----- export ------------------------------------------------------------------------

    def action_export_data(self) -> None:
        """Palette: choose a format and a file, then write it."""
        from tenfold.exchange.files import export_text, write_export
        from tenfold.tui.dialogs.export_form import ExportForm, suggested_path

        day = self.store.today().isoformat()
        home = Path.home()

        def suggest(fmt: str) -> str:
            return suggested_path(home, day, fmt)

        written: list[str] = []

        def save(request: ExportRequest) -> None:
            text, summary = export_text(self.store, request.fmt)
            write_export(request.target, text)
            written.append(f"Exported {summary} to {request.target}")

        def closed(result: object) -> None:
            if self.store.draft("export") is not None:
                self._try("Clearing the draft", lambda: self.store.clear_draft("export"))
            if result is not None and written:
                self.notify(written[-1])

        draft = self.store.draft("export")
        form = ExportForm("Export", draft or {"format": "csv", "path": suggest("csv")}, save, draft_kind="export",
                          restored=draft is not None, data_file=self.store.path, suggest=suggest)
        self.app.push_screen(form, closed)
