"""Getting a data file ready to use: folder checks, the lock, cleanup, creation, migration.

Kept apart from the store's record-keeping so the order of these steps - which is
what makes opening safe - can be read in one place: refuse a bad folder before
touching anything, take the lock before cleaning or creating, and back the file up
before a migration rewrites it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import orjson

from tenfold import __version__, schema
from tenfold.backups import make_backup, migration_kind, prune_daily, remove_leftover_backup_temps
from tenfold.errors import StoreError
from tenfold.loading import remove_leftover_temp_files
from tenfold.lock import FileLock
from tenfold.storage import AtomicJSONStorage, Document, atomic_write


def clock_time(today: Callable[[], date]) -> datetime:
    """Now, on the store's idea of today: backups are named by the same clock as check-ins."""
    return datetime.combine(today(), datetime.now().time())


def check_folder(path: Path, *, writable: bool) -> None:
    """Refuse a path whose folder is missing or (for writing) not writable, before any change."""
    folder = path.parent
    if not folder.is_dir():
        raise StoreError(path, f"cannot be opened: the folder {folder} does not exist")
    if path.is_dir():
        raise StoreError(path, "is a folder, not a data file")
    if writable and not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(path, f"cannot be saved: the folder {folder} is not writable")


def migrate_on_disk(path: Path, storage: AtomicJSONStorage, today: Callable[[], date]) -> Document:
    """Read and upgrade the document; a writable storage saves the upgrade after a backup."""
    data, old_version = schema.migrate(path, storage.read() or {})
    if old_version != schema.SCHEMA_VERSION and not storage.read_only:
        make_backup(path, migration_kind(old_version), clock_time(today))
        storage.write(data)
    return data


def open_file(
    path: Path, *, read_only: bool, lock_wait: float, today: Callable[[], date]
) -> tuple[AtomicJSONStorage, FileLock | None, Document]:
    """Check, lock, clean up, create if missing, migrate; returns what the Store is built on."""
    check_folder(path, writable=not read_only)
    lock: FileLock | None = None
    if not read_only:
        lock = FileLock(path)
        lock.acquire(wait=lock_wait)
    try:
        if not read_only:
            remove_leftover_temp_files(path)
            remove_leftover_backup_temps(path)
            prune_daily(path)  # a crash between taking a daily copy and pruning leaves one too many
            if not path.exists():
                atomic_write(path, orjson.dumps(schema.new_document(__version__)))
        elif not path.exists():
            raise StoreError(path, "does not exist yet; run tenfold once to create it")
        storage = AtomicJSONStorage(path, read_only=read_only)
        return storage, lock, migrate_on_disk(path, storage, today)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
