"""The four measures in one place: freedom, payback, upkeep and reach, as of one day.

The goal pane, the today card, ``tenfold status`` and the report all show them;
gathering them here means they show the very same figures, made once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tenfold.domain.accounts import split_account
from tenfold.domain.freedom import Freedom
from tenfold.domain.goal import Goal
from tenfold.domain.hours import HoursEntry, stream_began
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import Month, MonthlyIndex
from tenfold.domain.rates import Rate
from tenfold.domain.streams import Stream
from tenfold.figures.freedom import FreedomFigures, freedom_figures
from tenfold.figures.payback import Payback, paybacks
from tenfold.figures.reach import Reach, last_month_reach
from tenfold.figures.upkeep import Logged, UpkeepTrend, logged_by_month, monthly_hours, upkeep_trend


@dataclass(frozen=True)
class Measures:
    """Every measure as of ``today``; per-stream figures keyed by stream id."""

    today: date
    freedom: FreedomFigures | None
    paybacks: dict[int, Payback]
    """Streams with an up-front cost only."""
    upkeep: dict[int, UpkeepTrend]
    reach: dict[int, Reach]
    hours_a_month: dict[int, Decimal]
    """Hours a month as really spent (logged where logged, else the estimate): the upkeep check uses it."""
    logged: Logged


def build_measures(*, streams: Sequence[Stream], payments: Iterable[Payment] | None, index: MonthlyIndex,
                   rates: Sequence[Rate], goal: Goal | None, freedom: Freedom | None,
                   hours: Iterable[HoursEntry], ideas: Mapping[int, Idea], today: date) -> Measures:
    """All four measures in one pass over the payments.

    ``payments`` None: not read yet (a big file just opened). What the monthly sums
    answer is there (freedom, upkeep); payback and reach, which need each payment,
    are left empty rather than worked out from some of them.
    """
    every = [] if payments is None else list(payments)
    first: dict[int, date] = {}
    for p in every:
        if p.stream_id not in first or p.on < first[p.stream_id]:
            first[p.stream_id] = p.on
    began = {s.id: stream_began(s, first.get(s.id)) for s in streams}
    logged = logged_by_month(hours)
    paid = first_months(index)
    return Measures(
        today=today,
        freedom=freedom_figures(index, streams, rates, freedom, goal, today) if freedom else None,
        paybacks={} if payments is None else paybacks(streams, every, freedom, rates, today),
        upkeep={s.id: upkeep_trend(s, index, logged, today, paid) for s in streams},
        reach={} if payments is None else last_month_reach(streams, every, ideas, today),
        hours_a_month=monthly_hours(streams, logged, today, began),
        logged=logged,
    )


def first_months(index: MonthlyIndex) -> dict[int, Month]:
    """Each stream's first month with a payment, in any currency."""
    return {sid: (day.year, day.month) for sid, day in first_days(index).items()}


def cost_streams(streams: Iterable[Stream]) -> list[int]:
    """The streams with an up-front cost: the only ones a payback is worked out for."""
    return [s.id for s in streams if s.upfront_money > 0 or s.upfront_hours > 0]


def first_days(index: MonthlyIndex) -> dict[int, date]:
    """Each stream's first month with a payment (any currency), as its first day.

    Where a stream's first payment only places it in its month (the hours a month
    it takes), this stands for that payment's day: same month, same figure.
    """
    first: dict[int, date] = {}
    for year, month in index.months():
        day = date(year, month, 1)
        for account in index.month((year, month)):  # a stream's own currency (most) is its id
            first.setdefault(account if account >= 0 else split_account(account)[0], day)
    return first


def measures_from_parts(*, streams: Sequence[Stream], index: MonthlyIndex, last_month: Iterable[Payment],
                        costly: Iterable[Payment], rates: Sequence[Rate], goal: Goal | None,
                        freedom: Freedom | None, hours: Iterable[HoursEntry], ideas: Mapping[int, Idea],
                        today: date) -> Measures:
    """The same measures as :func:`build_measures` from only the payments they look at one by one.

    ``last_month``: every payment of the last complete month (reach); ``costly``: every
    payment of the streams with an up-front cost (:func:`cost_streams`, for payback).
    Each stream's start is placed by its first month in ``index`` (the hours a month
    look at months only). Tested equal to :func:`build_measures` on every payment.
    """
    first = first_days(index)
    began = {s.id: stream_began(s, first.get(s.id)) for s in streams}
    logged = logged_by_month(hours)
    paid = {sid: (day.year, day.month) for sid, day in first.items()}  # first_months, from the days at hand
    return Measures(
        today=today,
        freedom=freedom_figures(index, streams, rates, freedom, goal, today) if freedom else None,
        paybacks=paybacks(streams, costly, freedom, rates, today),
        upkeep={s.id: upkeep_trend(s, index, logged, today, paid) for s in streams},
        reach=last_month_reach(streams, last_month, ideas, today),
        hours_a_month=monthly_hours(streams, logged, today, began),
        logged=logged,
    )
