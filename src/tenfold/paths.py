"""Where Tenfold keeps things. Computed on demand: nothing is created at import."""

from __future__ import annotations

import errno
import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from tenfold.domain.errors import StoreError

APP_NAME = "tenfold"
ENV_DB = "TENFOLD_DB"


def default_db_path() -> Path:
    """The data file in the user data directory, e.g. ~/.local/share/tenfold/tenfold.json."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "tenfold.json"


def resolve_db_path(option: str | os.PathLike[str] | None, env: Mapping[str, str] | None = None) -> Path:
    """``--db`` wins, then ``$TENFOLD_DB``, then the default location."""
    env = os.environ if env is None else env
    if option:
        return Path(option).expanduser()
    if env.get(ENV_DB):
        return Path(env[ENV_DB]).expanduser()
    return default_db_path()


def follow_link(path: Path) -> Path:
    """The file ``path`` names: itself, or the target of a symbolic link.

    Saving replaces the data file with a new one; done to a link, that would put a
    regular file where the link was and leave the linked file (often in a synced
    folder) behind for good. So the store works on the target, beside which it also
    keeps the lock, the temp files and the backups: every link to one file shares them.
    A link to nothing is refused rather than turned into a fresh, empty file.
    """
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if not target.exists():
        try:
            os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # realpath stops where the loop closes, on a link, not a missing file
                raise StoreError(path, "is a symbolic link that leads back to itself (a loop), so it names no file; "
                                       "nothing was created") from None
        raise StoreError(path, f"is a symbolic link to {target}, which does not exist; nothing was created")
    return target


def state_dir() -> Path:
    """Where crash logs go."""
    return platformdirs.user_state_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    """Where settings such as the theme live (never in the data file)."""
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


def make_private_dir(folder: Path) -> None:
    """Create ``folder`` and any missing parents as 0700, whatever the umask.

    ``os.makedirs(mode=0o700)`` applies the mode to the last folder only: the
    parents it creates (``~/.local/share`` on a new account) get 0777 minus the
    umask, world-writable under ``umask 000``. Folders that already exist are
    left as they are; they are the user's.
    """
    missing = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    for path in reversed(missing):
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            if not path.is_dir():
                raise
            continue  # made meanwhile by another process: theirs to set
        os.chmod(path, 0o700)  # the umask may also strip bits the owner needs


def backups_dir(db_path: Path) -> Path:
    """Backups live beside the data file, so a synced folder carries them too."""
    return db_path.parent / "backups"
