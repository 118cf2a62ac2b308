"""The command line on a data file reached through a symbolic link: real ``python -m tenfold`` processes."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import TODAY, read, seed


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    return {**clean, "TENFOLD_TODAY": TODAY, "XDG_STATE_HOME": str(tmp_path / "state")}


def tenfold(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tenfold", *args], capture_output=True, text=True, env=env, timeout=30, check=False,
        stdin=subprocess.DEVNULL,
    )


def test_a_payment_through_a_link_reaches_the_target(tmp_path: Path, env: dict[str, str]) -> None:
    (tmp_path / "sync").mkdir()
    target = seed(tmp_path / "sync" / "t.json")
    link = tmp_path / "t.json"
    link.symlink_to(target)
    added = tenfold(env, "--db", str(link), "add", "payment", "--stream", "Royalties", "--amount", "7.50")
    assert (added.returncode, added.stderr) == (0, "")
    assert link.is_symlink()
    with read(target) as store:
        assert store.payments()[0].amount == Decimal("7.50")


@pytest.mark.parametrize("args", [["add", "payment", "--stream", "R", "--amount", "1"], ["status"], ["doctor"], []],
                         ids=["add", "status", "doctor", "app"])
def test_a_dangling_link_is_one_line_and_creates_nothing(
    tmp_path: Path, env: dict[str, str], args: list[str]
) -> None:
    link = tmp_path / "t.json"
    link.symlink_to(tmp_path / "sync" / "t.json")
    result = tenfold(env, "--db", str(link), *args)
    assert result.returncode == 1
    assert result.stderr == (
        f"tenfold: {link}: is a symbolic link to {tmp_path / 'sync' / 't.json'}, which does not exist; "
        "nothing was created\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.json"]
    assert link.is_symlink() and not link.exists()


@pytest.mark.parametrize("kind", ["to nothing", "a loop"])
def test_locate_shows_a_broken_link_and_what_is_wrong(tmp_path: Path, env: dict[str, str], kind: str) -> None:
    """``locate`` is how one finds out why the data file cannot be opened: it shows the link, not stops at it."""
    link = tmp_path / "t.json"
    if kind == "a loop":
        (tmp_path / "other.json").symlink_to(link)
        link.symlink_to(tmp_path / "other.json")
        wrong = "leads back to itself (a loop)"
    else:
        link.symlink_to(tmp_path / "gone" / "t.json")
        wrong = f"is a symbolic link to {tmp_path / 'gone' / 't.json'}, which does not exist"
    shown = tenfold(env, "--db", str(link), "locate")
    assert (shown.returncode, shown.stderr) == (0, "")
    data_line = shown.stdout.splitlines()[0]
    assert data_line.startswith(f"data     {link}") and wrong in data_line, data_line
    assert not (tmp_path / "gone").exists(), "locate creates nothing"
