"""Expected income: due dates by cadence, the grace period, and the overdue flag, over fixed dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.figures.expected import (
    GRACE_DAYS,
    Expected,
    add_months,
    expected_payments,
    last_paid,
    next_due,
    overdue_ids,
)


def stream(sid: int, name: str, cadence: str, expected: str | None = None) -> Stream:
    amount = None if expected is None else Decimal(expected)
    return Stream(sid, name, "ebook", "passive", "EUR", cadence, amount)


def pay(pid: int, sid: int, on: str) -> Payment:
    return Payment(pid, sid, date.fromisoformat(on), Decimal("1.00"), "")


def test_last_paid_keeps_each_streams_latest_date_in_any_order() -> None:
    payments = [pay(1, 1, "2026-01-05"), pay(2, 2, "2025-12-31"), pay(3, 1, "2026-02-05"), pay(4, 1, "2025-11-05")]
    assert last_paid(payments) == {1: date(2026, 2, 5), 2: date(2025, 12, 31)}
    assert last_paid([]) == {}


def test_a_refund_is_not_the_last_payment_so_it_never_moves_the_due_date() -> None:
    """Royalties paid 2026-12-28, a sale refunded 2027-01-06: January's royalties are still due on the 28th."""
    book = stream(1, "Ebook royalties", "monthly", "120")
    sale = Payment(1, 1, date(2026, 12, 28), Decimal("95.40"), "")
    refund = Payment(2, 1, date(2027, 1, 6), Decimal("-9.99"), "", refund=True)
    assert last_paid([sale, refund]) == {1: date(2026, 12, 28)}
    assert last_paid([refund]) == {}, "a stream with only a refund has paid nothing yet"
    due = expected_payments([book], last_paid([refund, sale]), date(2027, 2, 6))
    assert [(e.due, e.overdue) for e in due] == [(date(2027, 1, 28), True)]


def test_add_months_clamps_to_the_months_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
    assert add_months(date(2026, 5, 31), 12) == date(2027, 5, 31)


def test_next_due_by_cadence() -> None:
    last = date(2026, 1, 31)
    assert next_due(stream(1, "a", "monthly"), last) == date(2026, 2, 28)
    assert next_due(stream(1, "a", "quarterly"), last) == date(2026, 4, 30)
    assert next_due(stream(1, "a", "yearly"), last) == date(2027, 1, 31)
    assert next_due(stream(1, "a", "irregular"), last) is None
    assert next_due(stream(1, "a", "monthly"), None) is None


def test_expected_lists_overdue_and_the_next_30_days_only() -> None:
    today = date(2026, 3, 15)
    rent = stream(1, "Rent", "monthly", "800.00")  # paid 2026-02-20 -> due 03-20: in 5 days
    etf = stream(2, "ETF", "quarterly", "30.00")  # paid 2025-11-01 -> due 02-01: 42 days late
    book = stream(3, "Book", "yearly")  # paid 2025-06-01 -> due 2026-06-01: too far
    late = stream(4, "Late", "monthly")  # paid 2026-02-08 -> due 03-08: 7 days late, within grace
    tips = stream(5, "Tips", "irregular")
    new = stream(6, "New", "monthly")  # never paid: nothing expected
    edge = stream(7, "Edge", "monthly")  # paid 2026-03-14 -> due 04-14: exactly 30 days
    paid = {1: date(2026, 2, 20), 2: date(2025, 11, 1), 3: date(2025, 6, 1), 4: date(2026, 2, 8),
            5: date(2026, 1, 1), 7: date(2026, 3, 14)}
    found = expected_payments([rent, etf, book, late, tips, new, edge], paid, today)
    assert found == [
        Expected(etf, date(2026, 2, 1), Decimal("30.00"), True),
        Expected(late, date(2026, 3, 8), None, False),
        Expected(rent, date(2026, 3, 20), Decimal("800.00"), False),
        Expected(edge, date(2026, 4, 14), None, False),
    ]
    assert overdue_ids(found) == {2}
    assert [e.stream.name for e in expected_payments([edge], paid, today, days=29)] == []


def test_grace_period_boundary() -> None:
    assert GRACE_DAYS == 7
    s = stream(1, "Rent", "monthly")
    due = date(2026, 3, 1)
    paid = {1: date(2026, 2, 1)}
    assert not expected_payments([s], paid, date(2026, 3, 8))[0].overdue  # 7 days late: still in grace
    assert expected_payments([s], paid, date(2026, 3, 9))[0] == Expected(s, due, None, True)


def test_recording_the_payment_clears_the_flag() -> None:
    s = stream(1, "Rent", "monthly", "800.00")
    today = date(2026, 3, 20)
    payments = [pay(1, 1, "2026-02-01")]
    assert overdue_ids(expected_payments([s], last_paid(payments), today)) == {1}
    payments.append(pay(2, 1, "2026-03-19"))  # late, but recorded now
    after = expected_payments([s], last_paid(payments), today)
    assert after == [Expected(s, date(2026, 4, 19), Decimal("800.00"), False)]
