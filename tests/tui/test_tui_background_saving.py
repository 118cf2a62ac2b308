"""The app never waits for the disk, and still loses nothing: quit, SIGTERM and SIGHUP write what is pending.

The disk is made slow by patching ``os.fsync`` for the data file's temp files (in
this process for Pilot runs, in the child for the real program on a pty), so a
save is caught under way; everything else is real.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import HasFileno, StrOrBytesPath

import errno
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from ptyapp import PtyApp
from tui_support import TODAY, running, until

from tenfold.store.file.atomic import atomic_write
from tenfold.store.store import Store
from tenfold.tui.dialogs.confirm import ConfirmDialog
from tenfold.tui.widgets.steps_pane import StepList


@contextmanager
def slow_disk(path: Path, seconds: float) -> Iterator[None]:
    """Every fsync of a temp file for ``path`` takes ``seconds`` longer."""
    real = os.fsync

    def slow(fd: int | HasFileno) -> None:
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(path.parent / f".{path.name}.")):
            time.sleep(seconds)
        real(fd)

    os.fsync = slow
    try:
        yield
    finally:
        os.fsync = real


def ticked_on_disk(path: Path) -> set[int]:
    """The steps ticked in the file right now (no waiting for the app)."""
    with Store.open(path, read_only=True, today=lambda: TODAY) as store:
        return {s.number for s in store.steps() if s.done}


async def test_a_tick_is_on_screen_at_once_while_the_disk_is_still_writing(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("2", "space")  # today's first save (and backup) out of the way
        steps = t.app.main_screen.query_one(StepList)
        with slow_disk(db, 1.0):
            await t.press("j")
            began = time.monotonic()
            t._send("space")
            while not steps.states[1].done:
                await t.pilot.pause()
            shown = time.monotonic() - began
            assert shown < 0.5, f"the tick waited {shown:.2f} s for the disk"
            assert ticked_on_disk(db) == {1}, "the file is still being written"
            assert t.app.store.unsaved
            await t.press("ctrl+q")  # quitting waits for the write under way
            assert t.app.return_code == 0
            assert ticked_on_disk(db) == {1, 2}


async def test_quit_writes_changes_still_waiting_behind_a_slow_save(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("2", "space")
        steps = t.app.main_screen.query_one(StepList)
        with slow_disk(db, 0.5):
            for key in ("j", "space", "j", "space", "j", "space"):
                t._send(key)
            while not steps.states[3].done:
                await t.pilot.pause()
            assert ticked_on_disk(db) == {1}
            await t.press("ctrl+q")
            assert t.app.return_code == 0
            assert ticked_on_disk(db) == {1, 2, 3, 4}, "every tick is on disk when the app has quit"


async def test_a_sync_tool_changing_the_file_before_a_retry_is_told_and_the_reload_asked(tmp_path: Path) -> None:
    """The pending tick is not written over the other copy; reloading takes theirs, and says what is dropped."""
    db = tmp_path / "t.json"
    async with running(db) as t:
        await t.press("2", "space")
        real_replace = os.replace

        def disk_full(src: StrOrBytesPath, dst: StrOrBytesPath, **_: int | None) -> None:
            if Path(str(dst)) == db:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real_replace(src, dst)

        os.replace = disk_full
        try:
            await t.press("j", "space")  # step 2: its save fails, a retry comes a second later
            await until(t, lambda: any("disk is full" in n for n in t.notifications()))
        finally:
            os.replace = real_replace
        synced = db.read_bytes().replace(b'"notes":""', b'"notes":"from my phone"', 1)
        atomic_write(db, synced)  # the sync tool, before the retry
        await until(t, lambda: isinstance(t.app.screen, ConfirmDialog), seconds=5)
        await t.settle()  # the notice is posted before the question, and shown after it
        assert any("last change is not saved yet" in n and "dropped" in n for n in t.notifications())
        assert db.read_bytes() == synced, "the other copy is not overwritten"
        await t.press("y")
        assert not t.app.store.unsaved and not t.app.store.steps()[1].done, "reloaded: the pending tick is gone"
    assert db.read_bytes() == synced


# ----- the real program on a terminal -------------------------------------------------------

SLOW_START = (
    "import os, sys, time\n"
    "real = os.fsync\n"
    "def slow(fd):\n"
    "    if os.path.basename(os.readlink(f'/proc/self/fd/{fd}')).startswith('.t.json.'):\n"
    "        time.sleep(0.6)\n"
    "    real(fd)\n"
    "os.fsync = slow\n"
    "from tenfold.cli import main\n"
    "main()\n"
)
"""``tenfold --db ...`` on a slow disk: each save of the data file takes 0.6 s longer."""


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_while_saves_are_pending_writes_them_before_the_process_ends(
    tmp_path: Path, sig: signal.Signals
) -> None:
    db = tmp_path / "t.json"
    config = tmp_path / "config" / "tenfold"
    config.mkdir(parents=True)
    (config / "config.json").write_text('{"today_on_launch": false}')
    term = PtyApp(db, SLOW_START, TODAY)
    try:
        term.wait_for("Written Goal")
        term.send("2")
        term.wait_for("Tick/untick")
        term.send(" ")  # step 1: the day's first save, slow
        term.wait_for("Step 1 done")
        term.send("j ")  # step 2: waits behind it
        term.wait_for("Step 2 done")
        os.kill(term.proc.pid, sig)
        code = term.until_exit()
    finally:
        term.close()
    assert code == 128 + sig
    assert ticked_on_disk(db) == {1, 2}
