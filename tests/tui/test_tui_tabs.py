"""Narrow terminals: a click on a pane's tab moves there (the tab bar's click handler is Tenfold's own)."""

from __future__ import annotations

from pathlib import Path

from tui_support import NARROW, running

from tenfold.tui.widgets.ledger_pane import LedgerPane
from tenfold.tui.widgets.pane_tabs import PaneTabs


async def test_a_click_on_a_tab_shows_and_focuses_that_pane(tmp_path: Path) -> None:
    async with running(tmp_path / "t.json", size=NARROW) as t:
        main = t.app.main_screen
        assert main.active_pane == "goal"
        assert await t.pilot.click("#tab-ledger")
        await t.pilot.pause()
        assert main.active_pane == "ledger"
        assert t.app.focused is main.query_one(LedgerPane).main_widget()
        assert main.query_one("#pane-tabs", PaneTabs).active == "tab-ledger"
