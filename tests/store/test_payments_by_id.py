"""The store's payments by id are a list in id order searched by bisection: the same answers as a dict."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from operator import attrgetter
from pathlib import Path

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st
from storekit import fixed, signed_again

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.by_id import _BULK, PaymentsById
from tenfold.store.payment_index import split_payments
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)


def pay(payment_id: int, note: str = "") -> Payment:
    return Payment(payment_id, 1, TODAY - timedelta(days=payment_id % 40), Decimal(payment_id % 9 + 1), note)


def agrees(kept: PaymentsById, oracle: dict[int, Payment]) -> None:
    assert len(kept) == len(oracle)
    assert kept.values() == [oracle[i] for i in sorted(oracle)], "every payment, in id order"
    assert list(kept) == sorted(oracle) and kept.largest_id() == max(oracle, default=0)
    for payment_id in [*oracle, 0, -3, max(oracle, default=0) + 1]:
        assert kept.get(payment_id) is oracle.get(payment_id)
        assert (payment_id in kept) == (payment_id in oracle)


ids = st.integers(min_value=1, max_value=400)
batch = st.lists(ids, max_size=3 * _BULK)  # one by one, and in bulk
step = st.tuples(st.sampled_from(["put", "discard", "drop"]), batch)


@given(st.lists(ids, unique=True), st.lists(step, max_size=12), st.randoms(use_true_random=False))
def test_the_list_answers_as_a_dict_would(start: list[int], steps: list[tuple[str, list[int]]],
                                          rng: random.Random) -> None:
    """From ids in any order, through adds, replacements and removals, one by one or in bulk."""
    oracle = {i: pay(i) for i in start}
    kept = PaymentsById(oracle.values())  # in the order given: sorted when not in id order
    agrees(kept, oracle)
    for n, (what, chosen) in enumerate(steps):
        if what == "put":
            new = [pay(i, f"v{n}") for i in chosen]
            rng.shuffle(new)
            kept.put(new)
            oracle.update((p.id, p) for p in new)
        elif what == "discard":
            kept.discard(chosen)
            for i in chosen:
                oracle.pop(i, None)
        else:
            present = [i for i in chosen if i in oracle]
            if len(present) != len(chosen):
                before = kept.values()[:]
                with pytest.raises(KeyError):
                    kept.drop(chosen)
                assert kept.values() == before, "nothing removed"
            kept.drop(present)
            for i in set(present):  # an id given twice is removed once
                del oracle[i]
        agrees(kept, oracle)


def test_two_payments_with_one_id_are_refused() -> None:
    with pytest.raises(ValueError, match="same id"):
        PaymentsById([pay(3), pay(1), pay(3, "again")])


@pytest.mark.parametrize("deferred", [True, False])
def test_a_file_whose_payments_are_not_in_id_order_is_read_and_changed_by_id(tmp_path: Path, deferred: bool) -> None:
    """A table edited by hand, ids shuffled (its index made to match): each payment is found by id,
    edited and deleted, as in a file in id order."""
    rng = random.Random(5)
    path = tmp_path / "data.json"
    with Store.open(path, today=fixed(TODAY)) as store:
        stream = store.add_stream(Stream(0, "Books", "ebook", "passive", "EUR"))
        store.add_payments([Payment(0, stream.id, TODAY - timedelta(days=rng.randrange(90)), Decimal(n + 1), f"n{n}")
                            for n in range(3000)])
        expected = {p.id: p for p in store.payments()}
    parts = split_payments(path.read_bytes())
    assert parts is not None
    table = list(orjson.loads(parts[1]).items())
    rng.shuffle(table)
    path.write_bytes(signed_again(parts[0], orjson.dumps(dict(table))))
    with Store.open(path, today=fixed(TODAY), defer_payments=deferred) as store:
        store.wait_for_payments()
        for payment_id in rng.sample(sorted(expected), 200):
            assert store.payment(payment_id) == expected[payment_id]
        assert store.payment(max(expected) + 1) is None and store.payment(0) is None
        order = sorted(expected.values(), key=attrgetter("id"), reverse=True)
        order.sort(key=attrgetter("on"), reverse=True)
        assert store.payments() == order
        edited, gone = rng.sample(sorted(expected), 2)
        store.update_payment(Payment(edited, stream.id, TODAY, Decimal("7.00"), "edited"))
        store.delete_payment(gone)
        added = store.add_payment(Payment(0, stream.id, TODAY, Decimal("1.00"), "new"))
        assert added.id == max(expected) + 1
    with Store.open(path, today=fixed(TODAY)) as store:
        assert store.payment(edited) == Payment(edited, stream.id, TODAY, Decimal("7.00"), "edited")
        assert store.payment(gone) is None and store.payment(added.id) == added
        assert store.payment_count() == len(expected)
