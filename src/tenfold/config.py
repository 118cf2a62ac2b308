"""User settings (the theme) in a small JSON file in the user config directory.

Settings are about this machine's terminal, not about the user's data, so they
never go in the data file (which may be synced to other devices). A missing or
unreadable config is not an error: the defaults apply.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from tenfold.storage import atomic_write


@dataclass
class Settings:
    """What Tenfold remembers between runs, besides the data."""

    theme: str = "textual-dark"


def config_path(folder: Path) -> Path:
    """The settings file inside a config folder."""
    return folder / "config.json"


def load_settings(folder: Path) -> Settings:
    """Read settings; anything unreadable falls back to the defaults."""
    try:
        raw = json.loads(config_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    theme = raw.get("theme") if isinstance(raw, dict) else None
    return Settings(theme=theme) if isinstance(theme, str) and theme else Settings()


def save_settings(folder: Path, settings: Settings) -> None:
    """Write settings atomically (0600 file, 0700 folder)."""
    os.makedirs(folder, mode=0o700, exist_ok=True)
    atomic_write(config_path(folder), json.dumps(asdict(settings), indent=2).encode())
