"""Searching the brainstorm journal: words anywhere in an entry, #tags, and a cache that makes it cheap."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from cli_support import invoke

from tenfold.domain.ideas import Idea, Rung
from tenfold.store.store import Store
from tenfold.views.idea_views import Query, SearchIndex, idea_tags, match_spans, search_ideas

DAY = date(2026, 11, 21)
TEACHERS = Idea(1, "Teachers #teaching", "Lesson plans", "a course for many", "video #course", DAY,
                ladder=(Rung(1000, "recorded once, sold on a platform", True),))
BAKERS = Idea(2, "Home bakers", "Sourdough know-how", "an ebook", "PDF download", DAY)
NEIGHBOURS = Idea(3, "Neighbours", "Garden help", "", "in person #local", DAY)
IDEAS = [TEACHERS, BAKERS, NEIGHBOURS]


def test_words_are_found_in_every_field_and_the_ladder_notes_case_ignored() -> None:
    assert search_ideas(IDEAS, Query.parse("SOURDOUGH")) == [BAKERS]
    assert search_ideas(IDEAS, Query.parse("platform")) == [TEACHERS], "a rung's note is searched"
    assert search_ideas(IDEAS, Query.parse("course")) == [TEACHERS]
    assert search_ideas(IDEAS, Query.parse("ebook download")) == [BAKERS], "every word must appear"
    assert search_ideas(IDEAS, Query.parse("ebook garden")) == []
    assert search_ideas(IDEAS, Query.parse("  ")) == IDEAS


def test_tags_filter_and_are_listed() -> None:
    assert idea_tags(TEACHERS) == {"teaching", "course"}
    assert search_ideas(IDEAS, Query.parse("#local")) == [NEIGHBOURS]
    assert search_ideas(IDEAS, Query.parse("", tags=["Teaching"])) == [TEACHERS]
    assert search_ideas(IDEAS, Query.parse("#teach")) == [], "a tag matches whole"


def test_matches_are_located_for_highlighting() -> None:
    assert match_spans("Video course, COURSE notes", Query.parse("course")) == [(6, 12), (14, 20)]
    assert match_spans("in person #local", Query.parse("#local person")) == [(3, 9), (10, 16)]


def test_the_index_lowers_each_entry_once_and_again_only_when_it_changes() -> None:
    many = [dataclasses.replace(BAKERS, id=n, who=f"Bakers {n}") for n in range(1, 5001)]
    index = SearchIndex()
    assert len(search_ideas(many, Query.parse("bakers 4999"), index)) == 1
    assert index.built == 5000
    search_ideas(many, Query.parse("sourdough"), index)
    assert index.built == 5000, "a second search lowers nothing"
    many[0] = dataclasses.replace(many[0], value="Rye bread")
    assert search_ideas(many, Query.parse("rye"), index) == [many[0]]
    assert index.built == 5001


def test_the_command_prints_matching_entries_for_scripts(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with Store.open(db, today=lambda: DAY) as store:
        for idea in IDEAS:
            store.add_idea(dataclasses.replace(idea, id=0))
    out = invoke(db, "ideas", "--search", "sourdough").stdout
    assert out == "2026-11-21\tHome bakers\tSourdough know-how\t\n"
    tagged = invoke(db, "ideas", "--tag", "course").stdout
    assert tagged == "2026-11-21\tTeachers #teaching\tLesson plans\t#course #teaching\n"
    assert invoke(db, "ideas", "--search", "nothing-like-this").stdout == ""
