"""Saving in the background (the app's mode): nothing is lost, nothing is half written, failures are told.

Real files and the real store; the OS calls are slowed down or made to fail the way
a busy or full disk does (as in test_write_errors.py), so the test can catch the
background thread in the middle of a save.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import HasFileno

import errno
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest
from storekit import TODAY, fingerprint, fixed, new_filled

from tenfold.domain.errors import ChangedOnDiskError, StoreError, WriteFailedError
from tenfold.domain.ledger import Payment
from tenfold.store.backups import list_backups
from tenfold.store.file.atomic import atomic_write
from tenfold.store.file.document import load_document
from tenfold.store.store import Store


class Reports:
    """What the saver told the app, in order (None: saving works again)."""

    def __init__(self) -> None:
        self.seen: list[StoreError | None] = []
        self._event = threading.Event()

    def __call__(self, problem: StoreError | None) -> None:
        self.seen.append(problem)
        self._event.set()

    def wait(self, count: int, seconds: float = 5.0) -> None:
        deadline = time.monotonic() + seconds
        while len(self.seen) < count:
            assert time.monotonic() < deadline, f"only {len(self.seen)} reports: {self.seen}"
            self._event.wait(0.05)
            self._event.clear()


def wait_saved(store: Store, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while store.unsaved:
        assert time.monotonic() < deadline, "the background save did not finish"
        time.sleep(0.005)


@contextmanager
def slow_saves(path: Path, seconds: float) -> Iterator[list[float]]:
    """Each fsync of a temp file for ``path`` takes ``seconds`` (a slow disk); yields when each began."""
    real = os.fsync
    started: list[float] = []

    def slow(fd: int | HasFileno) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(path.parent / f".{path.name}.")):
            started.append(time.monotonic())
            time.sleep(seconds)
        real(fd)

    os.fsync = slow
    try:
        yield started
    finally:
        os.fsync = real


@contextmanager
def held_saves(path: Path) -> Iterator[threading.Event]:
    """Each fsync of a temp file for ``path`` waits until the event is set: a disk that answers when told."""
    real = os.fsync
    go = threading.Event()

    def held(fd: int | HasFileno) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(path.parent / f".{path.name}.")):
            assert go.wait(30), "the test never let the save go on"
        real(fd)

    os.fsync = held
    try:
        yield go
    finally:
        go.set()
        os.fsync = real


@contextmanager
def failing_replace(path: Path, code: int = errno.ENOSPC) -> Iterator[list[int]]:
    """Replacing ``path`` fails with ``code`` (a full disk) while inside."""
    real: Callable[..., Any] = os.replace
    calls: list[int] = []

    def broken(src: Any, dst: Any, **kwargs: Any) -> None:
        if Path(dst) == path:
            calls.append(1)
            raise OSError(code, os.strerror(code))
        real(src, dst, **kwargs)

    os.replace = broken
    try:
        yield calls
    finally:
        os.replace = real


def payment(store: Store, note: str, amount: str = "1.00") -> Payment:
    return Payment(0, store.streams()[0].id, date(2026, 3, 10), Decimal(amount), note)


def notes_on_disk(path: Path) -> list[str]:
    with Store.open(path, read_only=True) as store:
        return sorted(p.note for p in store.payments())


@pytest.fixture
def path(tmp_path: Path) -> Path:
    db = tmp_path / "tenfold.json"
    new_filled(db)
    return db


def test_a_change_returns_before_the_disk_and_reaches_it(path: Path) -> None:
    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)  # today's backup is behind us
        store.save_in_background(Reports())
        with slow_saves(path, 0.5) as started:
            began = time.monotonic()
            store.tick(4, TODAY)
            returned = time.monotonic() - began
            assert returned < 0.25, "the change did not wait for the disk"
            assert store.steps()[3].done and store.unsaved
            deadline = time.monotonic() + 2
            while not started and time.monotonic() < deadline:
                time.sleep(0.01)
            assert started, "the background thread is writing"
            with Store.open(path, read_only=True) as on_disk:
                assert not on_disk.steps()[3].done, "not on disk while the write is under way"
            wait_saved(store)
        with Store.open(path, read_only=True) as on_disk:
            assert on_disk.steps()[3].done


def test_changes_made_during_a_save_are_coalesced_and_none_is_lost(path: Path) -> None:
    real_replace = os.replace
    replaced: list[int] = []

    def counting(src: Any, dst: Any, **kwargs: Any) -> None:
        if Path(dst) == path:
            replaced.append(1)
        real_replace(src, dst, **kwargs)

    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)
        store.save_in_background(Reports())
        os.replace = counting
        try:
            with held_saves(path) as go:
                for n in range(10):  # all made while the first of their saves is still on the disk
                    store.add_payment(payment(store, f"quick {n}"))
                go.set()
                store.flush()
        finally:
            os.replace = real_replace
        assert not store.unsaved
    assert 1 <= len(replaced) <= 2, f"{len(replaced)} writes for 10 changes: the one under way, then one for the rest"
    assert [n for n in notes_on_disk(path) if n.startswith("quick")] == [f"quick {n}" for n in range(10)]


def test_a_batch_is_never_written_half_applied(path: Path) -> None:
    """The saver waits for a batch that is being applied; the file gets all of it or none."""
    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)
        store._storage.write_behind = True  # as in the app, with no saver thread: saves happen on flush
        store.tick(4, TODAY)
        assert store.unsaved
        stream = next(s for s in store.streams() if s.name == "Sourdough ebook")
        flusher: threading.Thread | None = None
        with store._write() as db:  # what delete_stream does, held open mid-way
            db.table("payments").remove(doc_ids=[p.id for p in store.payments() if p.stream_id == stream.id])
            flusher = threading.Thread(target=store.flush)
            flusher.start()
            time.sleep(0.2)
            assert flusher.is_alive(), "the save waits for the batch"
            db.table("streams").remove(doc_ids=[stream.id])
        flusher.join(5)
        assert not flusher.is_alive()
        store.flush()
    document = load_document(path)
    assert str(stream.id) not in document["streams"]
    assert not any(r["stream_id"] == stream.id for r in document["payments"].values())


def test_a_failed_save_is_told_kept_and_retried(path: Path) -> None:
    reports = Reports()
    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)
        before = fingerprint(path)
        store.save_in_background(reports)
        with failing_replace(path) as calls:
            saved = store.add_payment(payment(store, "while the disk was full"))
            reports.wait(1)
            problem = reports.seen[0]
            assert isinstance(problem, WriteFailedError) and "the disk is full" in str(problem)
            assert calls and fingerprint(path) == before, "the file is intact"
            assert saved in store.payments() and store.unsaved and store.saving_failed
            with pytest.raises(WriteFailedError):
                store.flush()  # what quitting does: it is told, the change stays
            assert saved in store.payments() and store.unsaved
            assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
        reports.wait(2)  # the disk works again: the next retry (within a second) saves it
        assert reports.seen[-1] is None and not store.unsaved and not store.saving_failed
        assert "while the disk was full" in notes_on_disk(path)


def test_quitting_flushes_a_change_the_saver_could_not_write_yet(path: Path) -> None:
    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)
        store.save_in_background(Reports())
        with failing_replace(path):
            store.add_payment(payment(store, "kept for the quit"))
            time.sleep(0.1)
        store.close()  # the saver is waiting to retry; close writes it now
    assert "kept for the quit" in notes_on_disk(path)


def test_close_says_so_when_the_last_change_cannot_be_written(path: Path) -> None:
    store = Store.open(path, today=fixed())
    store.tick(2, TODAY)
    before = fingerprint(path)
    store.save_in_background(Reports())
    with failing_replace(path):
        store.add_payment(payment(store, "lost"))
        with pytest.raises(WriteFailedError):
            store.close()
    assert fingerprint(path) == before
    Store.open(path, today=fixed()).close()  # the lock was released all the same


def test_a_file_changed_on_disk_is_not_overwritten_by_a_pending_save(path: Path) -> None:
    reports = Reports()
    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)
        store.save_in_background(reports)
        with failing_replace(path):
            store.tick(4, TODAY)  # fails; retried a second later
            reports.wait(1)
        theirs = path.read_bytes().replace(b"first sale", b"FIRST SALE")
        atomic_write(path, theirs)  # a sync tool, before the retry
        reports.wait(2)
        assert isinstance(reports.seen[1], ChangedOnDiskError)
        assert path.read_bytes() == theirs
        assert store.stale and store.unsaved and store.steps()[3].done
        with pytest.raises(ChangedOnDiskError):
            store.tick(6, TODAY)
        with pytest.raises(ChangedOnDiskError):
            store.flush()
        store.reload()  # the user chose the other copy: the pending tick is dropped
        assert not store.unsaved and not store.stale
        assert not store.steps()[3].done
        assert any(p.note == "FIRST SALE 🎉" for p in store.payments())
        store.tick(6, TODAY)
        store.flush()
    with Store.open(path, read_only=True) as on_disk:
        assert on_disk.steps()[5].done and any(p.note == "FIRST SALE 🎉" for p in on_disk.payments())


def test_a_change_refused_half_way_is_undone_and_earlier_pending_changes_stay(path: Path) -> None:
    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)
        store.save_in_background(Reports())
        with slow_saves(path, 0.3):
            kept = store.add_payment(payment(store, "pending when the next change failed"))
            with pytest.raises(RuntimeError), store._write() as db:
                db.table("payments").insert(payment(store, "half").to_store())
                db.table("payments").remove(doc_ids=[kept.id])
                raise RuntimeError("a bug in the middle of a change")
            store.flush()
    assert notes_on_disk(path).count("pending when the next change failed") == 1
    assert "half" not in notes_on_disk(path)


def test_the_first_save_of_a_day_backs_up_yesterdays_file_first(path: Path) -> None:
    tomorrow = TODAY + timedelta(days=1)
    yesterdays = path.read_bytes()
    with Store.open(path, today=fixed(tomorrow)) as store:
        store.save_in_background(Reports())
        store.tick(4, tomorrow)
        wait_saved(store)
    assert list_backups(path)[0].path.read_bytes() == yesterdays
    with Store.open(path, read_only=True) as on_disk:
        assert on_disk.steps()[3].done_on == tomorrow


def test_the_file_is_exactly_what_orjson_writes_for_the_document(path: Path) -> None:
    """Only changed tables are serialised again; the joined bytes equal a dump of the whole document."""
    with Store.open(path, today=fixed()) as store:
        for n in range(5):
            saved = store.add_payment(payment(store, f"n{n}"))
            store.tick(1 + n % 8, TODAY)
            store.delete_payment(saved.id) if n % 2 else store.update_payment(
                Payment(saved.id, saved.stream_id, saved.on, Decimal("2.00"), "changed"))
            raw = path.read_bytes()
            assert raw == orjson.dumps(orjson.loads(raw))
            on_disk = orjson.loads(raw)
            assert list(on_disk)[-2:] == ["payment_index", "payments"]  # where the next open looks for them
            del on_disk["payment_index"]
            assert on_disk == store._storage.read()
