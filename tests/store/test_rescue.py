"""The rescue file: what a failed exit keeps, how it is described, and when it may replace the data file.

Real stores on real files; a full disk is a failing ``os.replace`` for the data
file only, as in the write-error tests.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from tenfold.domain.errors import StoreError
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.file.atomic import atomic_write
from tenfold.store.rescue import decline_rescue, describe, find_rescue, rescue_paths, restore_rescue
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 10, 15)


@pytest.fixture(autouse=True)
def state_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state"


@contextmanager
def disk_full_for(path: Path) -> Iterator[None]:
    real = os.replace

    def full(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
        if Path(dst) == path:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(src, dst, *args, **kwargs)

    os.replace = full
    try:
        yield
    finally:
        os.replace = real


def unsaved_payment(db: Path) -> str:
    """Seed ``db``, then add a stream and a payment in the background while the disk is full; rescue them."""
    with Store.open(db, today=lambda: TODAY) as store:
        store.add_stream(Stream(0, "Books", "ebook", "passive", "EUR"))
    store = Store.open(db, today=lambda: TODAY)
    failed = threading.Event()
    store.save_in_background(lambda problem: failed.set() if problem else None)
    with disk_full_for(db):
        stream = store.add_stream(Stream(0, "Royalties", "royalties", "passive", "EUR"))
        store.add_payment(Payment(0, stream.id, TODAY, Decimal("12.50"), "October"))
        assert failed.wait(10)
        with pytest.raises(StoreError, match="disk is full"):
            store.stop_background_saving()
        said = store.rescue_unsaved()
    store.close()  # nothing left to retry: the change is in the rescue file
    return said


def payments(db: Path) -> list[tuple[date, Decimal, str]]:
    with Store.open(db, read_only=True) as store:
        return [(p.on, p.amount, p.note) for p in store.payments()]


def test_the_change_is_kept_private_described_and_restored(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    said = unsaved_payment(db)
    kept = rescue_paths(db)[0]
    assert said == (
        f"the changes made since the last save are kept in {kept}; Tenfold offers them back at the next start"
    )
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert payments(db) == []

    rescue = find_rescue(db)
    assert rescue is not None
    assert describe(rescue).startswith(f"1 payment, 1 stream changed since the last save of {db} (kept in {kept}")
    done = restore_rescue(rescue, NOW)
    assert done.startswith(f"Restored the rescued changes into {db}; the file as it was is kept as the backup ")
    assert payments(db) == [(TODAY, Decimal("12.50"), "October")]
    assert find_rescue(db) is None


def test_a_file_changed_since_is_not_replaced_both_are_kept(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    unsaved_payment(db)
    with Store.open(db, today=lambda: TODAY) as store:  # e.g. the other device's copy arrived meanwhile
        store.add_stream(Stream(0, "From my phone", "other", "active", "EUR"))
    theirs = db.read_bytes()
    rescue = find_rescue(db)
    assert rescue is not None
    done = restore_rescue(rescue, NOW)
    assert db.read_bytes() == theirs
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("t.rescued-")]
    assert len(aside) == 1 and done == (
        f"{db} changed since the rescue was made, so it was not replaced; "
        f"the rescued version is kept as {aside[0]} (open it with: tenfold --db {aside[0]})"
    )
    assert payments(aside[0]) == [(TODAY, Decimal("12.50"), "October")]
    assert find_rescue(db) is None


def test_no_keeps_it_as_a_file_of_its_own(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    unsaved_payment(db)
    rescue = find_rescue(db)
    assert rescue is not None
    done = decline_rescue(rescue)
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("t.rescued-")]
    assert len(aside) == 1 and done.startswith(f"Not restored; the rescued version is kept as {aside[0]}")
    assert payments(aside[0]) == [(TODAY, Decimal("12.50"), "October")] and payments(db) == []


def test_without_a_state_folder_it_goes_beside_the_data_file(tmp_path: Path, state_home: Path) -> None:
    state_home.write_text("not a folder")  # the state folder cannot be made
    db = tmp_path / "t.json"
    said = unsaved_payment(db)
    beside = rescue_paths(db)[1]
    assert beside == tmp_path / ".t.json.rescue.json"
    assert f"kept in {beside};" in said and stat.S_IMODE(beside.stat().st_mode) == 0o600
    rescue = find_rescue(db)
    assert rescue is not None and rescue.path == beside


def test_a_command_without_a_terminal_says_what_waits_and_goes_on(tmp_path: Path, state_home: Path) -> None:
    db = tmp_path / "t.json"
    unsaved_payment(db)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    env.update(XDG_STATE_HOME=str(state_home), TENFOLD_TODAY=TODAY.isoformat())
    done = subprocess.run(
        [sys.executable, "-m", "tenfold", "--db", str(db), "tick", "3"],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=60, check=False,
    )
    assert done.returncode == 0
    kept = rescue_paths(db)[0]
    assert done.stderr.startswith(f"tenfold: 1 payment, 1 stream changed since the last save of {db} (kept in {kept}")
    assert done.stderr.endswith("; run tenfold in a terminal to restore it\n")
    assert kept.exists()


def test_a_damaged_rescue_is_named_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    Store.open(db).close()
    kept = rescue_paths(db)[0]
    kept.parent.mkdir(parents=True)
    atomic_write(kept, b'{"tenfold_rescue": ')
    with pytest.raises(StoreError, match="is a rescue file Tenfold cannot read; it was left as it is"):
        find_rescue(db)
    assert kept.read_bytes() == b'{"tenfold_rescue": '
