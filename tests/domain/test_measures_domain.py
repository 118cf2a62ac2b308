"""Step 4's bills, hours entries, the three parts and step entries: parsing and their messages."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tenfold.domain.errors import FormErrors
from tenfold.domain.freedom import Freedom, parse_freedom
from tenfold.domain.hours import HoursEntry, parse_hours_entry, stream_began
from tenfold.domain.parts import PartsRating, parse_parts
from tenfold.domain.step_entries import mentor_line, next_candidate, parse_entries
from tenfold.domain.step_items import StepItem
from tenfold.domain.streams import Stream

D = Decimal
EBOOK = Stream(1, "Ebook", "ebook", "passive", "EUR", started_on=date(2026, 3, 1))
TODAY = date(2026, 7, 1)


def errors_of(call: object) -> dict[str, str]:
    assert callable(call)
    with pytest.raises(FormErrors) as caught:
        call()
    return caught.value.errors


def test_bills_are_checked_field_by_field_and_keep_what_is_not_given() -> None:
    first = parse_freedom(bills="2400", currency="eur", savings="12000")
    assert first == Freedom("EUR", D("2400.00"), D("12000.00"), None)
    assert parse_freedom(hourly_rate="35", current=first) == Freedom("EUR", D("2400.00"), D("12000.00"), D("35.00"))
    assert parse_freedom(savings="", current=first).savings is None  # blank clears
    assert errors_of(lambda: parse_freedom(bills="-5", currency="euro", savings="lots", hourly_rate="1e3")) == {
        "currency": "'euro' is not a currency code; use three letters like EUR",
        "bills": "The amount must be positive",
        "savings": "'lots' is not an amount; type digits like 12.50",
        "hourly_rate": "'1e3' is not an amount; type digits like 12.50",
    }
    assert errors_of(lambda: parse_freedom(bills="5000000", hourly_rate="20000")) == {
        "bills": "Bills of more than 1,000,000 looks like a typo; check the digits",
        "hourly_rate": "An hourly rate of more than 10,000 looks like a typo; check the digits",
    }
    assert errors_of(lambda: parse_freedom(bills="0")) == {"bills": "The amount must be more than zero"}
    assert Freedom.from_store(first.to_store()) == first


def test_hours_are_refused_in_the_future_before_the_stream_began_or_beyond_a_day() -> None:
    began = {EBOOK.id: stream_began(EBOOK, date(2026, 2, 20))}  # a payment before the start moves it back
    entry = parse_hours_entry(stream="ebook", on="2026-06-30", hours="1.5", note=" mail ", streams=[EBOOK],
                              today=TODAY, began=began)
    assert entry == HoursEntry(0, EBOOK.id, date(2026, 6, 30), D("1.50"), "mail")
    assert HoursEntry.from_store(3, entry.to_store()) == HoursEntry(3, EBOOK.id, date(2026, 6, 30), D("1.50"), "mail")
    assert errors_of(lambda: parse_hours_entry(stream="Ebook", on="2026-07-02", hours="25", note="",
                                               streams=[EBOOK], today=TODAY, began=began)) == {
        "on": "2026-07-02 is in the future: log hours once they are spent",
        "hours": "One entry is one day: at most 24 hours",
    }
    assert errors_of(lambda: parse_hours_entry(stream="Ebook", on="2026-02-19", hours="-1", note="",
                                               streams=[EBOOK], today=TODAY, began=began)) == {
        "on": "Ebook began on 2026-02-20: hours before that belong in its up-front hours",
        "hours": "Hours cannot be negative",
    }
    assert errors_of(lambda: parse_hours_entry(stream="", on="x", hours="0", note="", streams=[],
                                               today=TODAY)) == {
        "stream": "Add a stream first",
        "on": "'x' is not a date; use YYYY-MM-DD, e.g. 2027-12-31",
        "hours": "Enter the hours spent, e.g. 1.5",
    }


def test_the_weakest_part_is_named_with_one_question() -> None:
    rating = parse_parts(target="stream", target_id=1, creation="4", delivery="2", payment="2")
    assert rating.weakest == "delivery"  # a tie: delivery first
    assert rating.advice().startswith("Weakest: Value delivery (2/5). How could it reach")
    assert rating.summary() == "creation 4 · delivery 2 · payment 2"
    assert parse_parts(target="idea", target_id=1, creation="", delivery="", payment="").weakest is None
    assert PartsRating.from_store(5, rating.to_store()).creation == 4
    assert errors_of(lambda: parse_parts(target="idea", target_id=1, creation="6", delivery="two",
                                         payment="3")) == {
        "creation": "Rate it 1 to 5 (1 weak · 3 works · 5 strong), or leave it blank",
        "delivery": "Rate it 1 to 5 (1 weak · 3 works · 5 strong), or leave it blank",
    }


def test_step_entries_are_checked_and_older_items_read_without_any() -> None:
    assert parse_entries(7, {"pitch": "Hello\nthere", "sent_on": "2026-06-01", "outcome": "waiting"}) == {
        "pitch": "Hello\nthere", "sent_on": "2026-06-01", "outcome": "waiting"}
    assert errors_of(lambda: parse_entries(7, {"sent_on": "2026-06-10", "follow_up_on": "2026-06-01",
                                               "outcome": "maybe"})) == {
        "outcome": "Choose one of: waiting, yes, no, no answer",
        "follow_up_on": "Follow up after the pitch was sent (2026-06-10)",
    }
    assert errors_of(lambda: parse_entries(5, {"stream": "9"}, [1])) == {
        "stream": "Choose one of your streams, or none"}
    assert errors_of(lambda: parse_entries(8, {"check_on": "2026-02-30"})) == {
        "check_on": "2026-02-30 is not a real date: February 2026 has 28 days"}
    old = StepItem.from_store(1, {"step": 6, "text": "Bakers", "detail": "", "done": True,
                                  "added_on": "2026-01-01", "stream_id": None})
    assert old.extra == {} and "extra" not in old.to_store()


def test_after_a_no_the_next_candidate_is_proposed() -> None:
    def mentor(iid: int, name: str, **extra: str) -> StepItem:
        return StepItem(iid, 7, name, "", False, date(2026, 6, 1), None, extra=dict(extra))

    maria = mentor(1, "Maria", outcome="no", sent_on="2026-06-02")
    assert mentor_line([maria], TODAY) == "Maria said no: add the next candidate and keep looking"
    jon = mentor(2, "Jon")
    assert next_candidate([maria, jon]) == jon
    assert mentor_line([maria, jon], TODAY) == "Maria said no; next: pitch Jon"
    waiting = mentor(2, "Jon", sent_on="2026-06-10", follow_up_on="2026-06-24", outcome="waiting")
    assert mentor_line([maria, waiting], TODAY) == "Follow up with Jon: the follow-up date 2026-06-24 has come"
    assert mentor_line([maria, mentor(2, "Jon", outcome="yes")], TODAY) is None
    assert mentor_line([], TODAY) is None


def test_a_sub_tasks_due_date_is_optional_checked_and_kept_only_when_given() -> None:
    from tenfold.domain.step_items import parse_step_item

    old = StepItem.from_store(1, {"step": 3, "text": "Outline", "detail": "", "done": False,
                                  "added_on": "2026-01-01", "stream_id": None, "done_on": None})
    assert old.due_on is None and "due_on" not in old.to_store(), "an older item reads as having no date"
    item = parse_step_item(step=3, text="Chapter 1", detail="", done=False, added_on=TODAY, due=" 2026-07-10 ")
    assert item.due_on == date(2026, 7, 10) and item.to_store()["due_on"] == "2026-07-10"
    assert StepItem.from_store(5, item.to_store()).due_on == date(2026, 7, 10)
    assert not item.overdue(date(2026, 7, 10)) and item.overdue(date(2026, 7, 11))
    assert errors_of(lambda: parse_step_item(step=3, text="Chapter 1", detail="", done=False, added_on=TODAY,
                                             due="next friday")) == {
        "due": "'next friday' is not a date; use YYYY-MM-DD, e.g. 2027-12-31"}
    assert errors_of(lambda: parse_step_item(step=3, text="", detail="", done=False, added_on=TODAY,
                                             due="2026-02-30")).keys() == {"text", "due"}, "every problem at once"
    with pytest.raises(ValueError):
        StepItem.from_store(1, {**item.to_store(), "due_on": "soon"})


def test_a_payments_units_are_optional_whole_and_left_out_of_the_file_when_absent() -> None:
    from tenfold.domain.errors import FieldError
    from tenfold.domain.ledger import Payment
    from tenfold.domain.ledger_forms import parse_payment, parse_units

    plain = Payment(1, EBOOK.id, TODAY, Decimal("6.99"), "")
    assert plain.to_store() == {"stream_id": 1, "on": "2026-07-01", "amount": "6.99", "note": ""}
    assert Payment.from_store(1, plain.to_store()) == plain and plain.units is None
    sold = parse_payment(stream="Ebook", on="2026-07-01", amount="20.97", note="", streams=[EBOOK], units=" 3 ")
    assert sold.units == 3 and sold.to_store()["units"] == 3
    assert Payment.from_store(4, sold.to_store()) == Payment(4, 1, TODAY, Decimal("20.97"), "", units=3)
    assert parse_units("") is None and parse_units("1,200") == 1200 and parse_units("1,234,567") == 1_234_567
    for typed, message in (("three", "'three' is not a number of units; type a whole number, e.g. 3"),
                           ("2.5", "'2.5' is not a number of units; type a whole number, e.g. 3"),
                           ("0", "Leave it blank when nothing was delivered; units start at 1"),
                           ("-1", "'-1' is not a number of units; type a whole number, e.g. 3"),
                           ("1,5", "'1,5' is not a number of units; type a whole number, e.g. 1200"),
                           ("1,2,3", "'1,2,3' is not a number of units; type a whole number, e.g. 1200"),
                           ("12,00", "'12,00' is not a number of units; type a whole number, e.g. 1200")):
        with pytest.raises(FieldError) as caught:
            parse_units(typed)
        assert caught.value.message == message
    assert errors_of(lambda: parse_payment(stream="Ebook", on="2026-07-01", amount="x", note="", streams=[EBOOK],
                                           units="lots")).keys() == {"amount", "units"}
    for bad in (0, True, "3", -2):
        with pytest.raises((TypeError, ValueError)):
            Payment.from_store(1, {**sold.to_store(), "units": bad})
