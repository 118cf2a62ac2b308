"""The app on a file opened from its payments' index: first screen from the index, then every payment.

The program opens a file that has a current index without parsing its payments
(``defer_payments``); the first screen shows the index's figures and newest
payments, and the payments are read on a thread after the first paint. A file
without an index (an older Tenfold's) is saved once with one, counting no day.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import orjson
from storekit import bad_payment_behind_its_index
from tui_support import TODAY, Running, open_store, reopen, running, until

from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.payment_index import NEWEST
from tenfold.store.schema import PAYMENT_INDEX
from tenfold.store.store import Store
from tenfold.tui.app import TenfoldApp, make_app
from tenfold.tui.dialogs.forms import GoalForm
from tenfold.tui.screens.today import TodayScreen
from tenfold.tui.widgets.ledger_pane import LedgerPane
from tenfold.tui.widgets.virtual_table import VirtualTable

PAYMENTS = 250


def seed(path: Path) -> None:
    with Store.open(path, today=lambda: TODAY - timedelta(days=1)) as store:
        stream = store.add_stream(Stream(0, "Course", "course", "passive", "EUR"))
        store.add_payments([Payment(0, stream.id, TODAY - timedelta(days=n), Decimal(n + 1), f"sale {n}")
                            for n in range(PAYMENTS)])


def payments_table(app: object) -> VirtualTable[Payment]:
    table: VirtualTable[Payment] = app.main_screen.query_one("#payments", VirtualTable)  # type: ignore[attr-defined]
    return table


async def test_the_ledger_starts_from_the_index_and_fills_when_the_payments_are_read(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed(db)
    async with running(db) as t:
        store = t.app.main_screen.store
        assert store.opened_with_index
        await until(t, lambda: store.payments_ready)
        await until(t, lambda: payments_table(t.app).row_count == PAYMENTS)
        pane = t.app.main_screen.query_one(LedgerPane)
        assert pane.border_subtitle == f"1 stream · {PAYMENTS} payments"
        assert payments_table(t.app).get_row_at(0)[0] == TODAY.isoformat(), "newest first"
        await t.press("3", "a")
        await t.fill(amount="7")
        await t.press("ctrl+s")
        assert payments_table(t.app).row_count == PAYMENTS + 1
    with reopen(db) as again:
        assert len(again.payments()) == PAYMENTS + 1


async def test_before_the_payments_are_read_the_ledger_shows_the_newest_and_the_count(tmp_path: Path) -> None:
    """The first frame, as the program draws it: the index's newest payments, the full count."""
    db = tmp_path / "t.json"
    seed(db)
    store = Store.open(db, today=lambda: TODAY, defer_payments=True)
    try:
        assert not store.payments_ready
        assert store.payment_count() == PAYMENTS
        newest = store.newest_payments()
        assert len(newest) == NEWEST and newest[0].on == TODAY and newest[-1].on == TODAY - timedelta(days=NEWEST - 1)
        assert store.monthly_index().count == PAYMENTS
    finally:
        store.close()


async def test_a_file_without_an_index_is_given_one_without_counting_a_day(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed(db)
    document = orjson.loads(db.read_bytes())
    del document[PAYMENT_INDEX]
    db.write_bytes(orjson.dumps(document))  # as an older Tenfold left it
    checkins = {c["on"] for c in document["checkins"].values()}
    async with running(db) as t:
        store = t.app.main_screen.store
        await until(t, lambda: store.opened_with_index)  # saved with its index after the first paint
    with reopen(db) as again:
        assert {d.isoformat() for d in again.checkins()} == checkins, "a save the user did not make"
    assert PAYMENT_INDEX in orjson.loads(db.read_bytes())
    with Store.open(db, read_only=True, today=lambda: TODAY, defer_payments=True) as quick:
        assert not quick.payments_ready, "the next start uses the index"


async def test_a_damaged_payment_found_after_the_first_paint_closes_the_app_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    seed(db)
    bad_payment_behind_its_index(db)
    before = db.read_bytes()
    async with running(db) as t:
        await until(t, lambda: t.app.return_code == 1)
    assert db.read_bytes() == before


def test_step_8_experiments_do_not_wait_for_the_payments(tmp_path: Path) -> None:
    """An experiment watching a stream's income or customers is drawn at start from the index; its
    customers are counted once the payments are read, never by reading them on the app's thread."""
    from tenfold.domain.step_items import StepItem
    from tenfold.tui.handlers.steps import StepViews

    db = tmp_path / "t.json"
    seed(db)
    month = (TODAY.replace(day=1) - timedelta(days=1)).isoformat()  # the last complete month's last day
    with Store.open(db, today=lambda: TODAY) as store:
        added = TODAY - timedelta(days=70)
        store.add_step_item(StepItem(0, 8, "More buyers", "", False, added, 1,
                                     extra={"figure": "customers", "check_on": month}))
        store.add_step_item(StepItem(0, 8, "Price up", "", False, added, 1,
                                     extra={"figure": "income", "check_on": month}))
    store = Store.open(db, today=lambda: TODAY, defer_payments=True)
    try:
        ids = {i.text: i.id for i in store.step_items(8)}
        early = StepViews(store).view().measured
        assert not store.payments_ready, "drawing the steps did not read the payments"
        assert early[ids["More buyers"]].result == f"counted once the payments are read ({month[:7]})"
        assert early[ids["Price up"]].result.endswith(f" EUR in {month[:7]}")
        store.wait_for_payments()
        later = StepViews(store).view().measured
        assert later[ids["More buyers"]].result == f"0 in {month[:7]}"  # the seeded payments name no customer
        assert later[ids["Price up"]] == early[ids["Price up"]]
    finally:
        store.close()


async def test_with_the_card_on_launch_the_payments_are_read_once_it_is_drawn(tmp_path: Path) -> None:
    """The launch card comes before the reading thread; the ledger behind it still fills."""
    from tui_support import card, launched

    db = tmp_path / "t.json"
    seed(db)
    async with launched(db) as t:
        store = t.app.main_screen.store
        assert card(t).view.goal is None, "the card is up"
        await until(t, lambda: store.payments_ready)
        await until(t, lambda: payments_table(t.app).row_count == PAYMENTS)
        assert t.app.main_screen.reader.due is False
        card(t)  # still open: reading did not close it


@asynccontextmanager
async def seeded_app(tmp_path: Path, *, show_today: bool, quiet: float | None = None, latest: float | None = None,
                     quiet_from: int | None = None) -> AsyncIterator[tuple[TenfoldApp, Running, Store]]:
    """The real app on a seeded file, its payment reader's waits set as given; the store closed afterwards."""
    db = tmp_path / "t.json"
    seed(db)
    store = open_store(db)
    try:
        app = make_app(store, show_today=show_today)
        reader = app.main_screen.reader
        reader.quiet = reader.quiet if quiet is None else quiet
        reader.latest = reader.latest if latest is None else latest
        reader.quiet_from = reader.quiet_from if quiet_from is None else quiet_from
        async with app.run_test(size=(120, 40)) as pilot:
            yield app, Running(app, pilot, db), store
    finally:
        store.close()


async def test_the_payments_are_read_when_the_launch_card_is_closed_at_once(tmp_path: Path) -> None:
    """Escape pressed as soon as the card is up: the reading put off for the card still happens."""
    async with seeded_app(tmp_path, show_today=True) as (app, t, store):
        await until_screen(t.pilot, app, TodayScreen)
        await t.pilot.press("escape")
        deadline = 200
        while not (store.payments_ready and payments_table(app).row_count == PAYMENTS):
            deadline -= 1
            assert deadline, "the payments were never read"
            await t.pilot.pause(0.02)
        assert not isinstance(app.screen, TodayScreen)


async def until_screen(pilot: object, app: object, kind: type) -> None:
    """Wait, in short pauses, for a screen of ``kind`` to be pushed."""
    for _ in range(200):
        if isinstance(app.screen, kind):  # type: ignore[attr-defined]
            return
        await pilot.pause(0.01)  # type: ignore[attr-defined]
    raise AssertionError(f"no {kind.__name__} was shown")


async def test_a_key_typed_as_the_card_appears_is_answered_before_the_payments_are_read(tmp_path: Path) -> None:
    """The reading waits for a quiet keyboard: ``w`` and the goal's words, typed in one burst as the
    card shows, open the goal form with every letter in it while the payments are still unread."""
    # The keyboard does not fall quiet during the test; the 250 payments wait as a big file's would.
    async with seeded_app(tmp_path, show_today=True, quiet=60.0, latest=60.0, quiet_from=0) as (app, t, store):
        await until_screen(t.pilot, app, TodayScreen)
        await until(t, lambda: app.focused is not None and app.focused.screen is app.screen)  # the card is up
        await t.burst("w", *"Royalties")
        await until(t, lambda: isinstance(app.screen, GoalForm) and t.form.values()["text"] == "Royalties")
        assert app.main_screen.reader.due and not store.payments_ready, "the payments wait for the keyboard"
        assert payments_table(app).row_count == NEWEST, "the ledger behind shows the index's newest"


async def test_keys_that_keep_coming_hold_the_reading_back_only_so_long(tmp_path: Path) -> None:
    """Without a pause in the typing a big file's payments are read anyway, ``latest`` seconds after the first
    screen."""
    async with seeded_app(tmp_path, show_today=False, quiet=60.0, latest=0.2, quiet_from=0) as (app, t, store):
        await t.press("2", "down")
        await until(t, lambda: store.payments_ready and payments_table(app).row_count == PAYMENTS)
        assert not app.main_screen.reader.due


async def test_a_small_file_is_read_at_once_while_the_keyboard_is_busy(tmp_path: Path) -> None:
    """Fewer payments than ``quiet_from`` take about a frame to read: they do not wait for a quiet keyboard."""
    async with seeded_app(tmp_path, show_today=False, quiet=60.0, latest=60.0) as (app, t, store):
        assert app.main_screen.reader.quiet_from > PAYMENTS
        await until(t, lambda: store.payments_ready and payments_table(app).row_count == PAYMENTS)
