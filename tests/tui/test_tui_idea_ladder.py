"""The reach ladder in the ideas pane and form, and turning an idea into a stream that remembers it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Checkbox, Static
from tui_support import NARROW, TODAY, Running, open_store, reopen, running, screen_lines

from tenfold.domain.ideas import Idea, Rung
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.tui.dialogs.confirm import ConfirmDialog
from tenfold.tui.dialogs.forms import IdeaForm, StreamForm
from tenfold.tui.widgets.ideas_pane import IdeasPane
from tenfold.tui.widgets.virtual_table import VirtualTable


def rows(t: Running) -> list[list[str]]:
    table = t.app.main_screen.query_one("#idea-table", VirtualTable)
    return [table.get_row_at(i) for i in range(table.row_count)]


def who_column(t: Running) -> list[str]:
    return [row[1] for row in rows(t)]


def detail(t: Running) -> str:
    return str(t.app.main_screen.query_one("#idea-detail", Static).render())


async def tick(t: Running, people: int) -> None:
    """Tick a rung's automated box the way a user does: focus it, press space."""
    box = t.form.query_one(f"#field-auto_{people}", Checkbox)
    box.focus()
    await t.pilot.pause()
    await t.press("space")
    assert box.value


async def test_an_idea_with_its_ladder_is_saved_and_comes_back_in_the_edit_form(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db, NARROW) as t:  # 80x24: the form scrolls to every field
        await t.press("4", "a")
        assert isinstance(t.form, IdeaForm)
        await t.fill(who="Colleagues new to Excel", value="Fewer hours on reports", rating="1,000 people",
                     rung_1="showing them at their desk", rung_1000="x" * 121)
        await tick(t, 1000)
        await t.press("ctrl+s")
        assert isinstance(t.form, IdeaForm), "a rung too long to keep: the form stays open"
        assert "under 120 characters" in t.error("rung_1000")
        assert t.error("rung_1") == t.error("who") == ""
        assert t.form.focused is t.form.query_one("#field-rung_1000"), "the field with the problem has focus"
        assert any("under 120 characters" in line for line in screen_lines(t.app)), "the message is on screen"
        await t.fill(rung_1000="an online course")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        assert rows(t)[0][3:] == [" 1k ●●", ""]
        assert "rated 1k people · automated at its rating" in detail(t)
        await t.press("e")
        values = t.form.values()
        assert (values["rating"], values["rung_1"], values["auto_1"], values["rung_1000"], values["auto_1000"]) == (
            "1000", "showing them at their desk", "", "an online course", "yes")
        await t.press("escape")
    with reopen(db) as store:  # a fresh look at the file
        [idea] = store.ideas()
    assert (idea.who, idea.rating, idea.written_on) == ("Colleagues new to Excel", 1_000, TODAY)
    assert idea.ladder == (Rung(1, "showing them at their desk", False), Rung(1_000, "an online course", True))


async def test_the_ladder_survives_quitting_with_the_form_open(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("4", "a")
        await t.fill(who="Parents at school", rating="100 people", rung_100="a printed guide")
        await tick(t, 100)
        typed = t.form.values()
        await t.press("ctrl+q")
    with reopen(db) as store:
        assert store.draft("idea") == typed
        assert typed["auto_100"] == "yes" and typed["rating"] == "100"
        assert store.ideas() == []
    async with running(db) as t:
        await t.press("4", "a")
        assert t.form.values() == typed
        assert t.form.query_one("#field-auto_100", Checkbox).value
        await t.fill(value="Cheap healthy lunches")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
    with reopen(db) as store:
        assert store.draft("idea") is None
        [idea] = store.ideas()
    assert (idea.rating, idea.ladder) == (100, (Rung(100, "a printed guide", True),))


def seed_ideas(db: Path) -> None:
    """Five entries; see test_idea_views.py for the same cases and their hand-worked order."""
    with open_store(db) as store:
        for who, on, rating, rungs in (
            ("one", date(2026, 1, 5), 0, ()),
            ("two", date(2026, 1, 5), 1_000_000, (Rung(1, "in person"), Rung(1_000_000, "an app", True))),
            ("three", date(2026, 2, 9), 1_000, (Rung(100, "a recording", True), Rung(1_000, "live webinars"))),
            ("four", date(2026, 2, 9), 1_000, (Rung(1_000, "a course I teach"),)),
            ("five", date(2026, 3, 1), 10, (Rung(10, "a newsletter", True),)),
        ):
            store.add_idea(Idea(0, who, f"value of {who}", "", "", on, rating, rungs))


async def test_o_cycles_the_order_and_f_the_filter(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ideas(db)
    async with running(db) as t:
        await t.press("4")
        pane = t.app.main_screen.query_one(IdeasPane)
        assert who_column(t) == ["five", "four", "three", "two", "one"]
        assert [row[3] for row in rows(t)] == [" 10 ●●", " 1k –", " 1k ●", " 1M ●●", ""]
        await t.press("o")
        assert who_column(t) == ["two", "three", "four", "five", "one"]
        assert "widest reach first" in str(pane.border_subtitle)
        assert t.app.main_screen.query_one("#idea-table", VirtualTable).cursor_row == 0
        await t.press("o")
        assert who_column(t) == ["two", "five", "three", "four", "one"]
        await t.press("f")  # rated 1k+, still most passive first
        assert who_column(t) == ["two", "three", "four"]
        assert "3 of 5 entries" in str(pane.border_subtitle)
        assert "rated 1k+ people" in str(pane.border_subtitle)
        await t.press("o")  # newest first, same filter
        assert who_column(t) == ["four", "three", "two"]
        await t.press("f")  # automated delivery
        assert who_column(t) == ["five", "three", "two"]
        await t.press("f")
        assert who_column(t) == ["five", "four", "three", "two", "one"]
        # The palette's entries do the same.
        await t.app.main_screen.run_action("filter_ideas")
        await t.pilot.pause()
        assert who_column(t) == ["four", "three", "two"]
        await t.app.main_screen.run_action("sort_ideas")
        await t.pilot.pause()
        assert who_column(t) == ["two", "three", "four"]
        # A filter that matches nothing says so, instead of showing a stale entry.
        await t.press("d", "y", "d", "y", "d", "y")
        assert who_column(t) == []
        assert "No entry matches the filter" in detail(t)
    with reopen(db) as store:
        assert sorted(i.who for i in store.ideas()) == ["five", "one"]


async def test_m_makes_a_stream_that_remembers_the_idea_and_the_idea_shows_its_money(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        idea = store.add_idea(Idea(0, "Colleagues new to Excel", "Excel without tears\nfor people in a hurry", "", "",
                                   date(2026, 10, 1), 1_000, (Rung(1_000, "an online video course", True),)))
        store.add_idea(Idea(0, "Neighbours", "Garden help", "", "", date(2026, 9, 1)))
    async with running(db) as t:
        await t.press("4")
        assert "Not a stream yet" in detail(t)
        await t.press("m")
        form = t.form
        assert isinstance(form, StreamForm)
        assert form.values()["name"] == "Excel without tears"
        assert form.values()["category"] == "course", "guessed from how the widest rung is delivered"
        assert form.values()["kind"] == "passive", "automated at its rating"
        assert any("From idea: Colleagues new to Excel" in line for line in screen_lines(t.app))
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        with reopen(db) as store:
            [stream] = store.streams()
        assert (stream.name, stream.category, stream.idea_id) == ("Excel without tears", "course", idea.id)
        assert rows(t)[0][4] == "0.00 EUR"
        assert rows(t)[1][4] == "", "the other idea has no stream"
        # A payment recorded afterwards shows on the idea.
        await t.press("3", "a")
        await t.fill(amount="19.99")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        assert rows(t)[0][4] == "19.99 EUR"
        await t.press("4")
        assert "Excel without tears · earned 19.99 EUR" in detail(t)
        # Editing the stream shows where it came from and keeps the link.
        await t.press("3", "shift+tab", "e")
        assert isinstance(t.form, StreamForm)
        assert any("From idea: Colleagues new to Excel" in line for line in screen_lines(t.app))
        await t.fill(name="Excel course")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        with reopen(db) as store:
            assert [(s.name, s.idea_id) for s in store.streams()] == [("Excel course", idea.id)]
        # The palette's entry makes a second stream from the same idea, once asked: both count.
        await t.press("4")
        await t.app.main_screen.run_action("make_stream")
        await t.pilot.pause()
        assert isinstance(t.current(), ConfirmDialog)
        await t.press("y")
        assert t.form.values()["name"] == "Excel without tears"
        await t.fill(name="Excel course US", currency="USD")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
        assert rows(t)[0][4] == "19.99 EUR", "the new stream has earned nothing yet"
        assert "Excel course, Excel course US · earned 19.99 EUR" in detail(t)
        # Deleting the idea keeps its streams and their payments, without the link.
        await t.press("d", "y")
        assert who_column(t) == ["Neighbours"]
        assert rows(t)[0][4] == ""
    with reopen(db) as store:
        assert sorted((s.name, s.idea_id) for s in store.streams()) == [("Excel course", None),
                                                                        ("Excel course US", None)]
        assert [p.amount for p in store.payments()] == [Decimal("19.99")]
        assert [i.who for i in store.ideas()] == ["Neighbours"]


async def test_deleting_the_stream_leaves_the_idea(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        idea = store.add_idea(Idea(0, "Dog owners", "Walking routes", "", "", date(2026, 10, 2)))
        stream = store.add_stream(Stream(0, "Route maps", "other", "passive", "EUR", idea_id=idea.id))
        store.add_payment(Payment(0, stream.id, date(2026, 11, 1), Decimal("5.00"), ""))
    async with running(db) as t:
        await t.press("4")
        assert rows(t)[0][4] == "5.00 EUR"
        await t.press("3", "shift+tab", "d", "y")
        assert rows(t)[0][4] == "", "no stream, no earnings"
        await t.press("4")
        assert "Not a stream yet" in detail(t)
    with reopen(db) as store:
        assert [i.who for i in store.ideas()] == ["Dog owners"]
        assert store.streams() == []


async def test_m_on_an_entry_that_already_became_a_stream_asks_first_and_names_the_stream(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        idea = store.add_idea(Idea(0, "Dog owners", "Walking routes", "", "", date(2026, 10, 2)))
        store.add_stream(Stream(0, "Route maps", "other", "passive", "EUR", idea_id=idea.id))
    async with running(db) as t:
        await t.press("4", "m")
        assert isinstance(t.current(), ConfirmDialog), "no second stream without asking"
        screen = "\n".join(screen_lines(t.app))
        assert "Already a stream" in screen
        assert "'Route maps'" in screen, "the question names the stream the entry became"
        await t.press("n")
        assert t.on_top(t.app.main_screen), "no: nothing opens"
        await t.press("m", "y")
        assert isinstance(t.form, StreamForm), "yes: the stream form opens, as for a new entry"
        await t.fill(name="Route maps US", category="other", kind="passive", currency="USD")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
    with reopen(db) as store:
        assert sorted((s.name, s.idea_id) for s in store.streams()) == [("Route maps", idea.id),
                                                                        ("Route maps US", idea.id)]


async def test_the_form_fits_120x40_and_ticked_boxes_look_ticked(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.add_idea(Idea(0, "Colleagues new to Excel", "Fewer hours on reports", "", "", date(2026, 10, 1), 1_000,
                            (Rung(10, "a workshop", False), Rung(1_000, "an online course", True))))
    async with running(db) as t:  # 120x40
        await t.press("4", "e")
        assert isinstance(t.form, IdeaForm)
        lines = screen_lines(t.app)
        assert any("Save  ctrl+s" in line and "Cancel  esc" in line for line in lines), "both buttons on screen"
        rung = {people: next(line for line in lines if f" {label} " in line and "automated" in line)
                for people, label in ((10, "10 people"), (1_000, "1,000 people"), (100, "100 people"))}
        assert "▐X▌ automated" in rung[1_000], "ticked: an X in the box"
        assert "▐ ▌ automated" in rung[10] and "▐ ▌ automated" in rung[100], "unticked: an empty box"
        await tick(t, 100)
        assert any("100 people" in line and "▐X▌ automated" in line for line in screen_lines(t.app))
