"""What the user sees when things go wrong: a damaged file at start, an unexpected error."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from tui_support import open_store, reopen, seed_ledger

from tenfold.domain.errors import DamagedFileError
from tenfold.tui.app import make_app
from tenfold.tui.recovery_app import RecoveryApp
from tenfold.tui.run import offer_recovery
from tenfold.tui.screens.main import MainScreen


@pytest.mark.parametrize(("key", "chosen"), [("o", True), ("q", False), ("escape", False)])
async def test_damaged_file_choice(tmp_path: Path, key: str, chosen: bool) -> None:
    """The choice screen names the backup and its age; o opens it, q and esc change nothing."""
    app = RecoveryApp("t.json: is not valid JSON", tmp_path / "t.2026-11-20.daily.json", "1 day ago")
    async with app.run_test() as pilot:
        await pilot.pause()
        text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "t.2026-11-20.daily.json" in text and "1 day ago" in text
        await pilot.press(key)
    assert app.return_value is chosen


def test_without_a_terminal_nothing_is_changed(tmp_path: Path) -> None:
    """Run from a script (no tty), a damaged file is only reported, never replaced."""
    path = tmp_path / "t.json"
    seed_ledger(path)
    with open_store(path) as store:  # a second day's first save makes a backup
        store.today = lambda: date(2026, 11, 22)
        store.tick(1, store.today())
    path.write_bytes(b'{"meta": {')
    recovered, message = offer_recovery(path, DamagedFileError(path, "is not valid JSON"))
    assert not recovered
    assert "run tenfold in a terminal to open it" in message
    assert path.read_bytes() == b'{"meta": {'


async def test_unexpected_error_is_logged_and_data_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in an action: the traceback goes to a 0600 log, the app exits, the data is intact."""
    path, logs = tmp_path / "t.json", tmp_path / "logs"
    seed_ledger(path)

    def broken(self: MainScreen) -> None:
        raise RuntimeError("a bug for the test")

    monkeypatch.setattr(MainScreen, "action_help", broken)
    with open_store(path) as store:
        app = make_app(store, log_dir=logs)
        with pytest.raises(RuntimeError, match="a bug for the test"):
            async with app.run_test() as pilot:
                await pilot.press("question_mark")
                await pilot.pause()
    assert app.return_code == 1
    assert app.crash_log is not None and app.crash_log.parent == logs
    assert "a bug for the test" in app.crash_log.read_text()
    assert stat.S_IMODE(app.crash_log.stat().st_mode) == 0o600
    with reopen(path) as store:
        assert len(store.payments()) == 1
