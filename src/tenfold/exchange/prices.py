"""The user's exchange rates as market prices other tools apply exactly as Tenfold does.

Tenfold converts a month at the latest rate dated on or before its last day,
whichever way round the rate was entered (a rate entered ``EUR -> USD`` converts
dollars into euros divided by). hledger and ledger look a price up in the
direction they convert, and how each infers a reversed price differs by version;
so every rate is written in both directions, the reversed one as its exact
reciprocal to 28 significant digits. On a day with rates entered both ways, each
direction gets the one Tenfold would use (:func:`tenfold.domain.rates.rate_for`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Context, Decimal

from tenfold.domain.rates import Rate

_EXACT = Context(prec=28)

Price = tuple[date, str, str, Decimal]
"""(from the date, 1 of this currency, is this many, of this currency)."""


def market_prices(rates: Iterable[Rate]) -> list[Price]:
    """One price per day and direction for every pair with a rate, oldest first."""
    days: defaultdict[tuple[date, frozenset[str]], list[Rate]] = defaultdict(list)
    for r in rates:
        days[(r.on, frozenset((r.currency, r.to)))].append(r)
    prices: list[Price] = []
    for (day, _pair), group in sorted(days.items(), key=lambda kv: (kv[0][0], sorted(kv[0][1]))):
        first = group[0]
        for source, target in ((first.currency, first.to), (first.to, first.currency)):
            direct = [r for r in group if r.currency == source and r.to == target]
            if direct:
                prices.append((day, source, target, max(direct, key=lambda r: r.id).rate))
            else:
                reverse = max(group, key=lambda r: r.id)
                prices.append((day, source, target, _EXACT.divide(Decimal(1), reverse.rate)))
    return prices


def price_text(value: Decimal) -> str:
    """A price as plain digits, no exponent and no trailing zeros (``0.92``, ``1.086956521739130434782608696``)."""
    text = format(value.normalize(_EXACT), "f")
    return text if "." in text else text + ".0"
