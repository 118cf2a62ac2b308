"""Plain reference definitions the tests hold the product's faster figures to.

The product computes these figures from indexes kept up to date (the monthly
totals, the payments' index); each function here is the obvious pass over the
payments, kept only as an oracle: a test compares the product's answer with it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from datetime import date
from decimal import Decimal

from tenfold.coach.facts import PaymentFacts
from tenfold.domain.accounts import Totals, account_key
from tenfold.domain.dates import previous_month
from tenfold.domain.goal import COUNTED_PASSIVE
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import LedgerSummary, months_back
from tenfold.domain.rates import month_end
from tenfold.domain.streams import Stream
from tenfold.figures.step_progress import TREND_MONTHS, Trend, month_start
from tenfold.figures.totals import month_totals
from tenfold.reports.aggregate import MonthlyTotals, Period
from tenfold.views.idea_views import IdeaEarnings, earned_from_totals


def progress(passive: Totals, target: Decimal, currency: str) -> Decimal:
    """Share of the monthly target reached, 0..1+, counting only the goal's currency."""
    if target <= 0:
        return Decimal(0)
    return passive.get(currency, Decimal(0)) / target


def summarize(payments: list[Payment], streams: list[Stream], today: date) -> LedgerSummary:
    """This month's and last month's totals, all and passive only.

    The plain definition, month by month; :func:`ledger_figures` computes the same
    faster and is tested against it.
    """
    last = previous_month(today.year, today.month)
    return LedgerSummary(
        this_month=month_totals(payments, streams, today.year, today.month),
        last_month=month_totals(payments, streams, *last),
        passive_this_month=month_totals(payments, streams, today.year, today.month, kind="passive"),
        passive_last_month=month_totals(payments, streams, *last, kind="passive"),
    )


def aggregate(payments: Iterable[Payment], period: Period | None = None) -> MonthlyTotals:
    """Each stream's sum per month, in one pass over the payments; only ``period``'s months if given.

    The loop is kept to the bare minimum on purpose: with 100,000 payments it is
    the part of a report that costs, and every other figure is derived from it.
    Summing only the shown months makes the pass about ten times cheaper for a
    one-month report (a date comparison instead of a dict update per payment);
    the app sums everything once and then switches months without a pass.
    """
    totals: defaultdict[tuple[int, int, int], Decimal] = defaultdict(Decimal)
    if period is None:
        for p in payments:
            on = p.on
            totals[(on.year, on.month, account_key(p.stream_id, p.currency) if p.currency else p.stream_id)] += p.amount
        return dict(totals)
    shown = period.shown
    first, last = date(*shown[0], 1), month_end(*shown[-1])
    for p in payments:
        on = p.on
        if first <= on <= last:
            totals[(on.year, on.month, account_key(p.stream_id, p.currency) if p.currency else p.stream_id)] += p.amount
    return dict(totals)


def stream_trends(
    payments: Iterable[Payment], stream_ids: Collection[int], today: date, *, newest_first: bool = False
) -> dict[int, Trend]:
    """Each listed stream's :class:`Trend`, in one pass over the payments.

    Full months only: the month ``today`` is in is still running, so counting it
    would make every stream look like it shrank early in the month. With
    ``newest_first`` (the store's order) the pass stops at the first payment older
    than six months: a few hundred payments read instead of ten years of them.
    """
    end = month_start(today)
    middle = month_start(today, TREND_MONTHS)
    start = month_start(today, 2 * TREND_MONTHS)
    recent: defaultdict[int, Decimal] = defaultdict(Decimal)
    before: defaultdict[int, Decimal] = defaultdict(Decimal)
    for p in payments:
        if newest_first and p.on < start:
            break
        if p.stream_id not in stream_ids or not start <= p.on < end:
            continue
        if p.on >= middle:
            recent[p.stream_id] += p.amount
        else:
            before[p.stream_id] += p.amount
    return {sid: Trend(recent[sid], before[sid]) for sid in stream_ids}


def earned_by_idea(streams: Iterable[Stream], payments: Iterable[Payment]) -> dict[int, IdeaEarnings]:
    """The same as :func:`earned_from_totals`, in one pass over the payments (none without a linked stream).

    The screen prefers the ledger's monthly index when it has one; this is the
    plain definition and the fallback.
    """
    streams = list(streams)
    linked = {s.id for s in streams if s.idea_id is not None}
    totals: dict[int, Decimal] = {}
    if linked:
        for p in payments:
            if p.stream_id in linked:
                totals[p.stream_id] = totals.get(p.stream_id, Decimal(0)) + p.amount
    return earned_from_totals(streams, totals)


def year_facts(payments: Iterable[Payment], streams: Iterable[Stream], today: date,
               kinds: frozenset[str] = COUNTED_PASSIVE) -> PaymentFacts:
    """What the honest checks know of the payments: each stream's last payment day, and named
    customers' sums over the 12 complete months before ``today``'s month.

    The plain pass over every payment that :func:`tenfold.coach.facts.index_facts`
    answers from the monthly index and the newest payments.
    """
    by_id = {s.id: s for s in streams}
    months = set(months_back((today.year, today.month), 13)[:-1])
    last: dict[int, date] = {}
    customers: dict[tuple[str, str], tuple[str, Decimal]] = {}
    for p in sorted(payments, key=lambda p: (p.on, p.id), reverse=True):
        last.setdefault(p.stream_id, p.on)
        if (p.on.year, p.on.month) not in months:
            continue
        stream = by_id.get(p.stream_id)
        name = p.customer.strip()
        if name and stream is not None and stream.kind in kinds and stream.customers == "each":
            key = (p.currency or stream.currency, name.casefold())
            first, total = customers.get(key, (name, Decimal(0)))
            customers[key] = (first, total + p.amount)
    return PaymentFacts(last, customers)


def payment_rows(payments: Iterable[Payment], names: Mapping[int, str], sort: str, query: str = "") -> list[int]:
    """Ids of the payments the ledger lists for ``sort`` and ``query``: the plain filter and sort.

    A payment matches when its stream's name, note or customer contains the query
    (any case) or its ISO date starts with it. Newest first by day, then by id;
    "amount" largest first, "stream" by the stream's name (any case), each with
    newest first among equals. :class:`tenfold.views.payment_order.PaymentOrder`
    keeps orders and texts between calls and makes them on a thread; it must give these rows.
    """
    q = query.strip().casefold()
    shown = [p for p in payments if not q or p.on.isoformat().startswith(q)
             or q in names.get(p.stream_id, "").casefold() or q in p.note.casefold() or q in p.customer.casefold()]
    shown.sort(key=lambda p: (p.on, p.id), reverse=True)
    if sort == "amount":
        shown.sort(key=lambda p: p.amount, reverse=True)
    elif sort == "stream":
        ranked = sorted(names, key=lambda s: names[s].casefold())
        ranks = {sid: r for r, sid in enumerate(ranked)}
        shown.sort(key=lambda p: ranks.get(p.stream_id, -1))
    return [p.id for p in shown]
