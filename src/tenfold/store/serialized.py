"""The data file's JSON, built from each table's JSON kept from the last save.

A save used to serialise the whole document: with ten years of data that is
``orjson.dumps`` of the whole file, for about a frame's time holding the GIL, so the
app could not draw a frame. Most saves change one small table (a tick changes
``steps``), so each table's JSON is kept, and only the tables a batch touched
are serialised again; the file is the kept pieces joined. The bytes are exactly
``orjson.dumps(document)`` (a test checks it after random changes): the same
keys in the same order, the same separators - except that the payments table is
always written last, with the payments' index (:mod:`tenfold.store.payment_index`)
just before it, so a big file can be opened without parsing its payments.
"""

from __future__ import annotations

from typing import Any

import orjson

from tenfold.store.payment_index import IndexParts, fingerprint
from tenfold.store.schema import PAYMENT_INDEX, PAYMENTS


class SerializedTables:
    """Each table's ``orjson.dumps``, dropped when the table changes."""

    def __init__(self) -> None:
        self._tables: dict[str, bytes] = {}
        self._names: dict[str, bytes] = {}
        self._printed: tuple[bytes, tuple[int, int]] | None = None

    def _fingerprint(self, data: bytes) -> tuple[int, int]:
        """The payments' fingerprint, computed once per version of their JSON (a tick does not change it)."""
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
        """The document's JSON, serialising only the tables changed since the last dump.

        The tables in the document's order, the payments last; ``index`` (if given)
        becomes the ``payment_index`` table just before them. A ``payment_index``
        table in ``document`` itself is never written: the index is made, not kept.
        """
        parts = [b"{"]
        names = [n for n in document if n != PAYMENTS and n != PAYMENT_INDEX]
        if PAYMENTS in document:
            names.append(PAYMENTS)
        for name in names:
            data = self._tables.get(name)
            if data is None:
                data = self._tables[name] = orjson.dumps(document[name])
            if name == PAYMENTS and index is not None:
                parts += (b'"' + PAYMENT_INDEX.encode() + b'":', index.table(self._fingerprint(data)), b",")
            key = self._names.get(name)
            if key is None:
                key = self._names[name] = orjson.dumps(name) + b":"
            parts += (key, data, b",")
        if len(parts) > 1:
            parts.pop()  # the last comma
        parts.append(b"}")
        return b"".join(parts)
