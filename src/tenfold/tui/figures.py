"""The ledger's figures, computed once per refresh and shared by the panes that show them.

The ledger pane needs each stream's total this month; its totals line and the goal
pane need :class:`~tenfold.ledger.LedgerSummary`. :func:`~tenfold.ledger.summarize`
reads every payment four times (this and last month, all and passive) and the
per-stream totals once more: five passes, about 100 ms with 100,000 payments.
Here two passes (:func:`~tenfold.ledger.stream_month_totals` for each month) give
both, since a stream's currency and kind decide where its total counts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tenfold.dates import previous_month
from tenfold.ledger import LedgerSummary, Payment, Stream, Totals, stream_month_totals


@dataclass(frozen=True)
class LedgerFigures:
    """What the screen hands to the ledger and goal panes."""

    summary: LedgerSummary
    this_month_by_stream: dict[int, Decimal]


def ledger_figures(streams: Iterable[Stream], payments: list[Payment], today: date) -> LedgerFigures:
    """This month's and last month's totals per stream, and the summary built from them.

    Equal to :func:`~tenfold.ledger.summarize` (tested): payments of a stream that
    no longer exists count nowhere, a currency appears once it has a payment.
    """
    by_id = {s.id: s for s in streams}
    this = stream_month_totals(payments, today.year, today.month)
    last = stream_month_totals(payments, *previous_month(today.year, today.month))
    return LedgerFigures(
        LedgerSummary(
            this_month=_by_currency(this, by_id, None),
            last_month=_by_currency(last, by_id, None),
            passive_this_month=_by_currency(this, by_id, "passive"),
            passive_last_month=_by_currency(last, by_id, "passive"),
        ),
        this,
    )


def _by_currency(per_stream: Mapping[int, Decimal], streams: Mapping[int, Stream], kind: str | None) -> Totals:
    totals: defaultdict[str, Decimal] = defaultdict(Decimal)
    for stream_id, amount in per_stream.items():
        stream = streams.get(stream_id)
        if stream is not None and (kind is None or stream.kind == kind):
            totals[stream.currency] += amount
    return dict(totals)
