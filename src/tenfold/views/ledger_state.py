"""What the screen keeps about the ledger between changes, and the figures it hands the panes.

The screen owns one :class:`LedgerState`. It builds its
:class:`~tenfold.domain.monthly.MonthlyIndex` with one pass over the payments the first
time figures are asked for, then the screen reports each change the store made
(:meth:`~LedgerState.added`, :meth:`~LedgerState.replaced`, ...) and no later
refresh reads all payments again. A change made some other way (an import, a
reload) is caught by the payment count: the next refresh rebuilds, so a figure is never silently stale.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tenfold.domain.folds import summary_from
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.money import DEFAULT_CURRENCY
from tenfold.domain.monthly import LedgerSummary, Month, MonthlyIndex, months_back
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.figures.charts import sparkline
from tenfold.figures.expected import Expected, expected_payments, overdue_ids
from tenfold.figures.goal_figures import GoalFigures, MonthIncome, first_recorded, goal_figures, passive_months

SPARK_MONTHS = 12
CHART_MONTHS = 36
"""Months of history the chart may show; it draws as many as its width allows, newest on the right."""


@dataclass(frozen=True)
class LedgerView:
    """Everything the ledger and goal panes show, computed without a pass over the payments."""

    today: date
    summary: LedgerSummary
    this_month: Mapping[int, Decimal]
    """Each stream's total this month, by stream id."""
    sparks: Mapping[int, str]
    """Each stream's last 12 months (this one included) as a sparkline."""
    expected: tuple[Expected, ...]
    """Overdue and due within 30 days."""
    overdue: frozenset[int]
    chart: tuple[MonthIncome, ...]
    """Passive income per month in ``chart_currency``, oldest first, this month last."""
    chart_currency: str
    goal: GoalFigures | None
    first_month: Month | None = None
    """The first month with any payment (None: none yet): before it, the ledger knows nothing."""

    @property
    def last_month_recorded(self) -> bool:
        """Whether the ledger covers last month: a ledger begun this month shows no figure for it, not 0.00."""
        return self.first_month is not None and self.first_month < (self.today.year, self.today.month)


class Sparklines(Mapping[int, str]):
    """Each stream's last 12 months as a sparkline, drawn when first asked for.

    The streams table asks only for the rows on screen: with 200 streams, drawing
    all of them at every refresh was a few milliseconds of the first screen.
    """

    def __init__(self, index: MonthlyIndex, stream_ids: Sequence[int], months: Sequence[Month]) -> None:
        self._index, self._ids, self._months = index, frozenset(stream_ids), list(months)
        self._drawn: dict[int, str] = {}

    def __getitem__(self, stream_id: int) -> str:
        if stream_id not in self._ids:
            raise KeyError(stream_id)
        line = self._drawn.get(stream_id)
        if line is None:
            line = self._drawn[stream_id] = sparkline(self._index.series(stream_id, self._months))
        return line

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def chart_currency(goal: Goal | None, streams: Iterable[Stream]) -> str:
    """The goal's currency; without a goal, the one most passive streams use."""
    if goal is not None:
        return goal.currency
    counts = Counter(s.currency for s in streams if s.kind == "passive")
    return counts.most_common(1)[0][0] if counts else DEFAULT_CURRENCY


class LedgerState:
    """The monthly index and the figures built on it.

    Given ``index_source`` (the app passes the store's
    :meth:`~tenfold.store.store.Store.monthly_index`, which the store keeps in step with
    every change it makes and which is there before the payments are read), the
    index comes from there and the change notifications below are not needed.
    """

    def __init__(self, index_source: Callable[[], MonthlyIndex] | None = None) -> None:
        self.index: MonthlyIndex | None = None
        self.builds = 0
        """How many times an index was built from all payments (tests check it stays at one)."""
        self._source = index_source

    def _index(self, payments: Sequence[Payment]) -> MonthlyIndex:
        if self._source is not None:
            index = self._source()
            if index is not self.index:  # the store built a new one
                self.index = index
                self.builds += 1
            return index
        if self.index is None or self.index.count != len(payments):
            self.index = MonthlyIndex.build(payments)
            self.builds += 1
        return self.index

    # ----- what the store changed ----------------------------------------------------

    def added(self, payments: Iterable[Payment]) -> None:
        """The store saved these payments."""
        if self.index is not None and self._source is None:
            for payment in payments:
                self.index.add(payment)

    def replaced(self, old: Payment | None, new: Payment) -> None:
        """The store rewrote ``old`` as ``new``."""
        if self.index is not None and old is not None and self._source is None:
            self._safely(lambda index: index.replace(old, new))

    def removed(self, payment: Payment | None) -> None:
        """The store deleted ``payment``."""
        if self.index is not None and payment is not None and self._source is None:
            self._safely(lambda index: index.remove(payment))

    def stream_removed(self, stream_id: int) -> None:
        """The store deleted a stream with its payments."""
        if self.index is not None and self._source is None:
            self.index.drop_stream(stream_id)

    def _safely(self, change: Callable[[MonthlyIndex], None]) -> None:
        """Apply a change; if the index does not know the payment, rebuild rather than guess."""
        assert self.index is not None
        try:
            change(self.index)
        except KeyError:
            self.index = None

    # ----- figures ----------------------------------------------------------------------

    def view(self, streams: Sequence[Stream], payments: Sequence[Payment], rates: Sequence[Rate],
             goal: Goal | None, today: date) -> LedgerView:
        """All figures for both panes; ``payments`` newest first, as the store keeps them."""
        index = self._index(payments)
        this: Month = (today.year, today.month)
        spark_months = months_back(this, SPARK_MONTHS)
        expected = expected_payments(streams, index.last_paid(payments), today)
        currency = chart_currency(goal, streams)
        return LedgerView(
            today=today,
            summary=summary_from(index, streams, today),
            this_month=index.month(this),
            sparks=Sparklines(index, [s.id for s in streams], spark_months),
            expected=tuple(expected),
            overdue=overdue_ids(expected),
            chart=tuple(passive_months(index, streams, currency, rates, months_back(this, CHART_MONTHS))),
            chart_currency=currency,
            goal=self.goal_figures(streams, payments, rates, goal, today),
            first_month=first_recorded(index),
        )

    def goal_figures(self, streams: Sequence[Stream], payments: Sequence[Payment], rates: Sequence[Rate],
                     goal: Goal | None, today: date) -> GoalFigures | None:
        """Only the goal pane's figures: what a rewritten goal changes."""
        if goal is None:
            return None
        return goal_figures(self._index(payments), streams, rates, goal, today)
