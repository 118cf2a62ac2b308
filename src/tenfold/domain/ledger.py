"""The income ledger's records: streams and dated payments, and their forms.

The sums over them live in :mod:`tenfold.figures.totals`, conversions between
currencies in :mod:`tenfold.domain.rates`.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar, cast

from tenfold.domain.dates import date_from_store, optional_date_from_store, parse_date
from tenfold.domain.errors import FieldError, FormErrors, collect
from tenfold.domain.money import (
    DEFAULT_CURRENCY,
    MAX_AMOUNT,
    DecimalKind,
    decimal_from_store,
    parse_amount,
    parse_currency,
    parse_decimal,
)
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
_T = TypeVar("_T")

CADENCES: tuple[str, ...] = ("irregular", "monthly", "quarterly", "yearly")
"""How often a stream pays; an irregular stream has no expected date."""

KIND_MEANINGS: dict[str, str] = {
    "passive": "money that keeps coming from something made once (a book, a course, a rental); counts toward the goal",
    "active": "money for hours worked (a job, consulting); never counts toward the goal",
    "portfolio": "money from capital (dividends, interest, gains); counts toward the goal only if the goal says so",
}
"""What each kind of stream means, said on the stream form and in ``tenfold add stream --help``."""

CUSTOMER_MODES: dict[str, str] = {
    "each": "each buyer is a customer",
    "platform": "paid through a platform or agent (the payer is a channel, not a customer)",
    "one": "one repeat customer by design (a tenant, a licensee)",
}
"""How a stream's customers are counted, for the check that one customer pays most of the income.

A job is a business with one customer; but Gumroad passing on a hundred buyers'
money is a channel, and a tenant renting year after year is passive by the
method's own example. Only ``each`` streams take part in the customer check.
"""

_PLATFORM_CATEGORIES = frozenset(
    {"royalties", "ebook", "course", "ads", "affiliate", "software", "dividends", "capital gains"}
)


def default_customer_mode(category: str) -> str:
    """The counting a stream of ``category`` most likely has: a rental has one tenant, a book sells
    through a store, a business or "other" has its own buyers."""
    if category == "rental":
        return "one"
    return "platform" if category in _PLATFORM_CATEGORIES else "each"


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
    customers: str = "each"
    """How its customers are counted: a key of :data:`CUSTOMER_MODES`."""
    started_on: date | None = field(default=None, compare=False)
    """The day the stream was added (None in files from before it was kept: its first payment counts).

    Bookkeeping the store fills in, not part of what the stream is: two streams that
    differ only in it compare equal, as a form's result and the stored stream should.
    """

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
            "customers": self.customers,
            "started_on": None if self.started_on is None else self.started_on.isoformat(),
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
        customers = doc.get("customers", default_customer_mode(category))
        if customers not in CUSTOMER_MODES:
            raise ValueError(f"stream customers {customers!r} is not one of {', '.join(CUSTOMER_MODES)}")
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
            customers,
            optional_date_from_store(doc.get("started_on")),
        )


_CORE = ("id", "stream_id", "on", "amount", "note", "customer")
"""The fields every payment has its own slot for."""
_PROVENANCE = ("currency", "fee", "external_id", "source", "refund_of", "refund", "units")
"""The fields only some payments set (imported ones, refunds, units): slots of :class:`_ProvenancePayment`."""


def _core_slots(cls: type[_T]) -> type[_T]:
    """``cls`` (a frozen dataclass) made again with slots for :data:`_CORE` only, as ``slots=True`` would
    for every field: the other fields keep their defaults as class attributes, read by instances that
    have no slot for them; :class:`_ProvenancePayment` adds the slots for those."""
    namespace = dict(cls.__dict__)
    namespace["__slots__"] = _CORE
    for name in (*_CORE, "__dict__", "__weakref__"):
        namespace.pop(name, None)  # a core field's default (the customer's "") would clash with its slot
    made = cast("type[_T]", type(cls.__name__, cls.__bases__, namespace))
    made.__qualname__ = cls.__qualname__
    return made


@_core_slots
@dataclass(frozen=True, init=False)
class Payment:
    """Money received from one stream on one day, optionally from a named customer.

    Payments read from a platform's file also keep where they came from: ``source``
    (the profile, e.g. ``paypal``) and ``external_id`` (the source's transaction
    id), so the same transaction is never imported twice; ``fee`` (what the
    platform kept; ``amount`` is what reached the user); ``currency`` when it is
    not the stream's; and for a refund (a negative amount) ``refund`` and the id of
    the sale it gives back (``refund_of``) when the source links them. Every one of
    these is optional and left out of the data file when unset.

    Slots, not a ``__dict__``: a million payments are kept in memory, and a slotted
    instance is a third of the size. Most payments are typed by hand and set none
    of the seven optional fields after ``customer``, so a ``Payment`` has slots for
    the six fields before them only and reads the others' defaults from the class
    (80 bytes instead of 136); a payment that sets any of them is made a
    :class:`_ProvenancePayment`, the subclass with their slots. Which one is chosen
    by the values alone (the constructor, :meth:`from_store`, ``dataclasses.replace``
    and unpickling all go through the same test), so equal payments are always of
    the same class and compare and hash as before.
    """

    id: int
    stream_id: int
    on: date
    amount: Decimal
    note: str
    customer: str = ""
    """Who paid, when the user knows: one customer bringing most of the money is a risk."""
    currency: str = ""
    """The payment's currency when it is not its stream's; "" means the stream's."""
    fee: Decimal | None = None
    external_id: str = ""
    source: str = ""
    refund_of: str = ""
    refund: bool = False
    units: int | None = None
    """Units delivered (copies, seats, downloads) where the source or the user gives them; None: not told.
    A sale's units are deliveries in the reach figure; a refund's are not."""

    def __new__(cls, id: int, stream_id: int, on: date, amount: Decimal, note: str,
                customer: str = "", currency: str = "", fee: Decimal | None = None, external_id: str = "",
                source: str = "", refund_of: str = "", refund: bool = False, units: int | None = None) -> Payment:
        """The payment, of the class its values call for (see the class), filled through its slots."""
        provenance = (currency, fee, external_id, source, refund_of, refund, units)
        return _make(id, stream_id, on, amount, note, customer, provenance)

    def __init__(self, id: int, stream_id: int, on: date, amount: Decimal, note: str,
                 customer: str = "", currency: str = "", fee: Decimal | None = None, external_id: str = "",
                 source: str = "", refund_of: str = "", refund: bool = False, units: int | None = None) -> None:
        """Nothing left to do: ``__new__`` filled every slot (it also picks the class, which
        ``__init__`` could not), and Python calls this with the same arguments after it."""

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled (and copied) as the constructor's arguments: unpickling picks the class again."""
        return Payment, tuple(map(self.__getattribute__, _FIELD_NAMES))

    @property
    def is_refund(self) -> bool:
        """Money given back to a buyer: it lowers its month's income."""
        return self.refund

    def currency_in(self, stream_currency: str) -> str:
        """The currency the amount is in: the payment's own, else its stream's."""
        return self.currency or stream_currency

    def keeping_provenance(self, old: Payment) -> Payment:
        """This payment, with what ``old`` knew of its origin where this one leaves it unset.

        The payment form edits date, stream, amount, note and customer; an imported
        payment edited there keeps its currency, fee, source, id and refund link.
        """
        if self.currency or self.fee is not None or self.external_id or self.source or self.refund_of:
            return self
        return dataclasses.replace(self, currency=old.currency, fee=old.fee, external_id=old.external_id,
                                   source=old.source, refund_of=old.refund_of, refund=old.refund or self.refund)

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file; empty optional fields are left out to keep big files lean."""
        doc: dict[str, Any] = {
            "stream_id": self.stream_id, "on": self.on.isoformat(), "amount": str(self.amount), "note": self.note,
        }
        if self.customer:
            doc["customer"] = self.customer
        if self.currency:
            doc["currency"] = self.currency
        if self.fee is not None:
            doc["fee"] = str(self.fee)
        if self.external_id:
            doc["external_id"] = self.external_id
        if self.source:
            doc["source"] = self.source
        if self.refund_of:
            doc["refund_of"] = self.refund_of
        if self.refund:
            doc["refund"] = True
        if self.units:  # 0 delivered is not told, as the form and the reader have it
            if not 0 < self.units <= MAX_UNITS:
                raise ValueError(f"payment units {self.units!r} must be a whole number from 1 to {MAX_UNITS:,}")
            doc["units"] = self.units
        return doc

    @classmethod
    def from_store(cls, doc_id: int, doc: dict[str, Any], shared: SharedValues | None = None) -> Payment:
        """Build from the data file; raises on a bad shape.

        ``shared``: payments read together take equal days, amounts and customers as
        one object each (see :class:`SharedValues`).
        """
        stream_id, note, customer = doc["stream_id"], doc.get("note", ""), doc.get("customer", "")
        if not isinstance(stream_id, int) or not isinstance(note, str) or not isinstance(customer, str):
            raise TypeError("payment stream_id must be a number, note and customer text")
        day, text = doc["on"], doc["amount"]
        if shared is None:
            on, amount = date_from_store(day), decimal_from_store(text)
        else:  # the lookups inline: a method call per field is a tenth of the time a payment takes
            known_day = shared.days.get(day) if type(day) is str else None
            on = shared.day(day) if known_day is None else known_day
            known_amount = shared.amounts.get(text) if type(text) is str else None
            amount = shared.amount(text) if known_amount is None else known_amount
            if customer:
                customer = shared.texts.setdefault(customer, customer)
        if len(doc) > 3 + ("note" in doc) + ("customer" in doc):  # only imported payments carry more
            return _make(doc_id, stream_id, on, amount, note, customer, _provenance(doc))
        # A typed payment, every field checked above: filled inline (see _make), a call less per payment.
        payment = _new_object(Payment)
        _set_id(payment, doc_id)
        _set_stream_id(payment, stream_id)
        _set_on(payment, on)
        _set_amount(payment, amount)
        _set_note(payment, note)
        _set_customer(payment, customer)
        return payment


class _ProvenancePayment(Payment):
    """A :class:`Payment` that sets any of the optional fields after ``customer``: their slots.

    Named ``Payment`` in its repr, which is the type every caller deals with.
    """

    __slots__ = _PROVENANCE


_ProvenancePayment.__qualname__ = _ProvenancePayment.__name__ = "Payment"


class SharedValues:
    """One object per distinct day, amount and customer of the payments read together.

    A million payments fall on a few thousand days and, being prices, repeat their
    amounts: a ``date`` is 32 bytes and a ``Decimal`` 104, so one object per value
    instead of one per payment is about a tenth of the memory the payments take.
    Both are immutable, so sharing them changes nothing else.
    """

    __slots__ = ("amounts", "days", "texts")

    def __init__(self) -> None:
        self.days: dict[str, date] = {}
        self.amounts: dict[str, Decimal] = {}
        self.texts: dict[str, str] = {}

    def day(self, value: object) -> date:
        """:func:`date_from_store`, the same object for the same text."""
        found = self.days.get(value) if type(value) is str else None
        if found is None:
            found = date_from_store(value)  # raises for anything but an ISO date's text
            self.days[value] = found  # type: ignore[index]  # a str: date_from_store took it
        return found

    def amount(self, value: object) -> Decimal:
        """:func:`decimal_from_store`, the same object for the same text."""
        found = self.amounts.get(value) if type(value) is str else None
        if found is None:
            found = decimal_from_store(value)  # raises for anything but an amount's text
            self.amounts[value] = found  # type: ignore[index]  # a str: decimal_from_store took it
        return found


_FIELD_NAMES = tuple(f.name for f in dataclasses.fields(Payment))
if (*_CORE, *_PROVENANCE) != _FIELD_NAMES:
    raise TypeError("a field added to Payment goes in _CORE or _PROVENANCE (and from_store fills it)")
_UNSET = tuple(f.default for f in dataclasses.fields(Payment)[len(_CORE):])
"""The provenance fields' defaults: a payment whose provenance is exactly these is a plain Payment."""
_CORE_SETTERS = tuple(Payment.__dict__[name].__set__ for name in _CORE)
_PROVENANCE_SETTERS = tuple(_ProvenancePayment.__dict__[name].__set__ for name in _PROVENANCE)
(_set_id, _set_stream_id, _set_on, _set_amount, _set_note, _set_customer) = _CORE_SETTERS


def _make(payment_id: int, stream_id: int, on: date, amount: Decimal, note: str, customer: str,
          provenance: tuple[object, ...]) -> Payment:
    """A payment filled through its slots' own setters, skipping the frozen dataclass's
    ``__setattr__`` (one ``object.__setattr__`` per field cost half of the time a payment took
    to load); a :class:`_ProvenancePayment` when ``provenance`` is not all defaults."""
    unset = provenance == _UNSET and provenance[5] is False  # refund 0 is kept as given, in the subclass
    payment = _new_object(Payment if unset else _ProvenancePayment)
    _set_id(payment, payment_id)
    _set_stream_id(payment, stream_id)
    _set_on(payment, on)
    _set_amount(payment, amount)
    _set_note(payment, note)
    _set_customer(payment, customer)
    if not unset:
        for setter, value in zip(_PROVENANCE_SETTERS, provenance, strict=True):
            setter(payment, value)
    return payment


MAX_UNITS = 10_000_000
"""More units than this on one payment is a typo (or a column that is not units)."""


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


def _text_field(doc: dict[str, Any], name: str) -> str:
    value = doc.get(name, "")
    if not isinstance(value, str):
        raise TypeError(f"payment {name} must be text")
    return value


def _provenance(doc: dict[str, Any]) -> tuple[object, ...]:
    """The optional fields an imported payment keeps, checked, in :data:`_PROVENANCE`'s order."""
    currency = _text_field(doc, "currency")
    if currency and (len(currency) != 3 or not currency.isalpha() or not currency.isupper()):
        raise ValueError(f"payment currency {currency!r} is not a currency code")
    refund = doc.get("refund", False)
    if not isinstance(refund, bool):
        raise TypeError("payment refund must be true or false")
    units = doc.get("units")
    if units is not None and (type(units) is not int or not 0 < units <= MAX_UNITS):
        raise ValueError(f"payment units {units!r} must be a whole number from 1 to {MAX_UNITS:,}")
    return (currency, _optional_amount(doc["fee"]) if "fee" in doc else None, _text_field(doc, "external_id"),
            _text_field(doc, "source"), _text_field(doc, "refund_of"), refund, units)


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


