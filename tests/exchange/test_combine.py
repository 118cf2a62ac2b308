"""Income lines of one day and stream become one entry, added up unrounded; other entries stay as they are."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.exchange.combine import combine
from tenfold.exchange.extract import Entry

DAY = date(2024, 3, 5)


def entry(line: int, stream: str, amount: str, kind: str = "income", note: str = "", units: int | None = None,
          on: date = DAY, currency: str | None = "USD", external_id: str = "") -> Entry:
    return Entry(line, "", on, stream, Decimal(amount), currency, None, "", note, external_id, "", kind, units)


def test_lines_of_one_day_stream_and_currency_add_up_unrounded() -> None:
    out = combine([entry(2, "Song", "0.004", note="Spotify", units=3), entry(3, "Other", "1.00"),
                   entry(4, "song", "0.0041", note="Deezer", units=2), entry(5, "Song", "0.002", currency="EUR")])
    assert [(e.line, e.stream, e.amount, e.currency, e.units, e.note) for e in out] == [
        (2, "Song", Decimal("0.0081"), "USD", 5, "2 report lines: Spotify, Deezer"),
        (3, "Other", Decimal("1.00"), "USD", None, ""),
        (5, "Song", Decimal("0.002"), "EUR", None, ""),
    ]


def test_refunds_other_days_and_lines_with_ids_stay_apart() -> None:
    lines = [entry(2, "Song", "1.00"), entry(3, "Song", "-0.50", kind="refund"),
             entry(4, "Song", "1.00", on=date(2024, 3, 6)), entry(5, "Song", "2.00", external_id="T-1"),
             entry(6, "Song", "3.00")]
    out = combine(lines)
    assert [(e.line, e.amount, e.kind) for e in out] == [
        (2, Decimal("4.00"), "income"), (3, Decimal("-0.50"), "refund"), (4, Decimal("1.00"), "income"),
        (5, Decimal("2.00"), "income"),
    ]
    assert out[0].note == "2 report lines"
