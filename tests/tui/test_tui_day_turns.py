"""The app left open across midnight: the screen moves to the new day, and at a month's turn to the new month.

Left open overnight on 31 January, the header said 2027-01-31 the next morning, the
goal pane still counted January as "this month so far" and December as the last full
month, while a step ticked then was dated 1 February: the store's clock had moved on
and the screen had not. The main screen now looks at the store's clock every minute.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.store import Store
from tenfold.tui.app import make_app
from tenfold.tui.screens.main import DAY_CHECK_SECONDS
from tenfold.tui.widgets.goal_pane import GoalView


async def test_the_screen_follows_the_clock_across_midnight_and_the_months_turn(tmp_path: Path) -> None:
    days = [date(2027, 1, 31)]
    path = tmp_path / "t.json"
    with Store.open(path, today=lambda: days[0]) as store:
        store.set_goal(Goal("Ebooks pay the rent", Decimal("1000.00"), "EUR", date(2027, 12, 31), days[0]))
        book = store.add_stream(Stream(0, "Ebook royalties", "ebook", "passive", "EUR"))
        store.add_payment(Payment(0, book.id, date(2027, 1, 29), Decimal("313.71"), ""))
    store = Store.open(path, today=lambda: days[0], defer_payments=True)
    try:
        app = make_app(store, show_today=False)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            screen = app.main_screen
            view = screen.query_one(GoalView)
            assert screen.sub_title == "2027-01-31"
            assert "313.71 EUR so far" in str(view.render())
            assert "(334 days left)" in str(view.render())
            assert 0 < DAY_CHECK_SECONDS <= 60
            screen.check_day()  # the same day: nothing to do
            assert screen.sub_title == "2027-01-31"
            days[0] = date(2027, 2, 1)
            screen.check_day()  # what the timer calls every DAY_CHECK_SECONDS
            await pilot.pause()
            text = str(view.render())
            assert screen.sub_title == "2027-02-01"
            assert "0.00 EUR so far" in text, "February has nothing yet"
            assert "313.71 EUR" in text, "January is now the last full month"
            assert "(333 days left)" in text
    finally:
        store.close()
