"""A data file reached through a symbolic link: saves go to the link's target, and the link stays.

People keep the file in a synced folder and link to it (``ln -s ~/Sync/t.json t.json``).
Replacing the link with a regular file on the first save would leave the synced copy
behind for good; a dangling link must not turn into a fresh empty file either.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from storekit import TODAY, fixed, new_filled

from tenfold.domain.errors import StoreError
from tenfold.store.backups import list_backups
from tenfold.store.recovery import recover_from_backup
from tenfold.store.store import Store


def linked(tmp_path: Path) -> tuple[Path, Path]:
    """A filled file in ``sync/`` and a link to it in ``home/``."""
    (tmp_path / "sync").mkdir()
    (tmp_path / "home").mkdir()
    target = tmp_path / "sync" / "t.json"
    new_filled(target)
    link = tmp_path / "home" / "t.json"
    link.symlink_to(target)
    return link, target


def test_a_save_goes_to_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    link, target = linked(tmp_path)
    with Store.open(link, today=fixed()) as store:
        assert store.path == target
        store.tick(7, TODAY)
        assert (tmp_path / "sync" / ".t.json.lock").exists()  # the lock sits beside the file it guards
    assert link.is_symlink() and os.readlink(link) == str(target)
    with Store.open(target, read_only=True) as store:
        assert store.steps()[6].done
    assert sorted(p.name for p in (tmp_path / "home").iterdir()) == ["t.json"]  # no temp file, no lock, no backups
    assert {b.path.parent for b in list_backups(target)} <= {tmp_path / "sync" / "backups"}


def test_a_relative_link_is_followed_from_its_own_folder(tmp_path: Path) -> None:
    link, target = linked(tmp_path)
    link.unlink()
    link.symlink_to(Path("..") / "sync" / "t.json")
    with Store.open(link, today=fixed()) as store:
        store.tick(7, TODAY)
    assert link.is_symlink()
    with Store.open(target, read_only=True) as store:
        assert store.steps()[6].done


@pytest.mark.parametrize("read_only", [False, True], ids=["writable", "read-only"])
def test_a_dangling_link_is_refused_and_nothing_is_created(tmp_path: Path, read_only: bool) -> None:
    link = tmp_path / "t.json"
    link.symlink_to(tmp_path / "gone" / "t.json")
    with pytest.raises(StoreError) as caught:
        Store.open(link, read_only=read_only, today=fixed())
    message = str(caught.value)
    assert message.startswith(f"{link}: is a symbolic link to {tmp_path / 'gone' / 't.json'}, which does not exist")
    assert "\n" not in message
    assert link.is_symlink() and not link.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["t.json"]


def test_recovery_through_a_link_puts_the_backup_at_the_target(tmp_path: Path) -> None:
    link, target = linked(tmp_path)
    with Store.open(link, today=fixed()) as store:
        store.tick(7, TODAY)  # the first save of the day takes a backup
    backup = list_backups(target)[0].path
    target.write_bytes(b"{damaged")
    kept = recover_from_backup(link, backup)
    assert kept.parent == target.parent
    assert link.is_symlink()
    assert target.read_bytes() == backup.read_bytes()
