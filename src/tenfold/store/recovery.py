"""What to do with a damaged data file: find a good backup, set the damaged file aside.

The app calls these when :meth:`Store.open` raised DamagedFileError, then lets the
user choose: open the newest good backup (we say how old it is), or quit and leave
everything as it is. Nothing here decides for the user, and the damaged file is
never overwritten or deleted: it is renamed to a name that says it is damaged,
because a person (or a better tool) may still get something out of it.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from tenfold.domain.errors import StoreError, WriteFailedError
from tenfold.paths import follow_link
from tenfold.store.backups import check_backup, list_backups
from tenfold.store.file.atomic import atomic_write, describe_os_error, fsync_folder
from tenfold.store.file.lock import FileLock
from tenfold.store.reading.loading import read_contents

DAMAGED_MARK = ".damaged-"


def find_newest_good_backup(data_path: Path, now: datetime | None = None) -> tuple[Path, timedelta] | None:
    """The newest backup that opens and validates, and its age; None when there is none.

    Backups of an older schema count as good: opening them migrates them.
    """
    now = now or datetime.now()
    for backup in list_backups(data_path):
        try:
            check_backup(backup)
        except StoreError:
            continue
        return backup.path, backup.age(now)
    return None


def describe_age(age: timedelta) -> str:
    """``just now``, ``12 minutes ago``, ``5 hours ago``, ``3 days ago``: a backup's age for a person."""
    seconds = max(0, int(age.total_seconds()))
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = seconds // size
            return f"{count} {unit}{'s' if count != 1 else ''} ago"
    return "just now"


def quarantine_name(data_path: Path, now: datetime, serial: int = 0) -> Path:
    """``tenfold.json.damaged-2026-11-21T101500`` (``-2``, ``-3`` when taken)."""
    extra = f"-{serial}" if serial else ""
    return data_path.with_name(f"{data_path.name}{DAMAGED_MARK}{now.strftime('%Y-%m-%dT%H%M%S')}{extra}")


def quarantine(data_path: Path, now: datetime | None = None) -> Path:
    """Rename the damaged file out of the way; returns its new name. Never overwrites.

    ``os.link`` fails when the target exists, so an earlier damaged file with the
    same name can never be replaced; filesystems without hard links fall back to a
    checked rename.
    """
    data_path = follow_link(data_path)
    now = (now or datetime.now()).replace(microsecond=0)
    serial = 0
    while True:
        target = quarantine_name(data_path, now, serial)
        try:
            os.link(data_path, target)
        except FileExistsError:
            serial += 1
            continue
        except FileNotFoundError:
            raise StoreError(data_path, "does not exist, so there is nothing to set aside") from None
        except OSError:  # no hard links here (FAT, some network mounts)
            if target.exists():
                serial += 1
                continue
            _rename(data_path, target)
            break
        try:
            os.unlink(data_path)
        except OSError as exc:
            raise StoreError(
                data_path, f"was copied to {target.name} but could not be moved aside ({describe_os_error(exc)})"
            ) from None
        break
    fsync_folder(data_path.parent)
    return target


def _rename(source: Path, target: Path) -> None:
    try:
        os.rename(source, target)
    except OSError as exc:
        raise StoreError(source, f"could not be set aside as {target.name} ({describe_os_error(exc)})") from None


def recover_from_backup(data_path: Path, backup_path: Path, now: datetime | None = None) -> Path:
    """Set the damaged file aside and put a backup in its place; returns the damaged file's new name.

    Holds the write lock throughout so no other tenfold can open the file half-way.
    A link is followed: the backup goes where the link points, and the link stays.
    """
    data_path = follow_link(data_path)
    read_contents(backup_path)  # refuse a damaged backup before touching anything
    lock = FileLock(data_path)
    lock.acquire()
    try:
        kept = quarantine(data_path, now)
        try:
            atomic_write(data_path, backup_path.read_bytes())
        except OSError as exc:
            raise WriteFailedError(
                data_path,
                f"could not be replaced by the backup ({describe_os_error(exc)}); the damaged file is kept as {kept}",
            ) from None
    finally:
        lock.release()
    return kept
