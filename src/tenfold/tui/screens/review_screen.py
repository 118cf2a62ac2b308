"""The review screen: the week's or month's review as rendered Markdown, with a key to save it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown

from tenfold.coach.periods import month_period, week_period
from tenfold.exchange.review_file import write_review
from tenfold.tui.dialogs.step_forms import SaveReviewForm
from tenfold.tui.widgets.footer import TenfoldFooter


class ReviewScreen(Screen[None]):
    """Shows :func:`tenfold.coach.review.review` for a period; w/m switch week and month, left/right move."""

    DEFAULT_CSS = """
    ReviewScreen #review-scroll { height: 1fr; padding: 0 1; }
    """
    BINDINGS = [
        Binding("escape", "close", "Back"),
        Binding("s", "save", "Save to file"),
        Binding("w", "span('week')", "Week"),
        Binding("m", "span('month')", "Month"),
        Binding("left,p", "move(-1)", "Earlier"),
        Binding("right,n", "move(1)", "Later"),
    ]

    def __init__(self, make: Callable[[date, date], str], start: date, end: date, today: date,
                 data_path: Path) -> None:
        super().__init__()
        self.make = make
        self.start, self.end, self.today = start, end, today
        self.data_path = data_path
        self.text = make(start, end)

    def compose(self) -> ComposeResult:
        """The review, scrollable, and the keys."""
        with VerticalScroll(id="review-scroll"):
            yield Markdown(self.text, id="review")
        yield TenfoldFooter()  # ? and q stay in sight at 80 columns

    def on_mount(self) -> None:
        """Scroll with the keyboard from the start."""
        self.query_one("#review-scroll").focus()

    async def _show(self, start: date, end: date) -> None:
        self.start, self.end = start, end
        self.text = self.make(start, end)
        await self.query_one("#review", Markdown).update(self.text)
        self.query_one("#review-scroll", VerticalScroll).scroll_home(animate=False)

    @property
    def span(self) -> str:
        """``week`` or ``month``: what the screen shows now."""
        return "week" if (self.end - self.start).days == 6 else "month"

    async def action_span(self, span: str) -> None:
        """Show the week or the month that ends with the shown period."""
        start, end = week_period(self.end) if span == "week" else month_period(self.end, self.today)
        await self._show(start, end)

    async def action_move(self, delta: int) -> None:
        """The period before or after this one (never past today)."""
        if self.span == "week":
            end = self.end + timedelta(days=7 * delta)
            start, end = week_period(min(end, self.today))
        else:
            anchor = self.start - timedelta(days=1) if delta < 0 else self.end + timedelta(days=1)
            if anchor > self.today:
                return
            start, end = month_period(anchor, self.today)
        await self._show(start, end)

    def action_close(self) -> None:
        """Back to the panes."""
        self.dismiss(None)

    def action_save(self) -> None:
        """Ask where to save; the file is written private and whole."""
        default = f"tenfold-review-{self.start.isoformat()}-to-{self.end.isoformat()}.md"
        text = self.text

        def save(target: Path) -> None:
            write_review(target, text)

        def saved(target: Path | None) -> None:
            if target is not None:
                self.notify(f"Review saved to {target}", markup=False)  # the path is as typed

        self.app.push_screen(
            SaveReviewForm("Save the review", {"path": str(Path.cwd() / default)}, save, draft_kind="review_path",
                           data_path=self.data_path),
            saved,
        )
