"""The import choices remembered per kind of file name, in the config folder (never in the data file).

A platform names its downloads the same way each month (``Download (3).CSV``,
``balance_history_2024-03.csv``, ``KDP_Prior_Month_Royalties-2024-03-01.xlsx``):
the digits change, the rest does not. So the name with its digits folded
(:func:`name_pattern`) keys what the user chose for that source last time - the
profile, the stream, the mapping, whether to create streams - and the next file
of the same kind opens with those choices. A missing or unreadable memory is not
an error: the choices start empty.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from tenfold.paths import make_private_dir
from tenfold.store.file.atomic import atomic_write

FILE_NAME = "import-profiles.json"
KEYS = ("profile", "stream", "map", "create", "amount", "date_format", "more")
MAX_PATTERNS = 200


def name_pattern(path: str) -> str:
    """``~/Downloads/balance_history_2024-03.csv`` -> ``balance_history_#-#.csv``."""
    name = Path(path.strip()).name.casefold()
    return re.sub(r"\d+", "#", name)


def _read(folder: Path) -> dict[str, dict[str, str]]:
    try:
        raw = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {k: {f: v for f, v in choice.items() if f in KEYS and isinstance(v, str)}
            for k, choice in raw.items() if isinstance(k, str) and isinstance(choice, dict)}


def recall(folder: Path | None, path: str) -> dict[str, str]:
    """The choices saved for files named like ``path`` (empty when none, or no folder)."""
    if folder is None or not path.strip():
        return {}
    return _read(folder).get(name_pattern(path), {})


def remember(folder: Path | None, path: str, choices: dict[str, str]) -> None:
    """Save the choices for files named like ``path`` (0600 file, 0700 folder); a failure is silent.

    Remembering is a convenience: a read-only config folder must not stop an import.
    """
    if folder is None or not path.strip():
        return
    memory = _read(folder)
    memory.pop(name_pattern(path), None)
    memory[name_pattern(path)] = {k: v for k, v in choices.items() if k in KEYS and v}
    kept = dict(list(memory.items())[-MAX_PATTERNS:])  # the most recently used
    try:
        make_private_dir(folder)  # its parents too: on a new account ~/.config may not exist yet
        atomic_write(folder / FILE_NAME, json.dumps(kept, indent=2, ensure_ascii=False).encode("utf-8"))
    except OSError:
        pass
