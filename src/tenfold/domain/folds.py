"""Months of an index folded into currencies, remembered until their payments or the streams change.

Every ledger change redraws figures that fold the same two years of months into
currencies (the chart, the goal's six months, the freedom figures, this month and
the last): with 200 streams that was 50 folds of 200 accounts each, though a
payment changes one month. :func:`folded` keeps each fold on the index
(:attr:`MonthlyIndex.folds`); the index forgets a month's folds when a payment of
that month comes or goes, and all of them when a stream is deleted or the streams'
currencies or kinds are not those the folds were made with.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from tenfold.domain.accounts import Totals, by_currency
from tenfold.domain.dates import previous_month
from tenfold.domain.monthly import LedgerSummary, Month, MonthlyIndex
from tenfold.domain.streams import Stream


def folded(index: MonthlyIndex, months: Sequence[Month], streams: Mapping[int, Stream],
           kind: str | None = None) -> list[Totals]:
    """:func:`by_currency` of each of ``months`` of ``index`` (new dicts: the caller may keep or change them)."""
    made_for = [(sid, s.currency, s.kind) for sid, s in streams.items()]
    if made_for != index.folds_for:
        index.folds.clear()
        index.folds_for = made_for
    out: list[Totals] = []
    for month in months:
        memo = index.folds.get(month)
        if memo is None:
            memo = index.folds[month] = {}
        totals = memo.get(kind)
        if totals is None:
            totals = memo[kind] = by_currency(index.month(month), streams, kind)
        out.append(dict(totals))
    return out


def summary_from(index: MonthlyIndex, streams: Iterable[Stream], today: date) -> LedgerSummary:
    """This month's and last month's totals, as :func:`tenfold.figures.totals.summarize` gives them, from the index."""
    by_id = {s.id: s for s in streams}
    months = [(today.year, today.month), previous_month(today.year, today.month)]
    this, last = folded(index, months, by_id)
    passive_this, passive_last = folded(index, months, by_id, "passive")
    return LedgerSummary(this_month=this, last_month=last,
                         passive_this_month=passive_this, passive_last_month=passive_last)
