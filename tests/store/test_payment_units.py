"""The store never writes units its own reader refuses: the file would be refused at the next start."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from tenfold.domain.ledger import MAX_UNITS, Payment
from tenfold.domain.streams import Stream
from tenfold.store.store import Store

TODAY = date(2026, 12, 6)


def _store(path: Path) -> tuple[Store, int]:
    store = Store.open(path, today=lambda: TODAY)
    stream = store.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR"))
    return store, stream.id


def test_zero_units_are_saved_as_not_told_and_the_file_opens_again(tmp_path: Path) -> None:
    store, sid = _store(tmp_path / "t.json")
    with store:
        store.add_payment(Payment(0, sid, TODAY, Decimal("9.99"), "", units=0))
    with Store.open(tmp_path / "t.json", today=lambda: TODAY) as again:
        assert [(p.amount, p.units) for p in again.payments()] == [(Decimal("9.99"), None)]


@pytest.mark.parametrize("units", [-1, MAX_UNITS + 1])
def test_units_the_reader_would_refuse_are_refused_before_anything_is_written(tmp_path: Path, units: int) -> None:
    store, sid = _store(tmp_path / "t.json")
    with store:
        with pytest.raises(ValueError, match="units"):
            store.add_payment(Payment(0, sid, TODAY, Decimal("9.99"), "", units=units))
        assert store.payments() == []
    with Store.open(tmp_path / "t.json", today=lambda: TODAY) as again:
        assert again.payments() == []
