"""The ledger's income streams: what a stream is, its kinds, categories and cadences.

A stream is a source of income; its payments are in :mod:`tenfold.domain.ledger`,
and the forms that let both in are in :mod:`tenfold.domain.ledger_forms`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from tenfold.domain.dates import optional_date_from_store
from tenfold.domain.money import (
    decimal_from_store,
)

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


def optional_amount(value: object) -> Decimal | None:
    """An optional amount as stored: None, or a Decimal checked as every stored amount is."""
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
            optional_amount(doc["expected"]),
            money,
            hours,
            upkeep,
            _optional_id(doc["idea_id"]),
            customers,
            optional_date_from_store(doc.get("started_on")),
        )


