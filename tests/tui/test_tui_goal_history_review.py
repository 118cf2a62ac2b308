"""The goal's history and the weekly review, through the real app."""

from __future__ import annotations

import stat
from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import Markdown
from tui_support import NARROW, TODAY, reopen, running, screen_lines, seed_ledger

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.store.store import Store
from tenfold.tui.dialogs.step_forms import SaveReviewForm
from tenfold.tui.screens.goal_history import GoalHistoryScreen
from tenfold.tui.screens.review_screen import ReviewScreen


def on_screen(t: object) -> str:
    return "\n".join(screen_lines(t.app))  # type: ignore[attr-defined]


async def test_goal_history_lists_the_rewritten_goal_with_what_changed(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with Store.open(db, today=lambda: date(2026, 3, 1)) as store:
        store.set_goal(Goal("Royalties pay the rent", Decimal("1000.00"), "EUR", date(2027, 6, 30), date(2026, 3, 1)))
    async with running(db, size=NARROW) as t:
        await t.press("1", "w")  # rewrite the goal in the app
        await t.fill(amount="1500", deadline="2027-12-31")
        await t.press("ctrl+s")
        await t.press("h")
        assert isinstance(t.app.screen, GoalHistoryScreen)
        text = on_screen(t)
        assert "How your goal changed · 1 earlier version" in text
        assert "Now · written 2026-11-21" in text
        assert "2026-03-01 to 2026-11-21" in text
        assert "1,000.00 EUR a month by 2027-06-30" in text
        assert "• amount 1,000.00 → 1,500.00 (raised)" in text
        assert "• deadline 2027-06-30 → 2027-12-31 (184 days later)" in text
        await t.press("escape")
        assert t.on_top(t.app.main_screen)
        # The palette finds it too, and step 2's screen has it under h.
        await t.run_command("Goal history")
        assert isinstance(t.app.screen, GoalHistoryScreen)
        await t.press("h")
        await t.press("2", "j", "enter", "h")
        assert isinstance(t.app.screen, GoalHistoryScreen)
    with reopen(db) as store:
        assert [v.goal.amount for v in store.goal_history()] == [Decimal("1000.00")]


async def test_the_review_screen_shows_the_weeks_payments_and_saves_them(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books, ads, _ = seed_ledger(db)  # 42.50 EUR on 2026-11-03: not this week
    with Store.open(db, today=lambda: TODAY) as store:
        store.add_payment(Payment(0, books.id, date(2026, 11, 20), Decimal("12.00"), ""))
        store.add_payment(Payment(0, ads.id, date(2026, 11, 16), Decimal("3.30"), ""))
    async with running(db) as t:
        await t.run_command("Weekly review")
        screen = t.app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.query_one(Markdown).source.startswith("# Weekly review · 2026-11-15 to 2026-11-21\n")
        text = on_screen(t)
        assert "Weekly review · 2026-11-15 to 2026-11-21" in text
        assert "2 payments this week." in text
        assert "Ebook royalties" in text and "12.00 EUR" in text and "Blog ads" in text
        await t.press("m")  # the month so far
        assert screen.query_one(Markdown).source.startswith("# Monthly review · November 2026 (to 2026-11-21)\n")
        assert "3 payments this month." in screen.text
        await t.press("left")  # October: before the first payment, nothing to look back on
        assert screen.text.startswith("# Monthly review · October 2026\n")
        assert "Nothing to look back on: your records begin on 2026-11-03, after this period." in screen.text
        await t.press("w")  # the week ending with October
        assert screen.text.startswith("# Weekly review · 2026-10-25 to 2026-10-31\n")
        await t.press("right")
        assert screen.text.startswith("# Weekly review · 2026-11-01 to 2026-11-07\n")
        await t.press("right", "right", "right")  # never past today
        assert screen.text.startswith("# Weekly review · 2026-11-15 to 2026-11-21\n")
        await t.press("left", "left")
        # Saving: a folder that does not exist is refused next to the field; then it is written private.
        await t.press("s")
        assert isinstance(t.form, SaveReviewForm)
        await t.fill(path=str(tmp_path / "missing" / "r.md"))
        await t.press("ctrl+s")
        assert t.error("path") == f"The folder {tmp_path / 'missing'} does not exist"
        target = tmp_path / "week.md"
        await t.fill(path=str(target))
        await t.press("ctrl+s")
        assert t.on_top(screen)
        assert f"Review saved to {target}" in t.notifications()
        await t.press("escape")
        assert t.on_top(t.app.main_screen)
    assert target.read_text(encoding="utf-8") == screen.text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with reopen(db) as store:
        assert store.draft("review_path") is None
