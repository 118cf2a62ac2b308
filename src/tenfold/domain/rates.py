"""Exchange rates the user types, dated, and the one rule for using them.

Tenfold never fetches rates and never mixes currencies silently: a payment in
another currency counts toward the goal only through a rate the user entered,
and every converted figure can say which rate it used.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any

from tenfold.domain.dates import date_from_store, parse_date
from tenfold.domain.errors import FieldError, FormErrors, collect
from tenfold.domain.money import DecimalKind, decimal_from_store, parse_currency, parse_decimal


@dataclass(frozen=True)
class Rate:
    """``1 currency = rate to``, as of ``on``."""

    id: int
    currency: str
    to: str
    rate: Decimal
    on: date

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file."""
        return {"currency": self.currency, "to": self.to, "rate": str(self.rate), "on": self.on.isoformat()}

    @classmethod
    def from_store(cls, doc_id: int, doc: dict[str, Any]) -> Rate:
        """Build from the data file; raises on a bad shape."""
        currency, to = doc["currency"], doc["to"]
        if not isinstance(currency, str) or not isinstance(to, str) or currency == to:
            raise ValueError("a rate needs two different currency codes")
        rate = decimal_from_store(doc["rate"])
        if rate <= 0:
            raise ValueError("a rate must be more than zero")
        return cls(doc_id, currency, to, rate, date_from_store(doc["on"]))

    def describe(self) -> str:
        """``1 USD = 0.92 EUR (2026-11-01)``: what a report prints beside a converted figure."""
        return f"1 {self.currency} = {self.rate} {self.to} ({self.on.isoformat()})"


RATE = DecimalKind(
    6, Decimal(1_000_000), "'{typed}' is not a number; type a rate like 0.92", "Use a dot for decimals, e.g. 0.92",
    "The rate must be more than zero", "Use at most 6 decimals and a rate below 1,000,000",
    "Use at most 6 decimals and a rate below 1,000,000", "The rate must be more than zero",
)


def parse_rate_value(text: str, field: str = "rate") -> Decimal:
    """A positive rate with up to 6 decimals, e.g. ``0.9214``, by the one decimal rule."""
    if not text.strip():
        raise FieldError(field, "Enter the rate, e.g. 0.92")
    return parse_decimal(text, field, RATE)


def parse_rate(*, currency: str, to: str, rate: str, on: str, rate_id: int = 0) -> Rate:
    """Validate the rates form."""
    errors: dict[str, str] = {}
    src = collect(errors, "currency", lambda: parse_currency(currency, "currency"))
    dst = collect(errors, "to", lambda: parse_currency(to, "to"))
    value = collect(errors, "rate", lambda: parse_rate_value(rate))
    day = collect(errors, "on", lambda: parse_date(on, "on"))
    if src is not None and src == dst:
        errors["to"] = "Choose a different currency: a rate converts one into another"
    if errors or src is None or dst is None or value is None or day is None:
        raise FormErrors(errors)
    return Rate(rate_id, src, dst, value, day)


# ----- the conversion rule ----------------------------------------------------------

CONVERSION_RULE = (
    "Amounts in another currency are converted with the rates you enter: the latest rate "
    "dated on or before the day in question; a month's income uses the rate in effect on "
    "the month's last day. A rate entered the other way round (1 EUR = 1.08 USD when "
    "USD is to be converted to EUR) is used inverted. Without such a rate nothing is "
    "converted: the amount is shown apart, in its own currency, and never added."
)
"""The rule in plain words, for the help screen and the footer of every report."""

_CENTS = Decimal("0.01")


def month_end(year: int, month: int) -> date:
    """The last day of a month: the day whose rate converts that month's income.

    One day per month keeps a month's figure stable (every payment in it uses the
    same rate) and lets a rate typed at the end of a month cover the whole month.
    """
    return date(year, month, calendar.monthrange(year, month)[1])


def rate_for(rates: Iterable[Rate], currency: str, to: str, on: date) -> Rate | None:
    """The rate that converts ``currency`` into ``to`` on ``on``, or None.

    The latest rate dated on or before ``on`` wins, whichever way round it was
    entered; on the same day a rate entered as ``currency -> to`` beats one
    entered ``to -> currency`` (which :func:`convert` uses inverted), then the
    later-entered one (higher id) wins. A rate dated after ``on`` is never used:
    a later rate says nothing about an earlier day.
    """
    best: Rate | None = None
    best_key: tuple[date, int, int] | None = None
    for r in rates:
        if r.on > on:
            continue
        if r.currency == currency and r.to == to:
            direct = 1
        elif r.currency == to and r.to == currency:
            direct = 0
        else:
            continue
        key = (r.on, direct, r.id)
        if best_key is None or key > best_key:
            best, best_key = r, key
    return best


@dataclass(frozen=True)
class Converted:
    """An amount converted into another currency, and how.

    ``rate`` is None when nothing needed converting (the same currency);
    ``inverted`` says the rate was entered the other way round and divided by.
    """

    amount: Decimal
    rate: Rate | None
    inverted: bool = False

    def describe(self) -> str:
        """Which rate was used, in words a report prints: ``1 USD = 0.92 EUR (2026-11-01)``."""
        if self.rate is None:
            return "no conversion needed"
        if self.inverted:
            return f"{self.rate.describe()}, used inverted"
        return self.rate.describe()


def convert(amount: Decimal, currency: str, to: str, on: date, rates: Iterable[Rate]) -> Converted | None:
    """``amount`` of ``currency`` in ``to`` at the rate :func:`rate_for` picks for ``on``.

    Returns None when there is no such rate: the caller must show the amount
    apart rather than add it. The result is rounded to cents, half to even,
    so many conversions summed carry no rounding bias.
    """
    if currency == to:
        return Converted(amount.quantize(_CENTS, rounding=ROUND_HALF_EVEN), None, False)
    rate = rate_for(rates, currency, to, on)
    if rate is None:
        return None
    inverted = rate.currency != currency
    value = amount / rate.rate if inverted else amount * rate.rate
    return Converted(value.quantize(_CENTS, rounding=ROUND_HALF_EVEN), rate, inverted)


@dataclass(frozen=True)
class ConvertedTotals:
    """Per-currency totals brought into one currency, with what could not be.

    ``amount`` adds only what was converted (or already in the target currency);
    ``unconverted`` keeps the rest per currency, to be shown apart, never added.
    """

    amount: Decimal
    used: tuple[Converted, ...]
    unconverted: dict[str, Decimal]


def convert_totals(totals: Mapping[str, Decimal], to: str, on: date, rates: Iterable[Rate]) -> ConvertedTotals:
    """Each currency's total converted at the rate for ``on`` (see :func:`convert`), then added.

    For a month's totals, pass ``on=month_end(year, month)``: that is the rule
    (:data:`CONVERSION_RULE`) every figure in the app follows.
    """
    rate_list = rates if isinstance(rates, list) else list(rates)
    amount = Decimal("0.00")
    used: list[Converted] = []
    missing: dict[str, Decimal] = {}
    for currency in sorted(totals):
        value = totals[currency]
        converted = convert(value, currency, to, on, rate_list)
        if converted is None:
            missing[currency] = value
            continue
        amount += converted.amount
        if converted.rate is not None:
            used.append(converted)
    return ConvertedTotals(amount, tuple(used), missing)
