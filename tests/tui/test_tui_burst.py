"""Keys sent in one burst land where a person would expect, also right after Tab.

Without a pause between keys, everything is in the app's queue before the app
handles the first; a key that moves the focus must have moved it before the keys
behind it are handed on.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from textual.widgets import Input
from tui_support import reopen, running

GOAL = "Royalties from two ebooks and one online course pay our rent and food every month, too!!"


async def test_a_burst_after_tab_lands_in_the_next_field(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    assert len(GOAL) == 88
    async with running(db) as t:
        await t.press("w")
        form = t.form
        await t.burst(*GOAL, "tab", *"1500", "tab", "ctrl+a", *"EUR", "tab", *"2027-12-31")
        typed = {k: v for k, v in form.values().items() if k in ("text", "amount", "currency", "deadline")}
        assert typed == {"text": GOAL, "amount": "1500", "currency": "EUR", "deadline": "2027-12-31"}
        await t.burst("shift+tab", "shift+tab")
        assert form.focused is form.query_one("#field-amount", Input), "shift+tab moves back as at a slow pace"
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
    with reopen(db) as store:
        assert store.goal is not None
        assert (store.goal.text, store.goal.amount) == (GOAL, Decimal("1500"))


async def test_tab_still_moves_between_panes(tmp_path: Path) -> None:
    async with running(tmp_path / "t.json") as t:
        assert t.app.main_screen.active_pane == "goal"
        await t.burst("tab", "tab")
        assert t.app.main_screen.active_pane != "goal"
        await t.burst("shift+tab", "shift+tab")
        assert t.app.main_screen.active_pane == "goal"
