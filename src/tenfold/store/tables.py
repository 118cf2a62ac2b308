"""TinyDB's file layout, edited in place: ``{table: {"<id>": record}}``.

The data file is a TinyDB file and stays one: TinyDB (or any JSON reader) opens
it. We do not write through TinyDB's ``Table``, though: each of its writes rebuilds
the whole table's id map twice (``{int(k): v}`` and back to strings), which for a
large payments table costs more than serialising and fsyncing the whole file, so
adding one payment would take several times a bare write. Here an insert is one
dict assignment on the storage's cached document, ids are counted once per
session, and the storage writes the batch atomically as before.

Every change is also recorded in an undo log for the batch, so a batch that fails
half-way (an exception in the middle, or a save that could not be written) is
rolled back in memory exactly: the document then equals what is on disk, without
re-reading 10 MB - and, when saves run in the background, without losing the
earlier changes still waiting to be written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from tenfold.store.file.storage import AtomicJSONStorage

Record = dict[str, Any]

_ABSENT: Any = object()
"""Marks, in the undo log, a record (or a table) that did not exist before the change."""


class Tables:
    """Insert, replace and remove records by id, inside the storage's open batch."""

    def __init__(self, storage: AtomicJSONStorage) -> None:
        self._storage = storage
        self._next: dict[str, int] = {}
        self._undo: list[tuple[str, str | None, Any]] = []
        self._on_rollback: list[Callable[[], None]] = []

    def forget(self) -> None:
        """After the document was re-read from disk: count ids again."""
        self._next.clear()
        self._undo.clear()
        self._on_rollback.clear()

    def begin(self) -> None:
        """A new batch starts: the undo log covers only its changes."""
        self._undo.clear()
        self._on_rollback.clear()

    def on_rollback(self, undo: Callable[[], None]) -> None:
        """Have ``undo`` called if this batch is rolled back (after its records are restored)."""
        self._on_rollback.append(undo)

    def rollback(self) -> None:
        """Undo the current batch's changes, newest first; the document is as it was before it."""
        doc = self._storage.read() or {}
        for name, key, old in reversed(self._undo):
            self._storage.touch(name)
            if key is None:  # the table itself was created by this batch
                if old is _ABSENT:
                    doc.pop(name, None)
                continue
            rows = doc[name]
            if old is _ABSENT:
                rows.pop(key, None)
            else:
                rows[key] = old
        self._undo.clear()
        undos, self._on_rollback = self._on_rollback, []
        for undo in reversed(undos):
            undo()

    def _rows(self, name: str) -> dict[str, Record]:
        doc = self._storage.read()
        if doc is None:
            doc = {}
        if name not in doc:
            self._undo.append((name, None, _ABSENT))
            doc[name] = {}
        self._storage.touch(name)  # marks the table changed; the outermost end() writes once
        return doc[name]

    def _set(self, name: str, rows: dict[str, Record], key: str, record: Record | None) -> None:
        self._undo.append((name, key, rows.get(key, _ABSENT)))
        if record is None:
            rows.pop(key, None)
        else:
            rows[key] = record

    def _take_id(self, name: str, rows: dict[str, Record]) -> int:
        if name not in self._next:
            self._next[name] = max((int(k) for k in rows), default=0) + 1
        new_id = self._next[name]
        self._next[name] = new_id + 1
        return new_id

    def insert(self, name: str, record: Record) -> int:
        """Add a record; returns its new id (one more than the largest ever used this session)."""
        rows = self._rows(name)
        new_id = self._take_id(name, rows)
        self._set(name, rows, str(new_id), record)
        return new_id

    def insert_many(self, name: str, records: Iterable[Record]) -> list[int]:
        """Add several records in one batch."""
        rows = self._rows(name)
        ids = []
        for record in records:
            new_id = self._take_id(name, rows)
            self._set(name, rows, str(new_id), record)
            ids.append(new_id)
        return ids

    def put(self, name: str, record_id: int, record: Record) -> None:
        """Write the whole record under ``record_id`` (insert or replace)."""
        rows = self._rows(name)
        self._set(name, rows, str(record_id), record)
        if name in self._next and record_id >= self._next[name]:
            self._next[name] = record_id + 1

    def remove(self, name: str, record_ids: Iterable[int]) -> None:
        """Delete records by id; ids are never reused within a session."""
        rows = self._rows(name)
        for record_id in record_ids:
            if str(record_id) in rows:
                self._set(name, rows, str(record_id), None)

    def find(self, name: str, field: str, value: object) -> list[int]:
        """Ids of the records whose ``field`` equals ``value`` (for small tables such as drafts)."""
        doc = self._storage.read() or {}
        return [int(k) for k, r in doc.get(name, {}).items() if r.get(field) == value]
