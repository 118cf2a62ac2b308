"""Tables filled while a form covers them show their new rows at full width."""

from __future__ import annotations

from pathlib import Path

from tui_support import running, screen_lines


async def test_first_idea_is_not_cut_to_the_empty_table_widths(tmp_path: Path) -> None:
    """Regression: the first entry showed as '2026  New  How t' until the next redraw."""
    async with running(tmp_path / "t.json") as ui:
        await ui.press("4", "a")
        await ui.fill(who="New managers", value="How to run a 1:1")
        await ui.press("ctrl+s")
        await ui.pilot.pause(0.2)
        lines = screen_lines(ui.app)
    # The table's row, not the header's date or the detail below the table.
    assert any("2026-11-21  New managers" in line for line in lines), "\n".join(lines)
