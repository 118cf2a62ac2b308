"""The theme picked in the palette is remembered in the config folder, not the data file."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

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
