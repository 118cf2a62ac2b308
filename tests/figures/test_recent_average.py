"""The recent average covers only the complete months the ledger holds, and says how many.

A newcomer's ledger (notes: a first month under faketime): the first payment on
2026-11-28, today 2027-01-07. November and December are recorded; October is not
known, so it is not a zero: the average is (110.00 + 95.40) / 2 = 102.70, not 68.47.
The Udemy dollars have no rate yet, so they are left out (and said so) as before.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.coach.today import build_today
from tenfold.domain.freedom import Freedom
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.steps import STEPS, StepState
from tenfold.domain.streams import Stream
from tenfold.figures.freedom import freedom_figures, freedom_lines
from tenfold.figures.goal_figures import goal_figures
from tenfold.figures.projection import describe
from tenfold.tui.widgets.goal_pane import render_goal
from tenfold.tui.widgets.today_card import goal_text

D = Decimal
TODAY = date(2027, 1, 7)
GOAL = Goal("1,000 EUR a month", D("1000"), "EUR", date(2027, 12, 31), date(2027, 1, 3))
EBOOK = Stream(1, "Ebook royalties", "ebook", "passive", "EUR", "monthly", D("120"))
UDEMY = Stream(2, "Udemy course", "course", "passive", "USD", "monthly", D("200"))
CONSULTING = Stream(3, "Consulting", "business", "active", "EUR")
STREAMS = [EBOOK, UDEMY, CONSULTING]
NEWCOMER = [
    Payment(1, 1, date(2026, 11, 28), D("110.00"), ""),
    Payment(2, 2, date(2026, 12, 15), D("200.00"), ""),
    Payment(3, 3, date(2026, 12, 20), D("400.00"), ""),
    Payment(4, 1, date(2026, 12, 28), D("95.40"), ""),
]


def test_a_ledger_begun_two_months_ago_averages_those_two_months_and_says_so() -> None:
    figures = goal_figures(MonthlyIndex.build(NEWCOMER), STREAMS, [], GOAL, TODAY)
    assert figures.average == D("102.70") and figures.average_months == 2
    pane = render_goal(GOAL, figures, TODAY).plain
    assert "2-mo average" in pane and "102.70 EUR" in pane
    assert "3-mo average" not in pane and "68.47" not in pane
    assert "Not counted, no rate to EUR: 200.00 USD" in pane


def test_the_first_payment_of_any_stream_starts_the_ledger() -> None:
    """Consulting (active) paid in October: the user was recording then, so October's passive zero is real."""
    earlier = [*NEWCOMER, Payment(5, 3, date(2026, 10, 9), D("300.00"), "")]
    figures = goal_figures(MonthlyIndex.build(earlier), STREAMS, [], GOAL, TODAY)
    assert figures.average == D("68.47") and figures.average_months == 3
    assert "3-mo average" in render_goal(GOAL, figures, TODAY).plain


def test_without_a_complete_month_there_is_no_average_and_no_reached_goal() -> None:
    """Everything paid this month: no average (not 0.00), and 1,500 so far is not 'the goal met'."""
    fresh = [Payment(1, 1, date(2027, 1, 2), D("1500.00"), "")]
    figures = goal_figures(MonthlyIndex.build(fresh), STREAMS, [], GOAL, TODAY)
    assert figures.average is None and figures.average_months == 0
    assert figures.projection.status == "too_new"
    assert describe(figures.projection) == "A projection needs 6 full months of passive income; yours starts 2027-01."
    pane = render_goal(GOAL, figures, TODAY).plain
    assert "average" not in pane
    view = build_today(today=TODAY, goal=GOAL, figures=figures, streams=STREAMS, payments=fresh,
                       steps=[StepState(i.number) for i in STEPS], backup_items=0, checkins=[], dismissed={},
                       prompts=["A question"])
    assert view.average is None and "average" not in goal_text(view).plain


def test_the_today_card_and_the_projection_name_the_months_they_rest_on() -> None:
    figures = goal_figures(MonthlyIndex.build(NEWCOMER), STREAMS, [], GOAL, TODAY)
    view = build_today(today=TODAY, goal=GOAL, figures=figures, streams=STREAMS, payments=NEWCOMER,
                       steps=[StepState(i.number) for i in STEPS], backup_items=0, checkins=[], dismissed={},
                       prompts=["A question"])
    assert view.average == D("102.70") and view.average_months == 2
    assert "2-month average 102.70 EUR. A projection needs 6 full months" in goal_text(view).plain
    met = Goal("100 EUR a month", D("100"), "EUR", date(2027, 12, 31), date(2027, 1, 3))
    reached = goal_figures(MonthlyIndex.build(NEWCOMER), STREAMS, [], met, TODAY).projection
    assert describe(reached) == "The 2-month average meets the target. Keep it there."


def test_no_passive_income_in_a_young_ledger_does_not_claim_three_months() -> None:
    only_active = [Payment(1, 3, date(2026, 12, 20), D("400.00"), "")]
    figures = goal_figures(MonthlyIndex.build(only_active), STREAMS, [], GOAL, TODAY)
    assert figures.average == D("0.00") and figures.average_months == 1
    assert describe(figures.projection) == ("No passive income in the 1 full month recorded so far: "
                                            "nothing to project from yet.")


def test_the_bills_share_uses_the_same_average() -> None:
    bills = Freedom("EUR", D("2000"))
    f = freedom_figures(MonthlyIndex.build(NEWCOMER), STREAMS, [], bills, GOAL, TODAY)
    assert f is not None and f.average == D("102.70") and f.average_months == 2
    assert f.share_average == D("0.0514")
    assert "5% on the 2-month average (102.70 EUR)." in freedom_lines(f)[0]
    fresh = [Payment(1, 1, date(2027, 1, 2), D("1500.00"), "")]
    none = freedom_figures(MonthlyIndex.build(fresh), STREAMS, [], bills, GOAL, TODAY)
    assert none is not None and none.average is None and none.share_average is None
    assert "average" not in freedom_lines(none)[0]
    assert none.projection.status == "too_new"


def test_a_ledger_begun_this_month_says_last_month_is_not_recorded_instead_of_zero() -> None:
    """Not "Last month 0% · 0.00 EUR" with a gap "from 2026-12": nothing was recorded then, not nothing earned."""
    fresh = [Payment(1, 1, date(2027, 1, 2), D("40.00"), "")]
    figures = goal_figures(MonthlyIndex.build(fresh), STREAMS, [], GOAL, TODAY)
    assert figures.first_month == (2027, 1)
    assert figures.before_ledger == "not recorded: the ledger begins in 2027-01"
    pane = render_goal(GOAL, figures, TODAY).plain
    assert "Last month   not recorded: the ledger begins in 2027-01" in pane
    assert "0%" not in pane and "from 2026-12" not in pane
    assert "Gap          1,000.00 EUR a month to go\n" in pane
    assert "This month   40.00 EUR so far" in pane
    view = build_today(today=TODAY, goal=GOAL, figures=figures, streams=STREAMS, payments=fresh,
                       steps=[StepState(i.number) for i in STEPS], backup_items=0, checkins=[], dismissed={},
                       prompts=["A question"])
    card = goal_text(view).plain
    said = "Last month not recorded: the ledger begins in 2027-01 · so far this month 40.00 EUR\nA projection needs"
    assert said in card
    assert "0%" not in card


def test_no_payments_at_all_say_so_and_a_recorded_last_month_shows_its_bar() -> None:
    empty = goal_figures(MonthlyIndex.build([]), STREAMS, [], GOAL, TODAY)
    assert empty.first_month is None and empty.before_ledger == "no payments recorded yet"
    assert "Last month   no payments recorded yet" in render_goal(GOAL, empty, TODAY).plain
    recorded = goal_figures(MonthlyIndex.build(NEWCOMER), STREAMS, [], GOAL, TODAY)
    assert recorded.before_ledger is None
    pane = render_goal(GOAL, recorded, TODAY).plain
    assert "Last month   " in pane and "95.40 EUR" in pane and "(from 2026-12)" in pane
