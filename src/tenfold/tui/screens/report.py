"""The Report screen: the same report as ``tenfold report``, a month or a year at a time.

It is built from a per-month aggregate the main screen hands over (taken from
the ledger's monthly index, so opening it reads no payment), and switching months
or years only rebuilds figures from that aggregate. The tables are the command
line's own (:mod:`tenfold.reports.tables`), laid out for the screen's width.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Label, Static

from tenfold.domain.dates import previous_month
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.figures.upkeep import Logged
from tenfold.reports.aggregate import (
    Month,
    MonthlyExtras,
    MonthlyTotals,
    Period,
    last_full_month,
    month_label,
    month_period,
    since_first,
    year_period,
)
from tenfold.reports.build import build_report
from tenfold.reports.model import Report
from tenfold.reports.tables import report_renderable
from tenfold.tui.widgets.footer import TenfoldFooter
from tenfold.tui.widgets.report_view import ReportView


@dataclass(frozen=True)
class ReportSource:
    """What a report is built from: each stream's monthly sums, the streams, the rates, the currency."""

    totals: MonthlyTotals
    streams: tuple[Stream, ...]
    rates: tuple[Rate, ...]
    currency: str
    today: date
    logged: Logged = field(default_factory=dict)
    """Hours logged per stream and month: income per upkeep hour rests on them where there are any."""
    extras: MonthlyExtras = field(default_factory=dict)
    """Fees and refunds per month and stream, from the same monthly index."""


def next_month(month: Month) -> Month:
    """The month after ``month``."""
    return (month[0] + 1, 1) if month[1] == 12 else (month[0], month[1] + 1)


HINT = "← → earlier / later · y month or year · esc close"


class ReportScreen(Screen[None]):
    """A month compared with the one before, or a whole year; left and right move in time."""

    BINDINGS = [
        Binding("escape,r", "close", "Close"),
        Binding("left,p", "move(-1)", "Earlier"),
        Binding("right,n", "move(1)", "Later"),
        Binding("y", "toggle_year", "Month / year"),
    ]
    DEFAULT_CSS = """
    ReportScreen #report-title { padding: 0 1; text-style: bold; }
    ReportScreen #report-body { height: 1fr; padding: 0 1; }
    ReportScreen #report-hint { padding: 0 1; color: $text-muted; }
    """

    def __init__(self, source: ReportSource) -> None:
        super().__init__()
        self.source = source
        self.first: Month | None = min(((y, m) for y, m, _ in source.totals), default=None)
        """The first month with a payment: a month before it is not recorded, so not compared with."""
        this = (source.today.year, source.today.month)
        # A running month is partial, one key away; while the ledger holds no full month, it is the one to show.
        full = last_full_month(source.today)
        self.month: Month = this if self.first is None or self.first > full else full
        self.year = source.today.year
        self.by_year = False
        self.report: Report | None = None
        """The report on screen (tests read its figures)."""
        self._drawn_width = 0

    def compose(self) -> ComposeResult:
        """Title line, the report (scrolls both ways), a hint, the footer."""
        yield Label("", id="report-title")
        yield ReportView(id="report-body")
        yield Static(HINT, id="report-hint")
        yield TenfoldFooter()  # ? and q stay in sight at 80 columns

    def on_mount(self) -> None:
        """Show this month, compared with the last."""
        self.show_report()
        self.query_one(ReportView).focus()

    def on_resize(self, _event: events.Resize) -> None:
        """Lay the month columns out again for a new width (not for the first size, already drawn)."""
        if self._drawn_width != self._width():
            self.show_report()

    def _width(self) -> int:
        return max(60, self.size.width - 4)

    def period(self) -> Period:
        """The period on screen."""
        today = self.source.today
        return since_first(year_period(self.year, today) if self.by_year else month_period(self.month, today),
                           self.first)

    def show_report(self) -> None:
        """Build the figures for the period on screen and draw them."""
        s = self.source
        self.report = build_report(s.totals, s.streams, s.rates, s.currency, self.period(), today=s.today,
                                   logged=s.logged, extras=s.extras)
        period = self.report.period
        what = f"year {period.heading}" if self.by_year else f"month {period.heading}"
        compare = f" (compared with {month_label(period.compare)})" if period.compare else ""
        self.query_one("#report-title", Label).update(f"Income report · {what}{compare} · in {s.currency}")
        body = self.query_one(ReportView)
        width = self._drawn_width = self._width()
        if not s.streams:
            body.show(Text("No income streams yet. Add one with s in the Income Ledger.", style="yellow"), width)
            return
        body.show(report_renderable(self.report, width, with_title=False), width)
        self.call_after_refresh(self._show_hint)

    def _show_hint(self) -> None:
        """Name the sideways scroll when a table is wider than the screen (it is drawn whole, never cut)."""
        wide = self.query_one(ReportView).wider_than_view
        self.query_one("#report-hint", Static).update(f"{HINT} · shift+← → sideways" if wide else HINT)

    def action_move(self, step: int) -> None:
        """An earlier or later month (or year); never past this one."""
        today = self.source.today
        if self.by_year:
            self.year = min(today.year, self.year + step)
        else:
            moved = next_month(self.month) if step > 0 else previous_month(*self.month)
            self.month = min(moved, (today.year, today.month))
        self.show_report()

    def action_toggle_year(self) -> None:
        """Switch between the month on screen and its whole year."""
        if self.by_year:
            self.by_year = False
        else:
            self.by_year, self.year = True, self.month[0]
        self.show_report()

    def action_close(self) -> None:
        """Back to the ledger."""
        self.dismiss(None)
