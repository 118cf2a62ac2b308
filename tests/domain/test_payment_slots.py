"""A typed payment has slots for its six core fields only; one that sets any other field has them all.

Whichever way a payment is made (the constructor, the file, ``dataclasses.replace``,
unpickling, copying), the same values give an equal payment with the same hash, and
it is lean exactly when none of the optional fields is set.
"""

from __future__ import annotations

import copy
import dataclasses
import pickle
import sys
from datetime import date
from decimal import Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tenfold.domain.ledger import Payment

PROVENANCE = ("currency", "fee", "external_id", "source", "refund_of", "refund", "units")
UNSET: dict[str, Any] = {"currency": "", "fee": None, "external_id": "", "source": "", "refund_of": "",
                         "refund": False, "units": None}
SET: dict[str, Any] = {"currency": "GBP", "fee": Decimal("0.80"), "external_id": "tx-9", "source": "paypal",
                       "refund_of": "tx-1", "refund": True, "units": 3}


def typed() -> Payment:
    return Payment(7, 3, date(2026, 2, 28), Decimal("12.50"), "invoice", "Ann")


def values(p: Payment) -> list[object]:
    return [getattr(p, f.name) for f in dataclasses.fields(Payment)]


def test_a_typed_payment_has_no_slots_for_the_optional_fields() -> None:
    lean, full = typed(), Payment(7, 3, date(2026, 2, 28), Decimal("12.50"), "invoice", "Ann", source="paypal")
    assert sys.getsizeof(lean) < sys.getsizeof(full), "the six slots only"
    assert values(lean)[6:] == list(UNSET.values()), "the defaults, read from the class"
    assert isinstance(full, Payment) and repr(full).startswith("Payment(") and "source='paypal'" in repr(full)
    assert not hasattr(lean, "__dict__") and not hasattr(full, "__dict__")
    for p in (lean, full):
        for name in ("note", *PROVENANCE):
            try:
                setattr(p, name, "x")
            except dataclasses.FrozenInstanceError:
                continue
            raise AssertionError(f"{name} could be set on a frozen payment")


@given(st.sets(st.sampled_from(PROVENANCE)))
def test_every_way_of_making_a_payment_agrees(chosen: set[str]) -> None:
    """Any set of optional fields: constructor, file, replace, pickle and copy give equal payments."""
    fields = {name: SET[name] for name in chosen}
    made = Payment(7, 3, date(2026, 2, 28), Decimal("-12.50"), "invoice", "Ann", **fields)
    expected = [7, 3, date(2026, 2, 28), Decimal("-12.50"), "invoice", "Ann", *({**UNSET, **fields}.values())]
    assert values(made) == expected
    lean = sys.getsizeof(made) == sys.getsizeof(typed())
    assert lean == (not chosen), "lean exactly when no optional field is set"
    from_file = Payment.from_store(7, made.to_store())
    replaced = dataclasses.replace(typed(), amount=Decimal("-12.50"), **fields)
    for other in (from_file, replaced, pickle.loads(pickle.dumps(made)), copy.deepcopy(made), copy.copy(made)):
        assert other == made and hash(other) == hash(made) and values(other) == expected
        assert sys.getsizeof(other) == sys.getsizeof(made)
    cleared = dataclasses.replace(made, **UNSET)
    assert cleared == dataclasses.replace(typed(), amount=Decimal("-12.50"))
    assert sys.getsizeof(cleared) == sys.getsizeof(typed()), "back to lean once every optional field is unset"
    if chosen:
        assert made != cleared and made != typed()


def test_an_explicitly_empty_optional_field_in_the_file_reads_as_a_typed_payment() -> None:
    doc = {"stream_id": 3, "on": "2026-02-28", "amount": "12.50", "note": "invoice", "customer": "Ann",
           "source": "", "refund": False}
    read = Payment.from_store(7, doc)
    assert read == typed() and hash(read) == hash(typed()) and sys.getsizeof(read) == sys.getsizeof(typed())


def test_an_edited_imported_payment_keeps_its_provenance_and_class() -> None:
    imported = Payment(7, 3, date(2026, 2, 28), Decimal("12.50"), "invoice", "Ann", source="paypal",
                       external_id="tx-9", fee=Decimal("0.80"))
    edited = typed().keeping_provenance(imported)
    assert edited == dataclasses.replace(imported, refund=False) and edited.source == "paypal"
    assert typed().keeping_provenance(typed()) == typed()


def test_a_record_without_a_note_keeps_its_provenance() -> None:
    """A file another program wrote may leave ``note`` out; what the record says of its origin is still read."""
    doc = {"stream_id": 1, "on": "2024-03-01", "amount": "5.00", "source": "paypal"}
    payment = Payment.from_store(7, doc)
    assert payment.source == "paypal" and payment.note == ""
    assert Payment.from_store(7, {**doc, "customer": "Ann"}).source == "paypal"
