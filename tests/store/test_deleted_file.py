"""Deleted under an open store: saves refuse, and only an explicit write-back makes the file again."""

from __future__ import annotations

import os
import stat
from decimal import Decimal
from pathlib import Path

import pytest
from storekit import TODAY, fixed, new_filled

from tenfold.domain.errors import ChangedOnDiskError
from tenfold.domain.ledger import Payment
from tenfold.store.store import Store


def test_a_save_names_the_deletion(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        assert not store.file_deleted
        path.unlink()
        assert store.file_deleted
        with pytest.raises(ChangedOnDiskError, match="was deleted or moved away"):
            store.tick(2, TODAY)
        assert not path.exists()


def test_write_back_writes_everything_held_with_the_pending_change(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        store._storage.write_behind = True  # as in the app, with no saver thread: the change waits
        stream = store.streams()[0]
        store.add_payment(Payment(0, stream.id, TODAY, Decimal("7.25"), "held in memory"))
        held = sorted((p.amount, p.note) for p in store.payments())
        path.unlink()
        assert store.unsaved
        store.write_back()
        assert not store.file_deleted and not store.unsaved and not store.stale
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        store.tick(3, TODAY)  # saving works again afterwards
        store.flush()
    with Store.open(path, read_only=True) as again:
        assert sorted((p.amount, p.note) for p in again.payments()) == held
        assert again.steps()[2].done


def test_write_back_makes_a_deleted_folder_again_private(tmp_path: Path) -> None:
    folder = tmp_path / "sync" / "data"
    folder.mkdir(mode=0o700, parents=True)
    path = folder / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        for leftover in folder.iterdir():
            if leftover.is_dir():
                for inner in leftover.iterdir():
                    inner.unlink()
                leftover.rmdir()
            else:
                leftover.unlink()
        folder.rmdir()
        folder.parent.rmdir()  # the synced folder went, with the data folder in it
        previous = os.umask(0)
        try:
            store.write_back()
        finally:
            os.umask(previous)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700, "a parent made again is private too"
    with Store.open(path, read_only=True) as again:
        assert again.streams()


def test_write_back_never_replaces_a_file_that_came_back(tmp_path: Path) -> None:
    path = tmp_path / "tenfold.json"
    new_filled(path)
    with Store.open(path, today=fixed()) as store:
        path.unlink()
        path.write_bytes(b'{"put": "back"}')
        with pytest.raises(ChangedOnDiskError, match="is there again"):
            store.write_back()
        assert path.read_bytes() == b'{"put": "back"}'
