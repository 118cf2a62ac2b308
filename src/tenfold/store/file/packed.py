"""A big table kept as the JSON bytes it was read from, plus the records changed since.

Once the app has built every payment, the parsed table (a dict per payment, with
a string per field) would be a second copy of them: with a million payments about
400 MB. The payments' table only has to give back, when a save writes it, the bytes
``orjson.dumps`` would give for the table as changed, and the few records a change
reads (TinyDB's ``update`` and ``remove``, the undo log). :class:`PackedRows` keeps
the table's bytes as read (a tenth of the parsed size) and, beside them, only what
changed: records changed in place, records removed, records added. A save splices
the changed records into the bytes (:meth:`PackedRows.dumps`), which is exactly
``orjson.dumps`` of the same table as a dict - and faster.

It is a mapping with the semantics of the dict it stands for: a changed key keeps
its place, a removed key is gone, a new key (or one removed and put back) goes
last. A record read from the bytes is parsed when asked for and kept with the
changed ones (TinyDB's ``update`` changes the record it reads in place).

Only bytes that are exactly ``orjson.dumps`` of a table of flat records (every
field a number, a string, true or null) keyed by their ids, written in increasing
order, are packed (:func:`packable`): a record is then found by a binary search
of the bytes, and the bytes ``},"<digits>":{`` only ever occur where one record
ends and the next begins. Anything else is kept as a plain dict, as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, MutableMapping
from typing import Any

import orjson

Record = dict[str, Any]

BOUNDARY = re.compile(rb'\},"([0-9]+)":\{')
"""Where one record ends and the next begins: its id is the group."""
_FIRST = re.compile(rb'\{"([0-9]+)":\{')
"""The first record of a table, its id the group."""
_OPENING = b'":{'
"""Once per record of a packable table: the end of its key and the start of its record."""


def packable(data: bytes | memoryview, rows: dict[str, Any], after: int) -> int | None:
    """The largest id of ``rows`` if ``data``, one piece of a table's bytes, packs; else None.

    ``data`` is ``"<id>":{...},"<id>":{...}`` (a table's bytes without its braces, or
    a run of whole records of it) and ``rows`` what it parses to. It packs when it is
    exactly ``orjson.dumps`` of ``rows`` (no key listed twice, nothing written another
    way), every key is a canonical id greater than the one before it (``after``
    for the first) and no record holds an object or a list (found at C speed when
    ``":{`` is there once per record: then no key inside a record has an object).
    """
    if orjson.dumps(rows) != b"{" + bytes(data) + b"}":
        return None
    keys = list(rows)
    try:
        ids = list(map(int, keys))
    except ValueError:
        return None
    if list(map(str, ids)) != keys:
        return None
    if bytes(data).count(_OPENING) != len(keys) and _nested(rows):  # more: a text holds ``":{``, or a record an object
        return None
    previous = [after, *ids[:-1]]
    if not all(map(int.__lt__, previous, ids)):
        return None
    return ids[-1] if ids else after


class PackedRows(MutableMapping[str, Record]):
    """A table (``{"<id>": record}``) as its bytes and its changes; see the module.

    ``data`` must be a table :func:`packable` accepted (its braces included), with
    ``count`` records and ``largest`` the last (largest) id.
    """

    def __init__(self, data: bytes | memoryview, count: int, largest: int) -> None:
        self._rebase(data, count, largest)

    def _rebase(self, data: bytes | memoryview, count: int, largest: int) -> None:
        self._data = data
        self._count = count
        self._largest = largest
        self._changed: dict[str, Record] = {}
        """Records of the bytes changed in place (or read, and so perhaps changed by the caller)."""
        self._removed: set[str] = set()
        """Keys of the bytes no longer in the table at their place there (a key put back is in ``_added``)."""
        self._added: dict[str, Record] = {}
        """Records not in the bytes, in the order they came: they go last."""

    # ----- finding a record in the bytes ------------------------------------------------------

    def _find(self, key: str) -> tuple[int, int] | None:
        """(start, end) of record ``key``'s ``"<id>":{...}`` in the bytes, None if it is not there."""
        try:
            wanted = int(key)
        except ValueError:
            return None
        if str(wanted) != key or not self._count or wanted > self._largest:
            return None
        lo, hi = 0, len(self._data)  # if the record is there, its key's quote is in [lo, hi)
        while lo < hi:
            mid = (lo + hi) // 2
            start, found = self._record_at(mid)
            if start >= hi:  # no record starts in [mid, hi)
                hi = mid
            elif found == wanted:
                return start, self._end(start)
            elif found < wanted:
                lo = self._end(start) + 1
            else:
                hi = start
        return None

    def _record_at(self, position: int) -> tuple[int, int]:
        """The first record starting at or after ``position``: (where its key's quote is, its id).

        Past the last record: (the closing brace's position, an id larger than any).
        """
        data = self._data
        if position <= 1:
            match = _FIRST.match(data)
            assert match is not None, "a packed table starts with its first record"
            return 1, int(match.group(1))
        match = BOUNDARY.search(data, position - 2)  # a boundary starts two bytes before its record
        if match is None:
            return len(data) - 1, self._largest + 1
        return match.start() + 2, int(match.group(1))

    def _end(self, start: int) -> int:
        """Where the record starting at ``start`` ends (the position after its closing brace)."""
        match = BOUNDARY.search(self._data, start + 1)
        return len(self._data) - 1 if match is None else match.start() + 1

    def _parse(self, key: str) -> Record | None:
        place = self._find(key)
        if place is None:
            return None
        start, end = place
        record: Record = orjson.loads(bytes(self._data[start + len(key) + 3 : end]))
        return record

    # ----- the mapping --------------------------------------------------------------------------

    def __getitem__(self, key: str) -> Record:
        record = self._added.get(key)
        if record is not None:
            return record
        if key in self._removed:
            raise KeyError(key)
        record = self._changed.get(key)
        if record is None:
            record = self._parse(key)
            if record is None:
                raise KeyError(key)
            self._changed[key] = record  # the caller may change it in place, as in a dict
        return record

    def __setitem__(self, key: str, record: Record) -> None:
        if key in self._added:
            self._added[key] = record
        elif key in self._changed or (key not in self._removed and self._find(key) is not None):
            self._changed[key] = record
        else:  # new, or removed and put back: last, as a dict does (its place in the bytes stays removed)
            self._added[key] = record

    def __delitem__(self, key: str) -> None:
        if key in self._added:
            del self._added[key]
        elif key not in self._removed and (key in self._changed or self._find(key) is not None):
            self._changed.pop(key, None)
            self._removed.add(key)
        else:
            raise KeyError(key)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        if key in self._added or key in self._changed:
            return True
        return key not in self._removed and self._find(key) is not None

    def __len__(self) -> int:
        return self._count - len(self._removed) + len(self._added)

    def __iter__(self) -> Iterator[str]:
        """Every key in the table's order (the bytes' keys are read from them: slow, and never needed
        by the store's own writes, which name the records they change)."""
        first = _FIRST.match(self._data) if self._count else None
        if first is not None:
            keys = [first.group(1), *(m.group(1) for m in BOUNDARY.finditer(self._data))]
            removed = self._removed
            yield from (k for k in map(bytes.decode, keys) if k not in removed)
        yield from list(self._added)

    # ----- the bytes a save writes -------------------------------------------------------------

    def dumps(self) -> bytes | memoryview:
        """Exactly ``orjson.dumps`` of the table as it is now; these bytes are then the table's.

        The records kept in the bytes are copied as they are; changed ones are
        serialised in their place, removed ones left out, added ones put last.
        """
        if not (self._changed or self._removed or self._added):
            return self._data
        data = self._data
        spans = []
        for key in (*self._changed, *self._removed):
            place = self._find(key)
            assert place is not None, "a changed or removed record is in the bytes"
            spans.append((*place, key))
        spans.sort()
        pieces: list[bytes | memoryview] = []
        at = 1  # the start of the first record not copied yet
        for start, end, key in spans:
            if start > at:
                pieces.append(data[at : start - 1])  # the records before this one, without the comma between
            record = self._changed.get(key)
            if record is not None:
                pieces.append(orjson.dumps({key: record})[1:-1])
            at = end + 1  # past the comma after it
        if len(data) - 1 > at:
            pieces.append(data[at : len(data) - 1])
        kept = 1 + sum(map(len, pieces)) + max(0, len(pieces) - 1)  # where the records of the bytes end
        if self._added:
            pieces.append(orjson.dumps(self._added)[1:-1])
        joined: list[bytes | memoryview] = [b"{"]
        for piece in pieces:  # one join: the table is copied once
            joined += (piece, b",")
        if pieces:
            joined.pop()  # the comma after the last piece
        joined.append(b"}")
        out = b"".join(joined)
        self._repack(out, kept)
        return out

    def _repack(self, out: bytes, kept: int) -> None:
        """Make ``out`` (the table as now) the bytes, if they still pack; else hold every record.

        ``kept``: where in ``out`` the records that were in the bytes end (the added ones follow).
        """
        count = len(self)
        largest = self._largest
        if str(largest) in self._removed:
            largest = _last_id(out, kept)
        for key in self._added:
            number = int(key) if key.isascii() and key.isdigit() else -1
            if str(number) != key or number <= largest:
                return self._unpack(out)
            largest = number
        if _nested(self._added) or _nested(self._changed):
            return self._unpack(out)
        self._rebase(out, count, largest)
        return None

    def _unpack(self, out: bytes) -> None:
        self._rebase(b"{}", 0, 0)
        self._added = orjson.loads(out)


def _nested(records: dict[str, Record]) -> bool:
    """Whether any of ``records`` holds a value that is not a number, a string, true, false or null."""
    return any(isinstance(v, (dict, list)) for r in records.values() for v in r.values())


def _last_id(data: bytes, end: int) -> int:
    """The id of the last record of a packed table's bytes that ends before ``end`` (0 when none does)."""
    at = end
    while (at := data.rfind(b'},"', 0, at)) >= 0:
        match = BOUNDARY.match(data, at)
        if match is not None:
            return int(match.group(1))
    first = _FIRST.match(data) if end > 1 else None
    return 0 if first is None else int(first.group(1))
