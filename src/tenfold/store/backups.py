"""Copies of the data file in ``backups/`` beside it: daily, before migrations, before restores.

Atomic saves protect against crashes, not against mistakes: a deleted stream, a
sync tool bringing an old copy, a bug in a future version. So before the first
save of each day, and before any schema migration, the store copies the file as it
was. The last :data:`KEEP_DAILY` daily copies are kept; migration and restore
copies are never pruned (they are rare and each marks a moment worth going back to).

Names sort by time and say why they were taken, e.g.
``tenfold.2026-11-21T101500.daily.json``. A backup is written like the data file
(temp file, fsync, rename), so a crash never leaves a half backup that looks whole.
Files are 0600 and the folder 0700: backups hold the same private figures.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from tenfold.domain.errors import StoreError, WriteFailedError
from tenfold.paths import backups_dir, make_private_dir
from tenfold.store.file.atomic import TEMP_SUFFIX, atomic_write, describe_os_error
from tenfold.store.file.document import read_regular
from tenfold.store.file.lock import FileLock
from tenfold.store.reading.loading import Contents, read_contents

KEEP_DAILY = 14
"""Daily copies kept: two weeks of going back."""

DAILY = "daily"
BEFORE_RESTORE = "before-restore"
STAMP = "%Y-%m-%dT%H%M%S"


def migration_kind(from_version: int) -> str:
    """The kind of a copy taken before upgrading a file of schema ``from_version``."""
    return f"before-migration-v{from_version}"


class BackupError(WriteFailedError):
    """A backup could not be written, so the save that needed it did not happen."""


@dataclass(frozen=True)
class Backup:
    """One copy in the backups folder."""

    path: Path
    kind: str
    taken_at: datetime
    serial: int = 0
    """Tells apart copies taken within the same second."""

    @property
    def name(self) -> str:
        """The file name, which is what ``tenfold backup restore`` takes."""
        return self.path.name

    def age(self, now: datetime | None = None) -> timedelta:
        """How long ago the copy was taken."""
        return (now or datetime.now()) - self.taken_at


def _pattern(data_path: Path) -> re.Pattern[str]:
    return re.compile(
        rf"^{re.escape(data_path.stem)}\.(\d{{4}}-\d{{2}}-\d{{2}}T\d{{6}})(?:-(\d+))?\.([a-z0-9-]+)"
        rf"{re.escape(data_path.suffix)}$"
    )


def backup_name(data_path: Path, kind: str, when: datetime, serial: int = 0) -> str:
    """``STEM.STAMP[-N].KIND.SUFFIX``: sorts by time, says why, opens like the original."""
    extra = f"-{serial}" if serial else ""
    return f"{data_path.stem}.{when.strftime(STAMP)}{extra}.{kind}{data_path.suffix}"


def parse_backup_name(data_path: Path, name: str) -> Backup | None:
    """The Backup a file name stands for, or None when it is not one of ``data_path``'s."""
    match = _pattern(data_path).match(name)
    if match is None:
        return None
    try:
        when = datetime.strptime(match.group(1), STAMP)
    except ValueError:
        return None
    return Backup(backups_dir(data_path) / name, match.group(3), when, int(match.group(2) or 0))


def list_backups(data_path: Path) -> list[Backup]:
    """The data file's backups, newest first (an absent folder means none)."""
    folder = backups_dir(data_path)
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as exc:
        raise StoreError(folder, f"cannot be listed: {describe_os_error(exc)}") from None
    found = [b for b in (parse_backup_name(data_path, n) for n in names) if b is not None]
    return sorted(found, key=lambda b: (b.taken_at, b.serial), reverse=True)


def ensure_backups_dir(data_path: Path) -> Path:
    """Create ``backups/`` (0700) if needed; returns it."""
    folder = backups_dir(data_path)
    make_private_dir(folder)
    return folder


def make_backup(data_path: Path, kind: str, now: datetime) -> Backup | None:
    """Copy the data file as it is on disk now; None when there is no file yet.

    The bytes are copied exactly, damaged or not, so a copy taken before a restore
    keeps whatever the user had. Raises BackupError when the copy cannot be made.
    """
    try:
        raw = read_regular(data_path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise BackupError(data_path, f"could not be read for a backup ({describe_os_error(exc)})") from None
    when = now.replace(microsecond=0)
    try:
        folder = ensure_backups_dir(data_path)
        serial = 0
        while (folder / backup_name(data_path, kind, when, serial)).exists():
            serial += 1
        target = folder / backup_name(data_path, kind, when, serial)
        atomic_write(target, raw)
    except OSError as exc:
        raise BackupError(
            data_path,
            f"could not be backed up into {backups_dir(data_path)} ({describe_os_error(exc)}); "
            "nothing was changed",
        ) from None
    return Backup(target, kind, when, serial)


def has_daily_backup(data_path: Path, day: date) -> bool:
    """Whether today's daily copy was already taken."""
    return any(b.kind == DAILY and b.taken_at.date() == day for b in list_backups(data_path))


def daily_backup(data_path: Path, now: datetime, keep: int = KEEP_DAILY) -> Backup | None:
    """Take today's copy unless there is one already, then prune old daily copies."""
    if has_daily_backup(data_path, now.date()):
        return None
    made = make_backup(data_path, DAILY, now)
    prune_daily(data_path, keep)
    return made


class DailyBackup:
    """Before the first save of each day, a copy of the file as it is (the day before's state).

    Run by the write path itself just before it replaces the file (it holds the
    file then, so the copy is exactly what is about to be replaced). ``today`` is
    the store's clock: backups are named by the same clock as check-ins.
    """

    def __init__(self, data_path: Path, today: Callable[[], date]) -> None:
        self._path = data_path
        self._today = today
        self._taken_on: date | None = None

    def __call__(self) -> None:
        today = self._today()
        if self._taken_on != today:
            daily_backup(self._path, datetime.combine(today, datetime.now().time()))
            self._taken_on = today


def prune_daily(data_path: Path, keep: int = KEEP_DAILY) -> list[Path]:
    """Delete daily copies beyond the newest ``keep``; other kinds are never pruned."""
    daily = [b for b in list_backups(data_path) if b.kind == DAILY]
    removed = []
    for old in daily[keep:]:
        try:
            old.path.unlink()
            removed.append(old.path)
        except OSError:
            pass  # pruning is housekeeping: failing it must not fail a save
    return removed


def remove_leftover_backup_temps(data_path: Path) -> int:
    """Delete half-written backups an interrupted save left (``.NAME.<random>.tmp``)."""
    folder = backups_dir(data_path)
    count = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
            continue
        inner = name[1 : -len(TEMP_SUFFIX)].rsplit(".", 1)[0]  # strip mkstemp's random part
        if parse_backup_name(data_path, inner) is None:
            continue
        try:
            (folder / name).unlink()
            count += 1
        except OSError:
            pass
    return count


def find_backup(data_path: Path, name: str) -> Backup:
    """The backup called ``name`` (a bare file name), or a StoreError saying how to list them."""
    wanted = Path(name).name
    for backup in list_backups(data_path):
        if backup.name == wanted:
            return backup
    shown = wanted if len(wanted) <= 60 else wanted[:59] + "…"  # a pasted screenful is not echoed whole
    raise StoreError(data_path, f"has no backup called {shown!r}; 'tenfold backup list' shows them")


def check_backup(backup: Backup) -> Contents:
    """Validate a backup like a data file; raises StoreError naming the backup when unusable."""
    return read_contents(backup.path)


def restore_backup(
    data_path: Path, name: str, now: datetime | None = None, *, lock_held: bool = False, lock_wait: float = 0.0
) -> tuple[Backup, Backup | None]:
    """Put backup ``name`` in place of the data file; returns it and the copy of the old file.

    The backup is validated first; then the current file (even a damaged one) is saved
    as a backup of its own, so a restore can itself be undone. Takes the write lock
    unless the caller (an open Store) already holds it.
    """
    now = now or datetime.now()
    chosen = find_backup(data_path, name)
    check_backup(chosen)
    lock = None if lock_held else FileLock(data_path)
    if lock is not None:
        lock.acquire(wait=lock_wait)
    try:
        kept = make_backup(data_path, BEFORE_RESTORE, now)
        try:
            atomic_write(data_path, chosen.path.read_bytes())
        except OSError as exc:
            raise WriteFailedError(
                data_path, f"could not be restored ({describe_os_error(exc)}); the previous version is intact"
            ) from None
    finally:
        if lock is not None:
            lock.release()
    return chosen, kept
