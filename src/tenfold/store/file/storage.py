"""A crash-safe TinyDB storage: every save replaces the file whole (:mod:`tenfold.store.file.atomic`).

TinyDB's JSONStorage rewrites the file in place, so a crash or a full disk in the
middle of a write leaves a truncated file and every record is lost. Here the old
file stays whole until a complete, fsync'd new one takes its place.

The storage also keeps the last document it read or wrote in memory (we hold the
write lock, so nobody else should change the file), and remembers the file's
identity so that a change made behind our back - a sync tool bringing another
device's copy - is noticed before we would overwrite it.

When to write is not decided here: :class:`~tenfold.store.file.middleware.WriteBehindMiddleware`
(over this storage, as TinyDB's ``CachingMiddleware`` is over a ``JSONStorage``)
holds a change back for the app's background saver, or writes it at once.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any, cast

import orjson
from tinydb import Storage

from tenfold.domain.errors import ChangedOnDiskError, StoreError, WriteFailedError
from tenfold.paths import make_private_dir
from tenfold.store.db import UndoLog
from tenfold.store.file.atomic import Chunks, Signature, atomic_write, describe_os_error, file_signature
from tenfold.store.file.document import load_document
from tenfold.store.file.packed import PackedRows
from tenfold.store.payment_index import IndexParts, fingerprint
from tenfold.store.schema import PAYMENT_INDEX, PAYMENTS, Document


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic, durable writes, a read cache and change detection.

    TinyDB reads the document with :meth:`read` and replaces it whole with
    :meth:`write` (written at once: plain TinyDB, and migrations). Tenfold's tables
    (:mod:`tenfold.store.db`) change records in place through :meth:`rows_for_change`,
    which keeps an undo log (:attr:`undo`) so a failed change is rolled back exactly;
    :meth:`payload` then gives the bytes of the document as changed, and :meth:`save`
    puts them on disk. Not thread-safe by itself: the middleware serialises access.
    """

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.conflicted = False
        """True once the file changed behind our back: nothing is written until :meth:`forget`."""
        self._cache: Document | None = None
        self._signature: Signature | None = None
        self._json = SerializedTables()
        self.index_parts: IndexParts | None = None
        """The payments' index to write with them; set by the payments' cache in the change that moved them."""
        self.touched: set[str] = set()
        """Tables changed since :meth:`new_change`."""
        self.undo = UndoLog()
        """What the change under way did, to put back if it fails."""

    # ----- TinyDB's Storage interface ---------------------------------------------------

    def read(self) -> Document | None:
        """Return the document, from memory after the first read."""
        if self._cache is None:
            signature = file_signature(self.path)
            if self._signature is not None and signature != self._signature:
                raise ChangedOnDiskError(
                    self.path, "was changed by another program since Tenfold read it; nothing was overwritten"
                )
            self._cache = load_document(self.path)
            self._signature = signature
            self._json.clear()
        return self._cache

    def write(self, data: Document) -> None:
        """Replace the whole document and write it now (plain TinyDB's writes, and migrations)."""
        self.replace(data)
        self.save(self.payload())

    def close(self) -> None:
        """Nothing to release: the store flushes pending changes before it closes."""

    # ----- the document in memory ----------------------------------------------------------

    def replace(self, data: Document) -> None:
        """Make ``data`` the document, in memory only."""
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        self._cache = data
        self._json.clear()
        self.index_parts = None

    def adopt(self, document: Document, signature: Signature | None) -> None:
        """Take ``document``, read from the file as it had ``signature``, as if :meth:`read` had read it.

        For a file opened without its payments (:mod:`tenfold.store.payment_index`): they
        join the document with :meth:`install` before anything is written.
        """
        self._cache = document
        self._signature = signature
        self._json.clear()

    def install(self, table: str, rows: MutableMapping[str, Any]) -> None:
        """Add a table read later, last in the document (serialised again at the next save).

        ``rows`` may be a :class:`~tenfold.store.file.packed.PackedRows`: the payments
        kept as their bytes. TinyDB and the undo log use it as the dict it stands for.
        """
        document = self.read()
        assert document is not None
        document[table] = cast(dict[str, Any], rows)
        self._json.changed(table)

    def new_change(self) -> None:
        """A change begins: nothing touched, nothing to undo yet."""
        self.touched = set()
        self.undo.clear()

    def rows_for_change(self, table: str) -> dict[str, Any]:
        """The stored rows of ``table`` (created if new), marked changed, to change in place."""
        if self.read_only:
            raise StoreError(self.path, "was opened read-only")
        document = self.read()
        if document is None:
            document = self._cache = {}
        rows = document.get(table)
        if rows is None:
            self.undo.table_created(table)
            rows = document[table] = {}
        self._touch(table)
        return rows

    def _touch(self, table: str) -> None:
        self._json.changed(table)
        self.touched.add(table)

    def rollback(self) -> None:
        """The change under way failed: put every record it changed back as it was."""
        self.undo.rollback(self._cache if self._cache is not None else {}, self._touch)

    def forget(self) -> None:
        """Drop the document so the next read comes from disk (after an outside change, the user chose it)."""
        self._cache = None
        self._signature = None
        self._json.clear()
        self.index_parts = None
        self.conflicted = False

    # ----- the file ------------------------------------------------------------------------

    def payload(self) -> Chunks:
        """The bytes a save writes, in pieces: the document, the payments last with their index before them."""
        return self._json.parts(self._cache or {}, self.index_parts)

    def save(self, payload: bytes | Chunks) -> None:
        """Replace the file with ``payload`` durably, unless it changed on disk since we read or wrote it."""
        self.refuse_if_changed()
        try:
            # Checked again just before the rename: a sync tool's copy may have landed while we wrote.
            self._signature = atomic_write(self.path, payload, check=self.refuse_if_changed)
        except OSError as exc:
            raise WriteFailedError(
                self.path, f"could not be saved ({describe_os_error(exc)}); the previous version is intact"
            ) from None

    def refuse_if_changed(self) -> None:
        """Raise ChangedOnDiskError (and stay refusing) once the file is not the one we last read or wrote."""
        if self.conflicted or self.changed_on_disk():
            self.conflicted = True
            if self.deleted():
                raise ChangedOnDiskError(
                    self.path, "was deleted or moved away since Tenfold read it; nothing was written in its place"
                )
            raise ChangedOnDiskError(
                self.path, "was changed by another program since Tenfold read it; nothing was overwritten"
            )

    def changed_on_disk(self) -> bool:
        """Whether the file on disk is no longer the one we last read or wrote."""
        return self._signature is not None and file_signature(self.path) != self._signature

    def deleted(self) -> bool:
        """Whether the file we read or wrote is gone from its path (deleted, or moved away)."""
        return self._signature is not None and file_signature(self.path) is None

    def write_back(self, payload: bytes | Chunks) -> None:
        """Write the file again after it was deleted under us, as the user asked; never over a file that appeared.

        Saves refuse a deleted file like a changed one: the user may have deleted it
        on purpose. Once they say to write it again, what is open is the only copy.
        """
        def still_absent() -> None:
            if file_signature(self.path) is not None:
                self.conflicted = True
                raise ChangedOnDiskError(self.path, "is there again (put back by another program); nothing was "
                                         "overwritten")

        still_absent()
        try:
            make_private_dir(self.path.parent)  # the folder may have gone with the file
            self._signature = atomic_write(self.path, payload, check=still_absent)
        except OSError as exc:
            raise WriteFailedError(self.path, f"could not be written back ({describe_os_error(exc)})") from None
        self.conflicted = False


class SerializedTables:
    """The document's JSON, built from each table's JSON kept from the last save.

    Serialising ten years of data holds the GIL for about a frame, so the app
    could not draw one while a save ran. Most saves change one small table (a tick
    changes ``steps``), so each table's ``orjson.dumps`` is kept and only the
    tables changed since are serialised again. The bytes are exactly
    ``orjson.dumps(document)`` (a test checks it after random changes; a payments table
    kept as its bytes, :class:`~tenfold.store.file.packed.PackedRows`, gives them itself) - except that
    the payments table is always written last, with the payments' index
    (:mod:`tenfold.store.payment_index`) just before it, so a big file can be opened
    without parsing its payments.
    """

    def __init__(self) -> None:
        self._tables: dict[str, bytes | memoryview] = {}
        self._names: dict[str, bytes] = {}
        self._printed: tuple[bytes | memoryview, tuple[int, int]] | None = None

    def _fingerprint(self, data: bytes | memoryview) -> tuple[int, int]:
        """The payments' fingerprint, computed once per version of their JSON (a tick does not change it).

        The index's ``checked`` sum is made from it: every payments table serialised here was
        checked (read in full, built by the store, or checked before it went into the document)."""
        if self._printed is None or self._printed[0] is not data:
            self._printed = (data, fingerprint(data))
        return self._printed[1]

    def clear(self) -> None:
        """Forget every table (the whole document was replaced or re-read)."""
        self._tables.clear()

    def changed(self, table: str) -> None:
        """``table`` was changed in place: serialise it again at the next dump."""
        self._tables.pop(table, None)

    def dump(self, document: dict[str, Any], index: IndexParts | None = None) -> bytes:
        """The document's JSON as one piece of bytes (:meth:`parts`, joined)."""
        return b"".join(self.parts(document, index))

    def parts(self, document: dict[str, Any], index: IndexParts | None = None) -> list[bytes | memoryview]:
        """The document's JSON in pieces, serialising only the tables changed since the last dump.

        The tables in the document's order, the payments last; ``index`` (if given)
        becomes the ``payment_index`` table just before them. A ``payment_index``
        table in ``document`` itself is never written: the index is made, not kept.
        """
        parts: list[bytes | memoryview] = [b"{"]
        names = [n for n in document if n != PAYMENTS and n != PAYMENT_INDEX]
        if PAYMENTS in document:
            names.append(PAYMENTS)
        for name in names:
            data = self._tables.get(name)
            if data is None:
                table = document[name]
                data = self._tables[name] = table.dumps() if isinstance(table, PackedRows) else orjson.dumps(table)
            if name == PAYMENTS and index is not None:
                parts += (b'"' + PAYMENT_INDEX.encode() + b'":', index.table(self._fingerprint(data)), b",")
            key = self._names.get(name)
            if key is None:
                key = self._names[name] = orjson.dumps(name) + b":"
            parts += (key, data, b",")
        if len(parts) > 1:
            parts.pop()  # the last comma
        parts.append(b"}")
        return parts
