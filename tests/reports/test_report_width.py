"""Text reports at 80 columns: names and headers may give way, an amount is never cut short."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from oracles import aggregate
from rich.console import Console

from tenfold.domain.ledger import Payment
from tenfold.domain.money import format_money
from tenfold.domain.streams import Stream
from tenfold.reports.aggregate import month_period, year_period
from tenfold.reports.build import build_report
from tenfold.reports.tables import report_renderable

STREAMS = [Stream(1, "A stream with a rather long name indeed", "ebook", "passive", "EUR", upfront_money=
                  Decimal("123456789.00")),
           Stream(2, "Rent", "rental", "passive", "USD"), Stream(3, "Job", "other", "active", "GBP")]
PAYMENTS = [Payment(i, 1 + i % 3, date(2024, 1 + i % 12, 1 + i % 27), Decimal("999999999.99") if i == 5 else
                    Decimal(f"{(i * 7919) % 100000}.{i % 100:02d}"), "") for i in range(1, 60)]


@pytest.mark.parametrize("width", [80, 100, 120])
@pytest.mark.parametrize("yearly", [True, False])
def test_every_amount_is_printed_whole(width: int, yearly: bool) -> None:
    period = year_period(2024, date(2024, 12, 31)) if yearly else month_period((2024, 6))
    report = build_report(aggregate(PAYMENTS, period), STREAMS, [], "EUR", period)
    console = Console(width=width, record=True, soft_wrap=False, color_system=None)
    console.print(report_renderable(report, width))
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= width
    amounts = {format_money(v) for f in report.streams for v in [*f.by_month.values(), f.total] if v}
    amounts |= {format_money(m.all.amount) for m in report.months}
    amounts.add(format_money(report.all.amount))
    amounts.add(format_money(STREAMS[0].upfront_money, "EUR"))
    missing = [a for a in amounts if a not in text]
    assert not missing, missing
