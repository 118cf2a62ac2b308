"""The domain: parsers that refuse bad input with a message, and ledger sums checked by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from oracles import progress, summarize

from tenfold.domain.dates import parse_date, previous_month
from tenfold.domain.errors import FieldError, FormErrors
from tenfold.domain.goal import Goal, parse_goal
from tenfold.domain.ideas import Idea, newest_first, parse_idea
from tenfold.domain.ledger import Payment
from tenfold.domain.ledger_forms import parse_payment, parse_stream
from tenfold.domain.money import (
    MAX_AMOUNT,
    decimal_from_store,
    format_money,
    format_totals,
    parse_amount,
    parse_currency,
)
from tenfold.domain.steps import STEPS, StepState, next_step, step_info
from tenfold.domain.streams import Stream
from tenfold.domain.text import clean_text, safe_display
from tenfold.figures.totals import month_totals

# ----- money -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("12.5", "12.50"), ("1250", "1250.00"), (" 3.07 ", "3.07"), ("1_000", "1000.00"), ("0.01", "0.01"),
     ("007.10", "7.10"), ("999999999999.99", "999999999999.99")],
)
def test_amounts_parse_exactly(typed: str, expected: str) -> None:
    value = parse_amount(typed)
    assert isinstance(value, Decimal)
    assert str(value) == expected


@pytest.mark.parametrize(
    ("typed", "says"),
    [("abc", "not an amount"), ("1,2,3", "dot for cents"), ("NaN", "not an amount"), ("1e400", "not an amount"),
     ("", "Enter an amount"), ("   ", "Enter an amount"), ("-5", "positive"), ("12.345", "two decimal"),
     ("0", "more than zero"), ("1000000000000", "too large"), ("Infinity", "not an amount"), ("12.", "not an amount"),
     ("0x10", "not an amount"), ("1.2.3", "not an amount")],
)
def test_bad_amounts_are_refused_with_a_reason(typed: str, says: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_amount(typed, "amount")
    assert caught.value.field == "amount"
    assert says in caught.value.message


def test_zero_only_where_allowed() -> None:
    assert parse_amount("0", allow_zero=True) == Decimal("0.00")


def test_stored_amounts_must_be_strings_in_range() -> None:
    assert decimal_from_store("12.50") == Decimal("12.50")
    for bad in (12.5, "NaN", "Infinity", "abc", str(MAX_AMOUNT + 1), None):
        with pytest.raises(ValueError):
            decimal_from_store(bad)


def test_money_formats_and_currencies_never_mix() -> None:
    assert format_money(Decimal("1250.5"), "EUR") == "1,250.50 EUR"
    assert format_totals({"USD": Decimal("1"), "EUR": Decimal("2.5")}) == "2.50 EUR + 1.00 USD"
    assert format_totals({}) == "0.00"
    assert parse_currency(" eur ") == "EUR"
    for bad in ("", "EURO", "€", "E1R"):
        with pytest.raises(FieldError):
            parse_currency(bad)


# ----- dates and text ------------------------------------------------------------


def test_dates() -> None:
    assert parse_date(" 2024-02-29 ") == date(2024, 2, 29)
    cases = {"2026-02-30": "February 2026 has 28 days", "2026-13-01": "no month 13", "": "YYYY-MM-DD",
             "26-1-1": "not a date", "1899-12-31": "between 1900 and 2200", "2026/01/01": "not a date"}
    for typed, says in cases.items():
        with pytest.raises(FieldError) as caught:
            parse_date(typed)
        assert says in caught.value.message
    assert previous_month(2026, 1) == (2025, 12)
    assert previous_month(2026, 3) == (2026, 2)


def test_text_is_kept_exactly_or_refused() -> None:
    kept = "Ünïcödé 🎉 — שלום עולם\n  indented\tand long " + "x" * 5000
    assert clean_text(kept, "notes") == kept
    assert clean_text("  name  ", "name", single_line=True) == "name"
    for bad, kwargs, says in [
        ("a\x00b", {}, "NUL"),
        ("\ud800", {}, "UTF-8"),
        ("   ", {"required": True}, "cannot be empty"),
        ("two\nlines", {"single_line": True}, "single line"),
        ("x" * 100_001, {}, "Too long"),
    ]:
        with pytest.raises(FieldError) as caught:
            clean_text(bad, "notes", **kwargs)
        assert says in caught.value.message


def test_safe_display_shows_control_characters() -> None:
    assert safe_display("\x1b[31mred\x07\r") == "\u241b[31mred\u2407\u240d"
    assert safe_display("keep\nlines\tand tabs 🎉") == "keep\nlines\tand tabs 🎉"
    assert safe_display("\x7f\x85") == "\u2421\ufffd"


# ----- goal, steps, streams, payments, ideas ----------------------------------------

TODAY = date(2026, 3, 15)


def test_parse_goal_collects_every_problem() -> None:
    goal = parse_goal(text="  Freedom by 40  ", amount="2500", currency="usd", deadline="2030-01-01", today=TODAY)
    assert goal == Goal("Freedom by 40", Decimal("2500.00"), "USD", date(2030, 1, 1), TODAY)
    with pytest.raises(FormErrors) as caught:
        parse_goal(text=" ", amount="1e400", currency="dollars", deadline="2026-03-15", today=TODAY)
    assert set(caught.value.errors) == {"text", "amount", "currency", "deadline"}
    assert "future" in caught.value.errors["deadline"]


def test_steps() -> None:
    assert [s.number for s in STEPS] == list(range(1, 9))
    assert STEPS[0].title == "Select your passive income idea"
    assert STEPS[7].title == "Scale like the wind"
    with pytest.raises(ValueError):
        step_info(9)
    assert next_step([StepState(1, TODAY), StepState(2, TODAY)]) == STEPS[2]
    assert next_step([StepState(n, TODAY) for n in range(1, 9)]) is None
    assert StepState.from_store(StepState(4, TODAY, "n").to_store()) == StepState(4, TODAY, "n")
    with pytest.raises(ValueError):
        StepState.from_store({"number": 9})


def test_parse_stream() -> None:
    existing = [Stream(1, "Ebook", "ebook", "passive", "EUR")]
    made = parse_stream(name=" Course ", category="", kind="Passive", currency="", existing=existing)
    assert made == Stream(0, "Course", "other", "passive", "EUR")
    with pytest.raises(FormErrors) as caught:
        parse_stream(name="ebook", category="lottery", kind="lucky", currency="12", existing=existing)
    assert set(caught.value.errors) == {"name", "category", "kind", "currency"}
    assert "already exists" in caught.value.errors["name"]
    with pytest.raises(FormErrors) as caught:
        parse_stream(name="  ", category="ebook", kind="passive", currency="EUR", existing=[])
    assert "cannot be empty" in caught.value.errors["name"]
    # renaming a stream to its own name is not a duplicate
    assert parse_stream(name="EBOOK", category="ebook", kind="passive", currency="EUR", existing=existing,
                        stream_id=1).name == "EBOOK"


def test_parse_payment() -> None:
    streams = [Stream(7, "Ebook", "ebook", "passive", "EUR")]
    by_name = parse_payment(stream="ebook", on="2026-03-02", amount="9.99", note=" hi ", streams=streams)
    assert by_name == Payment(0, 7, date(2026, 3, 2), Decimal("9.99"), "hi")
    assert parse_payment(stream="7", on="2026-03-02", amount="1", note="", streams=streams).stream_id == 7
    with pytest.raises(FormErrors) as caught:
        parse_payment(stream="Rent", on="2026-02-30", amount="abc", note="", streams=streams)
    assert set(caught.value.errors) == {"stream", "on", "amount"}
    assert "no stream called 'Rent'" in caught.value.errors["stream"]
    with pytest.raises(FormErrors) as caught:
        parse_payment(stream="", on="2026-03-01", amount="1", note="", streams=[])
    assert caught.value.errors == {"stream": "Add a stream first"}


def test_parse_idea_and_order() -> None:
    idea = parse_idea(who=" bakers ", value="bread", reach="", delivery="", written_on=TODAY)
    assert (idea.who, idea.value) == ("bakers", "bread")
    with pytest.raises(FormErrors) as caught:
        parse_idea(who="", value=" ", reach="", delivery="", written_on=TODAY)
    assert set(caught.value.errors) == {"who", "value"}
    older = Idea(5, "a", "b", "", "", date(2026, 1, 1))
    same_day_first = Idea(2, "c", "d", "", "", TODAY)
    same_day_second = Idea(3, "e", "f", "", "", TODAY)
    assert newest_first([older, same_day_first, same_day_second]) == [same_day_second, same_day_first, older]


# ----- ledger arithmetic, figures worked out by hand ---------------------------------

STREAMS = [
    Stream(1, "Dividends", "dividends", "passive", "EUR"),
    Stream(2, "Consulting", "other", "active", "EUR"),
    Stream(3, "Ebook US", "ebook", "passive", "USD"),
    Stream(4, "ETF", "dividends", "portfolio", "EUR"),
]


def pay(pid: int, stream: int, on: str, amount: str) -> Payment:
    return Payment(pid, stream, date.fromisoformat(on), Decimal(amount), "")


PAYMENTS = [
    pay(1, 1, "2026-03-01", "12.50"),
    pay(2, 1, "2026-03-31", "0.10"),
    pay(3, 1, "2026-03-31", "0.20"),  # 0.10 + 0.20 is exactly 0.30 here, unlike floats
    pay(4, 2, "2026-03-10", "1000.00"),
    pay(5, 3, "2026-03-05", "9.99"),
    pay(6, 4, "2026-03-20", "5.01"),
    pay(7, 1, "2026-02-28", "100.00"),
    pay(8, 3, "2026-02-01", "0.01"),
    pay(9, 1, "2025-03-10", "50.00"),  # same month a year earlier: not this month
    pay(10, 1, "2026-04-01", "7.00"),  # next month
]


def test_month_totals_by_hand() -> None:
    # March 2026: EUR 12.50 + 0.10 + 0.20 + 1000.00 + 5.01 = 1017.81; USD 9.99
    assert month_totals(PAYMENTS, STREAMS, 2026, 3) == {"EUR": Decimal("1017.81"), "USD": Decimal("9.99")}
    assert month_totals(PAYMENTS, STREAMS, 2026, 3, kind="passive") == {"EUR": Decimal("12.80"), "USD": Decimal("9.99")}
    assert month_totals(PAYMENTS, STREAMS, 2026, 3, kind="portfolio") == {"EUR": Decimal("5.01")}
    assert month_totals(PAYMENTS, STREAMS, 2025, 3) == {"EUR": Decimal("50.00")}
    assert month_totals(PAYMENTS, STREAMS, 2026, 5) == {}


def test_summary_and_progress_by_hand() -> None:
    summary = summarize(PAYMENTS, STREAMS, date(2026, 3, 15))
    assert summary.this_month == {"EUR": Decimal("1017.81"), "USD": Decimal("9.99")}
    assert summary.last_month == {"EUR": Decimal("100.00"), "USD": Decimal("0.01")}
    assert summary.passive_this_month == {"EUR": Decimal("12.80"), "USD": Decimal("9.99")}
    assert summary.passive_last_month == {"EUR": Decimal("100.00"), "USD": Decimal("0.01")}
    # January looks back to December of the year before
    january = summarize([*PAYMENTS, pay(11, 1, "2025-12-31", "3.00")], STREAMS, date(2026, 1, 2))
    assert january.last_month == {"EUR": Decimal("3.00")}
    # 12.80 of a 100.00 target is 0.128; the USD does not count toward a EUR goal
    assert progress(summary.passive_this_month, Decimal("100.00"), "EUR") == Decimal("0.128")
    assert progress(summary.passive_this_month, Decimal("9.99"), "USD") == Decimal("1")
    assert progress({}, Decimal("100"), "EUR") == Decimal("0")
    assert progress(summary.passive_this_month, Decimal("0"), "EUR") == Decimal("0")


def test_amounts_are_ascii_digits_only() -> None:
    """Digits from other scripts are refused rather than read as a number."""
    for typed in ("١٢", "１２", "12.٥"):
        with pytest.raises(FieldError):
            parse_amount(typed)


def test_direction_overrides_are_shown_not_obeyed() -> None:
    """A right-to-left override cannot reorder the screen; Hebrew text stays as typed."""
    assert safe_display("a\u202eb") == "a\ufffdb"
    assert safe_display("שלום world") == "שלום world"
