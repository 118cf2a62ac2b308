"""Searching the brainstorm journal with / : every word must be there, #tags match tags, esc shows all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual.widgets import Static
from tui_support import open_store, running, until

from tenfold.domain.ideas import Idea, Rung
from tenfold.tui.widgets.filter_line import FilterInput
from tenfold.tui.widgets.idea_text import MATCH_STYLE
from tenfold.tui.widgets.ideas_pane import IdeasPane
from tenfold.tui.widgets.virtual_table import VirtualTable

ENTRIES = (
    Idea(0, "Colleagues new to Excel", "Fewer hours on reports", "A video course", "Sold online",
         date(2026, 1, 5)),
    Idea(0, "Parents at school", "Cheap healthy lunches #family", "A recipe book", "", date(2026, 2, 5)),
    Idea(0, "Neighbours", "Garden advice #teaching", "", "", date(2026, 3, 5), rating=100,
         ladder=(Rung(10, "a weekly Excel sheet by mail", automated=True),)),
    Idea(0, "Students", "Maths help #Teaching #family", "An online course", "", date(2026, 4, 5), rating=1_000,
         ladder=(Rung(1_000, "recorded lessons", automated=False),)),
)


def write_entries(db: Path) -> None:
    with open_store(db) as store:
        for idea in ENTRIES:
            store.add_idea(idea)


def whos(table: VirtualTable[Idea]) -> list[str]:
    """The Who column of every row the list shows, in order."""
    return [table.get_row_at(i)[1] for i in range(table.row_count)]


def marked_words(text: Text) -> list[str]:
    """The pieces of ``text`` drawn as a search's match."""
    return [text.plain[s.start:s.end] for s in text.spans if s.style == MATCH_STYLE]


async def test_words_narrow_the_list_are_highlighted_and_esc_brings_all_back(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    write_entries(db)
    async with running(db) as t:
        await t.press("4", "z")  # zoomed, so the list's cells are not cut
        pane = t.app.main_screen.query_one(IdeasPane)
        table = pane.query_one("#idea-table", VirtualTable)
        everyone = whos(table)
        assert everyone == ["Students", "Neighbours", "Parents at school", "Colleagues new to Excel"]
        await t.press("slash")
        line = pane.query_one(FilterInput)
        assert line.has_focus and line.display
        # "excel" is in one entry's who and in another's ladder notes; with "course" only the first has both.
        await t.type("excel")
        assert whos(table) == ["Neighbours", "Colleagues new to Excel"]
        await t.type(" COURSE")
        assert whos(table) == ["Colleagues new to Excel"]
        assert "1 of 4 entries" in str(pane.border_subtitle) and "1 match 'excel COURSE'" in str(pane.border_subtitle)
        detail = pane.query_one("#idea-detail", Static).content
        assert isinstance(detail, Text)
        assert marked_words(detail) == ["Excel", "course"]
        # The list marks the matches too: the row's line has reversed pieces reading the words.
        row = table.render_line(1)
        assert [s.text for s in row if s.style and s.style.reverse] == ["Excel"]
        await t.type(" nothing-like-this")
        assert whos(table) == []
        assert "esc" in str(pane.query_one("#idea-detail", Static).render())
        await t.press("escape")
        assert whos(table) == everyone
        assert table.has_focus and not line.display
        assert "match" not in str(pane.border_subtitle) and table.marks is None


async def test_tags_match_tags_and_the_search_keeps_the_filter_and_the_order(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    write_entries(db)
    async with running(db) as t:
        await t.press("4", "slash")
        pane = t.app.main_screen.query_one(IdeasPane)
        table = pane.query_one("#idea-table", VirtualTable)
        await t.type("#teaching")  # the tag in any case; "Teaching" as a plain word elsewhere would not count
        assert whos(table) == ["Students", "Neighbours"]
        await t.type(" #family")
        assert whos(table) == ["Students"]
        await t.press("backspace", *["backspace"] * len("#family"))
        assert whos(table) == ["Students", "Neighbours"]
        await t.press("enter")  # to the matches, the search kept
        assert table.has_focus
        await t.press("f")  # rated 1k+ people, among the matches
        assert whos(table) == ["Students"]
        await t.press("f")  # automated delivery
        assert whos(table) == ["Neighbours"]
        await t.press("f", "o")  # all entries again, widest reach first
        assert whos(table) == ["Students", "Neighbours"]
        assert "widest reach first" in str(pane.border_subtitle) and "2 match '#teaching'" in str(pane.border_subtitle)
        await t.press("escape")  # on the list, esc clears the search; the order stays
        assert whos(table) == ["Students", "Neighbours", "Parents at school", "Colleagues new to Excel"]
        assert "widest reach first" in str(pane.border_subtitle)


async def test_the_index_is_warm_before_the_first_letter(tmp_path: Path) -> None:
    """Once the keyboard is quiet after the start-up (the reader's quiet), every entry is in the search index."""
    db = tmp_path / "t.json"
    with open_store(db) as store:
        for n in range(300):
            store.add_idea(Idea(0, f"Group {n}", f"Value number {n}", "", "", date(2026, 1, 1)))
    async with running(db) as t:
        await t.press("4")
        pane = t.app.main_screen.query_one(IdeasPane)
        index = pane._index
        await until(t, lambda: index.built == 300)
        await t.press("slash")
        await t.type("number 29")
        table = pane.query_one("#idea-table", VirtualTable)
        assert sorted(whos(table)) == sorted(f"Group {n}" for n in (29, 129, 229, *range(290, 300)))
        assert index.built == 300, "typing lowered no entry again"


async def test_the_index_waits_for_a_quiet_keyboard_so_the_first_key_does_not_wait_for_it(tmp_path: Path) -> None:
    """Warming the index right after the first paint made the first key (w on the today card) wait for it;
    until the keyboard is quiet a search builds the entries it needs, and finds the same."""
    from tenfold.tui.app import make_app

    db = tmp_path / "t.json"
    with open_store(db) as store:
        for n in range(300):
            store.add_idea(Idea(0, f"Group {n}", f"Value number {n}", "", "", date(2026, 1, 1)))
    store = open_store(db)
    try:
        app = make_app(store)
        app.main_screen.reader.quiet = app.main_screen.reader.latest = 60.0  # not quiet for this test's length
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("4")
            await pilot.pause()
            pane = app.main_screen.query_one(IdeasPane)
            assert pane._index.built == 0
            await pilot.press("slash", *"number 29")
            await pilot.pause()
            table = pane.query_one("#idea-table", VirtualTable)
            assert sorted(whos(table)) == sorted(f"Group {n}" for n in (29, 129, 229, *range(290, 300)))
    finally:
        store.close()
