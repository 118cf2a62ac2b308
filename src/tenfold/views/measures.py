"""The four measures (freedom, payback, upkeep, reach) from the store, for the app and the command line."""

from __future__ import annotations

from datetime import date

from tenfold.figures.measures import Measures, build_measures
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
