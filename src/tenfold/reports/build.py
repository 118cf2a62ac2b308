"""The ledger's reports, part two: every figure of a report, from the one aggregate.

What a report answers, in the method's terms: how much came in each month and
from which stream; how much of it is passive; whether the passive income leans
on one stream (the backup plan says it should not); and what each stream took
up front and takes each month, so a stream that pays well but eats the user's
evenings shows up as such.

Money stays in each stream's own currency in the per-stream figures. Totals and
shares are in the report's currency (the goal's), converted by the rule in
:mod:`tenfold.domain.rates` (a month at its last day's rate); what has no rate is kept
apart per currency and never added.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal

from tenfold.domain.accounts import split_account, with_accounts
from tenfold.domain.dates import previous_month
from tenfold.domain.goal import Goal
from tenfold.domain.money import DEFAULT_CURRENCY
from tenfold.domain.monthly import Extras
from tenfold.domain.rates import Converted, ConvertedTotals, Rate, convert, convert_totals, month_end
from tenfold.domain.streams import Stream
from tenfold.figures.evidence import start_month
from tenfold.figures.upkeep import Logged, Upkeep, upkeep
from tenfold.reports.aggregate import Month, MonthlyExtras, MonthlyTotals, Period
from tenfold.reports.model import MonthFigures, Report, StreamFigures, share

_ZERO = Decimal("0.00")

def report_currency(goal: Goal | None, streams: Iterable[Stream]) -> str:
    """The goal's currency; without a goal, the currency most streams use (then A-Z)."""
    if goal is not None:
        return goal.currency
    counts = Counter(s.currency for s in streams)
    if not counts:
        return DEFAULT_CURRENCY
    return min(counts, key=lambda c: (-counts[c], c))


def add_totals(parts: Iterable[ConvertedTotals]) -> ConvertedTotals:
    """Several months' converted totals as one: amounts and unconverted money added, rates listed."""
    amount = _ZERO
    used: list[Converted] = []
    missing: defaultdict[str, Decimal] = defaultdict(Decimal)
    for part in parts:
        amount += part.amount
        used.extend(part.used)
        for currency, value in part.unconverted.items():
            missing[currency] += value
    return ConvertedTotals(amount, tuple(used), dict(sorted(missing.items())))


def build_report(
    totals: MonthlyTotals,
    streams: Iterable[Stream],
    rates: Sequence[Rate],
    currency: str,
    period: Period,
    only: Stream | None = None,
    *,
    today: date | None = None,
    first_paid: Mapping[int, Month] | None = None,
    logged: Logged | None = None,
    extras: MonthlyExtras | None = None,
) -> Report:
    """All of a report's figures from the per-month aggregate (see :func:`tenfold.reports.aggregate.aggregate`).

    Income per hour of upkeep counts only the complete months (before ``today``'s)
    since each stream began: ``first_paid`` gives each stream's first paid month
    (worked out from ``totals`` when not given, right when they hold every month).
    Its hours are the ones ``logged`` (per stream and month) from each stream's first
    logged month on, the stream's estimate before (:mod:`tenfold.figures.upkeep`).
    A stream paid in more than one currency has a row per currency (``Book (GBP)``),
    each converted on its own, so no amount is ever counted in a currency it is not in.
    ``extras`` gives the fees and refunds per month (see :func:`tenfold.reports.aggregate.extras_index`).
    """
    if first_paid is None:
        first_paid = {}
        for year, month, sid in sorted(totals):
            first_paid.setdefault(sid, (year, month))
    current = (today.year, today.month) if today else (9999, 12)
    streams = list(streams)
    accounts = with_accounts({s.id: s for s in streams}, {key[2] for key in totals if key[2] < 0})
    ordered = sorted(accounts.values(), key=lambda s: (s.name.casefold(), s.id < 0))
    only_ids = {key for key in accounts if only is not None and split_account(key)[0] == only.id}
    by_rates = [r for r in rates if currency in (r.currency, r.to)]  # the only ones that can convert
    cells = {s.id: {m: totals.get((m[0], m[1], s.id), _ZERO) for m in period.shown} for s in ordered}
    months = tuple(_month_figures(m, ordered, cells, by_rates, currency) for m in period.shown)
    converted = {s.id: _stream_converted(s, cells[s.id], period, by_rates, currency) for s in ordered}
    passive_sum = sum((converted[s.id][0] for s in ordered if s.kind == "passive"), _ZERO)
    # A stream whose income has no rate has no known share (0% would be a guess); the others' shares
    # are of the passive income that could be converted, and the notes say so.
    unknown = {s.id for s in ordered if s.kind == "passive" and converted[s.id][1]}
    hours = logged or {}
    effort = {s.id: upkeep(s, cells[s.id], hours.get(s.id, {}),
                           _counted_months(period, start_month(s, first_paid), current)) for s in ordered}
    extra_cells = {s.id: {m: (extras or {}).get((m[0], m[1], s.id), _NONE) for m in period.shown} for s in ordered}
    figures = {
        s.id: _with_extras(StreamFigures(
            stream=s,
            by_month=cells[s.id],
            total=sum((cells[s.id][m] for m in period.months), _ZERO),
            converted=converted[s.id][0],
            unconverted=converted[s.id][1],
            share_of_passive=share(converted[s.id][0], passive_sum) if s.kind == "passive" and s.id not in unknown
            else None,
            per_upkeep_hour=effort[s.id].per_hour,
            upkeep_source=_source(s, effort[s.id], hours),
            upkeep_months=len(effort[s.id].months),
            share_unknown=s.id in unknown,
        ), extra_cells[s.id], period, by_rates, currency)
        for s in ordered
    }
    leaders = [f for f in figures.values() if f.share_of_passive is not None]
    top = max(leaders, key=lambda f: (f.share_of_passive or 0, f.stream.name.casefold()), default=None)
    in_period = [m for m in months if m.month in period.months]
    missing = tuple(sorted({(c, m.month) for m in in_period for c in m.all.unconverted}))
    shown = tuple(figures[s.id] for s in ordered if only is None or s.id in only_ids)
    fees = _fee_totals(shown, extra_cells, period, by_rates, currency)
    return Report(
        period=period,
        currency=currency,
        months=months,
        streams=shown,
        all=add_totals(m.all for m in in_period),
        passive=add_totals(m.passive for m in in_period),
        leader=(top.stream.name, top.share_of_passive) if top and top.share_of_passive else None,
        missing=missing,
        only=only.name if only else None,
        evidence_months=_evidence_months(streams_with_income(ordered, first_paid), period, current),
        fees=fees,
    )


_NONE = Extras()


def _with_extras(figures: StreamFigures, cells: dict[Month, Extras], period: Period, rates: list[Rate],
                 currency: str) -> StreamFigures:
    """A stream's figures with the fees and refunds of its period, the fees converted month by month."""
    s = figures.stream
    in_period = [cells[m] for m in period.months]
    refunds = sum(e.refunds for e in in_period)
    refunded = sum((e.refunded for e in in_period), _ZERO)
    by_month = {m: e.fee if e.fees else None for m, e in cells.items()}
    if not any(e.fees for e in in_period):
        return dataclasses.replace(figures, refunds=refunds, refunded=refunded, fees_by_month=by_month)
    fees = sum((e.fee for e in in_period), _ZERO)
    done, left = _stream_converted(s, {m: cells[m].fee for m in period.months}, period, rates, currency)
    return dataclasses.replace(figures, fees=fees, fees_converted=None if left else done, refunds=refunds,
                               refunded=refunded, fees_by_month=by_month)


def _fee_totals(shown: Sequence[StreamFigures], cells: Mapping[int, dict[Month, Extras]], period: Period,
                rates: list[Rate], currency: str) -> ConvertedTotals | None:
    """The shown streams' fees over the period in the report's currency, each month at its own rate."""
    if all(f.fees is None for f in shown):
        return None
    months = []
    for month in period.months:
        per_currency: defaultdict[str, Decimal] = defaultdict(Decimal)
        for f in shown:
            if cells[f.stream.id][month].fees:
                per_currency[f.stream.currency] += cells[f.stream.id][month].fee
        months.append(convert_totals(per_currency, currency, month_end(*month), rates))
    return add_totals(months)


def streams_with_income(streams: Iterable[Stream], first_paid: Mapping[int, Month]) -> list[Month]:
    """The first paid month of each passive stream that was paid."""
    return [first_paid[s.id] for s in streams if s.kind == "passive" and s.id in first_paid]


def _evidence_months(firsts: list[Month], period: Period, current: Month) -> int:
    """Complete months from the first passive payment to the period's end (the running month left out)."""
    if not firsts:
        return 0
    end = min(period.months[-1], previous_month(*current)) if current != (9999, 12) else period.months[-1]
    start = min(firsts)
    return max(0, (end[0] - start[0]) * 12 + end[1] - start[1] + 1)


def _month_figures(
    month: Month,
    streams: list[Stream],
    cells: dict[int, dict[Month, Decimal]],
    rates: list[Rate],
    currency: str,
) -> MonthFigures:
    """A month's totals per currency (all and passive), converted at the month's last day."""
    every: defaultdict[str, Decimal] = defaultdict(Decimal)
    passive: defaultdict[str, Decimal] = defaultdict(Decimal)
    for s in streams:
        value = cells[s.id][month]
        if value:
            every[s.currency] += value
            if s.kind == "passive":
                passive[s.currency] += value
    day = month_end(*month)
    return MonthFigures(
        month, convert_totals(every, currency, day, rates), convert_totals(passive, currency, day, rates)
    )


def _stream_converted(
    stream: Stream, cells: dict[Month, Decimal], period: Period, rates: list[Rate], currency: str
) -> tuple[Decimal, Decimal]:
    """(converted, unconverted) of a stream's period: each month at its own month-end rate."""
    pair = [r for r in rates if stream.currency in (r.currency, r.to)]
    done, left = _ZERO, _ZERO
    for month in period.months:
        value = cells[month]
        if not value:
            continue
        result = convert(value, stream.currency, currency, month_end(*month), pair)
        if result is None:
            left += value
        else:
            done += result.amount
    return done, left


def _counted_months(period: Period, start: Month | None, current: Month) -> list[Month]:
    """The period's complete months since the stream began: the months income per upkeep hour counts.

    A month before the stream existed, or the running month, would divide its
    income by hours it never took; with no such month there is no figure yet.
    """
    return [m for m in period.months if start is not None and start <= m < current]


def _source(stream: Stream, effort: Upkeep, logged: Logged) -> str:
    """What the hours rest on; before any complete month, what they will rest on."""
    if effort.months:
        return effort.source
    return "logged" if logged.get(stream.id) else "estimate" if stream.upkeep_hours > 0 else "none"
