"""q quits from every screen where it is not a letter being typed, the today card first of all."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea
from tui_support import card, launched, reopen, running, seed_ledger


async def test_q_on_the_today_card_quits(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with launched(db) as t:
        card(t)
        await t.press("q")
        assert t.app.return_code == 0, "a newcomer's first q, on the card shown at start, quits"


@pytest.mark.parametrize("keys", [("question_mark",), ("3", "r"), ("1", "h"), ("3", "dollar_sign"), ("3", "d")],
                         ids=["help", "report", "goal history", "rates", "confirm"])
async def test_q_quits_from_every_screen_and_dialog(tmp_path: Path, keys: tuple[str, ...]) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.press(*keys)
        assert not t.on_top(t.app.main_screen)
        await t.press("q")
        assert t.app.return_code == 0


async def test_q_in_a_text_field_is_a_letter(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.press("1", "w")
        assert isinstance(t.form.focused, TextArea)
        await t.type(" quickly")
        assert t.app.return_code is None, "still running"
        await t.press("ctrl+s")
        await t.press("2", "n")  # the notes of the first step not ticked: step 1
        await t.type("quiet weeks")
        await t.press("escape", "q")
        assert t.app.return_code == 0
    with reopen(db) as store:
        assert store.goal is not None and store.goal.text == "Ebooks pay the rent quickly"
        assert store.steps()[0].notes == "quiet weeks", "quitting saved the notes"
