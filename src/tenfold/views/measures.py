"""The four measures (freedom, payback, upkeep, reach) from the store, for the app and the command line."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from tenfold.domain.dates import previous_month
from tenfold.domain.monthly import MonthlyIndex
from tenfold.figures.measures import Measures, build_measures, cost_streams, measures_from_parts
from tenfold.store.payment_scan import payments_in_month, payments_of_streams
from tenfold.store.reading.sums import PaymentRows

if TYPE_CHECKING:  # the report's fast path never opens a store: it need not import one
    from tenfold.domain.ledger import Payment
    from tenfold.store.reading.loading import Contents
    from tenfold.store.store import Store


def store_measures(store: Store, today: date | None = None, *, wait: bool = True) -> Measures:
    """Every measure as of ``today`` (the store's today by default), from everything the store holds.

    ``wait`` False (the today card): while a big file's payments are still being read,
    payback and reach are left out instead of waiting for them; the rest comes from
    the monthly sums the store already has.
    """
    return build_measures(
        streams=store.streams(),
        payments=store.payments() if wait or store.payments_ready else None,
        index=store.monthly_index(),
        rates=store.rates(),
        goal=store.goal,
        freedom=store.freedom,
        hours=store.hours(),
        ideas={i.id: i for i in store.ideas()},
        today=store.today() if today is None else today,
    )


def contents_measures(contents: Contents, index: MonthlyIndex, payments: bytes | PaymentRows | None,
                      today: date) -> Measures | None:
    """The measures of a file read for a command (:mod:`tenfold.store.reading.quick`), as :func:`store_measures`
    gives them for the same file.

    ``payments``: the payments table's bytes when ``index`` matches them and
    ``contents`` holds no payment; only the payments the measures look at one by one
    are then built (:mod:`tenfold.store.payment_scan`). None when those bytes do not
    give exactly what the index counts: the caller reads the file the usual way.
    The parsed table the index was summed from (:mod:`tenfold.store.reading.sums`):
    the same few are built from it. None: ``contents.payments`` holds every payment,
    read already, and the same few are picked out of them.
    """
    # The store's orders: streams by name, rates newest first.
    streams = sorted(contents.streams.values(), key=lambda s: s.name.casefold())
    rates = sorted(contents.rates.values(), key=lambda r: (r.on, r.id), reverse=True)
    hours = list(contents.hours.values())
    year, month = previous_month(today.year, today.month)
    wanted = set(cost_streams(streams))
    if payments is None:  # every payment read already: the same few picked out of them
        every = contents.payments.values()
        last_month: list[Payment] | None = [p for p in every if p.on.month == month and p.on.year == year]
        costly: list[Payment] | None = [p for p in every if p.stream_id in wanted] if wanted else []
    elif isinstance(payments, PaymentRows):
        last_month = payments.in_month((year, month))
        costly = payments.of_streams(wanted) if wanted else []
    else:
        last_month = payments_in_month(payments, (year, month), index)
        costly = payments_of_streams(payments, wanted, index)
    if last_month is None or costly is None:
        return None
    return measures_from_parts(streams=streams, index=index, last_month=last_month, costly=costly, rates=rates,
                               goal=contents.goal, freedom=contents.freedom, hours=hours, ideas=contents.ideas,
                               today=today)
