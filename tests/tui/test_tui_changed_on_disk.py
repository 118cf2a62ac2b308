"""A sync tool changes the file while the app is open: nothing is overwritten.

The other copy arrives during a real Pilot run. The app notices at its next save,
keeps what the user typed in the form, asks before reloading, and after the reload
the user's payment is saved on top of the other device's data.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from tui_support import reopen, running, seed_ledger

from tenfold.domain.ideas import Idea
from tenfold.store.file.atomic import atomic_write
from tenfold.tui.dialogs.confirm import ConfirmDialog


def other_device_adds_an_idea(path: Path) -> bytes:
    """Write the file as a sync tool would: a whole new copy, replaced atomically."""
    data = json.loads(path.read_text())
    idea = Idea(99, "Readers on my phone", "Short tips", "", "", date(2026, 11, 20))
    data.setdefault("ideas", {})["99"] = idea.to_store()
    payload = json.dumps(data).encode()
    atomic_write(path, payload)
    return payload


async def test_other_copy_is_kept_and_reloaded_when_the_user_agrees(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        await ui.press("3", "a")
        await ui.fill(amount="12.50", note="from the app")
        synced = other_device_adds_an_idea(path)
        await ui.press("ctrl+s")
        # The save was refused, the other copy is untouched, and the user is asked.
        assert path.read_bytes() == synced
        assert isinstance(ui.app.screen, ConfirmDialog)
        await ui.press("y")
        await ui.pilot.pause()
        # The form is still open with what was typed; saving again now works.
        assert ui.form.values()["amount"] == "12.50"
        assert "Not saved" in ui.form_error()
        await ui.press("ctrl+s")
        await ui.pilot.pause()
    with reopen(path) as store:
        assert [i.who for i in store.ideas()] == ["Readers on my phone"]
        amounts = sorted(p.amount for p in store.payments())
        assert amounts == [Decimal("12.50"), Decimal("42.50")]
        assert any(p.note == "from the app" and p.on == date(2026, 11, 21) for p in store.payments())


async def test_declining_the_reload_overwrites_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        synced = other_device_adds_an_idea(path)
        await ui.press("2", "space")  # a tick is a save
        assert isinstance(ui.app.screen, ConfirmDialog)
        await ui.press("n")
        await ui.press("space")  # still refuses until the user reloads
        await ui.pilot.pause()
        assert path.read_bytes() == synced
        assert isinstance(ui.app.screen, ConfirmDialog)
        await ui.press("n")
    assert path.read_bytes() == synced
