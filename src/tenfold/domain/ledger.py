"""The income ledger's dated payments, as the store keeps and reads them.

Streams are in :mod:`tenfold.domain.streams`, the forms that let payments and
streams in are in :mod:`tenfold.domain.ledger_forms`. The sums over payments live
in :mod:`tenfold.figures.totals`, conversions between currencies in
:mod:`tenfold.domain.rates`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar, cast

from tenfold.domain.dates import date_from_store
from tenfold.domain.money import decimal_from_store
from tenfold.domain.streams import optional_amount

_new_object = object.__new__
_T = TypeVar("_T")

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
    return (currency, optional_amount(doc["fee"]) if "fee" in doc else None, _text_field(doc, "external_id"),
            _text_field(doc, "source"), _text_field(doc, "refund_of"), refund, units)


