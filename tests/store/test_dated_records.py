"""Records that carry their day: when a sub-task was ticked, when a stream started, planned pauses."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from tenfold.domain.errors import FormErrors
from tenfold.domain.pauses import PAUSE_DAYS_PER_MONTH, parse_pause
from tenfold.domain.step_items import StepItem
from tenfold.domain.streams import Stream
from tenfold.store.store import Store


class Clock:
    """A clock the test moves, as days pass for a user."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __call__(self) -> date:
        return self.day


def test_a_tick_records_its_day_keeps_it_on_edit_and_loses_it_when_unticked(tmp_path: Path) -> None:
    clock = Clock(date(2027, 1, 4))
    path = tmp_path / "t.json"
    with Store.open(path, today=clock) as store:
        item = store.add_step_item(StepItem(0, 3, "Outline", "", False, clock.day))
        clock.day = date(2027, 1, 6)
        store.update_step_item(dataclasses.replace(item, done=True))
        assert store.step_items()[0].done_on == date(2027, 1, 6)
        clock.day = date(2027, 1, 9)
        store.update_step_item(dataclasses.replace(store.step_items()[0], detail="edited later"))
        assert store.step_items()[0].done_on == date(2027, 1, 6)
        store.update_step_item(dataclasses.replace(store.step_items()[0], done=False))
        assert store.step_items()[0].done_on is None
    with Store.open(path, read_only=True) as again:
        assert again.step_items()[0].done_on is None


def test_a_new_stream_starts_today_unless_told(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.json", today=lambda: date(2027, 1, 18)) as store:
        new = store.add_stream(Stream(0, "Course", "course", "passive", "USD"))
        old = store.add_stream(Stream(0, "Book", "ebook", "passive", "EUR", started_on=date(2026, 5, 1)))
        assert (new.started_on, old.started_on) == (date(2027, 1, 18), date(2026, 5, 1))


def test_pauses_are_kept_and_limited_to_a_few_days_a_month(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.json", today=lambda: date(2027, 1, 18)) as store:
        store.add_pause(parse_pause(start="2027-01-10", end="2027-01-12", existing=store.pauses()))
        with pytest.raises(FormErrors) as caught:
            parse_pause(start="2027-01-20", end="2027-01-22", existing=store.pauses())
        assert caught.value.errors == {"to": f"At most {PAUSE_DAYS_PER_MONTH} paused days a month; 2027-01 has 2 left"}
        store.add_pause(parse_pause(start="2027-01-31", end="2027-02-01", existing=store.pauses()))
        assert [(p.start, p.end) for p in store.pauses()] == [
            (date(2027, 1, 10), date(2027, 1, 12)), (date(2027, 1, 31), date(2027, 2, 1))]
    with pytest.raises(FormErrors) as backwards:
        parse_pause(start="2027-01-05", end="2027-01-04", existing=[])
    assert "on or after" in backwards.value.errors["to"]
