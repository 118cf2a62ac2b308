"""The ledger's sorts and filters that take longer than a key may: on a thread, with a progress bar, Esc stops them.

With a million payments the first sort by amount, or the first filter (which
prepares a text per payment), takes seconds of Python. :class:`LedgerWork` runs
one :class:`~tenfold.views.payment_work.Job` at a time on a Textual worker thread
(the job works in short steps, so the app's thread answers keys meanwhile), shows
its progress under the payments while the user waits for it, and hands the
results to the pane's :class:`~tenfold.views.payment_order.PaymentOrder` on the
app's thread. The table keeps showing what it showed until the result is in; Esc
stops the job and nothing changes.

Once every payment is read, the orders and the texts are also made ahead of use,
one job each, so that the first ``o`` or ``/`` usually finds them ready.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Label

from tenfold.views.payment_order import PaymentOrder
from tenfold.views.payment_work import Cancelled, Job, Results

if TYPE_CHECKING:
    from textual.widgets import ProgressBar

PROGRESS_EVERY = 0.1
"""Seconds between two updates of the bar."""


class JobDone(Message):
    """From the worker's thread: a job finished (a stopped one sends nothing)."""

    def __init__(self, job: Job, results: Results) -> None:
        super().__init__()
        self.job = job
        self.results = results


class WorkBar(Horizontal):
    """What is being made, a progress bar, and how to stop it: one line under the payments."""

    DEFAULT_CSS = """
    WorkBar { height: 1; }
    WorkBar Label { width: auto; margin-right: 1; }
    """

    def compose(self) -> ComposeResult:
        """The label, the bar, the hint."""
        from textual.widgets import ProgressBar  # only when a long sort or filter first runs

        yield Label(id="work-label", markup=False)  # it quotes what was typed
        yield ProgressBar(total=1.0, show_eta=False, id="work-bar")
        yield Label("esc cancels", id="work-hint")

    def show(self, label: str, fraction: float) -> None:
        """Say what is made and how far it is."""
        self.query_one("#work-label", Label).update(label)
        bar: ProgressBar = self.query_one("#work-bar")  # type: ignore[assignment]
        bar.update(progress=fraction)


class LedgerWork:
    """One job at a time for ``pane``; ``show(sort, query)`` is called when what was asked for can be shown."""

    def __init__(self, pane: Widget, order: Callable[[], PaymentOrder], show: Callable[[str, str], None]) -> None:
        self.pane = pane
        self._order = order
        self._show = show
        self.job: Job | None = None
        self.wanted: tuple[str, str] | None = None
        """(sort, query) the user asked for and waits for; None when only made ahead of use."""
        self.ahead = False
        """Whether to make the orders and texts ahead of use (every payment read; Esc turns it off)."""
        self._declined = False
        self._timer: Timer | None = None
        self.started = 0
        """Jobs started so far (tests check that a job was needed)."""

    def want(self, sort: str, query: str) -> None:
        """Show ``sort`` and ``query``: at once when the order can, else once a job made what it needs."""
        order = self._order()
        if order.quick(sort, query):
            if self.wanted is not None:  # a sort or filter asked for before is superseded
                self.wanted = None
                self._stop()
            self._hide()
            self._show(sort, query)
            self.make_ahead()
            return
        self.wanted = (sort, query)
        if self.job is None or not order.adopt(self.job, sort, query):
            self._start(order.job(sort, query))
        self._bar()

    def allow_ahead(self) -> None:
        """Every payment is read: the orders and texts may be made ahead of use, unless Esc stopped that."""
        self.ahead = not self._declined

    def make_ahead(self) -> None:
        """Start the next job making an order or the texts ahead of use, if none runs."""
        if self.job is None and self.ahead:
            job = self._order().next_part()
            if job is not None:
                self._start(job)

    def cancel(self) -> None:
        """Esc: stop the job; what the table shows stays, nothing more is made ahead."""
        self.wanted = None
        self.ahead = False
        self._declined = True
        self._stop()
        self._hide()

    def done(self, message: JobDone) -> None:
        """On the app's thread: take the results in, then show what was asked for or go on ahead."""
        if message.job is not self.job:
            return  # stopped, or replaced by another
        self.job = None
        self._order().take(message.results, message.job)  # refused if the payments changed: made again below
        if self.wanted is not None:
            self.want(*self.wanted)
        else:
            self.make_ahead()

    def stop(self) -> None:
        """The pane goes away: stop the thread too."""
        self.wanted = None
        self._stop()

    # ----- the thread, the bar ---------------------------------------------------------------

    def _start(self, job: Job) -> None:
        self._stop()
        self.job = job
        self.started += 1
        pane = self.pane

        def work() -> None:
            try:
                results = job.run()
            except Cancelled:
                return
            pane.post_message(JobDone(job, results))  # safe from any thread

        pane.run_worker(work, thread=True, exit_on_error=False, group="ledger-work", name="ledger-work")

    def _stop(self) -> None:
        if self.job is not None:
            self.job.progress.stop.set()
            self.job = None

    def _bar(self) -> None:
        """Show the bar while the user waits for a job."""
        bars = list(self.pane.query(WorkBar))
        if not bars:
            self.pane.mount(WorkBar(id="ledger-work"), after="#payments")
            self.pane.call_after_refresh(self._tick)
        else:
            bars[0].display = True
            self._tick()
        if self._timer is None:
            self._timer = self.pane.set_interval(PROGRESS_EVERY, self._tick)

    def _tick(self) -> None:
        job, wanted = self.job, self.wanted
        if job is None or wanted is None:
            return
        query = wanted[1]
        label = f"Filtering for '{query.strip()[:20]}'" if query.strip() else "Sorting"
        for bar in self.pane.query(WorkBar):
            if bar.is_mounted and bar.children:
                bar.show(label, job.progress.fraction)

    def _hide(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        for bar in self.pane.query(WorkBar):
            bar.display = False

    @property
    def waiting(self) -> bool:
        """Whether the user waits for a job (the bar is shown, Esc stops it)."""
        return self.wanted is not None
