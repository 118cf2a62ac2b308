"""A sync tool's copy landing while the app's background save is being written is not overwritten.

The change check at the start of a save is not enough: the other copy can land
while the new version is written and fsync'd. The copy lands at exactly that
moment here (on the fsync of the save's temp file); the save must give way, and
the app's "edited elsewhere" offer takes over.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from tui_support import reopen, running, seed_ledger, until

from tenfold.domain.ideas import Idea
from tenfold.tui.dialogs.confirm import ConfirmDialog


def other_device_adds_an_idea(path: Path) -> bytes:
    data = json.loads(path.read_text())
    data.setdefault("ideas", {})["99"] = Idea(99, "Readers on my phone", "Tips", "", "", date(2026, 11, 20)).to_store()
    payload = json.dumps(data).encode()
    incoming = path.with_name(".sync-incoming")
    incoming.write_bytes(payload)
    os.replace(incoming, path)
    return payload


@contextmanager
def lands_during_the_save(path: Path) -> Iterator[list[bytes]]:
    real = os.fsync
    landed: list[bytes] = []

    def fsync(fd: Any) -> None:
        real(fd)
        if not landed and os.readlink(f"/proc/self/fd/{fd}").startswith(str(path.parent / f".{path.name}.")):
            landed.append(other_device_adds_an_idea(path))

    os.fsync = fsync
    try:
        yield landed
    finally:
        os.fsync = real


async def test_the_copy_is_kept_and_the_app_offers_to_reload(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    seed_ledger(path)
    async with running(path) as ui:
        await ui.press("2", "space")  # today's first save: the daily backup is taken
        await until(ui, lambda: not ui.app.store.unsaved)
        with lands_during_the_save(path) as landed:
            await ui.press("down", "space")  # the next tick lands in the middle of its save
            await until(ui, lambda: isinstance(ui.app.screen, ConfirmDialog), seconds=10)
        assert path.read_bytes() == landed[0]
        await ui.press("y")
        await ui.pilot.pause()
    with reopen(path) as store:
        assert [i.who for i in store.ideas()] == ["Readers on my phone"]
