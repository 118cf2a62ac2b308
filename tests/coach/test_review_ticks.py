"""The weekly review lists the sub-tasks ticked that week, with the day each was ticked."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from tenfold.coach.periods import week_period
from tenfold.coach.review import review
from tenfold.domain.step_items import StepItem
from tenfold.store.store import Store


def test_sub_tasks_ticked_this_week_are_listed_even_when_added_earlier(tmp_path: Path) -> None:
    day = [date(2027, 1, 2)]
    with Store.open(tmp_path / "t.json", today=lambda: day[0]) as store:
        items = [store.add_step_item(StepItem(0, 3, f"Week {n}", "", False, day[0])) for n in (1, 2, 3, 4)]
        for n, item in enumerate(items[:3]):
            day[0] = date(2027, 1, 12 + n)
            store.update_step_item(dataclasses.replace(item, done=True))
        text = review(store, *week_period(date(2027, 1, 15)))
    assert "Nothing added to the steps this week." in text
    assert "Ticked this week:" in text
    for n, ticked in ((1, "2027-01-12"), (2, "2027-01-13"), (3, "2027-01-14")):
        assert f"- [x] Step 3, sub-task: Week {n} ({ticked})" in text
    assert "Week 4 (" not in text.split("Ticked this week:")[1].split("Where each step stands")[0]
