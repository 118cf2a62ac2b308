"""Getting a data file ready to use: folder checks, the lock, cleanup, creation, migration.

Kept apart from the store's record-keeping so the order of these steps - which is
what makes opening safe - can be read in one place: refuse a bad folder before
touching anything, take the lock before cleaning or creating, and back the file up
before a migration rewrites it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import orjson

from tenfold import __version__
from tenfold.domain.errors import DamagedFileError, StoreError
from tenfold.store import schema
from tenfold.store.backups import make_backup, migration_kind, prune_daily, remove_leftover_backup_temps
from tenfold.store.file.atomic import Signature, atomic_write, file_signature
from tenfold.store.file.document import has_document_shape, not_a_file, read_regular
from tenfold.store.file.duplicates import check_document
from tenfold.store.file.lock import FileLock
from tenfold.store.file.storage import AtomicJSONStorage
from tenfold.store.gcpause import no_gc
from tenfold.store.payment_index import RestoredIndex, restore, split_payments
from tenfold.store.reading.loading import remove_leftover_temp_files, validate_document
from tenfold.store.schema import FLAT_TABLES, META, OBJECT_LISTS, PAYMENT_INDEX, Document


@dataclass(frozen=True)
class Deferred:
    """A file's payments, not parsed yet, and its index, checked against them."""

    payments_json: bytes | memoryview
    index: RestoredIndex


def current_prefix(path: Path, prefix: bytes) -> Document | None:
    """The tables before the payments, parsed, if they are a current-version document as Tenfold writes it.

    None for a parse error, a wrong shape, a key listed twice or another schema:
    the caller then reads the whole file, which refuses a damaged one with its reason.
    """
    try:
        with no_gc():
            document = orjson.loads(prefix)
    except orjson.JSONDecodeError:
        return None
    if not has_document_shape(document):
        return None
    index_at = prefix.rfind(b',"%s":' % PAYMENT_INDEX.encode())  # the last table before the payments
    vouched = (PAYMENT_INDEX, index_at) if index_at > 0 else None
    try:
        check_document(path, prefix, document, FLAT_TABLES, OBJECT_LISTS, last=vouched)
    except DamagedFileError:
        return None
    meta = document.get(META, {}).get("1")
    if not isinstance(meta, dict) or meta.get("schema_version") != schema.SCHEMA_VERSION:
        return None
    return document


def read_without_payments(path: Path) -> tuple[Document, Signature | None, Deferred] | None:
    """Every table but the payments, and the payments' index, if the file allows it; else None.

    None for anything but a current-version file Tenfold wrote with an index that
    matches its payments: the caller then reads the file the usual way, which
    also gives the usual errors for a file that is damaged or cannot be read.
    """
    signature = file_signature(path)
    try:
        raw = read_regular(path)
    except (OSError, DamagedFileError):
        return None
    split = split_document(path, raw)
    return None if split is None else (split[0], signature, split[1])


def split_document(path: Path, raw: bytes) -> tuple[Document, Deferred] | None:
    """:func:`read_without_payments` of the file's bytes, read already."""
    parts = split_payments(raw)
    if parts is None:
        return None
    prefix, payments_json = parts
    document = current_prefix(path, prefix)
    if document is None:
        return None
    index = restore(document.pop(PAYMENT_INDEX, None), payments_json)
    if index is None:
        return None
    return document, Deferred(payments_json, index)


def clock_time(today: Callable[[], date]) -> datetime:
    """Now, on the store's idea of today: backups are named by the same clock as check-ins."""
    return datetime.combine(today(), datetime.now().time())


def check_folder(path: Path, *, writable: bool) -> None:
    """Refuse a path whose folder is missing, that is not a file, or (for writing) whose folder is not writable
    or that its owner made read-only, before any change."""
    folder = path.parent
    if not folder.is_dir():
        raise StoreError(path, f"cannot be opened: the folder {folder} does not exist")
    if path.is_dir():
        raise StoreError(path, "is a folder, not a data file")
    try:
        mode: int | None = os.stat(path).st_mode
    except OSError:  # a missing file is created later; other errors are told when it is read
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise not_a_file(path, mode)
    if writable and not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(path, f"cannot be saved: the folder {folder} is not writable")
    if writable and mode is not None and not mode & stat.S_IWUSR:
        # A save replaces the file, which asks only the folder: the owner's "read-only" must be asked here.
        raise StoreError(path, f"is read-only (mode {stat.S_IMODE(mode):04o}); to change it, make it writable: "
                               f"chmod 600 {path}")


def migrate_on_disk(path: Path, storage: AtomicJSONStorage, today: Callable[[], date]) -> Document:
    """Read and upgrade the document; a writable storage saves the upgrade after a backup."""
    data, old_version = schema.migrate(path, storage.read() or {})
    if old_version != schema.SCHEMA_VERSION and not storage.read_only:
        # A damaged file is refused before its upgrade is written: it must be left as it is.
        validate_document(path, data)
        make_backup(path, migration_kind(old_version), clock_time(today))
        storage.write(data)
    return data


def open_file(
    path: Path, *, read_only: bool, lock_wait: float, today: Callable[[], date], defer_payments: bool = False
) -> tuple[AtomicJSONStorage, FileLock | None, Document, Deferred | None]:
    """Check, lock, clean up, create if missing, migrate; returns what the Store is built on.

    ``defer_payments``: when the file has a current payments' index, the payments
    are left unparsed (the :class:`Deferred`); otherwise, and by default, every
    record is read now.
    """
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
        if defer_payments:
            split = read_without_payments(path)
            if split is not None:
                document, signature, deferred = split
                storage.adopt(document, signature)
                return storage, lock, document, deferred
        return storage, lock, migrate_on_disk(path, storage, today), None
    except BaseException:
        if lock is not None:
            lock.release()
        raise
