"""A full disk at SIGTERM or SIGHUP loses nothing: the change goes to a rescue file, offered back at the next start.

The real program runs on a pseudo-terminal. In the first run every replace of the
data file fails with ENOSPC (patched in the child, as the disk-full tests do); a
tick is made, its save fails, and a real signal ends the app. The second run is
the plain program: it says what the rescue holds, asks, and on "y" puts it in place.
"""

from __future__ import annotations

import os
import signal
import stat
from datetime import date
from pathlib import Path

import pytest
from ptyapp import PtyApp

from tenfold.store.rescue import rescue_paths
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)

DISK_FULL = (
    "import errno, os\n"
    "real = os.replace\n"
    "def full(src, dst, *args, **kwargs):\n"
    "    if os.path.basename(str(dst)) == 't.json':\n"
    "        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
    "    return real(src, dst, *args, **kwargs)\n"
    "os.replace = full\n"
    "from tenfold.cli import main\n"
    "main()\n"
)
"""``tenfold --db ...`` on a disk with no room for the data file (its backups and the state folder still fit)."""

PLAIN = "from tenfold.cli import main\nmain()\n"


def ticked(path: Path) -> set[int]:
    with Store.open(path, read_only=True, today=lambda: TODAY) as store:
        return {s.number for s in store.steps() if s.done}


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_change_the_full_disk_refused_is_rescued_and_offered_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sig: signal.Signals
) -> None:
    db = tmp_path / "t.json"
    Store.open(db, today=lambda: TODAY).close()
    (tmp_path / "config" / "tenfold").mkdir(parents=True)
    (tmp_path / "config" / "tenfold" / "config.json").write_text('{"today_on_launch": false}')
    before = db.read_bytes()
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    rescue = rescue_paths(db)[0]

    term = PtyApp(db, DISK_FULL, TODAY)
    try:
        term.wait_for("Written Goal")
        term.send("2")
        term.wait_for("Tick/untick")
        term.send(" ")
        term.wait_for("not saved yet")  # the notification: the disk is full, the change is kept
        os.kill(term.proc.pid, sig)
        code = term.until_exit()
    finally:
        term.close()
    assert code == 128 + sig
    assert db.read_bytes() == before, "the data file is untouched"
    assert rescue.is_file(), term.text()[-600:]
    assert stat.S_IMODE(rescue.stat().st_mode) == 0o600
    if sig == signal.SIGTERM:  # a hang-up has no terminal left to tell; its crash log says it
        said = term.text().replace("\r", "").replace("\n", "")
        assert f"kept in {rescue}; Tenfold offers them back at the next start" in said, said[-400:]
    else:
        logs = list((tmp_path / "state" / "tenfold").glob("crash-*.log"))
        assert len(logs) == 1 and f"kept in {rescue}" in logs[0].read_text()

    again = PtyApp(db, PLAIN, TODAY)
    try:
        again.wait_for("restore it? [y/N]")
        asked = " ".join(again.text().split())
        assert f"1 step changed since the last save of {db}" in asked
        again.send("y\r")
        again.wait_for("Written Goal")
        assert ticked(db) == {1}, "restored before the app opened the file"
        assert not rescue.exists()
        again.send("\x11")  # ctrl+q
        assert again.until_exit() == 0, again.text()[-800:]
    finally:
        again.close()
    assert ticked(db) == {1}
    backups = [p.name for p in (tmp_path / "backups").iterdir()]
    assert any(".before-rescue." in name for name in backups), backups


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_data_file_deleted_under_the_app_is_rescued_at_a_signal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sig: signal.Signals
) -> None:
    """Nobody is there to ask whether to write it again: all that was open goes to a rescue file."""
    db = tmp_path / "t.json"
    with Store.open(db, today=lambda: TODAY) as store:
        store.tick(1, TODAY)
    (tmp_path / "config" / "tenfold").mkdir(parents=True)
    (tmp_path / "config" / "tenfold" / "config.json").write_text('{"today_on_launch": false}')
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    rescue = rescue_paths(db)[0]

    term = PtyApp(db, PLAIN, TODAY)
    try:
        term.wait_for("Written Goal")
        db.unlink()
        os.kill(term.proc.pid, sig)
        code = term.until_exit()
    finally:
        term.close()
    assert code == 128 + sig
    assert not db.exists(), "not written back unasked"
    assert rescue.is_file(), term.text()[-600:]
    if sig == signal.SIGTERM:
        said = term.text().replace("\r", "").replace("\n", "")
        assert f"was deleted while Tenfold was open; all that was open is kept in {rescue}" in said, said[-400:]
    else:
        logs = list((tmp_path / "state" / "tenfold").glob("crash-*.log"))
        assert len(logs) == 1 and f"all that was open is kept in {rescue}" in logs[0].read_text()

    again = PtyApp(db, PLAIN, TODAY)
    try:
        again.wait_for("restore it? [y/N]")
        again.send("y\r")
        again.wait_for("Written Goal")
        again.send("\x11")  # ctrl+q
        assert again.until_exit() == 0, again.text()[-800:]
    finally:
        again.close()
    assert ticked(db) == {1}
