"""Edited elsewhere: a file changed on disk while the store is open is never overwritten.

A sync tool (Syncthing, Dropbox) ignores our lock and brings another device's copy.
The store notices before its next write, refuses it, keeps the other copy exactly,
and after :meth:`Store.reload` saves on top of it.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest
from storekit import TODAY, fixed, new_filled

from tenfold.domain.errors import ChangedOnDiskError, StoreError
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.store import Store


def other_device_copy(path: Path) -> bytes:
    """The file as another device changed it: a new stream, written the way sync tools do (rename)."""
    data = orjson.loads(path.read_bytes())
    data["streams"]["9"] = Stream(9, "Rental", "rental", "passive", "EUR").to_store()
    raw = orjson.dumps(data)
    incoming = path.with_name(".syncthing.tenfold.json.tmp")
    incoming.write_bytes(raw)
    os.replace(incoming, path)
    return raw


def test_replaced_file_is_not_overwritten_and_reload_merges(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        theirs = other_device_copy(path)
        with pytest.raises(ChangedOnDiskError) as caught:
            store.tick(7, TODAY)
        assert "changed by another program" in str(caught.value) and "nothing was overwritten" in str(caught.value)
        assert path.read_bytes() == theirs
        assert store.stale and not store.steps()[6].done
        with pytest.raises(ChangedOnDiskError, match="reload it before saving"):
            store.tick(7, TODAY)  # still refused, still untouched
        assert path.read_bytes() == theirs
        store.reload()
        assert not store.stale
        assert "Rental" in [s.name for s in store.streams()]
        store.tick(7, TODAY)
    with Store.open(path, read_only=True) as store:
        assert "Rental" in [s.name for s in store.streams()]  # theirs
        assert store.steps()[6].done  # and ours


def test_in_place_edit_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        edited = path.read_bytes().replace(b'"12.50"', b'"12.5"')
        with open(path, "r+b") as handle:  # same inode, like an editor that writes in place
            handle.write(edited)
            handle.truncate()
        stream = store.streams()[0]
        with pytest.raises(ChangedOnDiskError):
            store.add_payment(Payment(0, stream.id, date(2026, 3, 3), Decimal("1.00"), ""))
        assert path.read_bytes() == edited


def test_same_size_edit_with_a_later_time_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        edited = path.read_bytes().replace(b'"12.50"', b'"99.99"')
        st = path.stat()
        with open(path, "r+b") as handle:
            handle.write(edited)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
        with pytest.raises(ChangedOnDiskError):
            store.tick(2, TODAY)
        assert path.read_bytes() == edited


def test_deleted_file_is_not_recreated_behind_the_users_back(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        path.unlink()
        with pytest.raises(ChangedOnDiskError):
            store.tick(2, TODAY)
        assert not path.exists()


def test_a_read_only_store_sees_changes_after_reload(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, read_only=True) as reader:
        with Store.open(path, today=fixed()) as writer:
            writer.tick(4, TODAY)
        assert not reader.steps()[3].done
        reader.reload()
        assert reader.steps()[3].done


def wait_for_the_clock_to_pass(path: Path) -> None:
    """Until a change made now gets a later ctime than the file has.

    The kernel stamps ctime from a clock that ticks every few milliseconds; an edit in
    the same tick as the last change would keep the ctime, which no sync tool can
    count on. A scratch file beside it shows when the clock has moved on.
    """
    ctime = path.stat().st_ctime_ns
    probe = path.with_name("clock-probe")
    while True:
        probe.write_bytes(b"")
        if probe.stat().st_ctime_ns > ctime:
            probe.unlink()
            return
        time.sleep(0.001)


def test_same_size_edit_with_the_time_restored_is_noticed(tmp_path: Path) -> None:
    """A tool that writes in place and puts the modification time back still changes the ctime."""
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        edited = path.read_bytes().replace(b'"12.50"', b'"99.99"')
        st = path.stat()
        wait_for_the_clock_to_pass(path)
        with open(path, "r+b") as handle:
            handle.write(edited)
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert (path.stat().st_size, path.stat().st_mtime_ns, path.stat().st_ino) == (
            st.st_size, st.st_mtime_ns, st.st_ino)
        with pytest.raises(ChangedOnDiskError):
            store.tick(2, TODAY)
        assert path.read_bytes() == edited


@contextmanager
def replaced_while_saving(path: Path) -> Iterator[list[bytes]]:
    """The other device's copy lands while our new version is being made durable (its fsync).

    That is after the check every change makes before it starts, and before our
    rename: the moment a sync tool's copy used to be overwritten.
    """
    real = os.fsync
    landed: list[bytes] = []

    def fsync(fd: Any) -> None:
        real(fd)
        if not landed and os.readlink(f"/proc/self/fd/{fd}").startswith(str(path.parent / f".{path.name}.")):
            landed.append(other_device_copy(path))

    os.fsync = fsync
    try:
        yield landed
    finally:
        os.fsync = real


def test_a_copy_landing_during_the_save_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)  # today's backup is taken: the save below only writes the file
        with replaced_while_saving(path) as landed, pytest.raises(ChangedOnDiskError) as caught:
            store.tick(7, TODAY)
        assert "nothing was overwritten" in str(caught.value)
        assert path.read_bytes() == landed[0]
        assert store.stale and not store.steps()[6].done  # the change was undone in memory
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
        store.reload()
        assert "Rental" in [s.name for s in store.streams()]


def test_a_copy_landing_during_a_background_save_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    told: list[StoreError | None] = []
    heard = threading.Event()

    def report(problem: StoreError | None) -> None:
        told.append(problem)
        heard.set()

    with Store.open(path, today=fixed()) as store:
        store.tick(2, TODAY)
        store.save_in_background(report)
        with replaced_while_saving(path) as landed:
            store.tick(7, TODAY)
            assert heard.wait(10)
        assert isinstance(told[0], ChangedOnDiskError)
        assert path.read_bytes() == landed[0]
        assert store.saving_failed and store.stale
        store.reload()  # what the app's "edited elsewhere" prompt does when the user takes the other copy
        assert "Rental" in [s.name for s in store.streams()]
        store.tick(7, TODAY)
    with Store.open(path, read_only=True) as store:
        assert "Rental" in [s.name for s in store.streams()] and store.steps()[6].done
