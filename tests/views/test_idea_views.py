"""The reach ladder's views: sort and filter order, passive marks, earnings per idea, stream suggestions."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from oracles import earned_by_idea

from tenfold.domain.errors import FormErrors
from tenfold.domain.ideas import Idea, Rung, parse_idea
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import CATEGORIES, Stream
from tenfold.views.idea_views import (
    _CATEGORY_WORDS,
    FILTERS,
    SORTS,
    arrange,
    category_for,
    earned_from_totals,
    next_in,
    passive_marks,
    sort_ideas,
    stream_name_for,
)

D1, D2, D3 = date(2026, 1, 5), date(2026, 2, 9), date(2026, 3, 1)


def idea(idea_id: int, on: date, rating: int = 0, *rungs: Rung, who: str = "x", value: str = "y") -> Idea:
    return Idea(idea_id, who, value, "", "", on, rating, tuple(rungs))


# Five ideas, each a different case:
# 1: unrated, no ladder                     (passive 0)
# 2: rated 1M, automated at 1M              (passive 2)
# 3: rated 1k, automated only at 100        (passive 1)
# 4: rated 1k, nothing automated            (passive 0), same day as 3 but written later (higher id)
# 5: rated 10, automated at 10              (passive 2), the newest
IDEAS = [
    idea(1, D1),
    idea(2, D1, 1_000_000, Rung(1, "in person"), Rung(1_000_000, "an app", True)),
    idea(3, D2, 1_000, Rung(100, "a recording", True), Rung(1_000, "live webinars")),
    idea(4, D2, 1_000, Rung(1_000, "a course I teach")),
    idea(5, D3, 10, Rung(10, "a newsletter", True)),
]


def ids(ideas: list[Idea]) -> list[int]:
    return [i.id for i in ideas]


def test_passive_levels_of_the_fixture_are_what_the_comments_say() -> None:
    assert [i.passive_level for i in IDEAS] == [0, 2, 1, 0, 2]
    assert [passive_marks(i) for i in IDEAS] == ["", "●●", "●", "–", "●●"]


def test_sort_orders_with_newest_first_for_ties() -> None:
    assert ids(sort_ideas(IDEAS, "newest")) == [5, 4, 3, 2, 1]
    # Rating 1M, then the two 1k (3 more passive than 4), then 10, then unrated.
    assert ids(sort_ideas(IDEAS, "reach")) == [2, 3, 4, 5, 1]
    # Passive 2 (2 rated higher than 5), passive 1, then passive 0 by rating (4 before 1).
    assert ids(sort_ideas(IDEAS, "passive")) == [2, 5, 3, 4, 1]
    with pytest.raises(ValueError):
        sort_ideas(IDEAS, "alphabetical")


def test_filters_then_sort() -> None:
    assert ids(arrange(IDEAS)) == [5, 4, 3, 2, 1]
    assert ids(arrange(IDEAS, "newest", "1k+")) == [4, 3, 2]
    assert ids(arrange(IDEAS, "reach", "1k+")) == [2, 3, 4]
    assert ids(arrange(IDEAS, "passive", "automated")) == [2, 5, 3]
    assert ids(arrange(IDEAS, "newest", "automated")) == [5, 3, 2]
    with pytest.raises(ValueError):
        arrange(IDEAS, "newest", "cheap")


def test_cycling_wraps_round() -> None:
    assert [next_in(SORTS, s) for s in SORTS] == ["reach", "passive", "newest"]
    assert [next_in(FILTERS, f) for f in FILTERS] == ["1k+", "automated", "all"]
    assert next_in(SORTS, "gone") == "newest"


def test_arrange_is_fast_enough_for_five_thousand_ideas() -> None:
    import time

    ratings = (0, 1, 10, 100, 1_000, 1_000_000)
    many = [idea(n, date(2020 + n % 7, 1 + n % 12, 1 + n % 28), ratings[n % 6], Rung(100, "a recording", n % 3 == 0))
            for n in range(1, 5001)]
    start = time.perf_counter()
    for by in SORTS:
        arrange(many, by, "automated")
    assert time.perf_counter() - start < 0.5


def test_earned_by_idea_hand_checked() -> None:
    streams = [
        Stream(1, "Excel course", "course", "passive", "EUR", idea_id=3),
        Stream(2, "Excel course US", "course", "passive", "USD", idea_id=3),
        Stream(3, "Day job", "other", "active", "EUR"),
        Stream(4, "Newsletter", "ads", "passive", "EUR", idea_id=5),
        Stream(5, "App", "software", "passive", "EUR", idea_id=2),
    ]
    payments = [
        Payment(1, 1, date(2026, 3, 1), Decimal("19.99"), ""),
        Payment(2, 1, date(2026, 3, 8), Decimal("39.98"), ""),
        Payment(3, 2, date(2026, 3, 9), Decimal("25.00"), ""),
        Payment(4, 3, date(2026, 3, 31), Decimal("3000.00"), "salary"),
        Payment(5, 4, date(2026, 3, 2), Decimal("0.50"), ""),
        Payment(6, 4, date(2026, 4, 2), Decimal("1.25"), ""),
    ]
    earned = earned_by_idea(streams, payments)
    assert set(earned) == {2, 3, 5}, "ideas without a stream are absent; the salary counts for no idea"
    # 19.99 + 39.98 = 59.97 EUR; 25.00 USD kept apart.
    assert earned[3].totals == {"EUR": Decimal("59.97"), "USD": Decimal("25.00")}
    assert earned[3].streams == ["Excel course", "Excel course US"]
    assert earned[5].totals == {"EUR": Decimal("1.75")}
    assert earned[2].totals == {"EUR": Decimal(0)}, "a stream with no payment yet shows a zero"
    assert earned_by_idea([streams[2]], payments) == {}
    # From each stream's all-time total (what the ledger's monthly index gives), the same figures.
    per_stream = {1: Decimal("59.97"), 2: Decimal("25.00"), 3: Decimal("3000.00"), 4: Decimal("1.75")}
    assert earned_from_totals(streams, per_stream) == earned


def test_stream_name_suggested_from_the_idea() -> None:
    course = Idea(1, "Colleagues new to Excel", "\n  Fewer hours   on reports\nand less stress", "", "", D1)
    assert stream_name_for(course, []) == "Fewer hours on reports"
    assert stream_name_for(course, ["fewer hours on reports"]) == "Fewer hours on reports (2)"
    assert stream_name_for(course, ["Fewer hours on reports", "Fewer hours on reports (2)"]) == \
        "Fewer hours on reports (3)"
    long = Idea(2, "a", "w" * 100, "", "", D1)
    assert len(stream_name_for(long, [])) == 60
    assert stream_name_for(Idea(3, " Dog owners ", "  ", "", "", D1), []) == "Dog owners"


def test_category_guessed_from_the_widest_rung_first() -> None:
    assert {c for c, _ in _CATEGORY_WORDS} <= set(CATEGORIES)
    ladder = (Rung(10, "a workshop"), Rung(1_000_000, "an ebook on every store"))
    assert category_for(Idea(1, "a", "b", "", "", D1, 1_000_000, ladder)) == "ebook"
    assert category_for(Idea(1, "a", "b", "", "", D1, 10, ladder[:1])) == "course"
    assert category_for(Idea(1, "a", "b", "", "an app store listing", D1)) == "software"
    # Whole words only: "happy parents" is neither an app nor rent.
    assert category_for(Idea(1, "a", "b", "", "happy parents approach", D1)) == ""


def test_parse_idea_with_a_ladder() -> None:
    parsed = parse_idea(who="bakers", value="bread", reach="", delivery="", written_on=D1, rating="1k",
                        ladder={1: ("in person", False), 1_000: (" a course ", True), 10: ("", False)})
    assert parsed.rating == 1_000
    assert parsed.ladder == (Rung(1, "in person", False), Rung(1_000, "a course", True))
    with pytest.raises(FormErrors) as caught:
        parse_idea(who="bakers", value="bread", reach="", delivery="", written_on=D1, rating="5",
                   ladder={100: ("x" * 121, False)})
    assert set(caught.value.errors) == {"rating", "rung_100"}
