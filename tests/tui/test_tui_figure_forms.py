"""Forms that ask before a doubtful save, and say what a choice means."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Static
from tui_support import TODAY, reopen, running, seed_ledger

from tenfold.tui.dialogs.forms import GoalForm, PaymentForm, StreamForm


async def test_a_payment_dated_months_ahead_is_said_next_to_the_date_and_a_second_save_keeps_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.press("3", "a")
        assert isinstance(t.form, PaymentForm)
        await t.fill(on="2027-05-21", amount="49")
        await t.press("ctrl+s")
        assert isinstance(t.form, PaymentForm), "the first ctrl+s only warns"
        assert "days ahead" in t.error("on") and "ctrl+s again" in t.error("on")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
    with reopen(db) as store:
        assert date(2027, 5, 21) in {p.on for p in store.payments()}


async def test_a_payment_dated_today_saves_at_once(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.press("3", "a")
        await t.fill(on=TODAY.isoformat(), amount="49")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen


async def test_the_stream_form_says_what_each_kind_means_and_takes_the_customer_counting(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.press("3", "s")
        assert isinstance(t.form, StreamForm)
        await t.type("Flat on Elm Street")
        intro = str(t.form.query_one(".intro", Static).render())
        assert "portfolio: money from capital" in " ".join(intro.split())
        assert "counts toward the goal only if the goal says so" in " ".join(intro.split())
        await t.fill(category="rental", kind="passive",
                     customers="one: one repeat customer by design (a tenant, a licensee)")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
    with reopen(db) as store:
        flat = next(s for s in store.streams() if s.name == "Flat on Elm Street")
        assert (flat.kind, flat.customers, flat.started_on) == ("passive", "one", TODAY)


async def test_the_goal_form_keeps_the_portfolio_choice(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed_ledger(db)
    async with running(db) as t:
        await t.press("1", "w")
        assert isinstance(t.form, GoalForm)
        assert t.form.values()["portfolio_counts"] == "no"
        await t.fill(portfolio_counts="yes: portfolio streams count too")
        await t.press("ctrl+s")
        assert t.app.screen is t.app.main_screen
    with reopen(db) as store:
        assert store.goal is not None and store.goal.portfolio_counts
