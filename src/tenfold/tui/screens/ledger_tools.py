"""The ledger's tools on the main screen: the report, the exchange rates, import and export.

Like the other editing mixins, this is where those actions reach the store; the
screens and dialogs they open only show things and hand back what the user chose.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tenfold.domain.errors import ChangedOnDiskError, FieldError
from tenfold.domain.money import format_money
from tenfold.tui.screens.editing import EditingMixin

if TYPE_CHECKING:
    # The dialogs, screens and file formats below are imported by the action that
    # opens them, not at start-up: each costs milliseconds before the first paint.
    from tenfold.domain.rates import Rate
    from tenfold.exchange.csvimport import ImportPlan
    from tenfold.reports.aggregate import MonthlyTotals
    from tenfold.tui.dialogs.export_form import ExportRequest
    from tenfold.tui.dialogs.import_dialog import Preview
    from tenfold.tui.dialogs.rates import RatesDialog
    from tenfold.views.ledger_state import LedgerState

PREVIEW_ROWS = 8


def plan_preview(plan: ImportPlan, names: dict[int, tuple[str, str]]) -> str:
    """The preview the import dialog shows: columns, the first rows, what is new and what is skipped."""
    mapping = ", ".join(f"{k}={v}" for k, v in plan.mapping.items())
    lines = [f"{_count(len(plan.rows), 'row')} · columns: {mapping}"]
    if plan.ignored:
        lines.append(f"Ignored columns: {', '.join(plan.ignored)}")
    skipped = {d.line: d for d in plan.duplicates}
    for line, p in plan.rows[:PREVIEW_ROWS]:
        name, currency = names[p.stream_id]
        mark = f"  [skip: {skipped[line].describe()}]" if line in skipped else ""
        note = f"  {p.note}" if p.note else ""
        lines.append(f"  {p.on.isoformat()}  {name}  {format_money(p.amount, currency)}{note}{mark}")
    if len(plan.rows) > PREVIEW_ROWS:
        lines.append(f"  … and {len(plan.rows) - PREVIEW_ROWS} more")
    lines.append(f"{len(plan.new)} new · {_count(len(plan.duplicates), 'duplicate')} skipped"
                 + ("" if plan.new else " · nothing to import"))
    return "\n".join(lines)


def _count(n: int, noun: str) -> str:
    """``1 payment``, ``2 payments``."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


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

    def _import_preview(self, path_text: str, map_text: str) -> Preview:
        from tenfold.exchange.csvimport import decode, plan_import
        from tenfold.exchange.csvmapping import parse_map_options
        from tenfold.tui.dialogs.import_dialog import Preview

        path = path_text.strip()
        if not path:
            raise FieldError("path", "Enter the CSV file to import")
        overrides = parse_map_options([p for p in map_text.split(",") if p.strip()])
        try:
            raw = Path(path).expanduser().read_bytes()
        except OSError as exc:
            raise FieldError("path", f"{path}: cannot be read: {exc.strerror}") from None
        streams = self.store.streams()
        plan = plan_import(decode(raw), streams, self.store.payments(), overrides)
        names = {s.id: (s.name, s.currency) for s in streams}
        return Preview(plan_preview(plan, names), len(plan.new), plan)

    def _import_commit(self, plan: object) -> str:
        from tenfold.exchange.csvimport import ImportPlan

        assert isinstance(plan, ImportPlan)
        try:
            saved = self.store.add_payments(plan.new)  # one write: all of them or none
        except ChangedOnDiskError:
            self.offer_reload()
            raise
        skipped = f", {_count(len(plan.duplicates), 'duplicate')} skipped" if plan.duplicates else ""
        return f"Imported {_count(len(saved), 'payment')}{skipped}"

    def action_import_payments(self) -> None:
        """Palette: pick a CSV file, preview it, then import or cancel."""
        from tenfold.tui.dialogs.import_dialog import ImportDialog


        def closed(message: str | None) -> None:
            if message:
                self.refresh_ledger()
                self.notify(message)

        self.app.push_screen(ImportDialog(self._import_preview, self._import_commit), closed)

    # ----- export ------------------------------------------------------------------------

    def action_export_data(self) -> None:
        """Palette: choose a format and a file; the export is then written on a thread, with a progress bar."""
        from tenfold.exchange.files import export_text, write_export
        from tenfold.tui.dialogs.export_form import ExportDone, ExportForm, ExportProgress, suggested_path

        day = self.store.today().isoformat()
        home = Path.home()

        def suggest(fmt: str) -> str:
            return suggested_path(home, day, fmt)

        chosen: list[ExportRequest] = []

        def ended(done: ExportDone | None) -> None:
            if done is not None:
                self.notify(done.message, severity="error" if done.failed else "information")

        def closed(result: object) -> None:
            if self.store.draft("export") is not None:
                self._try("Clearing the draft", lambda: self.store.clear_draft("export"))
            if result is None or not chosen:
                return
            request = chosen[-1]
            self.store.payments()  # read here, on the app's thread: the export's thread only reads lists

            def job(progress: Callable[[int], None]) -> str:
                text, summary = export_text(self.store, request.fmt, progress)
                write_export(request.target, text)
                return summary

            self.app.push_screen(ExportProgress(request.target, self.store.payment_count(), job), ended)

        draft = self.store.draft("export")
        form = ExportForm("Export", draft or {"format": "csv", "path": suggest("csv")}, chosen.append,
                          draft_kind="export", restored=draft is not None, data_file=self.store.path, suggest=suggest)
        self.app.push_screen(form, closed)
