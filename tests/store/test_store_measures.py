"""The measuring records in the store: kept, refused when damaged, gone with their stream or idea."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import orjson
import pytest
from storekit import fingerprint, fixed

from tenfold.domain.errors import DamagedFileError
from tenfold.domain.freedom import Freedom
from tenfold.domain.hours import HoursEntry
from tenfold.domain.ideas import Idea
from tenfold.domain.parts import PartsRating
from tenfold.domain.streams import Stream
from tenfold.store.store import Store

D = Decimal
TODAY = date(2026, 11, 21)


def filled(path: Path) -> tuple[int, int]:
    with Store.open(path, today=fixed(TODAY)) as store:
        stream = store.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR"))
        idea = store.add_idea(Idea(0, "bakers", "recipes", "", "", TODAY))
        store.add_hours(HoursEntry(0, stream.id, TODAY, D("1.5"), "mail"))
        store.set_freedom(Freedom("EUR", D("2400"), None, D("30")))
        store.set_parts(PartsRating(0, "stream", stream.id, 3, 2, 4))
        store.set_parts(PartsRating(0, "idea", idea.id, 1, 0, 0))
        return stream.id, idea.id


def test_records_survive_reopening_and_a_new_stream_begins_today(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    stream_id, _ = filled(path)
    with Store.open(path, read_only=True) as store:
        began = store.stream(stream_id)
        assert began is not None and began.started_on == TODAY
        assert [h.hours for h in store.hours(stream_id)] == [D("1.50")]
        assert store.freedom == Freedom("EUR", D("2400"), None, D("30"))
        rating = store.parts("stream", stream_id)
        assert rating is not None and (rating.creation, rating.delivery, rating.payment) == (3, 2, 4)
    with Store.open(path, today=fixed(TODAY)) as store:
        ebook = store.stream(stream_id)
        assert ebook is not None
        store.update_stream(Stream(stream_id, "Ebook 2", "ebook", "passive", "EUR"))  # the form knows no start
        edited = store.stream(stream_id)
        assert edited is not None and edited.started_on == TODAY
        store.set_parts(PartsRating(0, "stream", stream_id, 5, 5, 5))  # replaces, never a second record
        assert len([1 for _ in orjson.loads(path.read_bytes())["parts"]]) == 2


def test_deleting_a_stream_or_an_idea_takes_its_hours_and_ratings_along(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    stream_id, idea_id = filled(path)
    with Store.open(path, today=fixed(TODAY)) as store:
        store.delete_stream(stream_id)
        store.delete_idea(idea_id)
        assert store.hours() == [] and store.parts("stream", stream_id) is None and store.parts("idea", idea_id) is None
    data = orjson.loads(path.read_bytes())
    assert data["hours"] == {} and data["parts"] == {}


@pytest.mark.parametrize(("table", "field", "value", "says"), [
    ("hours", "hours", "30", "damaged record in hours"),
    ("hours", "stream_id", 99, "hours 1 for a stream that does not exist"),
    ("freedom", "bills", "-1", "damaged record in freedom"),
    ("parts", "delivery", 6, "damaged record in parts"),
])
def test_a_damaged_measure_refuses_the_file_untouched(tmp_path: Path, table: str, field: str, value: object,
                                                      says: str) -> None:
    path = tmp_path / "t.json"
    filled(path)
    data = orjson.loads(path.read_bytes())
    data[table]["1"][field] = value
    path.write_bytes(orjson.dumps(data))
    before = fingerprint(path)
    with pytest.raises(DamagedFileError, match=says):
        Store.open(path, today=fixed(TODAY))
    assert fingerprint(path) == before
