"""The theme picked in the palette is remembered in the config folder, not the data file."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

from textual.color import Color
from textual.widget import Widget

from tenfold.config import Settings, load_settings, save_settings
from tenfold.store.store import Store
from tenfold.tui.app import make_app


async def test_theme_is_remembered_between_runs(tmp_path: Path) -> None:
    data, config = tmp_path / "t.json", tmp_path / "config"
    with Store.open(data, today=lambda: date(2026, 11, 21)) as store:
        app = make_app(store, config_dir=config)
        async with app.run_test() as pilot:
            app.theme = "nord"
            await pilot.pause()
    assert load_settings(config).theme == "nord"
    assert stat.S_IMODE((config / "config.json").stat().st_mode) == 0o600
    assert "nord" not in data.read_text()
    with Store.open(data) as store:
        app = make_app(store, config_dir=config)
        async with app.run_test() as pilot:
            await pilot.pause()
            assert app.theme == "nord"


def test_unreadable_or_unknown_config_falls_back(tmp_path: Path) -> None:
    assert load_settings(tmp_path).theme == Settings().theme
    (tmp_path / "config.json").write_text("{not json")
    assert load_settings(tmp_path).theme == Settings().theme
    save_settings(tmp_path, Settings(theme="gruvbox"))
    assert load_settings(tmp_path).theme == "gruvbox"


async def test_unknown_theme_in_config_is_ignored(tmp_path: Path) -> None:
    save_settings(tmp_path / "c", Settings(theme="no-such-theme"))
    with Store.open(tmp_path / "t.json") as store:
        app = make_app(store, config_dir=tmp_path / "c")
        async with app.run_test() as pilot:
            await pilot.pause()
            assert app.theme == "textual-dark"


def luminance(color: Color) -> float:
    """Relative luminance (WCAG) of an opaque colour."""

    def channel(value: int) -> float:
        x = value / 255
        return x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG contrast ratio: 1 (invisible) to 21 (black on white)."""
    high, low = sorted((luminance(a) + 0.05, luminance(b) + 0.05), reverse=True)
    return high / low


def border_and_title(pane: Widget) -> tuple[Color, Color, Color]:
    """The colours a pane's border and title are drawn in, over the background they are drawn on."""
    behind, _ = pane.background_colors
    edge = pane.styles.border_top[1]
    title = pane.styles.border_title_color
    return behind, behind + edge, behind + title


async def test_every_built_in_theme_draws_readable_pane_borders_and_titles(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.json", today=lambda: date(2026, 11, 21)) as store:
        app = make_app(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            themes = sorted(name for name in app.available_themes if not name.startswith("ansi"))
            assert "solarized-light" in themes and "textual-dark" in themes
            faint: list[str] = []
            for name in themes:
                app.theme = name
                await pilot.pause()
                focused = app.main_screen.query_one("#goal")  # a new file starts in the goal pane
                other = app.main_screen.query_one("#ledger")
                for pane, least in ((other, 2.3), (focused, 3.0)):
                    behind, edge, title = border_and_title(pane)
                    if contrast(edge, behind) < least or contrast(title, behind) < 3.0:
                        faint.append(f"{name} {pane.id}: border {contrast(edge, behind):.2f}, "
                                     f"title {contrast(title, behind):.2f}")
            assert not faint, faint


def test_a_save_moves_an_unreadable_config_aside_and_keeps_keys_it_does_not_know(tmp_path: Path) -> None:
    """A hand edit with one comma too many is kept for its owner, never written over."""
    import json

    (tmp_path / "config.json").write_text('{"theme": "nord",}')
    save_settings(tmp_path, Settings(theme="gruvbox"))
    aside = list(tmp_path.glob("config.json.unreadable-*"))
    assert len(aside) == 1 and aside[0].read_text() == '{"theme": "nord",}'
    (tmp_path / "config.json").write_text('{"theme": "nord", "from_a_newer_version": [1, 2]}')
    save_settings(tmp_path, Settings(theme="gruvbox", today_on_launch=False))
    assert json.loads((tmp_path / "config.json").read_text()) == {
        "theme": "gruvbox", "today_on_launch": False, "from_a_newer_version": [1, 2]}
