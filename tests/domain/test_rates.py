"""The conversion rule: which rate converts what, and to how many cents (figures checked by hand)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tenfold.domain.errors import FormErrors
from tenfold.domain.rates import Converted, Rate, convert, month_end, parse_rate, rate_for

USD_EUR_OCT = Rate(1, "USD", "EUR", Decimal("0.90"), date(2026, 10, 1))
USD_EUR_NOV = Rate(2, "USD", "EUR", Decimal("0.92"), date(2026, 11, 15))
EUR_USD_DEC = Rate(3, "EUR", "USD", Decimal("1.25"), date(2026, 12, 1))
GBP_EUR = Rate(4, "GBP", "EUR", Decimal("1.17"), date(2026, 1, 1))
RATES = [EUR_USD_DEC, USD_EUR_OCT, GBP_EUR, USD_EUR_NOV]


def test_month_end_knows_leap_years() -> None:
    assert month_end(2024, 2) == date(2024, 2, 29)
    assert month_end(2026, 2) == date(2026, 2, 28)
    assert month_end(2026, 12) == date(2026, 12, 31)
    assert month_end(2026, 4) == date(2026, 4, 30)


def test_the_latest_rate_on_or_before_the_day_wins() -> None:
    assert rate_for(RATES, "USD", "EUR", date(2026, 10, 1)) == USD_EUR_OCT
    assert rate_for(RATES, "USD", "EUR", date(2026, 11, 14)) == USD_EUR_OCT
    assert rate_for(RATES, "USD", "EUR", date(2026, 11, 15)) == USD_EUR_NOV
    assert rate_for(RATES, "USD", "EUR", date(2026, 11, 30)) == USD_EUR_NOV


def test_no_rate_before_the_first_one_and_none_for_other_pairs() -> None:
    assert rate_for(RATES, "USD", "EUR", date(2026, 9, 30)) is None
    assert rate_for(RATES, "CHF", "EUR", date(2026, 12, 31)) is None
    assert rate_for(RATES, "GBP", "USD", date(2026, 12, 31)) is None  # no chaining through EUR
    assert rate_for([], "USD", "EUR", date(2026, 12, 31)) is None


def test_a_rate_entered_the_other_way_round_counts_by_its_date() -> None:
    assert rate_for(RATES, "USD", "EUR", date(2026, 12, 31)) == EUR_USD_DEC
    assert rate_for(RATES, "EUR", "USD", date(2026, 11, 30)) == USD_EUR_NOV


def test_on_the_same_day_the_direct_rate_beats_the_inverted_one_then_the_later_entry() -> None:
    direct = Rate(10, "USD", "EUR", Decimal("0.80"), date(2026, 5, 1))
    reverse = Rate(11, "EUR", "USD", Decimal("1.30"), date(2026, 5, 1))
    again = Rate(12, "USD", "EUR", Decimal("0.81"), date(2026, 5, 1))
    assert rate_for([reverse, direct], "USD", "EUR", date(2026, 5, 1)) == direct
    assert rate_for([again, reverse, direct], "USD", "EUR", date(2026, 5, 1)) == again


def test_convert_multiplies_and_rounds_half_to_even() -> None:
    # 100.00 USD * 0.92 = 92.00 EUR
    assert convert(Decimal("100.00"), "USD", "EUR", date(2026, 11, 30), RATES) == Converted(
        Decimal("92.00"), USD_EUR_NOV, False
    )
    # 10.25 * 0.90 = 9.225 -> 9.22 (half to even); 10.35 * 0.90 = 9.315 -> 9.32
    assert convert(Decimal("10.25"), "USD", "EUR", date(2026, 10, 31), RATES).amount == Decimal("9.22")  # type: ignore[union-attr]
    assert convert(Decimal("10.35"), "USD", "EUR", date(2026, 10, 31), RATES).amount == Decimal("9.32")  # type: ignore[union-attr]


def test_convert_divides_by_a_rate_entered_the_other_way_round() -> None:
    # 1 EUR = 1.25 USD, so 100.00 USD = 80.00 EUR; 10.00 USD = 8.00 EUR; 1.00 USD = 0.80 EUR
    result = convert(Decimal("100.00"), "USD", "EUR", date(2026, 12, 31), RATES)
    assert result == Converted(Decimal("80.00"), EUR_USD_DEC, True)
    assert result.describe() == "1 EUR = 1.25 USD (2026-12-01), used inverted"
    # 1 EUR = 3 USD: 10.00 USD = 3.333... EUR -> 3.33
    thirds = Rate(5, "EUR", "USD", Decimal("3"), date(2026, 1, 1))
    assert convert(Decimal("10.00"), "USD", "EUR", date(2026, 1, 1), [thirds]).amount == Decimal("3.33")  # type: ignore[union-attr]


def test_same_currency_needs_no_rate_and_missing_rates_give_none() -> None:
    same = convert(Decimal("12.5"), "EUR", "EUR", date(2026, 1, 1), [])
    assert same == Converted(Decimal("12.50"), None, False)
    assert same.describe() == "no conversion needed"
    assert convert(Decimal("12.50"), "USD", "EUR", date(2026, 9, 30), RATES) is None
    assert convert(Decimal("12.50"), "CHF", "EUR", date(2026, 12, 31), RATES) is None


def test_describe_names_the_rate_used() -> None:
    result = convert(Decimal("2.00"), "GBP", "EUR", date(2026, 6, 30), RATES)
    assert result is not None and result.amount == Decimal("2.34")
    assert result.describe() == "1 GBP = 1.17 EUR (2026-01-01)"


def test_parse_rate_field_errors() -> None:
    with pytest.raises(FormErrors) as caught:
        parse_rate(currency="usd", to="USD", rate="0", on="2026-02-30")
    assert set(caught.value.errors) == {"to", "rate", "on"}
    rate = parse_rate(currency="usd", to="eur", rate="0.9214", on="2026-11-01")
    assert rate == Rate(0, "USD", "EUR", Decimal("0.9214"), date(2026, 11, 1))


def test_convert_totals_adds_what_has_a_rate_and_keeps_the_rest_apart() -> None:
    from tenfold.domain.rates import convert_totals

    totals = {"EUR": Decimal("10.00"), "USD": Decimal("100.00"), "CHF": Decimal("5.00")}
    # November: 100 USD * 0.92 = 92.00, + 10.00 EUR = 102.00; CHF has no rate
    result = convert_totals(totals, "EUR", month_end(2026, 11), RATES)
    assert result.amount == Decimal("102.00")
    assert [c.rate for c in result.used] == [USD_EUR_NOV]
    assert result.unconverted == {"CHF": Decimal("5.00")}
    # September has no USD rate yet: only the euros count
    early = convert_totals(totals, "EUR", month_end(2026, 9), RATES)
    assert early.amount == Decimal("10.00")
    assert early.unconverted == {"CHF": Decimal("5.00"), "USD": Decimal("100.00")}
