"""Exact money: parsing, formatting and currency codes. Never floats.

Amounts are typed by people, so the parser is strict and says what is wrong:
"1,2,3", "NaN", "1e400" and "12.345" are refused rather than guessed at. Stored
amounts are strings such as "12.50", read back with :func:`decimal_from_store`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from tenfold.domain.errors import FieldError

MAX_AMOUNT = Decimal("999999999999.99")
"""The largest amount we accept: far above any real payment, far below overflow."""

_CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
DEFAULT_CURRENCY = "EUR"


DECIMAL_RULE = (
    "Numbers (money, rates, hours, months) are typed with digits and at most one dot for the "
    "decimals, e.g. 1250.50; spaces or _ may group thousands. A comma, an exponent such as "
    "1e9 and a sign are refused, never guessed at."
)
"""The one rule every decimal field follows, in plain words for the help screen."""

_DECIMAL_RE = re.compile(r"^(\d*)(?:\.(\d+))?$", re.ASCII)


@dataclass(frozen=True)
class DecimalKind:
    """What a decimal field holds, and how its refusals are worded.

    Every field parses by :func:`parse_decimal`, so ``1e-3`` or ``1,5`` is refused
    the same way in an amount, a rate or hours; only the words and limits differ.
    """

    places: int
    maximum: Decimal
    not_number: str
    """Template with ``{typed}``: the text is not a number of this kind."""
    comma: str
    negative: str
    """May hold ``{typed}`` too."""
    too_precise: str
    too_large: str
    zero: str = ""
    """Said for zero where zero is refused; empty when zero is allowed."""


AMOUNT = DecimalKind(
    2, MAX_AMOUNT, "'{typed}' is not an amount; type digits like 12.50",
    "Use a dot for cents and no thousands separators, e.g. 1250.50", "The amount must be positive",
    "Use at most two decimal places (cents)", f"The amount is too large (at most {MAX_AMOUNT:,})",
    "The amount must be more than zero",
)


def parse_decimal(text: str, field: str, kind: DecimalKind, *, typed: str | None = None) -> Decimal:
    """The one parser for typed decimals: digits, at most one dot, grouping spaces or ``_``.

    Exponents (``1e-3``), signs, commas, ``NaN`` and ``inf`` are all refused, so a
    field never accepts what another refuses. Blank text is the caller's case.
    ``typed``: what the user typed, when ``text`` is only part of it (a refund's
    amount after its minus sign); a message quotes what they typed.
    """
    shown = _short(text if typed is None else typed)
    raw = text.strip().replace("_", "").replace(" ", "")
    match = _DECIMAL_RE.match(raw)
    if raw.startswith("-") and _DECIMAL_RE.match(raw[1:]) and raw[1:].strip("."):
        raise FieldError(field, kind.negative.format(typed=shown))
    if "," in raw and _DECIMAL_RE.match(raw.replace(",", "")):
        raise FieldError(field, kind.comma)
    if match is None or not (match.group(1) or match.group(2)):
        raise FieldError(field, kind.not_number.format(typed=shown))
    whole, part = match.group(1).lstrip("0"), match.group(2) or ""
    if len(part) > kind.places:
        raise FieldError(field, kind.too_precise)
    if len(whole) > 15:
        raise FieldError(field, kind.too_large)
    value = Decimal(raw if match.group(1) else "0" + raw)
    if value > kind.maximum:
        raise FieldError(field, kind.too_large)
    if value == 0 and kind.zero:
        raise FieldError(field, kind.zero)
    return value


def parse_amount(text: str, field: str = "amount", *, allow_zero: bool = False, typed: str | None = None) -> Decimal:
    """Parse a typed amount such as ``12.50`` into a Decimal, or raise FieldError (``typed``: see parse_decimal)."""
    if not text.strip():
        raise FieldError(field, "Enter an amount, e.g. 12.50")
    kind = AMOUNT if not allow_zero else replace(AMOUNT, zero="")
    return parse_decimal(text, field, kind, typed=typed).quantize(Decimal("0.01"))


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
