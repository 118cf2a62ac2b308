"""TinyDB's file layout, edited in place: ``{table: {"<id>": record}}``.

The data file is a TinyDB file and stays one: TinyDB (or any JSON reader) opens
it. We do not write through TinyDB's ``Table``, though: each of its writes rebuilds
the whole table's id map twice (``{int(k): v}`` and back to strings), which with
100,000 payments cost more than serialising and fsyncing the file itself (the
benchmark's "save, add a payment" was 3.8x the bare write). Here an insert is one
dict assignment on the storage's cached document, ids are counted once per
session, and the storage writes the batch atomically as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tenfold.storage import AtomicJSONStorage

Record = dict[str, Any]


class Tables:
    """Insert, replace and remove records by id, inside the storage's open batch."""

    def __init__(self, storage: AtomicJSONStorage) -> None:
        self._storage = storage
        self._next: dict[str, int] = {}

    def forget(self) -> None:
        """After a failed save the document is re-read from disk: count ids again."""
        self._next.clear()

    def _rows(self, name: str) -> dict[str, Record]:
        doc = self._storage.read()
        if doc is None:
            doc = {}
        rows = doc.setdefault(name, {})
        self._storage.write(doc)  # marks the batch dirty; the outermost end() writes once
        return rows

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
        rows[str(new_id)] = record
        return new_id

    def insert_many(self, name: str, records: Iterable[Record]) -> list[int]:
        """Add several records in one batch."""
        rows = self._rows(name)
        ids = []
        for record in records:
            new_id = self._take_id(name, rows)
            rows[str(new_id)] = record
            ids.append(new_id)
        return ids

    def put(self, name: str, record_id: int, record: Record) -> None:
        """Write the whole record under ``record_id`` (insert or replace)."""
        rows = self._rows(name)
        rows[str(record_id)] = record
        if name in self._next and record_id >= self._next[name]:
            self._next[name] = record_id + 1

    def remove(self, name: str, record_ids: Iterable[int]) -> None:
        """Delete records by id; ids are never reused within a session."""
        rows = self._rows(name)
        for record_id in record_ids:
            rows.pop(str(record_id), None)

    def find(self, name: str, field: str, value: object) -> list[int]:
        """Ids of the records whose ``field`` equals ``value`` (for small tables such as drafts)."""
        doc = self._storage.read() or {}
        return [int(k) for k, r in doc.get(name, {}).items() if r.get(field) == value]
