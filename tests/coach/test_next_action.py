"""The next action follows the sub-tasks, and the day's question never repeats it."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from tenfold.coach.actions import next_action
from tenfold.coach.prompts import load_prompts
from tenfold.coach.today import build_today
from tenfold.domain.step_items import StepItem
from tenfold.domain.steps import STEPS, StepState

TODAY = date(2027, 1, 20)
TWO_DONE = [StepState(n, done_on=date(2027, 1, 1) if n <= 2 else None) for n in range(1, 9)]
WEEKS = [StepItem(n, 3, f"Week {n}: chapter {n}", "by Sunday" if n == 3 else "", n <= 2, TODAY) for n in (1, 2, 3, 4)]


def test_the_next_action_is_the_first_unticked_sub_task_and_moves_on() -> None:
    step = STEPS[2]
    assert next_action(step, []) == step.today, "no sub-tasks yet: the step's own suggestion"
    assert next_action(step, WEEKS) == "Task: Week 3: chapter 3 (by Sunday) · 2 of 4 sub-tasks done."
    ticked = [dataclasses.replace(i, done=True) if i.id == 3 else i for i in WEEKS]
    assert next_action(step, ticked) == "Task: Week 4: chapter 4 · 3 of 4 sub-tasks done."
    every = [dataclasses.replace(i, done=True) for i in WEEKS]
    assert next_action(step, every).startswith("All 4 sub-tasks done: tick step 3")


def test_the_card_shows_it_and_a_question_about_another_step() -> None:
    prompts = load_prompts()
    for n in range(40):
        view = build_today(today=TODAY + timedelta(days=n), goal=None, streams=[], payments=[], steps=TWO_DONE,
                           backup_items=0, checkins=set(), dismissed={}, prompts=prompts, items=WEEKS)
        assert view.next_action.startswith("Task: Week 3")
        assert not view.prompt.startswith("Step 3:"), "the day's question is not the next action again"
        assert "which stream brought in money" not in view.prompt, "no streams yet"


def test_a_due_date_orders_the_sub_tasks_and_an_overdue_one_is_named() -> None:
    step = STEPS[2]
    undated = StepItem(1, 3, "Write the blurb", "", False, TODAY)
    later = StepItem(2, 3, "Chapter 2", "", False, TODAY, due_on=date(2027, 2, 3))
    sooner = StepItem(3, 3, "Chapter 1", "draft", False, TODAY, due_on=date(2027, 1, 25))
    done = StepItem(4, 3, "Outline", "", True, TODAY, due_on=date(2027, 1, 2))
    items = [undated, later, sooner, done]
    assert next_action(step, items, TODAY) == "Task: Chapter 1 (draft) · due 2027-01-25 · 1 of 4 sub-tasks done."
    assert next_action(step, items, date(2027, 1, 25)).startswith("Task: Chapter 1 (draft) · due today ·")
    assert next_action(step, items, date(2027, 1, 27)) == (
        "Overdue since 2027-01-25: Chapter 1 (draft) · 1 of 4 sub-tasks done.")
    dated_done = [dataclasses.replace(i, done=True) if i.due_on else i for i in items]
    assert next_action(step, dated_done, TODAY).startswith("Task: Write the blurb · 3 of 4"), "undated ones last"


def test_the_card_names_the_overdue_sub_task() -> None:
    items = [StepItem(1, 3, "Write the blurb", "", False, TODAY),
             StepItem(2, 3, "Chapter 1", "", False, TODAY, due_on=date(2027, 1, 18))]
    view = build_today(today=TODAY, goal=None, streams=[], payments=[], steps=TWO_DONE, backup_items=0,
                       checkins=set(), dismissed={}, prompts=[], items=items)
    assert view.next_action == "Overdue since 2027-01-18: Chapter 1 · 0 of 2 sub-tasks done."
