"""The today card's contents, gathered by one pure function over fixed dates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.coach.prompts import prompt_for
from tenfold.coach.today import build_today
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import LedgerSummary
from tenfold.domain.steps import STEPS, StepState
from tenfold.domain.streams import Stream
from tenfold.figures.expected import Expected
from tenfold.figures.goal_figures import GoalFigures, MonthIncome
from tenfold.figures.projection import Projection, describe

TODAY = date(2026, 11, 21)
D = Decimal
GOAL = Goal("Ebooks pay the rent", D(1500), "EUR", date(2027, 12, 31), date(2026, 1, 2))
BOOKS = Stream(1, "Ebook royalties", "ebook", "passive", "EUR", "monthly", D(120))
BUSY = Stream(1, "Ebook royalties", "ebook", "passive", "EUR", "monthly", D(120), upkeep_hours=D(30))
"""A stream whose upkeep is a part-time job: a check that fires on any day."""
COURSE = Stream(2, "Course", "course", "passive", "EUR", "irregular")
PAYMENTS = [
    Payment(2, 1, date(2026, 10, 24), D(130), ""),
    Payment(1, 2, date(2026, 10, 2), D(170), ""),
]
PROMPTS = tuple(f"Question {i}" for i in range(31))
STEPS_12 = [StepState(n, done_on=date(2026, 11, 1) if n <= 2 else None) for n in range(1, 9)]
CHECKINS = {date(2026, 11, 19), date(2026, 11, 20), date(2026, 11, 21), date(2026, 11, 1)}


def test_from_the_month_totals_with_expected_payments_worked_out_here() -> None:
    summary = LedgerSummary({}, {}, {"EUR": D("42.50"), "USD": D(999)}, {"EUR": D(300)})
    view = build_today(
        today=TODAY, goal=GOAL, summary=summary, streams=[BOOKS, COURSE], payments=PAYMENTS, steps=STEPS_12,
        backup_items=0, checkins=CHECKINS, dismissed={}, prompts=PROMPTS,
    )
    assert (view.last_month, view.this_month, view.average, view.outlook) == (D(300), D("42.50"), None, None)
    assert view.share == D("0.2")  # 300 of 1,500
    assert view.prompt == prompt_for(TODAY, PROMPTS)
    assert view.next_step == STEPS[2]
    assert view.streak == 3
    # Ebook royalties pay monthly: last paid 24 October, next due 24 November, within 30 days.
    assert view.due == [Expected(BOOKS, date(2026, 11, 24), D(120), False)]
    assert [n.key for n in view.nudges] == ["backup"]  # 300 a month is short of 1,500


def test_the_goal_panes_figures_and_the_screens_expected_list_are_used_when_given() -> None:
    projection = Projection("too_new", history_from=(2026, 10))
    figures = GoalFigures(
        this_month=MonthIncome((2026, 11), D(10)),
        last_month=MonthIncome((2026, 10), D(1600)),
        recent=(MonthIncome((2026, 8), D(0)), MonthIncome((2026, 9), D(0)), MonthIncome((2026, 10), D(1600))),
        average=D("533.33"),
        projection=projection,
    )
    view = build_today(
        today=TODAY, goal=GOAL, summary=None, figures=figures, expected=[], streams=[BOOKS, COURSE],
        payments=PAYMENTS, steps=STEPS_12, backup_items=0, checkins=CHECKINS, dismissed={}, prompts=PROMPTS,
    )
    assert (view.last_month, view.this_month, view.average) == (D(1600), D(10), D("533.33"))
    assert view.outlook == describe(projection)
    assert view.share == D(1600) / D(1500)
    assert view.due == []
    assert view.nudges == [], "last month covered the goal: no backup nudge; two streams share the money"


def test_without_a_goal_or_prompts_dismissed_checks_are_left_out() -> None:
    view = build_today(
        today=TODAY, goal=None, summary=None, streams=[BUSY], payments=PAYMENTS[:1],
        steps=[StepState(n) for n in range(1, 9)], backup_items=0, checkins=set(), dismissed={}, prompts=(),
    )
    assert view.prompt == ""
    assert view.streak == 0
    assert (view.last_month, view.share) == (D(0), D(0))
    assert [n.key for n in view.nudges] == ["no-goal", "upkeep:stream:1"]
    again = build_today(
        today=TODAY, goal=None, summary=None, streams=[BUSY], payments=PAYMENTS[:1],
        steps=[StepState(n) for n in range(1, 9)], backup_items=0, checkins=set(),
        dismissed={"upkeep:stream:1": date(2026, 11, 2)}, prompts=("A broken file, said in one line",),
    )
    assert [n.key for n in again.nudges] == ["no-goal"]
    assert again.prompt == "A broken file, said in one line"
    assert again.next_step == STEPS[0]
