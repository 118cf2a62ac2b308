"""Keys sent in one burst land where a person would expect, also right after Tab.

Without a pause between keys, everything is in the app's queue before the app
handles the first; a key that moves the focus must have moved it before the keys
behind it are handed on.
"""

from __future__ import annotations

import asyncio
from decimal import Decimal
from pathlib import Path

from textual.widgets import Input, Select
from tui_support import reopen, running, seed_ledger, until

from tenfold.tui import key_gate
from tenfold.tui.dialogs.form import FormDialog

GOAL = "Royalties from two ebooks and one online course pay our rent and food every month, too!!"


async def test_a_burst_after_tab_lands_in_the_next_field(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    assert len(GOAL) == 88
    async with running(db) as t:
        await t.press("w")
        form = t.form
        # The currency's "EUR" is selected as Tab lands there: typing replaces it (ctrl+a would go to its start).
        await t.burst(*GOAL, "tab", *"1500", "tab", *"USD", "tab", *"2027-12-31")
        typed = {k: v for k, v in form.values().items() if k in ("text", "amount", "currency", "deadline")}
        assert typed == {"text": GOAL, "amount": "1500", "currency": "USD", "deadline": "2027-12-31"}
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


async def test_a_burst_that_opens_a_form_types_into_it(tmp_path: Path) -> None:
    """The key that opens a form and the text typed behind it arrive together: the text lands in the form."""
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.burst("w", *"Royalties pay rent", "tab", *"900")
        form = t.form
        await t.pilot.pause()
        assert (form.values()["text"], form.values()["amount"]) == ("Royalties pay rent", "900")
        await t.burst("tab", "tab", *"2027-06-30", "ctrl+s")
        assert t.app.screen is t.app.main_screen
    with reopen(db) as store:
        assert store.goal is not None
        assert (store.goal.text, store.goal.amount) == ("Royalties pay rent", Decimal("900"))


async def test_a_burst_into_the_ledger_form_keeps_every_character(tmp_path: Path) -> None:
    """Also in a pane other than the first: ``s`` in the ledger opens the stream form."""
    async with running(tmp_path / "t.json") as t:
        await t.burst("tab", "tab", "tab")
        assert t.app.main_screen.active_pane == "ledger"
        await t.burst("s", *"Ebook")
        # A busy machine can take more than one pause to open the form and hand it the held keys.
        await until(t, lambda: isinstance(t.app.screen, FormDialog) and t.form.values()["name"] == "Ebook")


async def test_text_behind_slash_lands_in_the_filter_line(tmp_path: Path) -> None:
    """``/`` moves the focus into the ledger's filter line; the month typed behind it is the filter."""
    async with running(tmp_path / "t.json") as t:
        await t.burst("3")
        assert t.app.main_screen.active_pane == "ledger"
        await t.burst("slash", *"2026-11")
        focused = t.app.focused
        assert isinstance(focused, Input)
        assert focused.value == "2026-11"


async def test_keys_behind_an_opening_key_that_opens_nothing_still_arrive(tmp_path: Path) -> None:
    """``e`` with nothing to edit opens nothing: the keys held behind it go on where they would have gone."""
    async with running(tmp_path / "t.json") as t:
        await t.burst("3")
        assert t.app.main_screen.active_pane == "ledger"
        await t.burst("e", "1")
        for _ in range(int(key_gate.LONGEST / 0.05) + 10):
            if not t.app.key_gate.holding:
                break
            await t.pilot.pause(0.05)
        assert not t.app.key_gate.holding
        assert t.app.main_screen.active_pane == "goal"


def _with_checks(db: Path) -> None:
    """A stream whose payments stopped two months ago: the today card opens with checks, focused on the first."""
    from datetime import timedelta

    from tui_support import TODAY

    from tenfold.domain.ledger import Payment
    from tenfold.domain.streams import Stream
    from tenfold.store.store import Store

    with Store.open(db, today=lambda: TODAY) as store:
        stream = store.add_stream(Stream(0, "Course", "course", "passive", "EUR"))
        store.add_payments([Payment(0, stream.id, TODAY - timedelta(days=60 + 7 * n), Decimal(10), "")
                            for n in range(20)])


async def test_keys_typed_as_the_app_starts_with_the_today_card_land_in_the_goal_form(tmp_path: Path) -> None:
    """``w`` and the goal typed before the card is up (in the terminal as the program starts): ``w`` on the
    card opens the goal form and every letter goes into it, none to the card (``t`` would close it)."""
    from tui_support import Running, open_store

    from tenfold.tui.app import make_app
    from tenfold.tui.dialogs.forms import GoalForm

    db = tmp_path / "t.json"
    _with_checks(db)
    store = open_store(db)
    try:
        app = make_app(store, show_today=True)
        async with app.run_test(size=(120, 40)) as pilot:
            t = Running(app, pilot, db)
            await t.burst("w", *"Royalties")
            await until(t, lambda: isinstance(app.screen, GoalForm) and t.form.values()["text"] == "Royalties")
            assert [type(s).__name__ for s in app.screen_stack] == ["MainScreen", "GoalForm"]
    finally:
        store.close()


async def test_text_typed_behind_a_field_key_comes_after_it(tmp_path: Path) -> None:
    """A field's own keys (ctrl+u, backspace, home) act before the characters typed behind them.

    Such a key runs its binding only once it is back up at the app; characters sent in
    the same burst were typed into the field meanwhile, so ``ctrl+u 2028-01-01`` left
    the field empty and ``home 1`` put the 1 at the end.
    """
    async with running(tmp_path / "t.json") as t:
        await t.press("w")
        await t.burst(*"Royalties", "tab", *"500", "home", "1", "tab", "tab", *"20x", "backspace", *"27-06-30")
        await t.burst("shift+tab", "shift+tab", "ctrl+u", *"1600")
        assert {k: t.form.values()[k] for k in ("amount", "deadline")} == {"amount": "1600", "deadline": "2027-06-30"}
        await t.burst("tab", "tab", "end", "ctrl+u", *"2028-01-01")
        assert t.form.values()["deadline"] == "2028-01-01"


async def test_escape_as_a_form_opens_closes_it(tmp_path: Path) -> None:
    """Nothing was typed: lists that have not shown their choice yet (a loaded machine) are not a change."""
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.press("3")
        screen = t.app.main_screen
        for opening in (screen.ledger.add_stream, screen.ledger.add_payment):
            opening()
            form = None
            for _ in range(50):  # until the form's fields are made; its lists have not mounted yet
                await asyncio.sleep(0)
                shown = t.app.screen
                if isinstance(shown, FormDialog) and all(shown.query(f"#field-{f.name}") for f in shown.FIELDS):
                    form = shown
                    break
            assert form is not None
            assert not all(s.is_mounted for s in form.query(Select)), "the lists have still to take their values"
            form.action_cancel()
            await t.pilot.pause()
            assert t.app.screen is screen, f"{opening.__name__}: closed at the first escape"


async def test_a_paste_right_behind_the_key_that_opens_a_form_lands_in_it(tmp_path: Path) -> None:
    """s and then a pasted name, before the form was up: the paste went to the ledger's table and was lost."""
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.press("3")
        await t.paste("Etsy shop", behind=("s",))
        assert t.form.values()["name"] == "Etsy shop"
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
    with reopen(db) as store:
        assert "Etsy shop" in [s.name for s in store.streams()]
