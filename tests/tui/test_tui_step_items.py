"""Steps with substance, through the real app: items added and ticked, a suggested tick, step 1's idea."""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Input, Static
from tui_support import NARROW, TODAY, open_store, reopen, running, screen_lines, seed_ledger

from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.step_items import StepItem
from tenfold.tui.dialogs.confirm import ConfirmDialog
from tenfold.tui.dialogs.idea_picker import IdeaPicker
from tenfold.tui.dialogs.step_forms import SavingsForm, StepItemForm
from tenfold.tui.screens.step_screen import StepScreen
from tenfold.tui.screens.today import TodayScreen
from tenfold.tui.widgets.steps_pane import NOTES_DEBOUNCE, StepList


def on_screen(t: object) -> str:
    """Everything on the terminal now, as text."""
    return "\n".join(screen_lines(t.app))  # type: ignore[attr-defined]


def pane_detail(t: object) -> str:
    """The text under the step list: suggestion, content, coaching."""
    return str(t.app.main_screen.query_one("#step-detail", Static).render())  # type: ignore[attr-defined]


async def test_sub_tasks_ticked_one_by_one_then_the_suggested_tick(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("2", "j", "j", "enter")  # step 3, full screen
        assert isinstance(t.app.screen, StepScreen) and t.app.screen.number == 3
        assert "No sub-tasks yet. Press a to add one." in on_screen(t)
        # A blank task is refused next to the field, and the form stays open.
        await t.press("a")
        assert isinstance(t.form, StepItemForm)
        await t.press("ctrl+s")
        assert t.error("text") == "The text cannot be empty"
        await t.fill(text="Outline the ebook")
        await t.press("ctrl+s")
        await t.press("a")
        await t.fill(text="Write chapter 1", detail="by Friday")
        await t.press("ctrl+s")
        assert isinstance(t.app.screen, StepScreen)
        screen = on_screen(t)
        assert "[ ] Outline the ebook" in screen and "[ ] Write chapter 1  · by Friday" in screen
        assert "looks done" not in screen
        await t.press("space")  # the first task
        assert "looks done" not in on_screen(t), "one of two is not done"
        await t.press("j", "x")  # the second
        assert "Step 3 looks done: 2 of 2 sub-tasks ticked. t to tick it" in on_screen(t)
        with reopen(db) as store:
            assert [(i.text, i.detail, i.done) for i in store.step_items(3)] == [
                ("Outline the ebook", "", True), ("Write chapter 1", "by Friday", True)]
            assert not store.steps()[2].done, "the app suggests; only the user ticks"
        # Back in the pane: the list and the detail say the same, and Space ticks.
        await t.press("escape")
        steps = t.app.main_screen.query_one(StepList)
        assert steps.has_focus and steps.cursor == 2
        assert "3 Plan your steps  2/2 tick?" in str(steps.render())
        assert "Step 3 looks done: 2 of 2 sub-tasks ticked. Space to tick it" in pane_detail(t)
        await t.press("space")
        assert "looks done" not in pane_detail(t)
    with reopen(db) as store:
        assert store.steps()[2].done_on == TODAY


async def test_a_sub_task_with_a_due_date_becomes_the_days_action(tmp_path: Path) -> None:
    """A date that is not one is refused next to the field, keeping what was typed; the dated task
    is listed with its date, and the today card names it (overdue once the date has passed)."""
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.tick(1, TODAY)
        store.tick(2, TODAY)
        store.add_step_item(StepItem(0, 3, "Write the blurb", "", False, TODAY))
    async with running(db) as t:
        await t.press("2", "enter")  # the cursor starts on step 3, the first not ticked: full screen
        assert isinstance(t.app.screen, StepScreen) and t.app.screen.number == 3
        await t.press("a")
        assert isinstance(t.form, StepItemForm)
        await t.fill(text="Chapter 1", due="next friday")
        await t.press("ctrl+s")
        assert t.error("due") == "'next friday' is not a date; use YYYY-MM-DD, e.g. 2027-12-31"
        assert t.form.query_one("#field-due", Input).value == "next friday", "what was typed is kept"
        await t.fill(due="2026-11-20")  # yesterday
        await t.press("ctrl+s")
        assert isinstance(t.app.screen, StepScreen)
        assert "[ ] Chapter 1  overdue since 2026-11-20" in on_screen(t)
        with reopen(db) as store:
            assert [(i.text, i.due_on) for i in store.step_items(3)] == [
                ("Write the blurb", None), ("Chapter 1", date(2026, 11, 20))]
        await t.press("j", "space")  # the first: the day it was ticked is shown instead of a date due
        assert "[x] Write the blurb  done 2026-11-21" in on_screen(t)
        await t.press("j", "x")
        assert "[x] Chapter 1  done 2026-11-21" in on_screen(t)
        with reopen(db) as store:
            chapter = store.step_items(3)[1]
            assert (chapter.done, chapter.done_on, chapter.due_on) == (True, TODAY, date(2026, 11, 20))


async def test_the_today_card_names_an_overdue_sub_task(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.tick(1, TODAY)
        store.tick(2, TODAY)
        store.add_step_item(StepItem(0, 3, "Write the blurb", "", False, TODAY))
        store.add_step_item(StepItem(0, 3, "Chapter 1", "", False, TODAY, due_on=date(2026, 11, 19)))
    async with running(db) as t:
        await t.press("t")
        card = t.app.screen
        assert isinstance(card, TodayScreen)
        step = str(card.query_one("#today-step", Static).content)
        assert "Overdue since 2026-11-19: Chapter 1 · 0 of 2 sub-tasks done." in step


async def test_choosing_step_1s_idea_and_notes_keep_it(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.add_idea(Idea(0, "neighbours", "fixing bikes", "", "", TODAY))
        excel = store.add_idea(Idea(0, "colleagues new to Excel", "short lessons", "a course", "video", TODAY))
    async with running(db) as t:
        await t.press("2")  # the cursor starts on step 1, the first not ticked
        assert "No idea chosen yet" in pane_detail(t)
        await t.press("a")
        picker = t.app.screen
        assert isinstance(picker, IdeaPicker)
        await t.type("excel")
        assert str(picker.query_one("#picker-count", Static).render()) == "1 of 2"
        await t.press("enter")
        assert t.app.screen is t.app.main_screen
        assert "Chosen: colleagues new to Excel: short lessons" in pane_detail(t)
        assert "Step 1 looks done: you chose colleagues new to Excel: short lessons." in pane_detail(t)
        # Notes saved afterwards keep the choice (a note is not a reason to forget it).
        await t.press("n")
        await t.type("Start with pivot tables")
        await asyncio.sleep(NOTES_DEBOUNCE + 0.3)
        await t.pilot.pause()
        await t.press("escape", "enter")  # the step full screen: the idea in full, c clears it
        assert "a course · video" in on_screen(t)
    with reopen(db) as store:
        first = store.steps()[0]
    assert (first.idea_id, first.stream_id, first.notes) == (excel.id, None, "Start with pivot tables")
    async with running(db) as t:  # notes saved by quitting keep it too
        await t.press("2", "n", "end")
        await t.type(", then charts")
        await t.press("ctrl+q")
    with reopen(db) as store:
        first = store.steps()[0]
    assert (first.idea_id, first.notes) == (excel.id, "Start with pivot tables, then charts")


async def test_backup_plans_savings_edit_delete_and_a_draft(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db, size=NARROW) as t:
        await t.press("2", "j", "j", "j", "enter")
        assert t.app.screen.number == 4  # type: ignore[attr-defined]
        await t.press("m")
        assert isinstance(t.form, SavingsForm)
        await t.fill(savings_months="six")
        await t.press("ctrl+s")
        assert t.error("savings_months") == "'six' is not a number of months; type e.g. 6 or 4.5"
        await t.fill(savings_months="4.5")
        await t.press("ctrl+s")
        assert "Savings last: 4.5 months" in on_screen(t)
        await t.press("a")
        await t.fill(text="Day job", detail="pays the rent")
        await t.press("ctrl+s")
        assert "Step 4 looks done: 1 backup plan, and savings last 4.5 months." in on_screen(t)
        await t.press("e")  # edit: the form comes filled in
        assert t.form.values()["text"] == "Day job"
        await t.fill(text="Day job at 80%")
        await t.press("ctrl+s")
        await t.press("a")
        await t.fill(text="Freelance")
        await t.press("ctrl+s")
        await t.press("d")
        assert isinstance(t.app.screen, ConfirmDialog)
        await t.press("y")
        await t.press("a")
        await t.type("Tutoring, half typed")
        await t.press("ctrl+q")  # quitting with the form open keeps a draft
    with reopen(db) as store:
        assert [i.text for i in store.step_items(4)] == ["Day job at 80%"]
        assert store.steps()[3].savings_months == Decimal("4.5")
        assert store.draft("step_item:4") == {"text": "Tutoring, half typed", "detail": ""}
    async with running(db, size=NARROW) as t:
        await t.press("2", "j", "j", "j", "a")  # the pane's a adds to step 4 too
        assert t.form.values()["text"] == "Tutoring, half typed"
        assert "Restored what you had typed" in on_screen(t)


async def test_step_8_shows_each_scaled_streams_trend(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books, _ads, _payment = seed_ledger(db)  # 42.50 EUR on 2026-11-03: this month, not counted
    with open_store(db) as store:
        store.add_payment(Payment(0, books.id, date(2026, 9, 1), Decimal("90.00"), ""))
        store.add_payment(Payment(0, books.id, date(2026, 6, 1), Decimal("60.00"), ""))
    async with running(db) as t:
        await t.press("2", "end")
        await t.press(*["j"] * 7, "enter")
        assert t.app.screen.number == 8  # type: ignore[attr-defined]
        await t.press("a")
        await t.fill(stream="Ebook royalties", detail="sales per week")
        await t.press("ctrl+s")
        text = on_screen(t)
        assert "• Ebook royalties  +50% (90.00 EUR vs 60.00 EUR)  · sales per week" in text
        assert "Step 8 looks done: 1 stream you are scaling grew in the last three months." in text
        # A payment recorded now changes the trend on the next look.
        await t.press("escape", "3", "a")
        await t.fill(on="2026-10-15", amount="30")
        await t.press("ctrl+s")
        await t.press("2", "enter")
        assert "+100% (120.00 EUR vs 60.00 EUR)" in on_screen(t)
    with reopen(db) as store:
        [item] = store.step_items(8)
    assert (item.stream_id, item.text, item.detail) == (books.id, "", "sales per week")


async def test_the_pane_lists_a_few_items_and_counts_the_rest(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        for n in range(1, 6):
            store.add_step_item(StepItem(0, 7, f"Mentor {n}", "", n == 2, TODAY))
    async with running(db) as t:
        await t.press("2", *["j"] * 6)
        detail = pane_detail(t)
        assert "Mentor candidates · 1 of 5 asked" in detail
        assert "[ ] Mentor 1" in detail and "[x] Mentor 2" in detail and "Mentor 4" not in detail
        assert "… and 2 more (Enter opens the step)" in detail
        assert "Step 7 looks done: 1 of 5 mentor candidates asked." in detail
