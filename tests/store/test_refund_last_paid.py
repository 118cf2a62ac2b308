"""A refund is money going back, not a payment arriving: it never becomes a stream's last payment.

The stream's last payment sets when the next one is due (and whether it is late), and
the store keeps it in three places: the index built from the payments, the index kept
in the file, and the sums a report makes of a file another program rewrote. All
three must skip a refund, or a refund recorded on 6 January moves January's
royalties, due on the 28th, to 6 February and hides them being late.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from storekit import fixed

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.figures.expected import expected_payments
from tenfold.store.reading.quick import read_for_report, read_with_index
from tenfold.store.store import Store

TODAY = date(2027, 1, 16)
SALE = date(2026, 12, 28)


def royalties_then_a_refund(path: Path) -> Stream:
    """A monthly stream paid on 2026-12-28 whose latest record is a refund on 2027-01-06."""
    with Store.open(path, today=fixed(TODAY)) as store:
        book = store.add_stream(Stream(0, "Ebook royalties", "ebook", "passive", "EUR", "monthly", Decimal("120")))
        store.add_payments([
            Payment(0, book.id, date(2026, 11, 28), Decimal("110.00"), ""),
            Payment(0, book.id, SALE, Decimal("95.40"), ""),
            Payment(0, book.id, date(2027, 1, 6), Decimal("-9.99"), "refund", refund=True),
        ])
        assert store.monthly_index().last_paid(store.payments()) == {book.id: SALE}
    return book


def test_the_stores_index_and_the_one_kept_in_the_file_skip_the_refund(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    book = royalties_then_a_refund(path)
    with Store.open(path, read_only=True, today=fixed(TODAY), defer_payments=True) as store:
        assert not store.payments_ready, "figures drawn from the index kept in the file"
        last = store.monthly_index().last_paid([])
    assert last == {book.id: SALE}
    _contents, index = read_with_index(path)
    assert index.last_paid([]) == {book.id: SALE}
    due = expected_payments([book], last, TODAY)
    assert [(e.due, e.overdue) for e in due] == [(date(2027, 1, 28), False)]


def test_a_report_summing_a_rewritten_file_skips_the_refund(tmp_path: Path) -> None:
    saved = tmp_path / "saved.json"
    book = royalties_then_a_refund(saved)
    path = tmp_path / "rewritten.json"
    path.write_text(json.dumps(json.loads(saved.read_bytes())), encoding="utf-8")  # the kept index no longer matches
    path.chmod(0o600)
    _contents, index, _payments = read_for_report(path)
    assert index.last_paid([]) == {book.id: SALE}
