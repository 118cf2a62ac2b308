"""Dismissed and snoozed checks: one record per check, kept across opens, brought back on request."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import orjson
from storekit import TODAY, fixed

from tenfold.store.dismissals import Dismissal
from tenfold.store.store import Store

WEEK = TODAY + timedelta(days=7)


def records(path: Path) -> list[dict[str, object]]:
    """The dismissed table as it is on disk."""
    return list(orjson.loads(path.read_bytes())["dismissed"].values())


def test_a_snoozed_check_is_hidden_until_its_day_then_shows_again(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed()) as store:
        store.dismiss("quiet:stream:1", TODAY, until=WEEK)
        store.dismiss("backup", TODAY)
    assert records(path) == [{"key": "quiet:stream:1", "on": "2026-03-15", "until": "2026-03-22"},
                             {"key": "backup", "on": "2026-03-15"}]
    with Store.open(path, read_only=True, today=fixed(WEEK - timedelta(days=1))) as store:
        assert store.dismissed() == {"quiet:stream:1": TODAY, "backup": TODAY}
        assert store.dismissals() == [Dismissal("backup", TODAY), Dismissal("quiet:stream:1", TODAY, WEEK)]
    with Store.open(path, read_only=True, today=fixed(WEEK)) as store:
        assert store.dismissed() == {"backup": TODAY}, "on its day the snoozed check is back"
        assert store.dismissals() == [Dismissal("backup", TODAY)]


def test_dismissing_again_replaces_the_one_record_and_undismiss_removes_it(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    later = date(2026, 4, 1)
    with Store.open(path, today=fixed(later)) as store:
        store.dismiss("quiet:stream:1", TODAY, until=WEEK)  # ran out a week ago
        assert store.dismissed() == {}
        store.dismiss("quiet:stream:1", later)  # for good this time
        store.dismiss("backup", later, until=date(2026, 5, 1))
        store.undismiss("backup")
        store.undismiss("never-dismissed")
    assert records(path) == [{"key": "quiet:stream:1", "on": "2026-04-01"}]
    with Store.open(path, read_only=True, today=fixed(later)) as store:
        assert store.dismissed() == {"quiet:stream:1": later}


def test_a_file_from_before_snoozing_reads_as_dismissed_for_good(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    with Store.open(path, today=fixed()) as store:
        store.dismiss("backup", TODAY)
    doc = orjson.loads(path.read_bytes())
    assert doc["dismissed"] == {"1": {"key": "backup", "on": "2026-03-15"}}, "no until: the old record's shape"
    with Store.open(path, read_only=True, today=fixed(date(2030, 1, 1))) as store:
        assert store.dismissed() == {"backup": TODAY}
