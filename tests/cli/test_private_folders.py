"""Every folder Tenfold creates is private (0700), whatever the umask, its parents included.

Real processes with ``umask 000`` and a fresh home: the default data folder and the
parents above it (``~/.local/share``), the backups, the state folder a crash log and
the status line's cache go to, and the config folder the theme is remembered in.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from cli_support import TODAY

SETTINGS_AND_LOG = (
    "from tenfold.config import Settings, save_settings\n"
    "from tenfold.crashlog import write_crash_log\n"
    "from tenfold.paths import config_dir, state_dir\n"
    "save_settings(config_dir(), Settings())\n"
    "assert write_crash_log(state_dir(), RuntimeError('a test'), filename='cli-error.log') is not None\n"
)


def test_folders_are_0700_with_umask_000(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TENFOLD_", "XDG_"))}
    env.update(HOME=str(home), TENFOLD_TODAY=TODAY)

    def run(*args: str) -> None:
        done = subprocess.run(
            [sys.executable, *args], env=env, umask=0, capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 0, done.stderr

    run("-m", "tenfold", "add", "stream", "--name", "Royalties", "--kind", "passive")
    run("-m", "tenfold", "add", "payment", "--stream", "Royalties", "--amount", "5")  # the first backup
    run("-m", "tenfold", "status")  # remembers the payments it checked, in the state folder
    run("-c", SETTINGS_AND_LOG)

    data = home / ".local" / "share" / "tenfold"
    assert (data / "tenfold.json").is_file()
    assert (data / "backups").is_dir()
    assert (home / ".local" / "state" / "tenfold" / "cli-error.log").is_file()
    assert (home / ".local" / "state" / "tenfold" / "verified-payments.json").is_file()
    assert (home / ".config" / "tenfold").is_dir()
    wide = {
        str(folder.relative_to(home)): oct(stat.S_IMODE(folder.stat().st_mode))
        for folder in home.rglob("*")
        if folder.is_dir() and stat.S_IMODE(folder.stat().st_mode) != 0o700
    }
    assert wide == {}


def test_the_import_choices_folder_is_0700_with_umask_000(tmp_path: Path) -> None:
    """The app's import form remembers its choices in the config folder; on a new account it may be the first
    to need ``~/.config``."""
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TENFOLD_", "XDG_"))}
    env["HOME"] = str(home)
    code = (
        "from tenfold.exchange.remembered import remember\n"
        "from tenfold.paths import config_dir\n"
        "remember(config_dir(), '/downloads/paypal-2026.csv', {'profile': 'paypal'})\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, umask=0, capture_output=True, text=True, timeout=60,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert (home / ".config" / "tenfold" / "import-profiles.json").is_file()
    modes = {str(f.relative_to(home)): oct(stat.S_IMODE(f.stat().st_mode)) for f in home.rglob("*") if f.is_dir()}
    assert modes == {".config": "0o700", ".config/tenfold": "0o700"}
