"""The Written Goal pane: writing the goal through the form, and bad input in it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tui_support import TODAY, reopen, running

from tenfold.tui.dialogs.forms import GoalForm
from tenfold.tui.widgets.goal_pane import GoalView


async def test_write_the_goal_rewrite_it_and_cancel_a_rewrite(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        view = t.app.main_screen.query_one(GoalView)
        assert view.has_focus, "with no goal yet the app starts on the goal pane"
        assert "No goal written yet" in str(view.render())
        await t.press("w")
        assert isinstance(t.form, GoalForm)
        await t.type("Two ebooks pay\nfor the holidays")
        await t.fill(amount="1500.5", currency="usd", deadline="2027-12-31")
        await t.press("enter")  # Enter in an Input saves
        assert t.on_top(t.app.main_screen), "the form closes after saving"
        assert "1,500.50 USD" in str(view.render())
        with reopen(db) as store:
            goal = store.goal
        assert goal is not None
        assert goal.text == "Two ebooks pay\nfor the holidays"
        assert (goal.amount, goal.currency, goal.deadline, goal.written_on) == (
            Decimal("1500.50"), "USD", date(2027, 12, 31), TODAY)
        # Enter on the goal opens the form filled in; ctrl+s saves the change.
        await t.press("enter")
        assert t.form.values() == {"text": "Two ebooks pay\nfor the holidays", "amount": "1500.50",
                                   "currency": "USD", "deadline": "2027-12-31", "portfolio_counts": "no"}
        await t.fill(amount="250")
        await t.press("ctrl+s")
        assert t.on_top(t.app.main_screen)
        # Escape with something typed only warns; a second Escape closes the form and saves nothing.
        await t.press("w")
        await t.fill(amount="999999")
        await t.press("escape")
        assert t.on_top(t.form), "what was typed is not thrown away on one key"
        assert str(t.form.query_one("#form-error").render()) == "Esc again discards what you typed; ctrl+s saves it."
        assert t.form.values()["amount"] == "999999"
        await t.press("escape")
        assert t.on_top(t.app.main_screen)
        # An untouched form closes at the first Escape.
        await t.press("w", "escape")
        assert t.on_top(t.app.main_screen)
    with reopen(db) as store:
        assert store.goal is not None
        assert (store.goal.amount, store.goal.currency) == (Decimal("250.00"), "USD")
        assert store.draft("goal") is None


BAD_INPUT = [
    ("amount", "abc", "'abc' is not an amount"),
    ("amount", "1,2,3", "no thousands separators"),
    ("amount", "NaN", "'NaN' is not an amount"),
    ("amount", "1e400", "'1e400' is not an amount"),
    ("amount", "", "Enter an amount"),
    ("deadline", "2026-02-30", "2026-02-30 is not a real date: February 2026 has 28 days"),
]


async def test_bad_input_is_explained_under_the_field_and_nothing_is_saved(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    good = {"amount": "1500", "currency": "EUR", "deadline": "2027-12-31"}
    async with running(db) as t:
        await t.press("w")
        before = db.read_bytes()
        # Everything wrong at once: each field gets its own message.
        await t.fill(amount="NaN", currency="euro", deadline="2026-02-30")
        await t.press("enter")
        assert "cannot be empty" in t.error("text")
        assert "not an amount" in t.error("amount")
        assert "three letters" in t.error("currency")
        assert "not a real date" in t.error("deadline")
        assert t.form.values() == {"text": "", "amount": "NaN", "currency": "euro", "deadline": "2026-02-30",
                                   "portfolio_counts": "no"}  # not asked yet: blank is no
        assert db.read_bytes() == before
        # One field wrong at a time.
        await t.fill(text="My goal", **good)
        for field, typed, message in BAD_INPUT:
            # Only what differs from the form as it stands is retyped (Pilot keys are slow).
            wanted = {**good, field: typed}
            await t.fill(**{k: v for k, v in wanted.items() if t.form.values()[k] != v})
            await t.press("ctrl+s")
            assert isinstance(t.form, GoalForm), f"{typed!r}: the form stays open"
            assert message in t.error(field), typed
            others = [name for name in ("text", "amount", "currency", "deadline") if name != field]
            assert [t.error(name) for name in others] == ["", "", ""], typed
            assert t.form.query_one(f"#field-{field}").has_focus, f"{typed!r}: the field with the problem has focus"
            assert t.form.values() == {"text": "My goal", **good, field: typed, "portfolio_counts": "no"}, "typed stays"
            assert db.read_bytes() == before, f"{typed!r} changed the file"
        # Fixing the field saves, and the message goes.
        await t.fill(**good)
        await t.press("enter")
        assert t.on_top(t.app.main_screen)
    with reopen(db) as store:
        assert store.goal is not None
        assert (store.goal.text, store.goal.amount) == ("My goal", Decimal("1500.00"))
