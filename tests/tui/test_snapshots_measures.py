"""Snapshots of the measures: the goal pane with step 4's bills, and a step-7 mentor pitch, at 120x40 and 80x24.

As in ``test_snapshots``: the sample data written through the real store, a fixed
date and path, cursors that do not blink. Review the SVGs after ``--snapshot-update``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sample import fill_sample_data
from test_snapshots import NARROW, TODAY, WIDE, Snap, keys

from tenfold.domain.freedom import Freedom
from tenfold.domain.step_items import StepItem
from tenfold.store.store import Store
from tenfold.tui.app import TenfoldApp, make_app

ROOT = Path("/tmp/tenfold-snapshots-measures")


def with_measures(store: Store) -> None:
    """The sample user's bills, and two mentor candidates: one pitched and turned down, one next."""
    store.set_freedom(Freedom("EUR", Decimal("2400.00"), Decimal("12000.00"), Decimal("35.00")))
    for item in store.step_items(7):
        store.delete_step_item(item.id)
    store.add_step_item(StepItem(0, 7, "Maria Lopez", "Sells three spreadsheet courses", True, date(2026, 11, 2),
                                 None, extra={"pitch": "I have read your course twice; could I check the formulas in "
                                                 "your next one, in return for an hour of your advice a month?",
                                        "offer": "checking formulas", "sent_on": "2026-11-03",
                                        "follow_up_on": "2026-11-17", "outcome": "no"}))
    store.add_step_item(StepItem(0, 7, "Jon Park", "Runs the modelling forum", False, date(2026, 11, 18)))


@pytest.fixture
def app_for(request: pytest.FixtureRequest) -> Iterator[Callable[[], TenfoldApp]]:
    folder = ROOT / request.node.name.replace("[", "-").replace("]", "")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    stores: list[Store] = []

    def build() -> TenfoldApp:
        store = Store.open(folder / "tenfold.json", today=lambda: TODAY)
        fill_sample_data(store)
        with_measures(store)
        stores.append(store)
        return make_app(store)

    yield build
    for store in stores:
        store.close()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
def test_goal_pane_with_the_bills(snap_compare: Snap, app_for: Callable[[], TenfoldApp],
                                  size: tuple[int, int]) -> None:
    """The goal's bars, then the bills: the share covered, how long savings last, when they are paid."""
    assert snap_compare(app_for(), terminal_size=size, run_before=keys("1"))


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["120x40", "80x24"])
def test_step_7_pitch(snap_compare: Snap, app_for: Callable[[], TenfoldApp], size: tuple[int, int]) -> None:
    """Step 7 full screen (the pane opens on step 4, the first unticked): the next candidate after a no, the pitch."""
    assert snap_compare(app_for(), terminal_size=size, run_before=keys("2", "down", "down", "down", "enter"))
