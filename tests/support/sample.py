"""Sample data: a believable first seven months of a user, for screenshots, snapshots and demos.

Written through the real store, so it is always valid data. Six full months of
payments give the charts, the trailing averages and the projection something to
show; the streams carry costs and cadences, the ideas a reach ladder, and the
steps their items, so every pane shows what it is for.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from decimal import Decimal

from tenfold.domain.goal import Goal
from tenfold.domain.ideas import Idea, Rung
from tenfold.domain.ledger import Payment
from tenfold.domain.rates import Rate
from tenfold.domain.step_items import StepItem
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.store.store import Store


def _month_start(day: date, back: int) -> date:
    """The first day of the month ``back`` months before ``day``'s month."""
    months = day.year * 12 + day.month - 1 - back
    return date(months // 12, months % 12 + 1, 1)


def fill_sample_data(store: Store) -> None:
    """Write a goal (and an earlier one), ticked steps with items, four streams with payments, ideas."""
    today = store.today()
    first = Goal("1,000 EUR a month from an ebook and a course.", Decimal("1000"), "EUR",
                 date(today.year + 1, 12, 31), today - timedelta(days=150))
    store.set_goal(first)
    store.set_goal(
        Goal(
            "Replace my Saturday consulting with 1,500 EUR a month from an ebook, "
            "a video course and dividends, so my weekends are my own.",
            Decimal("1500"), "EUR", date(today.year + 1, 12, 31), today - timedelta(days=40),
        )
    )
    ebook = store.add_stream(Stream(0, "Spreadsheet ebook", "ebook", "passive", "EUR", "monthly", Decimal("90.00"),
                                    Decimal("120.00"), Decimal("90"), Decimal("1")))
    course = store.add_stream(Stream(0, "Modelling course", "course", "passive", "EUR", "monthly",
                                     Decimal("300.00"), Decimal("400.00"), Decimal("160"), Decimal("6")))
    shares = store.add_stream(Stream(0, "Index fund dividends", "dividends", "portfolio", "USD", "quarterly",
                                     Decimal("45.00"), Decimal("6000.00")))
    consult = store.add_stream(Stream(0, "Saturday consulting", "business", "active", "EUR"))
    store.add_rate(Rate(0, "USD", "EUR", Decimal("0.92"), _month_start(today, 7)))
    payments: list[Payment] = []
    months = ((6, "26.00", "0"), (5, "32.50", "0"), (4, "45.50", "197.00"), (3, "58.50", "197.00"),
              (2, "71.50", "394.00"), (1, "84.50", "394.00"), (0, "112.70", "591.00"))
    for back, ebook_amount, course_amount in months:
        start = _month_start(today, back)
        payments.append(Payment(0, ebook.id, start + timedelta(days=4), Decimal(ebook_amount),
                                f"{int(Decimal(ebook_amount) / Decimal('6.5'))} copies"))
        if course_amount != "0":
            payments.append(Payment(0, course.id, start + timedelta(days=11), Decimal(course_amount),
                                    f"{int(Decimal(course_amount) / 197)} seats", "Learnhub"))
        payments.append(Payment(0, consult.id, start + timedelta(days=13), Decimal("600.00"), "2 Saturdays",
                                "Brightside Ltd"))
        if back % 3 == 1:
            payments.append(Payment(0, shares.id, start + timedelta(days=1), Decimal("41.20"), "quarterly"))
    store.add_payments([p for p in payments if p.on <= today])
    ideas = []
    for who, value, reach, delivery, ago, rating, ladder in (
        ("My team at work", "I fix their broken spreadsheets", "A checklist every analyst could use",
         "A short ebook sold on my site", 30, 1_000,
         (Rung(1, "fix it at their desk", False), Rung(1_000, "an ebook on my site", True))),
        ("Friends starting a business", "Cash-flow advice over coffee", "Thousands of first-time founders",
         "A recorded course with templates", 12, 1_000,
         (Rung(10, "a workshop", False), Rung(1_000, "a recorded course", True))),
        ("Readers of my blog", "Clear explanations of finance models", "A newsletter with 10,000 readers",
         "Sponsorship and affiliate links, sent automatically", 2, 100,
         (Rung(100, "a weekly newsletter I write", False),)),
    ):
        ideas.append(store.add_idea(Idea(0, who, value, reach, delivery, today - timedelta(days=ago), rating,
                                         ladder)))
    store.update_stream(dataclasses.replace(ebook, idea_id=ideas[0].id))
    store.update_stream(dataclasses.replace(course, idea_id=ideas[1].id))
    store.set_step(StepState(1, today - timedelta(days=38), "Ebook on spreadsheet modelling for small firms.",
                             idea_id=ideas[0].id))
    store.set_step(StepState(2, today - timedelta(days=38), ""))
    store.set_step(StepState(3, today - timedelta(days=20), "Week 1: outline. Week 2: two chapters."))
    store.set_step(StepState(4, None, "", savings_months=Decimal("5")))
    for step, text, detail, done in (
        (3, "Outline the course", "week 1", True),
        (3, "Record two lessons", "week 2", True),
        (3, "Set up the checkout", "week 3", False),
        (4, "Keep the day job", "pays the bills until the streams reach 1,500 EUR", False),
        (5, "A newsletter writer I admire", "one clear idea per issue, sent on the same day", False),
        (7, "My former manager", "ran a training business for ten years", False),
    ):
        store.add_step_item(StepItem(0, step, text, detail, done, today - timedelta(days=10)))
