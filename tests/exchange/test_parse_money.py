"""Money as sources write it: exact, never float, refused when it is not money."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tenfold.exchange.parse_money import Money, MoneyColumn, MoneyError, parse_money, round_to_minor


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("$1,234.56", "1234.56", None),
        ("12.50 CR", "12.50", None),
        ("1,234.56 Dr.", "-1234.56", None),
        ("EUR 12,50 DR", "-12.50", "EUR"),
        (".50", "0.50", None),
        ("-.50", "-0.50", None),
        ("-$45.00", "-45.00", None),
        ("$-45.00", "-45.00", None),
        ("($120.00)", "-120.00", None),
        ("€24.00", "24.00", "EUR"),
        ("24,00 €", "24.00", "EUR"),
        ("1,250.00", "1250.00", None),
        ("USD 12.00", "12.00", "USD"),
        ("12.00 usd", "12.00", "USD"),
        ("CA$5.00", "5.00", "CAD"),
        ("£1,000", "1000", "GBP"),
        ("50,00-", "-50.00", None),
        ("−12.00", "-12.00", None),
        ("1\u00a0234,56", "1234.56", None),
        ("1'234.50", "1234.50", None),
        ("12.345", "12.345", None),
        ("+7.5", "7.5", None),
        ("₹1,23,456.78", "123456.78", "INR"),  # Indian grouping: lakhs and crores
        ("12,34,56,789", "123456789", None),
    ],
)
def test_amounts_as_sources_write_them(text: str, amount: str, currency: str | None) -> None:
    assert parse_money(text) == Money(Decimal(amount), currency)


def test_decimal_comma_reads_german_amounts() -> None:
    assert parse_money("1.234,56", decimal_comma=True) == Money(Decimal("1234.56"))
    assert parse_money("1.234", decimal_comma=True) == Money(Decimal("1234"))
    assert parse_money("-0,99", decimal_comma=True) == Money(Decimal("-0.99"))
    assert parse_money("1,234", decimal_comma=False) == Money(Decimal("1234"))


@pytest.mark.parametrize("text", ["--", "", "  ", "n/a", "—"])
def test_empty_cells_are_none(text: str) -> None:
    assert parse_money(text) is None


@pytest.mark.parametrize("text", ["abc", "1,2,3.4.5", "12.34.56", "1e5", "NaN", "$$5", "5 EUR USD", "12,34,56.00",
                                  "1,23,4567.00", "1.23.456,00",
                                  "--5", "12.", "9" * 20, "CR", "-12.50 DR", "(5.00) DR", "+5 CR"])
def test_what_is_not_money_is_refused(text: str) -> None:
    with pytest.raises(MoneyError):
        parse_money(text)


def test_a_column_settles_the_decimal_mark_from_the_values_that_show_it() -> None:
    column = MoneyColumn([(2, "1.234"), (3, "12,50"), (4, "")])
    assert column.decimal_comma is True and column.conflict is None
    assert column.read("1.234") == Money(Decimal("1234"))
    english = MoneyColumn([(2, "1,234"), (3, "12.50")])
    assert english.read("1,234") == Money(Decimal("1234"))
    unsettled = MoneyColumn([(2, "1,234")], prefer_comma=True)
    assert unsettled.read("1,234") == Money(Decimal("1.234"))
    mixed = MoneyColumn([(2, "1,50"), (3, "1.50")])
    assert mixed.conflict == ((3, "1.50"), (2, "1,50"))


def test_rounding_is_half_even_to_the_minor_unit() -> None:
    assert round_to_minor(Decimal("12.345"), "USD") == Decimal("12.34")
    assert round_to_minor(Decimal("12.355"), "USD") == Decimal("12.36")
    assert round_to_minor(Decimal("1.5"), "JPY") == Decimal("2")
    assert round_to_minor(Decimal("2.5"), "JPY") == Decimal("2")
    assert round_to_minor(Decimal("1.2345"), "KWD") == Decimal("1.234")


def _written(value: Decimal, comma: bool, grouped: bool, style: str, symbol: str) -> str:
    """``value`` as a source might print it."""
    text = f"{abs(value):,.2f}" if grouped else f"{abs(value):.2f}"
    if comma:
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    if symbol in ("$", "€", "£"):
        text = symbol + text
    elif symbol:
        text = f"{text} {symbol}"
    if value >= 0:
        return text
    return {"minus": f"-{text}", "parens": f"({text})", "trailing": f"{text}-"}[style]


@settings(deadline=None)  # a loaded machine is not a failure
@given(
    st.decimals(min_value=Decimal("-999999999.99"), max_value=Decimal("999999999.99"), places=2),
    st.booleans(), st.booleans(), st.sampled_from(["minus", "parens", "trailing"]),
    st.sampled_from(["", "$", "€", "£", "USD", "EUR"]),
)
def test_round_trip_through_any_way_of_writing(value: Decimal, comma: bool, grouped: bool, style: str,
                                               symbol: str) -> None:
    text = _written(value, comma, grouped, style, symbol)
    parsed = parse_money(text, decimal_comma=comma)
    assert parsed is not None
    assert parsed.amount == value and isinstance(parsed.amount, Decimal)
    column = MoneyColumn([(2, text), (3, _written(Decimal("1.50"), comma, False, style, symbol))])
    assert column.read(text) == parsed


@settings(deadline=None)  # a loaded machine is not a failure
@given(st.text(max_size=30))
def test_anything_else_is_refused_or_read_never_crashes(text: str) -> None:
    try:
        result = parse_money(text)
    except MoneyError:
        return
    assert result is None or isinstance(result.amount, Decimal)
