"""User settings (the theme, the today card) in a small JSON file in the user config directory.

Settings are about this machine's terminal, not about the user's data, so they
never go in the data file (which may be synced to other devices). A missing or
unreadable config is not an error: the defaults apply. It is not overwritten
either: a save first moves it aside (``config.json.unreadable-<time>``), and keys
this version does not know are kept.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

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


def _read(path: Path) -> dict[str, Any] | None:
    """The config file's object; None when it is missing, unreadable or not a JSON object."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return raw if isinstance(raw, dict) else None


def load_settings(folder: Path) -> Settings:
    """Read settings; anything unreadable falls back to the defaults."""
    raw = _read(config_path(folder))
    if raw is None:
        return Settings()
    theme, today = raw.get("theme"), raw.get("today_on_launch")
    return Settings(
        theme=theme if isinstance(theme, str) and theme else Settings.theme,
        today_on_launch=today if isinstance(today, bool) else Settings.today_on_launch,
    )


def save_settings(folder: Path, settings: Settings) -> None:
    """Write settings atomically (0600 file, 0700 folder), keeping what else the file holds.

    A file that cannot be read as settings is moved aside first, never written over:
    it may be the user's hand edit with one comma too many.
    """
    make_private_dir(folder)
    path = config_path(folder)
    kept = _read(path)
    if kept is None and path.exists():
        os.replace(path, path.with_name(f"{path.name}.unreadable-{time.strftime('%Y%m%dT%H%M%S')}"))
    atomic_write(path, json.dumps({**(kept or {}), **asdict(settings)}, indent=2).encode())
