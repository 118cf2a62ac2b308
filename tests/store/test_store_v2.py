"""Schema 2's records in the store: saved, read back from a fresh open, links kept consistent."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import orjson
import pytest
from storekit import TODAY, fixed
from tinydb import TinyDB

from tenfold.domain.errors import FieldError, FormErrors
from tenfold.domain.goal import Goal
from tenfold.domain.ideas import Idea, Rung, parse_idea, parse_rating
from tenfold.domain.ledger import Payment
from tenfold.domain.ledger_forms import parse_payment, parse_stream
from tenfold.domain.rates import Rate, parse_rate
from tenfold.domain.step_items import StepItem, parse_step_item
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.store.file.storage import AtomicJSONStorage
from tenfold.store.store import Store


def test_new_records_survive_a_fresh_open(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed()) as store:
        idea = store.add_idea(Idea(0, "bakers", "starter", "", "", TODAY, 1_000,
                                   (Rung(1, "in person", False), Rung(1_000, "video course", True))))
        stream = store.add_stream(Stream(0, "Course", "course", "passive", "EUR", "monthly", Decimal("40.00"),
                                         Decimal("300.00"), Decimal("80"), Decimal("3.5"), idea.id))
        store.add_payment(Payment(0, stream.id, TODAY, Decimal("40.00"), "March", "ACME"))
        store.add_rate(Rate(0, "USD", "EUR", Decimal("0.9214"), TODAY))
        store.set_step(StepState(4, None, "", savings_months=Decimal("7")))
        store.add_step_item(StepItem(0, 7, "Ana", "ran a course business", True, TODAY))
        store.dismiss("no-backup", TODAY)
    with Store.open(path, read_only=True) as again:
        assert again.idea(idea.id) == idea and again.idea(idea.id).passive_level == 2  # type: ignore[union-attr]
        assert again.stream(stream.id) == stream
        assert again.payments()[0].customer == "ACME"
        assert again.rates()[0].rate == Decimal("0.9214")
        assert again.steps()[3].savings_months == Decimal("7")
        assert [(i.text, i.done) for i in again.step_items(7)] == [("Ana", True)]
        assert again.dismissed() == {"no-backup": TODAY}
    # still a TinyDB file, readable by TinyDB itself
    db = TinyDB(path)
    assert db.table("payments").get(doc_id=1)["customer"] == "ACME"  # type: ignore[index]
    db.close()
    through_ours = TinyDB(path, storage=AtomicJSONStorage, read_only=True)  # TinyDB's interface, by duck typing
    assert through_ours.table("payments").get(doc_id=1)["customer"] == "ACME"  # type: ignore[index]


def test_payments_stay_sorted_through_adds_edits_and_deletes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.json", today=fixed()) as store:
        s = store.add_stream(Stream(0, "A", "ebook", "passive", "EUR"))
        days = [date(2026, 3, d) for d in (5, 1, 9, 5, 3)]
        made = [store.add_payment(Payment(0, s.id, d, Decimal(1), "")) for d in days]
        assert [(p.on.day, p.id) for p in store.payments()] == [(9, 3), (5, 4), (5, 1), (3, 5), (1, 2)]
        store.update_payment(dataclasses.replace(made[1], on=date(2026, 3, 20)))
        store.delete_payment(made[2].id)
        store.add_payments([Payment(0, s.id, date(2026, 3, 4), Decimal(2), "")])
        expected = sorted(store._payments_cache._payments.values(), key=lambda p: (p.on, p.id), reverse=True)
        assert store.payments() == expected
        assert store.latest_payment() == expected[0]


def test_ids_are_not_reused_after_a_delete_and_continue_after_reopen(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed()) as store:
        a = store.add_idea(Idea(0, "a", "a", "", "", TODAY))
        b = store.add_idea(Idea(0, "b", "b", "", "", TODAY))
        store.delete_idea(b.id)
        c = store.add_idea(Idea(0, "c", "c", "", "", TODAY))
        assert (a.id, b.id, c.id) == (1, 2, 3)
    with Store.open(path, today=fixed()) as store:
        assert store.add_idea(Idea(0, "d", "d", "", "", TODAY)).id == 4


def test_rewriting_the_goal_keeps_the_old_one_and_an_equal_goal_does_not(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.json", today=fixed()) as store:
        first = Goal("1k a month", Decimal("1000.00"), "EUR", date(2028, 1, 1), TODAY)
        store.set_goal(first)
        store.set_goal(first)
        store.set_goal(dataclasses.replace(first, written_on=date(2026, 3, 20)))  # saved again, unchanged
        assert store.goal_history() == [] and store.goal == first
        second = dataclasses.replace(first, amount=Decimal("2000.00"), written_on=date(2026, 4, 1))
        store.set_goal(second)
        history = store.goal_history()
        assert [(v.goal, v.replaced_on) for v in history] == [(first, date(2026, 4, 1))]


def test_deleting_links_clears_them_in_the_same_write(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed()) as store:
        idea = store.add_idea(Idea(0, "a", "b", "", "", TODAY))
        stream = store.add_stream(Stream(0, "S", "ebook", "passive", "EUR", idea_id=idea.id))
        store.set_step(StepState(1, None, "", idea_id=idea.id, stream_id=stream.id))
        store.add_step_item(StepItem(0, 8, "", "", False, TODAY, stream.id))
        store.add_step_item(StepItem(0, 3, "keep me", "", False, TODAY))
        store.delete_idea(idea.id)
        assert store.stream(stream.id).idea_id is None  # type: ignore[union-attr]
        assert store.steps()[0].idea_id is None
        store.delete_stream(stream.id)
        assert store.steps()[0].stream_id is None
        assert [i.text for i in store.step_items()] == ["keep me"]
    data = orjson.loads(path.read_bytes())
    assert data["steps"]["1"]["idea_id"] is None and data["steps"]["1"]["stream_id"] is None
    assert [i["text"] for i in data["step_items"].values()] == ["keep me"]


def test_stream_form_fields_parse_with_messages() -> None:
    s = parse_stream(name="Course", category="course", kind="passive", currency="usd", existing=[],
                     cadence="Quarterly", expected="99.50", upfront_money="", upfront_hours="12.5", upkeep_hours="2")
    assert (s.cadence, s.expected, s.upfront_money, s.upfront_hours, s.upkeep_hours) == (
        "quarterly", Decimal("99.50"), Decimal(0), Decimal("12.50"), Decimal("2.00"))
    with pytest.raises(FormErrors) as caught:
        parse_stream(name="C", category="course", kind="passive", currency="EUR", existing=[],
                     cadence="weekly", expected="abc", upkeep_hours="800", upfront_hours="-1")
    assert set(caught.value.errors) == {"cadence", "expected", "upkeep_hours", "upfront_hours"}
    assert "744" in caught.value.errors["upkeep_hours"]


def test_payment_customer_is_one_line() -> None:
    streams = [Stream(1, "A", "ebook", "passive", "EUR")]
    p = parse_payment(stream="A", on="2026-03-01", amount="5", note="", streams=streams, customer="  ACME ")
    assert p.customer == "ACME"
    with pytest.raises(FormErrors) as caught:
        parse_payment(stream="A", on="2026-03-01", amount="5", note="", streams=streams, customer="a\nb")
    assert "customer" in caught.value.errors


def test_reach_rating_and_ladder_parse() -> None:
    assert [parse_rating(t) for t in ("", "1", "10", "100", "1k", "1,000", "1M", "1000000")] == [
        0, 1, 10, 100, 1_000, 1_000, 1_000_000, 1_000_000]
    with pytest.raises(FieldError, match="Choose a rung"):
        parse_rating("50")
    idea = parse_idea(who="w", value="v", reach="", delivery="", written_on=TODAY, rating="100",
                      ladder={100: ("a recording", True), 10: ("  ", False), 1: ("coffee chat", False)})
    assert [(r.people, r.how, r.automated) for r in idea.ladder] == [
        (1, "coffee chat", False), (100, "a recording", True)]
    assert idea.passive_level == 2
    assert dataclasses.replace(idea, rating=1).passive_level == 1
    with pytest.raises(FormErrors) as caught:
        parse_idea(who="w", value="v", reach="", delivery="", written_on=TODAY, rating="7")
    assert caught.value.errors == {"rating": "Choose a rung: 1, 10, 100, 1k or 1M people"}


def test_rate_and_step_item_forms() -> None:
    r = parse_rate(currency="usd", to="eur", rate="0.92", on="2026-03-01")
    assert (r.currency, r.to, r.rate) == ("USD", "EUR", Decimal("0.92"))
    with pytest.raises(FormErrors) as caught:
        parse_rate(currency="EUR", to="EUR", rate="0,9", on="2026-02-30")
    assert set(caught.value.errors) == {"to", "rate", "on"}
    with pytest.raises(FormErrors) as caught:
        parse_rate(currency="EUR", to="USD", rate="0", on="2026-01-01")
    assert caught.value.errors["rate"] == "The rate must be more than zero"
    item = parse_step_item(step=3, text=" Outline ", detail="", done=False, added_on=TODAY)
    assert item.text == "Outline"
    with pytest.raises(FormErrors) as caught:
        parse_step_item(step=5, text="", detail="", done=False, added_on=TODAY)
    assert "text" in caught.value.errors
