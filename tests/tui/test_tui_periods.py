"""The app's review opens on complete periods and moves with p and n as the report does."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tui_support import open_store, running, seed_ledger

from tenfold.domain.ledger import Payment
from tenfold.tui.screens.review_screen import ReviewScreen


async def test_the_monthly_review_opens_on_the_last_full_month_and_p_n_move(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    books, _, _ = seed_ledger(db)
    with open_store(db) as store:  # October is recorded: a full month to open on
        store.add_payment(Payment(0, books.id, date(2026, 10, 12), Decimal("9.00"), "September sales"))
    async with running(db) as t:
        await t.run_command("Monthly review")
        screen = t.app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.text.startswith("# Monthly review · October 2026\n")
        await t.press("n")
        assert screen.text.startswith("# Monthly review · November 2026 (to 2026-11-21)\n")
        await t.press("p", "p")
        assert screen.text.startswith("# Monthly review · September 2026\n")
