"""The weekly and monthly review: periods, figures and the Markdown, over fixed dates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from storekit import python

from tenfold.coach.markdown import md, table
from tenfold.coach.periods import month_period, period_title, week_period
from tenfold.coach.review import review
from tenfold.domain.goal import Goal
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.step_items import StepItem
from tenfold.domain.streams import Stream
from tenfold.store.store import Store

END = date(2026, 11, 21)


class Clock:
    """A clock the test moves, so check-ins land on chosen days."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A week of work: the goal rewritten, a step ticked, payments in and out of the week, ideas, items."""
    clock = Clock(date(2026, 10, 1))
    with Store.open(tmp_path / "t.json", today=clock) as s:
        s.set_goal(Goal("Royalties pay the rent", Decimal("1000.00"), "EUR", date(2027, 6, 30), clock.day))
        books = s.add_stream(Stream(0, "Ebook | royalties", "ebook", "passive", "EUR"))
        job = s.add_stream(Stream(0, "Consulting", "other", "active", "USD"))
        s.add_payment(Payment(0, books.id, date(2026, 11, 14), Decimal("99.00"), "the day before the week"))
        s.add_payment(Payment(0, books.id, date(2026, 11, 3), Decimal("10.00"), "earlier this month"))
        s.add_idea(Idea(0, "old idea", "v", "", "", date(2026, 11, 1)))
        s.tick(1, date(2026, 11, 2))
        clock.day = date(2026, 11, 16)
        s.set_goal(Goal("Royalties pay the rent", Decimal("1500.00"), "EUR", date(2027, 12, 31), clock.day))
        s.add_payment(Payment(0, books.id, date(2026, 11, 15), Decimal("40.00"), "first day of the week"))
        s.add_payment(Payment(0, books.id, date(2026, 11, 21), Decimal("2.50"), "last day of the week"))
        s.add_payment(Payment(0, job.id, date(2026, 11, 20), Decimal("400.00"), ""))
        clock.day = date(2026, 11, 18)
        s.tick(3, clock.day)
        s.add_idea(Idea(0, "colleagues *new* to Excel", "short lessons", "", "", clock.day))
        s.add_step_item(StepItem(0, 3, "Outline chapter 1", "", True, clock.day))
        s.add_step_item(StepItem(0, 7, "Ana", "wrote three books", False, clock.day))
        s.add_step_item(StepItem(0, 8, "", "", False, clock.day, books.id))
        clock.day = date(2026, 11, 19)
        s.add_step_item(StepItem(0, 3, "Write chapter 1", "", False, clock.day))
        clock.day = date(2026, 11, 20)
        s.untick(5)  # any save counts as working on the plan
        yield s


def test_periods() -> None:
    assert week_period(END) == (date(2026, 11, 15), END)
    assert week_period(date(2026, 3, 2)) == (date(2026, 2, 24), date(2026, 3, 2))
    assert month_period(END, END) == (date(2026, 11, 1), END), "a month still running ends today"
    assert month_period(date(2026, 10, 9), END) == (date(2026, 10, 1), date(2026, 10, 31))
    assert month_period(date(2024, 2, 3), END) == (date(2024, 2, 1), date(2024, 2, 29))
    assert month_period(date(2026, 11, 1), date(2026, 11, 1)) == (date(2026, 11, 1), date(2026, 11, 1))
    assert period_title(date(2026, 11, 15), END) == "Weekly review · 2026-11-15 to 2026-11-21"
    assert period_title(date(2026, 10, 1), date(2026, 10, 31)) == "Monthly review · October 2026"
    assert period_title(date(2026, 11, 1), END) == "Monthly review · November 2026 (to 2026-11-21)"
    assert period_title(date(2026, 11, 3), END) == "Review · 2026-11-03 to 2026-11-21"


def test_the_weekly_review_in_full(store: Store) -> None:
    text = review(store, date(2026, 11, 15), END)
    assert text == """\
# Weekly review · 2026-11-15 to 2026-11-21

## Goal

> Royalties pay the rent

- Target: **1,500.00 EUR** passive income a month, by 2027-12-31 (405 days left)
- November 2026 up to 2026-11-21: 151.50 EUR passive, 10% of the target
- Passive income this week: 42.50 EUR
- Rewritten on 2026-11-16: amount 1,000.00 → 1,500.00 (raised); deadline 2027-06-30 → 2027-12-31 (184 days later)

## Steps

Ticked this week:

- [x] 3 Plan your steps (2026-11-18)

2 of 8 steps done. Next: **2 Set goals**. Write the goal in the Written Goal pane with an amount and a \
deadline, and give yourself more time than feels necessary.

## Payments

3 payments this week.

| Currency | All income | Passive |
| -------- | ---------: | ------: |
| EUR      |      42.50 |   42.50 |
| USD      |     400.00 |    0.00 |

| Stream             | Kind    | Payments |      Total |
| ------------------ | ------- | -------: | ---------: |
| Ebook \\| royalties | passive |        2 |  42.50 EUR |
| Consulting         | active  |        1 | 400.00 USD |

## New ideas

- **colleagues \\*new\\* to Excel**: short lessons (2026-11-18)

## Work on the steps

Added this week:

- [x] Step 3, sub-task: Outline chapter 1 (2026-11-18)
- [ ] Step 3, sub-task: Write chapter 1 (2026-11-19)
- [ ] Step 7, mentor candidate: Ana (2026-11-18)
- Step 8, stream to scale: Ebook \\| royalties (2026-11-18)

Ticked this week:

- [x] Step 3, sub-task: Outline chapter 1 (2026-11-18)

Where each step stands:

| Step                  | Items        |
| --------------------- | ------------ |
| 3 Plan your steps     | 1 of 2 done  |
| 7 Find a mentor       | 0 of 1 asked |
| 8 Scale like the wind | 1 listed     |

## Streak

- 3 days in a row as of 2026-11-21
- Worked on the plan on 4 of 7 days this week
"""


def test_the_streak_counts_up_to_the_end_of_the_period(store: Store) -> None:
    # Check-ins on 11-16, 11-18, 11-19, 11-20. Ending on the 19th: the 19th and the 18th.
    text = review(store, date(2026, 11, 13), date(2026, 11, 19))
    assert "- 2 days in a row as of 2026-11-19\n- Worked on the plan on 3 of 7 days this week" in text
    # Ending on a day without a check-in, the streak may end the day before (the day is not over).
    assert "- 3 days in a row as of 2026-11-21" in review(store, *week_period(END))
    # Broken: when it ended and the best so far, not "0 days".
    assert "- The streak ended 2026-11-20 after 3 days (best 3)" in review(store, *week_period(date(2026, 11, 23)))


def test_the_monthly_review_counts_the_whole_month(store: Store) -> None:
    text = review(store, *month_period(END, END))
    assert text.startswith("# Monthly review · November 2026 (to 2026-11-21)\n")
    assert "- Passive income this month: 151.50 EUR\n" in text
    assert "5 payments this month." in text
    assert "| Ebook \\| royalties | passive |        4 | 151.50 EUR |" in text
    assert "- [x] 1 Select your passive income idea (2026-11-02)\n- [x] 3 Plan your steps (2026-11-18)" in text
    assert "- **old idea**: v (2026-11-01)" in text
    assert "- Worked on the plan on 4 of 21 days this month" in text, "10-01 is outside November"


def test_a_quiet_week_says_so_and_invites(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.json", today=lambda: date(2026, 1, 1)) as s:
        text = review(s, date(2026, 3, 1), date(2026, 3, 7))
    assert "No goal written yet." in text
    assert "No step ticked this week." in text
    assert "0 of 8 steps done. Next: **1 Select your passive income idea**." in text
    assert "No payments recorded this week." in text
    assert "No new brainstorm entries this week." in text
    assert "Nothing added to or ticked on the steps this week." in text
    assert "Where each step stands" not in text
    assert "- Worked on the plan on 0 of 7 days this week" in text


def test_long_lists_are_cut_and_counted(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.json", today=lambda: END) as s:
        for n in range(20):
            s.add_idea(Idea(0, f"who {n}", "value", "", "", END))
        text = review(s, *week_period(END))
    assert text.count("- **who ") == 15
    assert "- … and 5 more ideas" in text


def test_markdown_helpers() -> None:
    assert md("a|b *c* _d_ [e](f) #g `h` <i>\\") == "a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\#g \\`h\\` \\<i\\>\\\\"
    assert md("two\nlines   and  spaces") == "two lines and spaces"
    assert table(["A", "Wide"], [["日本", "1"], ["x", "22"]], right=(1,)) == [
        "| A    | Wide |",
        "| ---- | ---: |",
        "| 日本 |    1 |",
        "| x    |   22 |",
    ]


def test_a_period_that_ends_before_it_starts_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        review(store, END, date(2026, 11, 1))


def test_the_review_and_the_steps_domain_import_nothing_from_textual() -> None:
    modules = ("tenfold.coach.review, tenfold.coach.markdown, tenfold.exchange.review_file, "
               "tenfold.domain.goal_history, "
               "tenfold.figures.step_progress, tenfold.domain.step_items")
    result = python(f"import sys, {modules}; assert 'textual' not in sys.modules, 'textual imported'")
    assert result.returncode == 0, result.stderr
