"""What the steps hold: suggested ticks, the list's badges, step 8's trends, step 4's months."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from oracles import stream_trends

from tenfold.domain.errors import FieldError
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.step_items import StepItem, parse_savings_months
from tenfold.domain.steps import StepState
from tenfold.figures.step_progress import Trend, month_start, step_badge, suggest_tick

DAY = date(2026, 11, 21)
GOAL = Goal("Royalties pay the rent", Decimal("1500.00"), "EUR", date(2027, 12, 31), date(2026, 1, 5))


def item(step: int, text: str = "x", *, done: bool = False, detail: str = "", stream_id: int | None = None,
         item_id: int = 1) -> StepItem:
    return StepItem(item_id, step, text, detail, done, DAY, stream_id)


# ----- suggest_tick ---------------------------------------------------------------------


def test_step_3_suggests_its_tick_only_when_every_sub_task_is_ticked() -> None:
    tasks = [item(3, f"task {n}", done=True, item_id=n) for n in range(1, 5)]
    assert suggest_tick(3, StepState(3), tasks, None) == "Step 3 looks done: 4 of 4 sub-tasks ticked."
    half = [*tasks[:3], item(3, "task 4", done=False, item_id=4)]
    assert suggest_tick(3, StepState(3), half, None) is None
    assert suggest_tick(3, StepState(3), [], None) is None, "no sub-tasks is no plan yet"


def test_a_ticked_step_suggests_nothing_and_other_steps_items_do_not_count() -> None:
    tasks = [item(3, done=True)]
    assert suggest_tick(3, StepState(3, DAY), tasks, None) is None
    assert suggest_tick(6, StepState(6), tasks, None) is None, "step 3's items say nothing about step 6"


def test_step_1_needs_a_chosen_idea_or_stream_and_names_it() -> None:
    assert suggest_tick(1, StepState(1), [], None) is None
    assert suggest_tick(1, StepState(1, idea_id=4), [], None, chosen="colleagues: Excel tips") == (
        "Step 1 looks done: you chose colleagues: Excel tips."
    )
    assert suggest_tick(1, StepState(1, stream_id=2), [], None) == "Step 1 looks done: you chose an idea."


def test_step_2_reads_the_goal_back() -> None:
    assert suggest_tick(2, StepState(2), [], None) is None
    assert suggest_tick(2, StepState(2), [], GOAL) == (
        "Step 2 looks done: your goal is written: 1,500.00 EUR a month by 2027-12-31."
    )


def test_step_4_needs_a_backup_plan_and_the_months_savings_last() -> None:
    plans = [item(4, "Day job", item_id=1), item(4, "Freelance translation", item_id=2)]
    assert suggest_tick(4, StepState(4), plans, None) is None, "months not noted yet"
    assert suggest_tick(4, StepState(4, savings_months=Decimal("6")), [], None) is None, "no plan yet"
    assert suggest_tick(4, StepState(4, savings_months=Decimal("4.5")), plans, None) == (
        "Step 4 looks done: 2 backup plans, and savings last 4.5 months."
    )
    assert suggest_tick(4, StepState(4, savings_months=Decimal("6.0")), plans[:1], None) == (
        "Step 4 looks done: 1 backup plan, and savings last 6 months."
    )


def test_step_5_needs_what_was_learned_not_only_a_name() -> None:
    assert suggest_tick(5, StepState(5), [item(5, "Pat", detail="  ")], None) is None
    studied = [item(5, "Pat", detail="an email a week", item_id=1), item(5, "Ana", item_id=2)]
    assert suggest_tick(5, StepState(5), studied, None) == (
        "Step 5 looks done: 1 marketer studied, with what you learned."
    )


def test_steps_6_and_7_need_a_group_joined_and_a_mentor_asked() -> None:
    assert suggest_tick(6, StepState(6), [item(6, "Indie authors")], None) is None
    assert suggest_tick(6, StepState(6), [item(6, "Indie authors", done=True)], None) == (
        "Step 6 looks done: 1 group joined."
    )
    candidates = [item(7, "Ana", done=True, item_id=1), item(7, "Bo", item_id=2), item(7, "Cy", item_id=3)]
    assert suggest_tick(7, StepState(7), candidates, None) == "Step 7 looks done: 1 of 3 mentor candidates asked."
    assert suggest_tick(7, StepState(7), [item(7, "Ana")], None) is None


def test_step_8_needs_a_scaled_stream_that_grew() -> None:
    scaled = [item(8, "", stream_id=3, item_id=1), item(8, "", stream_id=4, item_id=2)]
    flat = {3: Trend(Decimal(30), Decimal(30)), 4: Trend(Decimal(10), Decimal(20))}
    assert suggest_tick(8, StepState(8), scaled, None, trends=flat) is None
    assert suggest_tick(8, StepState(8), scaled, None) is None, "without trends nothing is known to grow"
    grew = {3: Trend(Decimal(45), Decimal(30)), 4: Trend(Decimal(5), Decimal(0))}
    assert suggest_tick(8, StepState(8), scaled, None, trends=grew) == (
        "Step 8 looks done: 1 stream you are scaling grew in the last three months."
    ), "stream 4 only began: new is not grown"


def test_step_8_does_not_suggest_its_tick_after_one_month_of_one_new_stream() -> None:
    new = {3: Trend(Decimal(120), Decimal(0))}
    assert suggest_tick(8, StepState(8), [item(8, "", stream_id=3)], None, trends=new) is None


# ----- badges ------------------------------------------------------------------------------


def test_badges_count_what_each_step_holds() -> None:
    items = [item(3, done=True, item_id=1), item(3, item_id=2), item(4, item_id=3), item(7, done=True, item_id=4),
             item(8, stream_id=1, item_id=5), item(5, item_id=6), item(6, item_id=7)]
    states = {n: StepState(n) for n in range(1, 9)}
    states[1] = StepState(1, idea_id=2)
    states[4] = StepState(4, savings_months=Decimal("6.0"))
    assert [step_badge(n, states[n], items, GOAL) for n in range(1, 9)] == [
        "chosen", "goal written", "1/2", "1 plan · 6 mo", "1 studied", "0/1 joined", "1/1 asked", "1 stream",
    ]
    empty = {n: StepState(n) for n in range(1, 9)}
    assert [step_badge(n, empty[n], [], None) for n in range(1, 9)] == [""] * 8
    assert step_badge(4, StepState(4, savings_months=Decimal(3)), [], None) == "3 mo"


# ----- trends ---------------------------------------------------------------------------------


def test_month_start_counts_back_across_years() -> None:
    assert month_start(DAY) == date(2026, 11, 1)
    assert month_start(DAY, 3) == date(2026, 8, 1)
    assert month_start(date(2026, 2, 28), 6) == date(2025, 8, 1)
    assert month_start(date(2026, 1, 31), 12) == date(2025, 1, 1)


def test_trends_compare_the_last_three_full_months_with_the_three_before() -> None:
    # On 2026-11-21: recent = Aug, Sep, Oct 2026; before = May, Jun, Jul 2026. November is still running.
    payments = [
        Payment(1, 7, date(2026, 11, 2), Decimal("999.00"), "this month: not counted"),
        Payment(2, 7, date(2026, 10, 31), Decimal("50.00"), ""),
        Payment(3, 7, date(2026, 8, 1), Decimal("25.00"), ""),
        Payment(4, 7, date(2026, 7, 31), Decimal("20.00"), ""),
        Payment(5, 7, date(2026, 5, 1), Decimal("40.00"), ""),
        Payment(6, 7, date(2026, 4, 30), Decimal("500.00"), "seven months ago: not counted"),
        Payment(7, 8, date(2026, 9, 9), Decimal("12.00"), ""),
        Payment(8, 9, date(2026, 9, 9), Decimal("77.00"), "a stream not asked about"),
    ]
    trends = stream_trends(payments, {7, 8, 10}, DAY)
    newest_first = sorted(payments, key=lambda p: (p.on, p.id), reverse=True)
    assert stream_trends(newest_first, {7, 8, 10}, DAY, newest_first=True) == trends
    assert trends == {
        7: Trend(Decimal("75.00"), Decimal("60.00")),
        8: Trend(Decimal("12.00"), Decimal(0)),
        10: Trend(Decimal(0), Decimal(0)),
    }
    assert trends[7].change == Decimal("0.25")
    assert [trends[n].direction for n in (7, 8, 10)] == ["up", "new", "none"]
    assert trends[7].describe("EUR") == "+25% (75.00 EUR vs 60.00 EUR)"
    assert trends[8].describe("EUR") == "new: 12.00 EUR in the last three months"
    assert trends[10].describe("EUR") == "no payments in the last six months"
    assert Trend(Decimal(40), Decimal(60)).describe("USD") == "-33% (40.00 USD vs 60.00 USD)"
    assert Trend(Decimal(60), Decimal(60)).direction == "flat"


# ----- step 4's months -------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "months"), [("6", Decimal(6)), (" 4.5 ", Decimal("4.5")),
                                               ("", None), ("0", Decimal(0)), ("1200", Decimal(1200))])
def test_savings_months_parse(typed: str, months: Decimal | None) -> None:
    assert parse_savings_months(typed) == months


@pytest.mark.parametrize(("typed", "message"), [
    ("six", "'six' is not a number of months; type e.g. 6 or 4.5"),
    ("-3", "'-3' is not a number of months; type e.g. 6 or 4.5"),
    ("4.25", "Use at most one decimal, e.g. 4.5"),
    ("4,5", "Use a dot for part of a month, e.g. 4.5"),
    ("1201", "At most 1,200 months (a hundred years)"),
])
def test_savings_months_refusals_name_the_field(typed: str, message: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_savings_months(typed)
    assert (caught.value.field, caught.value.message) == ("savings_months", message)
