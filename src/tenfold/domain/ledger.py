"""The income ledger's records: streams and dated payments, and their forms.

The sums over them live in :mod:`tenfold.figures.totals`, conversions between
currencies in :mod:`tenfold.domain.rates`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal
from typing import Any

from tenfold.domain.dates import date_from_store, parse_date
from tenfold.domain.errors import FieldError, FormErrors, collect
from tenfold.domain.money import DEFAULT_CURRENCY, decimal_from_store, parse_amount, parse_currency
from tenfold.domain.text import clean_text

CATEGORIES: tuple[str, ...] = (
    "dividends",
    "rental",
    "royalties",
    "business",
    "capital gains",
    "ebook",
    "course",
    "ads",
    "affiliate",
    "software",
    "other",
)
KINDS: tuple[str, ...] = ("passive", "active", "portfolio")


_new_object = object.__new__

CADENCES: tuple[str, ...] = ("irregular", "monthly", "quarterly", "yearly")
"""How often a stream pays; an irregular stream has no expected date."""


def _optional_amount(value: object) -> Decimal | None:
    return None if value is None else decimal_from_store(value)


def _optional_id(value: object) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value > 0):
        return value
    raise ValueError(f"id {value!r} is not a positive number")


@dataclass(frozen=True)
class Stream:
    """A source of income. ``kind`` is passive, active or portfolio.

    The method's question for every stream is how passive it really is, so a
    stream also records what it cost up front (money and hours) and the hours of
    upkeep it takes each month; ``cadence`` and ``expected`` say when money should
    arrive, so a late payment can be flagged; ``idea_id`` links the brainstorm
    entry it grew from.
    """

    id: int
    name: str
    category: str
    kind: str
    currency: str
    cadence: str = "irregular"
    expected: Decimal | None = None
    """The amount one payment is expected to bring, in the stream's currency."""
    upfront_money: Decimal = Decimal(0)
    upfront_hours: Decimal = Decimal(0)
    upkeep_hours: Decimal = Decimal(0)
    """Hours of upkeep per month."""
    idea_id: int | None = None

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file (the id is TinyDB's doc id)."""
        return {
            "name": self.name,
            "category": self.category,
            "kind": self.kind,
            "currency": self.currency,
            "cadence": self.cadence,
            "expected": None if self.expected is None else str(self.expected),
            "upfront_money": str(self.upfront_money),
            "upfront_hours": str(self.upfront_hours),
            "upkeep_hours": str(self.upkeep_hours),
            "idea_id": self.idea_id,
        }

    @classmethod
    def from_store(cls, doc_id: int, doc: dict[str, Any]) -> Stream:
        """Build from the data file; raises on a bad shape."""
        name, category, kind, currency = doc["name"], doc["category"], doc["kind"], doc["currency"]
        cadence = doc["cadence"]
        if not all(isinstance(v, str) for v in (name, category, kind, currency, cadence)):
            raise TypeError("stream fields must be text")
        if kind not in KINDS:
            raise ValueError(f"stream kind {kind!r} is not one of {', '.join(KINDS)}")
        if cadence not in CADENCES:
            raise ValueError(f"stream cadence {cadence!r} is not one of {', '.join(CADENCES)}")
        money, hours, upkeep = (decimal_from_store(doc[f]) for f in ("upfront_money", "upfront_hours", "upkeep_hours"))
        if min(money, hours, upkeep) < 0:
            raise ValueError("up-front money and hours and upkeep hours cannot be negative")
        return cls(
            doc_id,
            name,
            category,
            kind,
            currency,
            cadence,
            _optional_amount(doc["expected"]),
            money,
            hours,
            upkeep,
            _optional_id(doc["idea_id"]),
        )


@dataclass(frozen=True, slots=True)
class Payment:
    """Money received from one stream on one day, optionally from a named customer.

    Slots, not a ``__dict__``: a million payments are kept in memory, and a slotted
    instance is 120 bytes instead of about 370 (pickling, copying and
    ``dataclasses.replace`` work as before).
    """

    id: int
    stream_id: int
    on: date
    amount: Decimal
    note: str
    customer: str = ""
    """Who paid, when the user knows: one customer bringing most of the money is a risk."""

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file; an empty customer is left out to keep big files lean."""
        doc = {"stream_id": self.stream_id, "on": self.on.isoformat(), "amount": str(self.amount), "note": self.note}
        if self.customer:
            doc["customer"] = self.customer
        return doc

    @classmethod
    def from_store(cls, doc_id: int, doc: dict[str, Any]) -> Payment:
        """Build from the data file; raises on a bad shape."""
        stream_id, note, customer = doc["stream_id"], doc.get("note", ""), doc.get("customer", "")
        if not isinstance(stream_id, int) or not isinstance(note, str) or not isinstance(customer, str):
            raise TypeError("payment stream_id must be a number, note and customer text")
        on, amount = date_from_store(doc["on"]), decimal_from_store(doc["amount"])
        # Every field checked above, the instance is filled through its slots' own setters,
        # skipping the frozen dataclass's __init__ (one object.__setattr__ per field): 1.1 us
        # of the 2 us a payment took to load. test_domain checks it equals Payment(...).
        payment = _new_object(cls)
        _set_id(payment, doc_id)
        _set_stream_id(payment, stream_id)
        _set_on(payment, on)
        _set_amount(payment, amount)
        _set_note(payment, note)
        _set_customer(payment, customer)
        return payment


# The slots' setters, in field order: a field added to Payment must be filled in from_store too
# (this unpacking then fails at import until it is).
_set_id, _set_stream_id, _set_on, _set_amount, _set_note, _set_customer = (
    Payment.__dict__[f.name].__set__ for f in fields(Payment)
)


def parse_hours(text: str, field: str) -> Decimal:
    """Hours typed by people: blank is 0, otherwise like an amount (``2.5``).

    The messages speak of hours, not of an amount with cents: "'lots' is not an
    amount; type digits like 12.50" under an hours field puzzles a new user.
    """
    raw = text.strip()
    if not raw:
        return Decimal(0)
    try:
        return parse_amount(raw, field, allow_zero=True)
    except FieldError:
        if raw.startswith("-"):
            message = "Hours cannot be negative"
        elif "," in raw:
            message = "Use a dot for part of an hour, e.g. 2.5"
        elif raw.replace(".", "", 1).isdigit():
            message = "Use at most two decimals, e.g. 2.25" if "." in raw else "That is too many hours"
        else:
            message = f"'{raw[:20]}' is not a number of hours; type e.g. 2.5"
        raise FieldError(field, message) from None


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
) -> Stream:
    """Validate the stream form. Names are unique (case-insensitive) so the CLI can use them.

    Only name, category, kind and currency are asked first; the rest (cadence,
    expected amount, what it cost and what it takes) may be blank and filled later.
    """
    errors: dict[str, str] = {}
    clean_name = ""
    try:
        clean_name = clean_text(name, "name", required=True, single_line=True)
        if len(clean_name) > 80:
            raise FieldError("name", "Keep the name under 80 characters")
        taken = {s.name.casefold() for s in existing if s.id != stream_id}
        if clean_name.casefold() in taken:
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
    exp = collect(errors, "expected", lambda: parse_amount(expected, "expected") if expected.strip() else None)
    money = collect(errors, "upfront_money", lambda: _typed_optional_amount(upfront_money, "upfront_money"))
    hours = collect(errors, "upfront_hours", lambda: parse_hours(upfront_hours, "upfront_hours"))
    upkeep = collect(errors, "upkeep_hours", lambda: parse_hours(upkeep_hours, "upkeep_hours"))
    if upkeep is not None and upkeep > 744:
        errors["upkeep_hours"] = "A month has at most 744 hours"
    if errors or money is None or hours is None or upkeep is None:
        raise FormErrors(errors)
    return Stream(stream_id, clean_name, cat, knd, code, cad, exp, money, hours, upkeep, idea_id)


def parse_payment(
    *,
    stream: str,
    on: str,
    amount: str,
    note: str,
    streams: Iterable[Stream],
    payment_id: int = 0,
    customer: str = "",
) -> Payment:
    """Validate the payment form. ``stream`` is a stream's name (case-insensitive) or id."""
    errors: dict[str, str] = {}
    by_name = {s.name.casefold(): s for s in streams}
    by_id = {str(s.id): s for s in by_name.values()}
    key = stream.strip()
    found = by_name.get(key.casefold()) or by_id.get(key)
    if not key:
        errors["stream"] = "Choose the stream this payment came from" if by_name else "Add a stream first"
    elif found is None:
        errors["stream"] = f"There is no stream called '{key[:30]}'"
    day = collect(errors, "on", lambda: parse_date(on, "on"))
    value = collect(errors, "amount", lambda: parse_amount(amount, "amount"))
    text = collect(errors, "note", lambda: clean_text(note, "note", single_line=True))
    who = collect(errors, "customer", lambda: clean_text(customer, "customer", single_line=True).strip())
    if errors or found is None or day is None or value is None or text is None or who is None:
        raise FormErrors(errors)
    return Payment(payment_id, found.id, day, value, text, who)


