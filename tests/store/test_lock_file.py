"""The lock file is opened safely: a planted link or someone else's file is refused, never written through.

In a folder others can write to, another user can put a symbolic link where the
lock file goes; opening it the usual way would truncate whatever it points to.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from storekit import fixed, new_filled

from tenfold.cli import cli
from tenfold.domain.errors import StoreError
from tenfold.store.file.lock import FileLock, lock_path, read_owner
from tenfold.store.store import Store


def planted_link(tmp_path: Path) -> tuple[Path, Path]:
    path = tmp_path / "t.json"
    new_filled(path)
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    lock_path(path).unlink(missing_ok=True)
    lock_path(path).symlink_to(victim)
    return path, victim


def test_a_planted_link_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    path, victim = planted_link(tmp_path)
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        Store.open(path, today=fixed())
    message = str(caught.value)
    assert message == (
        f"{path}: cannot be locked: {lock_path(path)} is a symbolic link, not a lock file Tenfold made; "
        "nothing was changed"
    )
    assert victim.read_bytes() == b"precious\n"
    assert path.read_bytes() == before
    assert FileLock(path).held_by_other() is None  # doctor's look does not follow it either
    assert read_owner(path) is None


def test_a_lock_that_is_not_a_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    new_filled(path)
    lock_path(path).unlink(missing_ok=True)
    os.mkfifo(lock_path(path))
    with pytest.raises(StoreError, match="is not a regular file"):
        Store.open(path, today=fixed())
    assert FileLock(path).held_by_other() is None  # and it does not hang


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_a_lock_owned_by_another_user_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    new_filled(path)
    os.chown(lock_path(path), 65534, 65534)
    with pytest.raises(StoreError, match="belongs to another user"):
        Store.open(path, today=fixed())


def test_the_command_line_says_it_in_one_line(tmp_path: Path) -> None:
    path, victim = planted_link(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    result = subprocess.run(
        [sys.executable, "-m", "tenfold", "--db", str(path), "tick", "3"],
        capture_output=True, text=True, env=env, timeout=30, check=False, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "is a symbolic link, not a lock file Tenfold made" in result.stderr
    assert victim.read_bytes() == b"precious\n"


def test_doctor_reports_it(tmp_path: Path) -> None:
    path, victim = planted_link(tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(path), "doctor"])
    assert result.exit_code == 1
    assert f"problem  cannot be locked: {lock_path(path)} is a symbolic link" in result.output
    assert victim.read_bytes() == b"precious\n"
