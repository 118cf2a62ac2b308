"""Exact money: parsing, formatting and currency codes. Never floats.

Amounts are typed by people, so the parser is strict and says what is wrong:
"1,2,3", "NaN", "1e400" and "12.345" are refused rather than guessed at. Stored
amounts are strings such as "12.50", read back with :func:`decimal_from_store`.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from tenfold.domain.errors import FieldError

MAX_AMOUNT = Decimal("999999999999.99")
"""The largest amount we accept: far above any real payment, far below overflow."""

_AMOUNT_RE = re.compile(r"^(\d+)(?:\.(\d{1,2}))?$", re.ASCII)
_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
DEFAULT_CURRENCY = "EUR"


def parse_amount(text: str, field: str = "amount", *, allow_zero: bool = False) -> Decimal:
    """Parse a typed amount such as ``12.50`` into a Decimal, or raise FieldError."""
    raw = text.strip().replace("_", "").replace(" ", "")
    if not raw:
        raise FieldError(field, "Enter an amount, e.g. 12.50")
    if raw.startswith("-"):
        raise FieldError(field, "The amount must be positive")
    match = _AMOUNT_RE.match(raw)
    if match is None:
        if "," in raw:
            raise FieldError(field, "Use a dot for cents and no thousands separators, e.g. 1250.50")
        if re.match(r"^\d+\.\d{3,}$", raw, re.ASCII):
            raise FieldError(field, "Use at most two decimal places (cents)")
        raise FieldError(field, f"'{_short(text)}' is not an amount; type digits like 12.50")
    if len(match.group(1).lstrip("0")) > 12:
        raise FieldError(field, f"The amount is too large (at most {MAX_AMOUNT:,})")
    try:
        value = Decimal(raw)
    except InvalidOperation:  # pragma: no cover - the regex already guarantees a number
        raise FieldError(field, f"'{_short(text)}' is not an amount") from None
    if value > MAX_AMOUNT:
        raise FieldError(field, f"The amount is too large (at most {MAX_AMOUNT:,})")
    if value == 0 and not allow_zero:
        raise FieldError(field, "The amount must be more than zero")
    return value.quantize(Decimal("0.01"))


def parse_currency(text: str, field: str = "currency") -> str:
    """Parse a three-letter ISO 4217 code, case-insensitively."""
    code = text.strip().upper()
    if not code:
        raise FieldError(field, "Enter a currency code, e.g. EUR or USD")
    if not _CURRENCY_RE.match(code):
        raise FieldError(field, f"'{_short(text)}' is not a currency code; use three letters like EUR")
    return code


def decimal_from_store(value: object) -> Decimal:
    """Read an amount from the data file, where it is kept as a string."""
    if not isinstance(value, str):
        raise ValueError(f"amount {value!r} is not a string")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"amount {value!r} is not a number") from None
    if not amount.is_finite() or amount.copy_abs() > MAX_AMOUNT:  # abs() would round 1e999999999: Overflow
        raise ValueError(f"amount {value!r} is out of range")
    return amount


def format_money(amount: Decimal, currency: str | None = None) -> str:
    """Format with thousands separators and two decimals: ``1,250.00 EUR``."""
    text = f"{amount:,.2f}"
    return f"{text} {currency}" if currency else text


def format_totals(totals: dict[str, Decimal]) -> str:
    """Format per-currency totals without ever adding different currencies together."""
    if not totals:
        return "0.00"
    return " + ".join(format_money(v, c) for c, v in sorted(totals.items()))


def _short(text: str, limit: int = 20) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
