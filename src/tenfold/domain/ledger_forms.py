"""The ledger's forms: streams and payments as people type them, checked field by field.

Each parser gathers every field's problem (:class:`~tenfold.domain.errors.FormErrors`)
so a form can show them all at once, next to where each was typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from tenfold.domain.dates import parse_date
from tenfold.domain.errors import FieldError, FormErrors, collect
from tenfold.domain.ledger import MAX_UNITS, Payment
from tenfold.domain.money import (
    DEFAULT_CURRENCY,
    MAX_AMOUNT,
    DecimalKind,
    parse_amount,
    parse_currency,
    parse_decimal,
)
from tenfold.domain.streams import CADENCES, CATEGORIES, CUSTOMER_MODES, KINDS, Stream, default_customer_mode
from tenfold.domain.text import clean_text, look_alike_key

_GROUPED = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
"""A whole number with commas between its thousands."""


def parse_units(text: str, field: str = "units") -> int | None:
    """Units delivered as typed or read from a file: blank is "not told", else a whole number from 1 up.

    Commas are read only as thousands (``1,200``): ``1,5`` is a decimal comma or a
    list, never 15 units.
    """
    stripped = text.strip().replace("_", "")
    raw = stripped.replace(",", "")
    if not raw:
        return None
    if "," in stripped and not _GROUPED.fullmatch(stripped):
        raise FieldError(field, f"'{text.strip()[:20]}' is not a number of units; type a whole number, e.g. 1200")
    if not raw.isascii() or not raw.isdigit():
        raise FieldError(field, f"'{text.strip()[:20]}' is not a number of units; type a whole number, e.g. 3")
    value = int(raw)
    if value == 0:
        raise FieldError(field, "Leave it blank when nothing was delivered; units start at 1")
    if value > MAX_UNITS:
        raise FieldError(field, f"At most {MAX_UNITS:,} units on one payment")
    return value


HOURS = DecimalKind(
    2, MAX_AMOUNT, "'{typed}' is not a number of hours; type e.g. 2.5", "Use a dot for part of an hour, e.g. 2.5",
    "Hours cannot be negative", "Use at most two decimals, e.g. 2.25", "That is too many hours",
)


def parse_hours(text: str, field: str) -> Decimal:
    """Hours typed by people: blank is 0, otherwise like an amount (``2.5``).

    The messages speak of hours, not of an amount with cents: "'lots' is not an
    amount; type digits like 12.50" under an hours field puzzles a new user.
    """
    if not text.strip():
        return Decimal(0)
    return parse_decimal(text, field, HOURS).quantize(Decimal("0.01"))


def _typed_optional_amount(text: str, field: str) -> Decimal:
    """An amount that may be left blank (0), such as the money put in up front."""
    return parse_amount(text, field, allow_zero=True) if text.strip() else Decimal(0)


def parse_stream(
    *,
    name: str,
    category: str,
    kind: str,
    currency: str,
    existing: Iterable[Stream],
    stream_id: int = 0,
    cadence: str = "",
    expected: str = "",
    upfront_money: str = "",
    upfront_hours: str = "",
    upkeep_hours: str = "",
    idea_id: int | None = None,
    customers: str = "",
    started_on: date | None = None,
) -> Stream:
    """Validate the stream form. Names are unique so the CLI can use them: whatever the case, spacing or look-alikes.

    Only name, category, kind and currency are asked first; the rest (cadence,
    expected amount, what it cost and what it takes) may be blank and filled later.
    """
    errors: dict[str, str] = {}
    clean_name = ""
    try:
        clean_name = clean_text(name, "name", required=True, single_line=True)
        if len(clean_name) > 80:
            raise FieldError("name", "Keep the name under 80 characters")
        taken = {look_alike_key(s.name) for s in existing if s.id != stream_id}
        if look_alike_key(clean_name) in taken:
            raise FieldError("name", f"A stream called '{clean_name}' already exists")
    except FieldError as exc:
        errors["name"] = exc.message
    cat = category.strip().lower() or "other"
    if cat not in CATEGORIES:
        errors["category"] = f"Choose one of: {', '.join(CATEGORIES)}"
    knd = kind.strip().lower()
    if knd not in KINDS:
        errors["kind"] = f"Choose one of: {', '.join(KINDS)}"
    code = ""
    try:
        code = parse_currency(currency or DEFAULT_CURRENCY)
    except FieldError as exc:
        errors["currency"] = exc.message
    cad = cadence.strip().lower() or "irregular"
    if cad not in CADENCES:
        errors["cadence"] = f"Choose one of: {', '.join(CADENCES)}"
    mode = customers.strip().lower() or default_customer_mode(cat)
    if mode not in CUSTOMER_MODES:
        errors["customers"] = f"Choose one of: {', '.join(CUSTOMER_MODES)}"
    exp = collect(errors, "expected", lambda: parse_amount(expected, "expected") if expected.strip() else None)
    money = collect(errors, "upfront_money", lambda: _typed_optional_amount(upfront_money, "upfront_money"))
    hours = collect(errors, "upfront_hours", lambda: parse_hours(upfront_hours, "upfront_hours"))
    upkeep = collect(errors, "upkeep_hours", lambda: parse_hours(upkeep_hours, "upkeep_hours"))
    if upkeep is not None and upkeep > 744:
        errors["upkeep_hours"] = "A month has at most 744 hours"
    if errors or money is None or hours is None or upkeep is None:
        raise FormErrors(errors)
    return Stream(stream_id, clean_name, cat, knd, code, cad, exp, money, hours, upkeep, idea_id, mode, started_on)


FUTURE_DAYS = 3
"""A payment dated more than this many days ahead is probably a typo (or expected income): ask first."""


def future_warning(on: date, today: date) -> str | None:
    """What to say about a payment dated ``on``, more than :data:`FUTURE_DAYS` days after ``today``.

    Money not received yet belongs in a stream's cadence and expected amount, which
    flag a late payment; a payment in the ledger is money that arrived.
    """
    days = (on - today).days
    if days <= FUTURE_DAYS:
        return None
    return (f"{on.isoformat()} is {days:,} days ahead: a payment is money that arrived "
            "(expected income goes in the stream's cadence and expected amount)")


def _payment_amount(text: str, refund: bool, new: bool) -> Decimal:
    """A payment's typed amount: more than zero for a sale, less than zero for a refund.

    A new payment typed with a minus sign is a refund (money given back to a buyer).
    An edit keeps what the payment is: a sale stays positive and a refund negative,
    so a stray minus does not turn a sale into a refund.
    """
    raw = text.strip()
    negative = raw.startswith("-")
    if negative and (refund or new):
        return -parse_amount(raw[1:], "amount", typed=raw)
    if refund and raw:
        raise FieldError("amount", "A refund gives money back: its amount is negative, e.g. -12.50")
    if negative:
        raise FieldError("amount", "The amount must be positive: this payment is a sale. A refund is a new "
                                   "payment with a minus sign, e.g. -12.50")
    return parse_amount(raw, "amount")


def find_stream(streams: Iterable[Stream], typed: str, errors: dict[str, str], missing: str) -> Stream | None:
    """The stream a form names, by name (any case) or id; a message under ``stream`` in ``errors`` when none.

    ``missing`` is said when nothing was chosen and there are streams to choose from.
    """
    by_name = {s.name.casefold(): s for s in streams}
    by_id = {str(s.id): s for s in by_name.values()}
    key = typed.strip()
    found = by_name.get(key.casefold()) or by_id.get(key)
    if not key:
        errors["stream"] = missing if by_name else "Add a stream first"
    elif found is None:
        errors["stream"] = f"There is no stream called '{key[:30]}'"
    return found


def parse_payment(
    *,
    stream: str,
    on: str,
    amount: str,
    note: str,
    streams: Iterable[Stream],
    payment_id: int = 0,
    customer: str = "",
    refund: bool = False,
    units: str = "",
) -> Payment:
    """Validate the payment form. ``stream`` is a stream's name (case-insensitive) or id.

    A new payment (``payment_id`` 0) typed with a minus sign is a refund: money
    given back, which lowers its month's income. ``refund``: the payment edited is a
    refund, whose amount stays negative (a sale edited stays positive).
    """
    errors: dict[str, str] = {}
    found = find_stream(streams, stream, errors, "Choose the stream this payment came from")
    day = collect(errors, "on", lambda: parse_date(on, "on"))
    value = collect(errors, "amount", lambda: _payment_amount(amount, refund, new=payment_id == 0))
    text = collect(errors, "note", lambda: clean_text(note, "note", single_line=True))
    who = collect(errors, "customer", lambda: clean_text(customer, "customer", single_line=True).strip())
    count = collect(errors, "units", lambda: parse_units(units))
    if value is not None and value < 0 and count is not None:
        errors["units"] = "A refund delivers nothing: leave the units empty"
    if errors or found is None or day is None or value is None or text is None or who is None:
        raise FormErrors(errors)
    return Payment(payment_id, found.id, day, value, text, who, units=count, refund=value < 0)


