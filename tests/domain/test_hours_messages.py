"""Hours fields explain themselves in hours, not as money with cents (QA finding)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tenfold.domain.errors import FieldError, FormErrors
from tenfold.domain.ledger import parse_hours, parse_stream


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
