"""The data file as a TinyDB database: TinyDB's own ``Table`` API over Tenfold's crash-safe storage.

Records go in and out through TinyDB (``insert``, ``insert_multiple``, ``update``,
``upsert``, ``remove``, ``get``, ``search`` with ``Query``/``where``). Tenfold
extends TinyDB only where TinyDB invites it:

- ``TinyDB.table_class``: :class:`TenfoldTable` overrides ``Table._update_table``,
  the one method every TinyDB write goes through. TinyDB's version reads the whole
  table, converts every id to ``int`` and back to ``str`` and hands the storage the
  whole document: with 100,000 payments that is more work than writing the file.
  Here the updater runs on an int-keyed *view* of the table as the storage keeps
  it (``{"<id>": record}``), so a write touches only the records it changes, and
  each change is recorded in the open batch's undo log (:class:`UndoLog`) so a
  batch that fails is rolled back in memory exactly.
- ``Storage``: :class:`~tenfold.store.file.storage.AtomicJSONStorage` subclasses
  ``tinydb.Storage`` (atomic, durable writes; change detection; how the document
  is serialised).
- ``Middleware``: :class:`~tenfold.store.file.middleware.WriteBehindMiddleware`
  (batches, written at once or by the app's background saver).

:func:`check_tinydb` states what is relied on from TinyDB's internals; a test runs
it, so a TinyDB release that changes them fails loudly instead of corrupting data.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any, cast

from tinydb import TinyDB
from tinydb.table import Document, Table

if TYPE_CHECKING:
    from tenfold.store.file.middleware import WriteBehindMiddleware

Record = dict[str, Any]

ABSENT: Any = object()
"""Marks, in the undo log, a record (or a table) that did not exist before the change."""


class UndoLog:
    """What one batch changed, so it can be put back exactly if the batch fails."""

    def __init__(self) -> None:
        self._entries: list[tuple[str, str | None, Any]] = []
        self._seen: set[tuple[str, str]] = set()
        self._callbacks: list[Callable[[], None]] = []

    def clear(self) -> None:
        """A new batch: nothing to undo yet."""
        self._entries.clear()
        self._seen.clear()
        self._callbacks.clear()

    def table_created(self, name: str) -> None:
        """The batch created table ``name``."""
        self._entries.append((name, None, ABSENT))

    def before_change(self, name: str, key: str, old: Any) -> None:
        """Record ``old`` (a copy of the record, or :data:`ABSENT`) the first time the batch changes ``key``."""
        if (name, key) in self._seen:
            return
        self._seen.add((name, key))
        self._entries.append((name, key, old))

    def on_rollback(self, undo: Callable[[], None]) -> None:
        """Have ``undo`` called if the batch is rolled back (after its records are restored)."""
        self._callbacks.append(undo)

    def rollback(self, document: dict[str, dict[str, Record]], touch: Callable[[str], None]) -> None:
        """Put ``document`` back as it was before the batch, newest change first, then run the callbacks."""
        for name, key, old in reversed(self._entries):
            touch(name)
            if key is None:
                if old is ABSENT:
                    document.pop(name, None)
                continue
            rows = document.get(name)
            if rows is None:
                continue
            if old is ABSENT:
                rows.pop(key, None)
            else:
                rows[key] = old
        callbacks = list(self._callbacks)
        self.clear()
        for undo in reversed(callbacks):
            undo()


class TrackedRows(MutableMapping[int, Record]):
    """A table as TinyDB's updaters expect it (``{int id: record}``) over the stored ``{"<id>": record}``.

    Nothing is copied up front: each record the updater reads or writes is recorded
    in the undo log first (TinyDB's ``update`` changes a record in place, so reading
    it for writing must keep a copy of what it was).
    """

    def __init__(self, name: str, rows: dict[str, Record], undo: UndoLog) -> None:
        self._name = name
        self._rows = rows
        self._undo = undo

    def __getitem__(self, doc_id: int) -> Record:
        key = str(doc_id)
        record = self._rows[key]
        self._undo.before_change(self._name, key, dict(record))
        return record

    def __setitem__(self, doc_id: int, record: Record) -> None:
        key = str(doc_id)
        old = self._rows.get(key, ABSENT)
        self._undo.before_change(self._name, key, ABSENT if old is ABSENT else dict(old))
        self._rows[key] = record

    def __delitem__(self, doc_id: int) -> None:
        key = str(doc_id)
        old = self._rows[key]
        self._undo.before_change(self._name, key, dict(old))
        del self._rows[key]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._rows

    def __iter__(self) -> Iterator[int]:
        return (int(key) for key in list(self._rows))

    def __len__(self) -> int:
        return len(self._rows)


class TenfoldTable(Table):
    """TinyDB's ``Table``, writing in place inside the storage's batch instead of rewriting the whole table."""

    def _update_table(self, updater: Callable[[dict[int, Mapping[str, Any]]], None]) -> None:
        storage = cast("WriteBehindMiddleware", self._storage)  # TenfoldDB is always over the middleware
        storage.begin()
        try:
            rows = storage.rows_for_change(self.name)
            updater(TrackedRows(self.name, rows, storage.undo))  # type: ignore[arg-type]
        finally:
            self.clear_cache()
            storage.end()

    def replace(self, doc_id: int, record: Mapping[str, Any]) -> None:
        """Make record ``doc_id`` exactly ``record`` (fields it no longer has are gone), inserting it if new."""

        def becomes(document: MutableMapping[str, Any]) -> None:
            document.clear()
            document.update(record)

        if not self.update(becomes, doc_ids=[doc_id]):
            self.insert(Document(dict(record), doc_id=doc_id))

    def continue_after(self, largest_id: int) -> None:
        """The table's largest id is ``largest_id``: the next insert takes the one after it.

        TinyDB finds the next id, the first time it needs one, by converting every key
        of the table to ``int``: with a million payments that is a quarter of a
        second, for a number the caller has found already while checking the keys.
        """
        self._next_id = largest_id + 1  # type: ignore[assignment]  # TinyDB types it as its initial None


class TenfoldDB(TinyDB):
    """The data file's TinyDB, over the storage Tenfold opened (and locked) itself, behind its middleware."""

    table_class = TenfoldTable

    def __init__(self, storage: WriteBehindMiddleware) -> None:
        super().__init__(storage=lambda: storage)

    def table(self, name: str, **kwargs: Any) -> TenfoldTable:
        """The table ``name`` (made on first use, then kept: its next id is counted once per session)."""
        table = super().table(name, **kwargs)
        assert isinstance(table, TenfoldTable)
        return table


def check_tinydb() -> list[str]:
    """What Tenfold relies on from TinyDB's internals that is not public API; a list of what changed.

    Every write of ``Table`` goes through ``_update_table(updater)``, with the updater
    taking a mapping of int ids to records; reads go through ``_read_table`` and
    ``storage.read``; ``TinyDB(storage=callable)`` calls it with no arguments; the
    next id, once known, is kept in ``Table._next_id``.
    """
    problems = []
    update = inspect.signature(Table._update_table)
    if list(update.parameters) != ["self", "updater"]:
        problems.append(f"Table._update_table's signature is now {update}")
    for name in ("_read_table", "_get_next_id", "clear_cache"):
        if not callable(getattr(Table, name, None)):
            problems.append(f"Table.{name} is gone")
    # TenfoldTable.continue_after: the next id is the ``_next_id`` attribute, used as is when set.
    if "self._next_id = None" not in inspect.getsource(Table.__init__) or (
        "if self._next_id is not None" not in inspect.getsource(Table._get_next_id)
    ):
        problems.append("Table._get_next_id no longer takes the next id from Table._next_id")
    for method in ("insert", "insert_multiple", "update", "remove", "upsert"):
        source = inspect.getsource(getattr(Table, method))
        if "_update_table(" not in source and "self.update(" not in source and "self.insert(" not in source:
            problems.append(f"Table.{method} no longer writes through _update_table")
    if Table.document_id_class is not int:
        problems.append("Table.document_id_class is no longer int")
    if TinyDB.table_class is not Table:
        problems.append("TinyDB.table_class is no longer Table")
    return problems
