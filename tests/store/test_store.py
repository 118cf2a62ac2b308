"""The store on real files: round trip, what the file holds, privacy, the lock, cleanup, bad folders."""

from __future__ import annotations

import os
import stat
from datetime import date
from decimal import Decimal
from pathlib import Path

import orjson
import pytest
from storekit import TODAY, fill, fingerprint, fixed, held_by_another_process, new_filled, python, unprivileged_folder

from tenfold.domain.errors import LockedError, StoreError
from tenfold.domain.goal import Goal
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.store.file.lock import lock_path
from tenfold.store.schema import SCHEMA_VERSION
from tenfold.store.store import Store


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, read_only=True) as store:
        assert store.goal == Goal("Ten thousand a month from things I made once.", Decimal("10000.00"), "EUR",
                                  date(2028, 12, 31), TODAY)
        steps = store.steps()
        assert len(steps) == 8
        assert steps[0] == StepState(1, date(2026, 3, 1), "ebooks about sourdough")
        assert steps[2] == StepState(3, None, "weekly plan: outline, draft, edit, publish")
        assert steps[1] == StepState(2)
        assert [s.name for s in store.streams()] == ["ETF", "Sourdough ebook"]
        payments = store.payments()
        assert [(p.on, p.amount, p.note) for p in payments] == [
            (date(2026, 3, 2), Decimal("12.50"), "first sale 🎉"),
            (date(2026, 2, 27), Decimal("0.10"), ""),
        ]
        assert all(isinstance(p.amount, Decimal) for p in payments)
        assert [i.who for i in store.ideas()] == ["home bakers"]
        assert store.draft("payment") == {"amount": "abc", "note": "half typed"}
        assert store.checkins() == {TODAY}


def test_file_holds_strings_for_money_iso_dates_and_the_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    data = orjson.loads(path.read_bytes())
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION == 6
    amounts = [p["amount"] for p in data["payments"].values()] + [data["goal"]["1"]["amount"]]
    assert sorted(amounts) == ["0.10", "10000.00", "12.50"]
    assert data["payments"]["1"]["on"] == "2026-03-02"
    assert data["goal"]["1"]["deadline"] == "2028-12-31"
    assert data["checkins"]["1"] == {"on": "2026-03-15"}


def test_edits_and_deletes_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        books = next(s for s in store.streams() if s.name == "Sourdough ebook")
        store.update_stream(Stream(books.id, "Sourdough book", "ebook", "passive", "EUR"))
        first = store.payments()[0]
        store.update_payment(Payment(first.id, first.stream_id, first.on, Decimal("13.00"), "corrected"))
        etf = next(s for s in store.streams() if s.name == "ETF")
        assert store.delete_stream(etf.id) == 1  # its one payment goes in the same write
        idea = store.ideas()[0]
        store.update_idea(Idea(idea.id, idea.who, "bread that lasts", idea.reach, idea.delivery, idea.written_on))
        store.untick(1)
        store.clear_draft("payment")
    with Store.open(path, read_only=True) as store:
        assert [s.name for s in store.streams()] == ["Sourdough book"]
        assert [(p.amount, p.note) for p in store.payments()] == [(Decimal("13.00"), "corrected")]
        assert store.ideas()[0].value == "bread that lasts"
        assert store.steps()[0] == StepState(1, None, "ebooks about sourdough")
        assert store.draft("payment") is None


def test_files_are_private_even_with_a_careless_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        path = tmp_path / "tenfold.json"
        new_filled(path)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(lock_path(path).stat().st_mode) == 0o600
    backups = tmp_path / "backups"
    assert stat.S_IMODE(backups.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in backups.iterdir())


def test_a_second_process_is_refused_and_told_who_has_the_file(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    before = fingerprint(path)
    with held_by_another_process(path) as holder:
        with pytest.raises(LockedError) as caught:
            Store.open(path, today=fixed())
        assert caught.value.pid == holder.pid
        assert f"in use by process {holder.pid}" in str(caught.value)
        assert fingerprint(path) == before
        with Store.open(path, read_only=True) as reader:  # reading needs no lock
            assert len(reader.payments()) == 2
        # the same from a third, real process: non-zero exit, naming the pid
        third = python("from tenfold.store.store import Store; import sys; Store.open(sys.argv[1])", str(path))
        assert third.returncode != 0 and f"process {holder.pid}" in third.stderr
    assert fingerprint(path) == before
    Store.open(path).close()  # free again once the holder is gone


def test_leftover_temp_files_are_removed_on_open_and_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    ours = [tmp_path / ".tenfold.json.k2j4h5g_.tmp", tmp_path / ".tenfold.json.zz.tmp"]
    theirs = [tmp_path / ".other.json.abc.tmp", tmp_path / "notes.tmp", tmp_path / "tenfold.json.tmp"]
    for leftover in ours + theirs:
        leftover.write_bytes(b'{"half": ')
    Store.open(path).close()
    assert not any(p.exists() for p in ours)
    assert all(p.exists() for p in theirs)


def test_read_only_open_cleans_nothing_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    with pytest.raises(StoreError, match="does not exist yet"):
        Store.open(path, read_only=True)
    assert list(tmp_path.iterdir()) == []
    new_filled(path)
    leftover = tmp_path / ".tenfold.json.abc.tmp"
    leftover.write_bytes(b"x")
    with Store.open(path, read_only=True) as store, pytest.raises(StoreError, match="read-only"):
        store.tick(2, TODAY)
    assert leftover.exists()


def test_missing_folder_is_a_clear_error_and_nothing_is_created(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "tenfold.json"
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert "the folder" in str(caught.value) and "does not exist" in str(caught.value)
    assert not (tmp_path / "nowhere").exists()


def test_a_folder_as_the_data_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store.open(tmp_path)


def test_unwritable_folder_is_a_clear_error(tmp_path: Path) -> None:
    """A real read-only folder: as root the check runs in a child that drops to ``nobody``."""
    folder, drop = unprivileged_folder()
    code = (
        "import os, sys\n"
        "from tenfold.store.store import Store\n"
        "from tenfold.domain.errors import StoreError\n"
        "folder = sys.argv[1]\n"
        "Store.open(os.path.join(folder, 'tenfold.json')).close()\n"
        "os.chmod(folder, 0o500)\n"
        "try:\n"
        "    Store.open(os.path.join(folder, 'tenfold.json'))\n"
        "except StoreError as exc:\n"
        "    print(exc)\n"
        "os.chmod(folder, 0o700)\n"
    )
    try:
        result = python(code, str(folder), preexec_fn=drop)
    except PermissionError:
        pytest.skip("running as root and this interpreter cannot be run as nobody (see the in-process test below)")
    assert result.returncode == 0, result.stderr
    assert "is not writable" in result.stdout
    assert "Traceback" not in result.stderr


def test_unwritable_folder_as_the_os_reports_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same refusal where the OS says "not writable" (root is never told so); nothing is created."""
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == tmp_path else real_access(p, mode))
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path / "tenfold.json")
    assert f"the folder {tmp_path} is not writable" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_domain_and_store_import_nothing_from_textual() -> None:
    modules = ", ".join((
        "tenfold.store.store", "tenfold.store.file.storage", "tenfold.store.reading.loading", "tenfold.store.opening",
        "tenfold.store.backups", "tenfold.store.recovery", "tenfold.store.schema", "tenfold.store.file.lock",
        "tenfold.domain.ledger", "tenfold.domain.goal", "tenfold.domain.steps", "tenfold.domain.ideas",
        "tenfold.domain.money", "tenfold.domain.dates", "tenfold.domain.text", "tenfold.domain.errors", "tenfold.paths",
    ))
    result = python(f"import sys, {modules}; assert 'textual' not in sys.modules, 'textual imported'")
    assert result.returncode == 0, result.stderr


def test_store_helpers_fill_everything(tmp_path: Path) -> None:
    """Guard for the helper itself: the other tests rely on ``fill`` touching every table."""
    with Store.open(tmp_path / "t.json", today=fixed()) as store:
        fill(store)
    tables = set(orjson.loads((tmp_path / "t.json").read_bytes()))
    assert tables == {"meta", "goal", "steps", "streams", "payments", "ideas", "drafts", "checkins", "payment_index"}
