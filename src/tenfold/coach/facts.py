"""What the honest checks need from the payments, gathered in one pass: each stream's last payment day and
the named customers' sums over the last 12 complete months.

Two ways to the same facts: from the payments themselves (:func:`payment_facts`),
or from the store's monthly index and the newest payments while the rest are
still being read (:func:`index_facts`). :mod:`tenfold.coach.nudges` applies the
rules to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tenfold.domain.goal import COUNTED_PASSIVE
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.streams import Stream


@dataclass(frozen=True)
class PaymentFacts:
    """What the rules need from the payments, gathered in one pass.

    ``customers`` sums named customers' payments over the last 12 complete months,
    for streams whose customers are counted one by one (``each``) and whose kind
    counts toward the goal, keyed by (currency, name folded to lower case), with
    the name as first written.
    """

    last_paid: dict[int, date]
    customers: dict[tuple[str, str], tuple[str, Decimal]]


def year_start(today: date) -> date:
    """The first day of the 12 complete months before ``today``'s month."""
    return date(today.year - 1, today.month, 1)


def payment_facts(payments: Iterable[Payment], streams: Iterable[Stream], today: date,
                  kinds: frozenset[str] = COUNTED_PASSIVE) -> PaymentFacts:
    """One pass over ``payments``, newest first (as ``Store.payments()`` gives them).

    The pass stops once it is past the 12 months and has seen every stream's
    latest payment, so with years of data it reads about one year of payments.
    Payments of the running month (or later) count for the last payment only.
    """
    by_id = {s.id: s for s in streams}
    start, end = year_start(today), date(today.year, today.month, 1)
    last: dict[int, date] = {}
    unseen = set(by_id)
    customers: dict[tuple[str, str], tuple[str, Decimal]] = {}
    for p in payments:
        if p.stream_id not in last:
            last[p.stream_id] = p.on
            unseen.discard(p.stream_id)
        if p.on < start:
            if not unseen:
                break
            continue
        if p.on < end:
            _count_customer(customers, p, by_id.get(p.stream_id), kinds)
    return PaymentFacts(last, customers)


def index_facts(index: MonthlyIndex, newest_first: Sequence[Payment], streams: Iterable[Stream], today: date,
                kinds: frozenset[str] = COUNTED_PASSIVE) -> PaymentFacts:
    """:func:`payment_facts` from the store's monthly index, without waiting for every payment.

    Each stream's last payment day is the index's. Named customers are summed from
    ``newest_first`` (the store's list) until it leaves the 12 complete months:
    every payment once they are all read; before that - the first seconds after a
    big file opens - only the newest ones the index keeps, so a customer's share
    can only come out lower than it is, never raise a check that should not be there
    (the whole it is compared with comes from the index, :mod:`tenfold.figures.evidence`).
    """
    by_id = {s.id: s for s in streams}
    start, end = year_start(today), date(today.year, today.month, 1)
    customers: dict[tuple[str, str], tuple[str, Decimal]] = {}
    for p in newest_first:
        if p.on < start:
            break
        if p.on < end:
            _count_customer(customers, p, by_id.get(p.stream_id), kinds)
    return PaymentFacts(index.last_paid(newest_first), customers)


def _count_customer(customers: dict[tuple[str, str], tuple[str, Decimal]], p: Payment, stream: Stream | None,
                    kinds: frozenset[str]) -> None:
    """Add ``p`` to its named customer's sum, when its stream counts customers one by one and counts."""
    name = p.customer.strip()
    if name and stream is not None and stream.kind in kinds and stream.customers == "each":
        key = (p.currency or stream.currency, name.casefold())
        first, total = customers.get(key, (name, Decimal(0)))
        customers[key] = (first, total + p.amount)
