"""The data file's JSON, built from each table's JSON kept from the last save.

A save used to serialise the whole document: with ten years of data that is
``orjson.dumps`` of 9.5 MB, about 15 ms during which orjson holds the GIL, so the
app could not draw a frame. Most saves change one small table (a tick changes
``steps``), so each table's JSON is kept, and only the tables a batch touched
are serialised again; the file is the kept pieces joined. The bytes are exactly
``orjson.dumps(document)`` (a test checks it after random changes): the same
keys in the same order, the same separators.
"""

from __future__ import annotations

from typing import Any

import orjson


class SerializedTables:
    """Each table's ``orjson.dumps``, dropped when the table changes."""

    def __init__(self) -> None:
        self._tables: dict[str, bytes] = {}
        self._names: dict[str, bytes] = {}

    def clear(self) -> None:
        """Forget every table (the whole document was replaced or re-read)."""
        self._tables.clear()

    def changed(self, table: str) -> None:
        """``table`` was changed in place: serialise it again at the next dump."""
        self._tables.pop(table, None)

    def dump(self, document: dict[str, Any]) -> bytes:
        """``orjson.dumps(document)``, serialising only the tables changed since the last dump."""
        parts = [b"{"]
        for name, rows in document.items():
            data = self._tables.get(name)
            if data is None:
                data = self._tables[name] = orjson.dumps(rows)
            key = self._names.get(name)
            if key is None:
                key = self._names[name] = orjson.dumps(name) + b":"
            parts += (key, data, b",")
        if len(parts) > 1:
            parts.pop()  # the last comma
        parts.append(b"}")
        return b"".join(parts)
