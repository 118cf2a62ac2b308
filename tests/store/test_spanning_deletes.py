"""Deletes that span the store's record groups: one batch, handed to each group, undone whole if it fails.

Deleting a stream takes its payments (ledger), its links from the steps (coach),
its hours and ratings (measures) along; deleting an idea clears it from streams,
steps and ratings. A failed write must leave every group's memory as the file is.
"""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from storekit import fingerprint, fixed

from tenfold.domain.errors import WriteFailedError
from tenfold.domain.hours import HoursEntry
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.parts import PartsRating
from tenfold.domain.step_items import StepItem
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)


def linked(path: Path) -> tuple[int, int]:
    """A stream from an idea, linked from step 1 and step 8's item, with payments, hours and ratings."""
    with Store.open(path, today=fixed(TODAY)) as store:
        idea = store.add_idea(Idea(0, "bakers", "a starter", "1,000", "video", TODAY))
        stream = store.add_stream(Stream(0, "Course", "course", "passive", "EUR", idea_id=idea.id))
        other = store.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR"))
        store.set_step(StepState(1, None, "the course", idea_id=idea.id, stream_id=stream.id))
        store.add_step_item(StepItem(0, 8, "launch", "", False, TODAY, stream_id=stream.id))
        store.add_payments([Payment(0, sid, TODAY, Decimal("5.00"), "") for sid in (stream.id, other.id)])
        store.add_hours(HoursEntry(0, stream.id, TODAY, Decimal("2")))
        store.set_parts(PartsRating(0, "stream", stream.id, 2, 1, 1))
        store.set_parts(PartsRating(0, "idea", idea.id, 1, 1, 1))
        return stream.id, idea.id


def everything(store: Store) -> tuple[Any, ...]:
    return (store.streams(), store.steps(), store.step_items(), store.payments(), store.hours(),
            store.parts_ratings(), store.ideas(), store.payment_count())


@pytest.mark.parametrize("delete", ["stream", "idea"])
def test_a_failed_delete_leaves_every_group_as_the_file_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, delete: str
) -> None:
    path = tmp_path / "t.json"
    stream_id, idea_id = linked(path)
    with Store.open(path, today=fixed(TODAY)) as store:
        before, on_disk = everything(store), fingerprint(path)
        real = os.replace

        def full_disk(src: Any, dst: Any, **kwargs: Any) -> None:
            if Path(dst) == path:
                raise OSError(28, "No space left on device")
            real(src, dst, **kwargs)

        monkeypatch.setattr(os, "replace", full_disk)
        with pytest.raises(WriteFailedError):
            store.delete_stream(stream_id) if delete == "stream" else store.delete_idea(idea_id)
        monkeypatch.setattr(os, "replace", real)
        assert fingerprint(path) == on_disk
        assert everything(store) == before
    with Store.open(path, read_only=True, today=fixed(TODAY)) as again:
        assert everything(again) == before


def test_deleting_a_stream_or_an_idea_takes_what_belongs_to_it_in_one_write(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    stream_id, idea_id = linked(path)
    with Store.open(path, today=fixed(TODAY)) as store:
        assert store.delete_stream(stream_id) == 1
        store.delete_idea(idea_id)
        after = everything(store)
    with Store.open(path, read_only=True, today=fixed(TODAY)) as again:
        assert everything(again) == after
        assert [s.name for s in again.streams()] == ["Ebook"] and again.payment_count() == 1
        steps = again.steps()
        assert steps[0].stream_id is None and steps[0].idea_id is None
        assert again.step_items() == [] and again.hours() == [] and again.parts_ratings() == []
        assert again.ideas() == []
