"""Step 4's numbers: the monthly bills the streams must cover, the savings, and what an hour is worth.

The method says: keep the day job until passive income pays the bills. Tenfold
can only say when that is if it knows the bills, so step 4 holds them (an amount
a month in one currency), optionally the savings that would carry the user
through a shortfall, and the hourly rate the user's time is worth (the day job's
rate): up-front hours are valued with it when a stream's payback is worked out.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tenfold.domain.errors import FieldError, FormErrors, collect
from tenfold.domain.money import decimal_from_store, parse_amount, parse_currency

MAX_BILLS = Decimal(1_000_000)
"""A million a month in bills is a typo, not a household."""
MAX_HOURLY_RATE = Decimal(10_000)
"""Ten thousand an hour: above it, a digit too many."""


@dataclass(frozen=True)
class Freedom:
    """What the bills are, what is saved, what an hour is worth; all in ``currency``.

    Each of the three may be unknown (None): the figures that need it are then not shown.
    """

    currency: str
    bills: Decimal | None = None
    """Monthly bills the streams must cover."""
    savings: Decimal | None = None
    """Money that would carry the user through a shortfall."""
    hourly_rate: Decimal | None = None
    """What one of the user's hours is worth (the day job's rate)."""

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file (amounts as strings)."""
        return {
            "currency": self.currency,
            "bills": _text(self.bills),
            "savings": _text(self.savings),
            "hourly_rate": _text(self.hourly_rate),
        }

    @classmethod
    def from_store(cls, doc: dict[str, Any]) -> Freedom:
        """Build from the data file; raises on a bad shape."""
        currency = doc["currency"]
        if not isinstance(currency, str) or len(currency) != 3:
            raise TypeError("the bills' currency must be a three-letter code")
        values = [None if doc[f] is None else decimal_from_store(doc[f]) for f in ("bills", "savings", "hourly_rate")]
        if any(v is not None and v < 0 for v in values):
            raise ValueError("bills, savings and the hourly rate cannot be negative")
        return cls(currency, *values)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _bounded(text: str, field: str, limit: Decimal, what: str, *, allow_zero: bool = False) -> Decimal:
    value = parse_amount(text, field, allow_zero=allow_zero)
    if value > limit:
        raise FieldError(field, f"{what} of more than {limit:,} looks like a typo; check the digits")
    return value


def parse_freedom(
    *,
    bills: str | None = None,
    currency: str | None = None,
    savings: str | None = None,
    hourly_rate: str | None = None,
    current: Freedom | None = None,
    default_currency: str = "EUR",
) -> Freedom:
    """Validate step 4's form (or ``tenfold bills set``): every field checked, every problem reported.

    ``None`` keeps what ``current`` holds; a blank text clears an optional value
    (savings, hourly rate). The bills may stay unknown, but never blank once
    given: "0" is refused, as no household lives on nothing.
    """
    errors: dict[str, str] = {}
    base = current or Freedom(default_currency)
    code = base.currency if currency is None else collect(errors, "currency", lambda: parse_currency(currency))
    amount = base.bills
    if bills is not None and (bills.strip() or base.bills is not None):
        amount = collect(errors, "bills", lambda: _bounded(bills, "bills", MAX_BILLS, "Bills"))
    saved = base.savings
    if savings is not None:
        saved = None if not savings.strip() else collect(errors, "savings", lambda: parse_amount(
            savings, "savings", allow_zero=True))
    rate = base.hourly_rate
    if hourly_rate is not None:
        rate = None if not hourly_rate.strip() else collect(errors, "hourly_rate", lambda: _bounded(
            hourly_rate, "hourly_rate", MAX_HOURLY_RATE, "An hourly rate"))
    if errors or code is None:
        raise FormErrors(errors)
    return Freedom(code, amount, saved, rate)
