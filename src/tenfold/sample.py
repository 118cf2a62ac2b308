"""Sample data: a believable first months of a user, for screenshots and demos.

Written through the real store, so it is always valid data.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from tenfold.goal import Goal
from tenfold.ideas import Idea
from tenfold.ledger import Payment, Stream
from tenfold.steps import StepState
from tenfold.store import Store


def fill_sample_data(store: Store) -> None:
    """Write a goal, some ticked steps, three streams with payments, and ideas."""
    today = store.today()
    store.set_goal(
        Goal(
            "Replace my Saturday consulting with 1,500 EUR a month from an ebook, "
            "a video course and dividends, so my weekends are my own.",
            Decimal("1500"), "EUR", date(today.year + 1, 12, 31), today - timedelta(days=40),
        )
    )
    store.set_step(StepState(1, today - timedelta(days=38), "Ebook on spreadsheet modelling for small firms."))
    store.set_step(StepState(2, today - timedelta(days=38), ""))
    store.set_step(StepState(3, today - timedelta(days=20), "Week 1: outline. Week 2: two chapters."))
    ebook = store.add_stream(Stream(0, "Spreadsheet ebook", "ebook", "passive", "EUR"))
    course = store.add_stream(Stream(0, "Modelling course", "course", "passive", "EUR"))
    shares = store.add_stream(Stream(0, "Index fund dividends", "dividends", "portfolio", "EUR"))
    consult = store.add_stream(Stream(0, "Saturday consulting", "business", "active", "EUR"))
    this_month = today.replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    for stream, day, amount, note in (
        (ebook, last_month + timedelta(days=4), "84.50", "13 copies"),
        (course, last_month + timedelta(days=14), "197.00", "1 seat"),
        (consult, last_month + timedelta(days=27), "900.00", "3 Saturdays"),
        (shares, this_month + timedelta(days=1), "41.20", "quarterly"),
        (ebook, this_month + timedelta(days=4), "112.70", "17 copies"),
        (course, this_month + timedelta(days=11), "394.00", "2 seats"),
        (consult, this_month + timedelta(days=13), "600.00", "2 Saturdays"),
    ):
        store.add_payment(Payment(0, stream.id, day, Decimal(amount), note))
    for who, value, reach, delivery, ago in (
        ("My team at work", "I fix their broken spreadsheets", "A checklist every analyst could use",
         "A short ebook sold on my site", 30),
        ("Friends starting a business", "Cash-flow advice over coffee", "Thousands of first-time founders",
         "A recorded course with templates", 12),
        ("Readers of my blog", "Clear explanations of finance models", "A newsletter with 10,000 readers",
         "Sponsorship and affiliate links, sent automatically", 2),
    ):
        store.add_idea(Idea(0, who, value, reach, delivery, today - timedelta(days=ago)))
