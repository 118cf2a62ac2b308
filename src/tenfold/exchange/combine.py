"""Rows worth fractions of a cent, added up per stream and day before anything is rounded.

A music distributor reports one line per song, store, country and month, each
often worth less than a cent (0.0031 USD for a few streams). Rounded one by one
to cents, most would be nothing and the month's income would vanish; added up
first, per song and reporting day, they are what was paid. A profile that reads
such a source sets ``combine``; the combined payment says how many lines it holds.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from decimal import Decimal

from tenfold.exchange.extraction import Entry
from tenfold.exchange.profiles.base import DEDUCTION, INCOME, REFUND

SHOWN_NOTES = 3
"""How many of the combined lines' notes (their stores) the payment's note names."""


def combine(entries: Iterable[Entry]) -> list[Entry]:
    """Income entries of one day, stream and currency as one entry; refunds and deductions as they are.

    The first line of a group stands for it (its line number, sheet and customer);
    amounts, fees and units are added up, unrounded. Order: first appearance.
    """
    groups: dict[tuple[object, ...], list[Entry]] = {}
    order: list[tuple[object, ...]] = []
    for n, entry in enumerate(entries):
        alone = entry.kind != INCOME or bool(entry.external_id)
        key = (n,) if alone else (entry.on, entry.stream.casefold(), entry.currency, entry.sheet)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(entry)
    return [_one(groups[key]) for key in order]


def _one(group: list[Entry]) -> Entry:
    first = group[0]
    if len(group) == 1:
        return first
    fees = [e.fee for e in group if e.fee is not None]
    units = [e.units for e in group if e.units is not None]
    notes = list(dict.fromkeys(e.note for e in group if e.note))
    named = ", ".join(notes[:SHOWN_NOTES]) + (f" +{len(notes) - SHOWN_NOTES:,} more" if len(notes) > SHOWN_NOTES
                                              else "")
    return replace(
        first,
        amount=sum((e.amount for e in group), Decimal(0)),
        fee=sum(fees, Decimal(0)) if fees else None,
        units=sum(units) if units else None,
        customer="",
        note=f"{len(group):,} report lines" + (f": {named}" if named else ""),
    )


def fold_orders(entries: Iterable[Entry]) -> list[Entry]:
    """Each order's deduction lines folded into its charge (a fee, tax taken back) or refund (the fee and tax
    given back) of the same day, stream and currency; one the order has no such line for stays as it is.

    An order is named by ``refund_of`` on every row. The platform's fee lines go into the payment's fee as
    well as its amount, so the payment says what the buyer paid and what the platform kept.
    """
    out = list(entries)
    heads: dict[tuple[object, ...], int] = {}
    for n, entry in enumerate(out):
        if entry.kind in (INCOME, REFUND) and entry.refund_of:
            heads.setdefault((entry.kind, *_order(entry)), n)
    folded: set[int] = set()
    for n, line in enumerate(out):
        if line.kind != DEDUCTION or not line.refund_of:
            continue
        first, second = (INCOME, REFUND) if line.amount < 0 else (REFUND, INCOME)
        at = heads.get((first, *_order(line)), heads.get((second, *_order(line))))
        if at is None:
            continue
        head = out[at]
        fee = (head.fee or Decimal(0)) - line.amount if line.platform_fee else head.fee
        out[at] = replace(head, amount=head.amount + line.amount, fee=fee)
        folded.add(n)
    return [entry for n, entry in enumerate(out) if n not in folded]


def _order(entry: Entry) -> tuple[object, ...]:
    return (entry.refund_of, entry.on, entry.stream.casefold(), entry.currency, entry.sheet)
