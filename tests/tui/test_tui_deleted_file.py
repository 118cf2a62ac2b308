"""The data file is deleted (or moved away) while the app is open: nothing open is lost.

Saves refuse a deleted file as they refuse a changed one, since the user may have
deleted it on purpose; but there is nothing to reload, and what the app holds is
then the only copy. So the app asks whether to write the file again, when a save
is refused and when the user quits, and never writes it back unasked.
"""

from __future__ import annotations

import stat
from pathlib import Path

from tui_support import Running, reopen, running, seed_ledger

from tenfold.tui.dialogs.confirm import ConfirmDialog


def asked(ui: Running) -> str:
    """The title of the question on top, or '' when none is."""
    screen = ui.app.screen
    return screen.question_title if isinstance(screen, ConfirmDialog) else ""


def everything_there(path: Path, ticked: bool) -> None:
    """The seeded goal, streams and payment are in the file again (and step 1's tick, if made)."""
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with reopen(path) as store:
        assert store.goal is not None and store.goal.text == "Ebooks pay the rent"
        assert sorted(s.name for s in store.streams()) == ["Blog ads", "Ebook royalties"]
        assert [p.note for p in store.payments()] == ["October sales"]
        assert store.steps()[0].done is ticked


async def test_the_file_is_written_again_when_the_user_agrees(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        await ui.press("2")
        path.unlink()
        await ui.press("space")  # a tick is a save: refused, and the user is asked
        assert asked(ui) == "The data file is gone"
        assert not path.exists(), "not written back unasked"
        await ui.press("y")
        assert asked(ui) == ""
        assert any("again" in n for n in ui.notifications())
        everything_there(path, ticked=False)
        await ui.press("space")  # saving works again
    everything_there(path, ticked=True)


async def test_not_now_writes_nothing_and_quitting_asks_again(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        await ui.press("2")
        path.unlink()
        await ui.press("space", "n")
        assert not path.exists()
        await ui.press("q")
        assert ui.app.return_code is None, "still open: quitting asks about the file first"
        assert asked(ui) == "The data file is gone"
        await ui.press("y")
        assert ui.app.return_code == 0
    everything_there(path, ticked=False)


async def test_quitting_after_the_file_was_deleted_asks_before_leaving(tmp_path: Path) -> None:
    """No change made since the deletion: the app would have left without a word, and the data with it."""
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        path.unlink()
        await ui.press("q")
        assert asked(ui) == "The data file is gone"
        await ui.press("y")
        assert ui.app.return_code == 0
    everything_there(path, ticked=False)


async def test_the_user_may_quit_without_the_file(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        path.unlink()
        await ui.press("q", "n")
        assert ui.app.return_code == 0
    assert not path.exists(), "deleted on purpose: it stays deleted"


async def test_a_file_put_back_meanwhile_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        await ui.press("2")
        kept = path.read_bytes()
        path.unlink()
        await ui.press("space")
        assert asked(ui) == "The data file is gone"
        path.write_bytes(kept + b" ")  # the user (or a sync tool) put a copy back before answering
        await ui.press("y")
        assert path.read_bytes() == kept + b" "
        assert asked(ui) == "The data file changed on disk", "the copy there is offered as a reload"
        await ui.press("n")


async def test_enter_on_the_question_writes_the_file(tmp_path: Path) -> None:
    """The answer that keeps the data has the focus: Enter does not quit without the file."""
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        path.unlink()
        await ui.press("q", "enter")
        assert ui.app.return_code == 0
    everything_there(path, ticked=False)


async def test_a_form_saved_after_the_deletion_keeps_what_was_typed(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        await ui.press("3", "a")
        await ui.fill(amount="12.50", note="typed before the file went")
        path.unlink()
        await ui.press("ctrl+s")
        assert asked(ui) == "The data file is gone"
        await ui.press("y")
        assert ui.form.values()["amount"] == "12.50", "the form is still open with what was typed"
        assert "deleted or moved away" in ui.form_error()
        await ui.press("ctrl+s")
        assert ui.on_top(ui.app.main_screen)
    with reopen(path) as store:
        assert sorted(p.note for p in store.payments()) == ["October sales", "typed before the file went"]
