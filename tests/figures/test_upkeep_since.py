"""Income per upkeep hour counts the months since a stream began, and compares only with a paid period.

The newcomer's ebook (2 hours a month, estimated) was first paid on 2026-11-28. On
2027-01-07 the measures said "34.23 EUR/h (estimate), up from 0.00": October was
charged 2 hours though the stream did not exist, and July to September, before any
payment, were the "0.00" it grew from.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.streams import Stream
from tenfold.figures.measures import build_measures
from tenfold.figures.upkeep import upkeep_trend
from tenfold.reports.measures import upkeep_document
from tenfold.tui.screens.stream_card import card_text

D = Decimal
TODAY = date(2027, 1, 7)
EBOOK = Stream(1, "Ebook royalties", "ebook", "passive", "EUR", "monthly", D("120"), upkeep_hours=D("2"))


def pay(on: date, amount: str, stream: Stream = EBOOK) -> Payment:
    return Payment(0, stream.id, on, D(amount), "")


def test_a_new_stream_is_measured_on_its_own_months_and_not_compared_with_the_months_before_it() -> None:
    payments = [pay(date(2026, 11, 28), "110.00"), pay(date(2026, 12, 28), "95.40")]
    trend = upkeep_trend(EBOOK, MonthlyIndex.build(payments), {}, TODAY)
    # November and December: 205.40 over 2 x 2 hours.
    assert trend.recent.months == ((2026, 11), (2026, 12)) and trend.recent.per_hour == D("51.35")
    assert trend.previous.months == () and trend.previous.per_hour is None
    assert trend.describe() == "51.35 EUR/h (estimate)"


def test_a_stream_added_before_its_first_payment_is_not_up_from_its_unpaid_months() -> None:
    added = Stream(1, "Ebook royalties", "ebook", "passive", "EUR", upkeep_hours=D("2"), started_on=date(2026, 7, 1))
    payments = [pay(date(2026, m, 20), "100.00", added) for m in (10, 11, 12)]
    trend = upkeep_trend(added, MonthlyIndex.build(payments), {}, TODAY)
    assert trend.previous.per_hour is None and "from" not in trend.describe()
    assert trend.describe() == "50.00 EUR/h (estimate)"


def test_a_real_zero_after_earlier_payments_is_still_a_period_to_compare_with() -> None:
    payments = [pay(date(2026, 3, 20), "100.00"), *(pay(date(2026, m, 20), "100.00") for m in (10, 11, 12))]
    trend = upkeep_trend(EBOOK, MonthlyIndex.build(payments), {}, TODAY)
    assert trend.describe() == "50.00 EUR/h (estimate), up from 0.00"


def test_a_period_partly_before_the_stream_counts_only_its_months() -> None:
    """First paid in September: the 3 months before are September alone (60 over 2 hours)."""
    payments = [pay(date(2026, 9, 20), "60.00"), *(pay(date(2026, m, 20), "100.00") for m in (10, 11, 12))]
    trend = upkeep_trend(EBOOK, MonthlyIndex.build(payments), {}, TODAY)
    assert trend.previous.months == ((2026, 9),) and trend.previous.per_hour == D("30.00")
    assert trend.describe() == "50.00 EUR/h (estimate), up from 30.00"


def test_a_stream_begun_this_month_has_no_figure_yet() -> None:
    trend = upkeep_trend(EBOOK, MonthlyIndex.build([pay(date(2027, 1, 3), "50.00")]), {}, TODAY)
    assert trend.describe() == "no complete month yet"


def test_the_measures_agree_with_and_without_every_payment() -> None:
    payments = [pay(date(2026, 11, 28), "110.00"), pay(date(2026, 12, 28), "95.40")]
    index = MonthlyIndex.build(payments)
    for given in (payments, None):
        m = build_measures(streams=[EBOOK], payments=given, index=index, rates=[], goal=None, freedom=None,
                           hours=[], ideas={}, today=TODAY)
        assert m.upkeep[EBOOK.id].describe() == "51.35 EUR/h (estimate)"
    card = card_text(EBOOK, m, None, []).plain
    assert "51.35 EUR/h (estimate), last 2 complete months" in card
    document = upkeep_document(m.upkeep[EBOOK.id])
    assert document["months"] == 2 and document["income_per_hour_before"] is None
