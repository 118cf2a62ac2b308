"""The today card: shown on launch, dismissable checks that stay gone, t reopens it."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path

from textual.widgets import Static
from tui_support import NARROW, TODAY, Running, card, launched, open_store, reopen, screen_lines, until

from tenfold.coach.prompts import Situation, load_prompts, prompt_for
from tenfold.config import Settings, load_settings, save_settings
from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.steps import STEPS
from tenfold.domain.streams import Stream
from tenfold.store.store import Store
from tenfold.tui.dialogs.dismissed import NONE_LEFT, DismissedChecks
from tenfold.tui.dialogs.forms import GoalForm
from tenfold.tui.screens.today import CHECKS_AT_ONCE, NO_CHECKS, TodayScreen
from tenfold.tui.widgets.today_card import NudgeLine

QUIET = "quiet:stream:2:2026-08-25"
"""The day job's check: monthly, and nothing since August."""


QUIET = "quiet:stream:2:2026-08-25"
"""seed()'s day job, paid monthly, last on 2026-08-25: a stream gone quiet."""


def seed(path: Path) -> None:
    """A goal written three days ago, a check-in on each day since, and a passive stream with too much upkeep."""
    for back in (3, 2, 1):
        day = TODAY - timedelta(days=back)
        with Store.open(path, today=lambda day=day: day) as store:  # type: ignore[misc]
            store.save_draft("scratch", {"day": day.isoformat()})
    with open_store(path) as store:
        store.set_goal(Goal("Ebooks pay the rent", Decimal("1500"), "EUR", date(2027, 12, 31), TODAY))
        shop = store.add_stream(Stream(0, "Drop shop", "business", "passive", "EUR", upkeep_hours=Decimal(30)))
        store.add_payment(Payment(0, shop.id, date(2026, 10, 5), Decimal("300.00"), "September"))
        store.add_payment(Payment(0, shop.id, date(2026, 11, 3), Decimal("42.50"), "October"))
        job = store.add_stream(Stream(0, "Day job", "other", "active", "EUR", "monthly"))
        store.add_payment(Payment(0, job.id, date(2026, 8, 25), Decimal("2000.00"), "August"))  # quiet since
        store.tick(1, TODAY)


def text_of(screen: TodayScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).content)


async def test_the_card_shows_on_launch_with_goal_progress_prompt_next_step_and_streak(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed(db)
    async with launched(db) as t:
        today = card(t)
        assert "Today · Saturday 21 November 2026 · streak 4 days" in text_of(today, "#today-title")
        goal = text_of(today, "#today-goal")
        assert "“Ebooks pay the rent”" in goal
        assert "1,500.00 EUR passive income a month by 2027-12-31 · 405 days left" in goal
        # The goal pane's figures: the last full month (300 of 1,500 is 20%) and the average of
        # August, September and October (0 + 0 + 300) / 3.
        assert "Last month ███░░░░░░░░░░░░░ 20% · 300.00 EUR · so far this month 42.50 EUR" in goal
        assert "3-month average 100.00 EUR. A projection needs 6 full months" in goal
        where = Situation(next_step=2, streams=2, payments=2, ideas=0, goal=True)
        assert prompt_for(TODAY, load_prompts(), where) in text_of(today, "#today-prompt")
        step = text_of(today, "#today-step")
        assert f"Next step · 2 {STEPS[1].title}" in step
        assert STEPS[1].today in step
        assert today.nudge_keys() == ["backup", "upkeep:stream:1", QUIET]
        screen = "\n".join(screen_lines(t.app))
        assert "Honest checks" in screen
        assert "Drop shop takes 30 hours a month" in screen
        await t.press("escape")
        assert t.app.screen is t.app.main_screen
        await t.press("t")
        assert len(card(t).nudge_keys()) == 3
        await t.press("enter")
        assert t.app.screen is t.app.main_screen


async def test_a_dismissed_check_is_saved_and_gone_next_launch(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed(db)
    async with launched(db) as t:
        assert card(t).nudge_keys() == ["backup", "upkeep:stream:1", QUIET]
        await t.press("down", "d")
        assert card(t).nudge_keys() == ["backup", QUIET]
        t.app.store.flush()  # the app may save in the background: wait for it, then read the file
        with Store.open(db, read_only=True, today=lambda: TODAY) as fresh:
            assert fresh.dismissed() == {"upkeep:stream:1": TODAY}
        focused = card(t).focused
        assert isinstance(focused, NudgeLine) and focused.nudge.key == QUIET, "the next check has focus"
        await t.press("up", "d", "x")
        assert card(t).nudge_keys() == []
        assert NO_CHECKS in text_of(card(t), "#today-no-checks")
        await t.press("escape", "t")
        assert card(t).nudge_keys() == [], "t reopens the card without the dismissed checks"
    async with launched(db) as t:
        assert card(t).nudge_keys() == []
    with reopen(db) as store:
        assert set(store.dismissed()) == {"backup", "upkeep:stream:1", QUIET}


async def test_a_fresh_install_is_welcomed_and_pointed_at_writing_the_goal(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with launched(db, NARROW) as t:
        today = card(t)
        screen = "\n".join(screen_lines(t.app))
        assert "Welcome to Tenfold" in screen
        assert "no streak yet" in screen
        assert "Press w to write your goal now." in screen
        assert "Honest checks" not in screen, "the welcome is the check: no list repeats it"
        assert today.nudge_keys() == []
        assert f"Next step · 1 {STEPS[0].title}" in text_of(today, "#today-step")
        await t.press("w")
        assert isinstance(t.form, GoalForm)
        await t.press("escape")
        assert t.app.screen is t.app.main_screen


async def test_the_card_fits_80x24_with_its_first_check_in_view(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed(db)
    async with launched(db, NARROW) as t:
        lines = screen_lines(t.app)
        assert len(lines) == 24 and max(len(line) for line in lines) <= 80
        screen = "\n".join(lines)
        for seen in ("Today · Saturday", "Ebooks pay the rent", "Today's question", "Next step · 2",
                     "No backup plan written down yet"):
            assert seen in screen


async def test_without_the_setting_or_with_it_off_the_card_waits_for_t(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed(db)
    async with launched(db, show_today=None) as t:  # no settings folder, as in the other tests
        assert t.app.screen is t.app.main_screen
        await t.press("t")
        card(t)
    config = tmp_path / "config"
    save_settings(config, Settings(theme="nord", today_on_launch=False))
    async with launched(db, show_today=None, config=config) as t:
        assert t.app.screen is t.app.main_screen
        await t.press("t", "o")  # o switches it back on, keeping the theme
        card(t)
    assert load_settings(config) == Settings(theme="nord", today_on_launch=True)
    async with launched(db, show_today=None, config=config) as t:
        card(t)


async def test_the_show_at_start_label_follows_the_switch(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed(db)
    config = tmp_path / "config"
    save_settings(config, Settings(theme="nord", today_on_launch=True))
    async with launched(db, show_today=None, config=config) as t:
        card(t)
        assert any("o show at start: on" in line for line in screen_lines(t.app))
        await t.press("o")
        assert load_settings(config).today_on_launch is False
        screen = "\n".join(screen_lines(t.app))
        assert "o show at start: off" in screen and "o show at start: on" not in screen
        await t.press("o")
        assert any("o show at start: on" in line for line in screen_lines(t.app))
    assert load_settings(config).today_on_launch is True


async def test_d_can_be_undone_and_s_and_m_snooze_for_a_week_and_a_month(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed(db)
    async with launched(db) as t:
        # The checks seed() fires, in the card's order: no backup plan, too much upkeep, a stream gone quiet.
        assert card(t).nudge_keys() == ["backup", "upkeep:stream:1", QUIET]
        await t.press("down", "down", "d")
        assert card(t).nudge_keys() == ["backup", "upkeep:stream:1"]
        assert any("Press u to undo" in n for n in t.notifications()), "the notice names the key that undoes it"
        await t.press("u")
        assert card(t).nudge_keys() == ["backup", "upkeep:stream:1", QUIET], "back in its place"
        focused = card(t).focused
        assert isinstance(focused, NudgeLine) and focused.nudge.key == QUIET
        with reopen(db) as store:
            assert store.dismissed() == {}, "undo removed the record"
        await t.press("s")  # the same check, snoozed a week
        await t.press("down", "m")  # from the check before it (focused after the snooze) to upkeep, a month
        assert card(t).nudge_keys() == ["backup"]
        with reopen(db) as store:
            assert {(d.key, d.until) for d in store.dismissals()} == {
                (QUIET, date(2026, 11, 28)), ("upkeep:stream:1", date(2026, 12, 21))}
        await t.press("u", "u", "u")  # both back; the third has nothing left to undo
        assert card(t).nudge_keys() == ["backup", "upkeep:stream:1", QUIET]
        assert any("Nothing to undo" in n for n in t.notifications())
    with reopen(db) as store:
        assert store.dismissals() == []


async def test_the_palette_lists_dismissed_checks_and_brings_one_back(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed(db)
    with open_store(db) as store:
        store.dismiss("upkeep:stream:1", TODAY)
        store.dismiss("quiet:stream:9:2026-01-01", date(2026, 5, 1), until=date(2026, 12, 1))
    async with launched(db, show_today=False) as t:
        await t.app.main_screen.run_action("dismissed_checks")
        await t.pilot.pause()
        dialog = t.current()
        assert isinstance(dialog, DismissedChecks)
        screen = "\n".join(screen_lines(t.app))
        assert "quiet:stream:9:2026-01-01" in screen and "snoozed until 2026-12-01" in screen
        assert "Drop shop takes 30 hours a month" in screen, "a check that still fires is shown in its words"
        assert "dismissed 2026-11-21, for good" in screen
        await t.press("down", "enter")  # the second: upkeep (dismissed later, listed after)
        with reopen(db) as store:
            assert list(store.dismissed()) == ["quiet:stream:9:2026-01-01"]
        await t.press("enter")
        assert dialog.query_one("#dismissed-none", Static).display
        assert str(dialog.query_one("#dismissed-none", Static).content) == NONE_LEFT
        await t.press("escape", "t")
        assert "upkeep:stream:1" in card(t).nudge_keys(), "back on the card"
    with reopen(db) as store:
        assert store.dismissals() == []



def seed_quiet_streams(path: Path, count: int) -> None:
    """A goal and ``count`` streams each paid once, months ago: a check for each stream gone quiet."""
    with open_store(path) as store:
        store.set_goal(Goal("Ebooks pay the rent", Decimal("1500"), "EUR", date(2027, 12, 31), TODAY))
        for n in range(count):
            stream = store.add_stream(Stream(0, f"Stream {n:02}", "ads", "passive", "EUR"))
            store.add_payment(Payment(0, stream.id, date(2026, 5, 1) + timedelta(days=n), Decimal(10), ""))


def drawn_keys(t: Running) -> list[str]:
    return [line.nudge.key for line in card(t).query(NudgeLine)]


def is_focused(t: Running, key: str) -> bool:
    focused = card(t).focused
    return isinstance(focused, NudgeLine) and focused.nudge.key == key


async def test_a_card_with_many_checks_puts_them_on_as_the_cursor_comes_and_loses_none(tmp_path: Path) -> None:
    """Only the first checks are widgets when the card opens; moving down brings each of the others, in order."""
    db = tmp_path / "t.json"
    seed_quiet_streams(db, 2 * CHECKS_AT_ONCE + 5)
    async with launched(db) as t:
        keys = card(t).nudge_keys()
        assert len(keys) > 2 * CHECKS_AT_ONCE, "every check is counted, drawn or not"
        assert len(drawn_keys(t)) == CHECKS_AT_ONCE, "the rest wait below the card's end"
        for key in keys:  # down visits every check once, in the card's order
            await until(t, partial(is_focused, t, key))
            await t.press("down")
        assert drawn_keys(t) == keys
        await t.press("d")  # the last one, dismissed
        assert card(t).nudge_keys() == keys[:-1]
    with reopen(db) as store:
        assert list(store.dismissed()) == [keys[-1]]


async def test_scrolling_to_the_end_of_the_card_brings_the_next_checks(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_quiet_streams(db, 2 * CHECKS_AT_ONCE + 5)
    async with launched(db) as t:
        keys = card(t).nudge_keys()
        card(t).query_one("#dialog").scroll_end(animate=False)
        await t.pilot.pause()
        await t.pilot.pause()
        assert len(drawn_keys(t)) > CHECKS_AT_ONCE
        assert drawn_keys(t) == keys[: len(drawn_keys(t))], "in the card's order"


async def test_dismissing_check_after_check_reaches_those_not_drawn_at_first(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_quiet_streams(db, CHECKS_AT_ONCE + 3)
    async with launched(db) as t:
        keys = card(t).nudge_keys()
        for key in keys:  # the cursor stays on the first place; each check moves up into it
            await until(t, partial(is_focused, t, key))
            await t.press("d")
        assert card(t).nudge_keys() == []
        assert str(card(t).query_one("#today-no-checks", Static).content) == NO_CHECKS
    with reopen(db) as store:
        assert set(store.dismissed()) == set(keys)
