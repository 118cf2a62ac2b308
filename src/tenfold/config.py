"""User settings (the theme, the today card) in a small JSON file in the user config directory.

Settings are about this machine's terminal, not about the user's data, so they
never go in the data file (which may be synced to other devices). A missing or
unreadable config is not an error: the defaults apply.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from tenfold.paths import make_private_dir
from tenfold.store.file.atomic import atomic_write


@dataclass
class Settings:
    """What Tenfold remembers between runs, besides the data."""

    theme: str = "textual-dark"
    today_on_launch: bool = True
    """Show the today card when the app starts (``t`` opens it any time)."""


def config_path(folder: Path) -> Path:
    """The settings file inside a config folder."""
    return folder / "config.json"


def load_settings(folder: Path) -> Settings:
    """Read settings; anything unreadable falls back to the defaults."""
    try:
        raw = json.loads(config_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    theme, today = raw.get("theme"), raw.get("today_on_launch")
    return Settings(
        theme=theme if isinstance(theme, str) and theme else Settings.theme,
        today_on_launch=today if isinstance(today, bool) else Settings.today_on_launch,
    )


def save_settings(folder: Path, settings: Settings) -> None:
    """Write settings atomically (0600 file, 0700 folder)."""
    make_private_dir(folder)
    atomic_write(config_path(folder), json.dumps(asdict(settings), indent=2).encode())
