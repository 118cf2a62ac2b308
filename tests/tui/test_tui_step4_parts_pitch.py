"""The measures through the real app: step 4's bills, hours on a stream, the three parts, a mentor pitch."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tui_support import TODAY, open_store, reopen, running, screen_lines, seed_ledger

from tenfold.domain.freedom import Freedom
from tenfold.domain.ledger import Payment
from tenfold.tui.dialogs.measure_forms import FreedomForm, HoursForm, PartsForm
from tenfold.tui.dialogs.step_forms import StepItemForm
from tenfold.tui.screens.step_screen import StepScreen
from tenfold.tui.screens.stream_card import StreamCard
from tenfold.tui.widgets.goal_pane import GoalView
from tenfold.tui.widgets.virtual_table import VirtualTable

D = Decimal


def idea_detail(t: object) -> str:
    """The ideas pane's detail of the entry under the cursor."""
    from textual.widgets import Static

    return str(t.app.main_screen.query_one("#idea-detail", Static).render())  # type: ignore[attr-defined]


def on_screen(t: object) -> str:
    return "\n".join(screen_lines(t.app))  # type: ignore[attr-defined]


async def test_step_4_bills_refused_field_by_field_then_shown_on_the_goal_pane(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books, _ads, _payment = seed_ledger(db)
    with open_store(db) as store:
        store.add_payment(Payment(0, books.id, date(2026, 10, 2), D("600.00"), ""))
    async with running(db) as t:
        await t.press("2", "j", "j", "j", "enter")  # step 4, full screen
        assert isinstance(t.app.screen, StepScreen) and t.app.screen.number == 4
        assert "Bills: not noted yet" in on_screen(t)
        await t.press("b")
        assert isinstance(t.form, FreedomForm)
        assert t.form.query_one("#field-currency").value == "EUR"  # type: ignore[attr-defined]
        await t.fill(bills="-2400", savings="lots", hourly_rate="abc")
        await t.press("ctrl+s")
        assert t.error("bills") == "The amount must be positive"
        assert t.error("savings") == "'lots' is not an amount; type digits like 12.50"
        assert t.error("hourly_rate") == "'abc' is not an amount; type digits like 12.50"
        await t.fill(bills="2400", savings="12000", hourly_rate="30")
        await t.press("ctrl+s")
        assert isinstance(t.app.screen, StepScreen)
        assert "Bills: 2,400.00 EUR a month · savings 12,000.00 EUR · an hour 30.00 EUR" in on_screen(t)
        await t.press("escape")
        goal = str(t.app.main_screen.query_one(GoalView).render())
        # October: 600 of 2,400 = 25%; 12,000 / 1,800 = 6.6 months.
        assert "25%  of 2,400.00 EUR" in goal
        # The ledger begins in October: its one complete month is the average (August and September
        # are unknown, not zero).
        assert "25% on 1 month · savings last 6.6 months" in goal
    with reopen(db) as store:
        assert store.freedom == Freedom("EUR", D("2400.00"), D("12000.00"), D("30.00"))


async def test_hours_on_a_stream_refused_in_the_future_then_logged_and_shown_on_its_card(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.press("3", "shift+tab")  # the streams table: "Blog ads" first, then "Ebook royalties"
        assert t.app.main_screen.query_one("#streams", VirtualTable).has_focus
        await t.press("j", "h")
        assert isinstance(t.form, HoursForm) and "Upkeep on Ebook royalties" in t.form.INTRO
        await t.fill(on="2026-11-22", hours="30")
        await t.press("ctrl+s")
        assert t.error("on") == "2026-11-22 is in the future: log hours once they are spent"
        assert t.error("hours") == "One entry is one day: at most 24 hours"
        await t.fill(on="2026-11-20", hours="1.5", note="answered reader mail")
        await t.press("ctrl+s")
        assert "Logged on Ebook royalties" in t.notifications()
        await t.press("i")
        assert isinstance(t.app.screen, StreamCard)
        card = on_screen(t)
        assert "2026-11-20  1.50 h  answered reader mail" in card
        assert "no up-front cost recorded" in card
        await t.press("escape")
    with reopen(db) as store:
        assert [(h.on, h.hours, h.note) for h in store.hours()] == [(TODAY.replace(day=20), D("1.50"),
                                                                     "answered reader mail")]


async def test_the_three_parts_of_a_stream_and_of_an_idea(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    with open_store(db) as store:
        from tenfold.domain.ideas import Idea

        idea = store.add_idea(Idea(0, "home bakers", "sourdough recipes", "", "", TODAY))
    async with running(db) as t:
        await t.press("3", "shift+tab", "p")
        assert isinstance(t.form, PartsForm) and "Blog ads" in t.form.INTRO
        await t.fill(creation="4", delivery="seven", payment="2")
        await t.press("ctrl+s")
        assert t.error("delivery") == "Rate it 1 to 5 (1 weak · 3 works · 5 strong), or leave it blank"
        await t.fill(delivery="3")
        await t.press("ctrl+s")
        assert any(n.startswith("Weakest: Payment (2/5).") for n in t.notifications())
        await t.press("4")
        assert "Three parts" not in idea_detail(t), "not rated yet"
        await t.press("p")
        assert isinstance(t.form, PartsForm) and "home bakers" in t.form.INTRO
        await t.fill(delivery="1", payment="3")
        await t.press("ctrl+s")
        assert any(n.startswith("Weakest: Value delivery (1/5).") for n in t.notifications())
        # The ideas pane names the weakest part of the idea under the cursor, with its question.
        detail = idea_detail(t)
        assert "Three parts: creation - · delivery 1 · payment 3" in detail
        assert ("Weakest: Value delivery (1/5). How could it reach the next ten times as many people without "
                "you delivering it in person?") in detail
    with reopen(db) as store:
        ads = next(s for s in store.streams() if s.name == "Blog ads")
        rated = store.parts("stream", ads.id)
        assert rated is not None and (rated.creation, rated.delivery, rated.payment) == (4, 3, 2)
        on_idea = store.parts("idea", idea.id)
        assert on_idea is not None and on_idea.weakest == "delivery"


async def test_a_mentor_pitch_with_its_dates_and_the_next_candidate_after_a_no(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("2", *["j"] * 6, "enter")  # step 7
        assert isinstance(t.app.screen, StepScreen) and t.app.screen.number == 7
        await t.press("a")
        assert isinstance(t.form, StepItemForm)
        await t.fill(text="Maria Lopez", entry_pitch="I read your sourdough book twice.",
                     entry_offer="proofreading", entry_sent_on="2026-11-02", entry_follow_up_on="2026-10-30")
        await t.press("ctrl+s")
        assert t.error("entry_follow_up_on") == "Follow up after the pitch was sent (2026-11-02)"
        await t.fill(entry_follow_up_on="2026-11-16", entry_outcome="no")
        await t.press("ctrl+s")
        await t.press("a")
        await t.fill(text="Jon Park")
        await t.press("ctrl+s")
        screen = on_screen(t)
        assert "Maria Lopez said no; next: pitch Jon Park" in screen
        assert "The pitch: I read your sourdough book twice." in screen
        assert "sent 2026-11-02 · follow up 2026-11-16 · outcome no" in screen
    with reopen(db) as store:
        maria = store.step_items(7)[0]
        assert maria.extra == {"pitch": "I read your sourdough book twice.", "offer": "proofreading",
                               "sent_on": "2026-11-02", "follow_up_on": "2026-11-16", "outcome": "no"}


async def test_a_scale_experiment_measured_by_the_ledger_and_a_marketer_linked_to_a_stream(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books, _ads, _payment = seed_ledger(db)  # 42.50 in 2026-11 (the running month)
    with open_store(db) as store:
        store.add_payment(Payment(0, books.id, date(2026, 9, 4), D("30.00"), "", "Ana"))
        store.add_payment(Payment(0, books.id, date(2026, 10, 4), D("50.00"), "", "Ben"))
        store.add_payment(Payment(0, books.id, date(2026, 10, 9), D("50.00"), "", "Cy"))
    async with running(db) as t:
        await t.press("2", *["j"] * 7, "enter")  # step 8
        assert isinstance(t.app.screen, StepScreen) and t.app.screen.number == 8
        await t.press("a")
        assert isinstance(t.form, StepItemForm)
        await t.fill(stream="Ebook royalties", entry_change="price 9 -> 12", entry_figure="customers",
                     entry_check_on="2026-13-01")
        await t.press("ctrl+s")
        assert t.error("entry_check_on") == "2026-13-01 has no month 13; months run 01 to 12"
        await t.fill(entry_check_on="2026-10-31", entry_decision="keep")
        await t.press("ctrl+s")
        screen = on_screen(t)
        # Begun 2026-11-21: the baseline is the month before (October: Ben and Cy); the result is due
        # in October, a complete month, so it is measured too.
        assert "figure customers · baseline 2 in 2026-10 · result due 2026-10-31 · result 2 in 2026-10" in screen
        await t.press("left", "left", "left", "a")  # step 5
        assert isinstance(t.form, StepItemForm)
        await t.fill(text="Ada Cheng", entry_offer="free chapter for an e-mail", entry_prices="9 / 49",
                     entry_stream="Ebook royalties")
        await t.press("ctrl+s")
        screen = on_screen(t)
        assert "Entry offer: free chapter for an e-mail" in screen
        assert "For my stream: Ebook royalties" in screen
    with reopen(db) as store:
        experiment = store.step_items(8)[0]
        assert experiment.stream_id == books.id and experiment.extra["decision"] == "keep"
        assert store.step_items(5)[0].extra["stream"] == str(books.id)
