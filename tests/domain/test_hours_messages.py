"""Hours fields explain themselves in hours, not as money with cents (QA finding)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from tenfold.domain.errors import FieldError, FormErrors
from tenfold.domain.ledger_forms import parse_hours, parse_stream
from tenfold.domain.money import parse_amount
from tenfold.domain.rates import parse_rate_value
from tenfold.domain.step_items import parse_savings_months


@pytest.mark.parametrize(("typed", "message"), [
    ("lots", "'lots' is not a number of hours; type e.g. 2.5"),
    ("2,5", "Use a dot for part of an hour, e.g. 2.5"),
    ("-3", "Hours cannot be negative"),
    ("2.555", "Use at most two decimals, e.g. 2.25"),
    ("9999999999999", "That is too many hours"),
])
def test_bad_hours_are_explained_in_hours(typed: str, message: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_hours(typed, "upkeep_hours")
    assert (caught.value.field, caught.value.message) == ("upkeep_hours", message)


def test_good_hours_and_blank() -> None:
    assert parse_hours(" 2.5 ", "upkeep_hours") == Decimal("2.50")
    assert parse_hours("", "upkeep_hours") == Decimal(0)


def test_the_stream_form_speaks_of_hours_for_hours_and_of_amounts_for_money() -> None:
    with pytest.raises(FormErrors) as caught:
        parse_stream(name="Course", category="course", kind="passive", currency="EUR", existing=[],
                     upfront_money="lots", upfront_hours="lots", upkeep_hours="lots")
    errors = caught.value.errors
    assert errors["upfront_hours"] == errors["upkeep_hours"] == "'lots' is not a number of hours; type e.g. 2.5"
    assert errors["upfront_money"] == "'lots' is not an amount; type digits like 12.50"


# ----- one rule for every decimal field ----------------------------------------------------------

def _refused(parse: Callable[[str], object], typed: str) -> bool:
    try:
        parse(typed)
    except (FieldError, FormErrors):
        return True
    return False


FIELDS: dict[str, Callable[[str], object]] = {
    "amount": parse_amount,
    "rate": parse_rate_value,
    "hours": lambda t: parse_hours(t, "upkeep_hours"),
    "savings months": parse_savings_months,
}


@pytest.mark.parametrize("typed", ["1e-3", "1e9", "1E2", "NaN", "inf", "+1", "0x10", "1,5", "1.2.3", "-1", ".", "1e"])
def test_every_decimal_field_refuses_what_the_others_refuse(typed: str) -> None:
    """An exponent is refused in a rate as in an amount: one parser rule for money, rates, hours, months."""
    assert {name: _refused(parse, typed) for name, parse in FIELDS.items()} == dict.fromkeys(FIELDS, True)


@pytest.mark.parametrize("typed", ["1", "0.5", ".5", "12.5", "1 000", "1_000.5"])
def test_every_decimal_field_accepts_plain_digits_and_a_dot(typed: str) -> None:
    assert {name: _refused(parse, typed) for name, parse in FIELDS.items()} == dict.fromkeys(FIELDS, False)


def test_the_rate_field_refuses_an_exponent_in_the_words_of_rates() -> None:
    with pytest.raises(FieldError) as caught:
        parse_rate_value("1e-3")
    assert caught.value.message == "'1e-3' is not a number; type a rate like 0.92"
