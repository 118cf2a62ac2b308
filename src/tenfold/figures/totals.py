"""Sums over the ledger: per month, per stream, per currency, and progress.

Totals are kept per currency. Adding euros to dollars without a rate would be a
silent lie, so a total is a ``dict[currency, Decimal]`` and only the goal's
currency counts toward the goal (conversion, with rates the user typed, lives in
:mod:`tenfold.domain.rates`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tenfold.domain.accounts import Totals, account_key, by_currency
from tenfold.domain.dates import previous_month
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import LedgerSummary
from tenfold.domain.streams import Stream


def month_totals(
    payments: Iterable[Payment], streams: Iterable[Stream], year: int, month: int, *, kind: str | None = None
) -> Totals:
    """Sum of a month's payments per currency, optionally only streams of one kind."""
    by_id = {s.id: s for s in streams}
    totals: defaultdict[str, Decimal] = defaultdict(Decimal)
    for p in payments:
        if p.on.year != year or p.on.month != month:
            continue
        s = by_id.get(p.stream_id)
        if s is None or (kind is not None and s.kind != kind):
            continue
        totals[p.currency or s.currency] += p.amount
    return dict(totals)


def stream_month_totals(payments: Iterable[Payment], year: int, month: int) -> dict[int, Decimal]:
    """Each stream's sum in one month, by stream id, in one pass over the payments.

    A payment in another currency than its stream's is summed under its own account
    key (:func:`tenfold.domain.monthly.account_key`). Calling :func:`month_totals`
    once per stream instead reads every payment once per stream: seconds with
    200 streams and 100,000 payments.
    """
    totals: defaultdict[int, Decimal] = defaultdict(Decimal)
    for p in payments:
        if p.on.month == month and p.on.year == year:
            totals[account_key(p.stream_id, p.currency) if p.currency else p.stream_id] += p.amount
    return dict(totals)


@dataclass(frozen=True)
class LedgerFigures:
    """A month's summary plus each stream's total this month, as the app shows them."""

    summary: LedgerSummary
    this_month_by_stream: dict[int, Decimal]


def ledger_figures(streams: Iterable[Stream], payments: list[Payment], today: date) -> LedgerFigures:
    """The same summary as :func:`summarize`, in two passes over the payments instead of four.

    Each month's per-stream totals give both the ledger's stream column and the
    summary, since a stream's currency and kind decide where its total counts.
    With 100,000 payments this is the difference the app feels on every refresh.
    """
    by_id = {s.id: s for s in streams}
    this = stream_month_totals(payments, today.year, today.month)
    last = stream_month_totals(payments, *previous_month(today.year, today.month))
    return LedgerFigures(
        LedgerSummary(
            this_month=by_currency(this, by_id, None),
            last_month=by_currency(last, by_id, None),
            passive_this_month=by_currency(this, by_id, "passive"),
            passive_last_month=by_currency(last, by_id, "passive"),
        ),
        this,
    )


