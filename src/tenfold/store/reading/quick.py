"""Reading a file for a command that needs only sums: every record but the payments, and their index.

``tenfold report`` adds up each stream's months. A file Tenfold saved keeps those
sums in its payments' index (:mod:`tenfold.store.payment_index`), checked against the
payments' exact bytes, so the report need not build 100,000 payments to add them
up again. A file without a matching index is read in full, as before, and the sums
are made from its payments: the result is the same either way (tested).

``tenfold status`` reads less still (:func:`read_glance`): the few tables its line
shows and the index, and - once the payments of this version of the file were
checked against the index - not the payments' bytes at all, so it takes the same
time with ten payments or a million.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, replace
from pathlib import Path

import orjson

from tenfold.domain.monthly import MonthlyIndex
from tenfold.store import schema
from tenfold.store.opening import read_without_payments
from tenfold.store.payment_index import INDEX_TABLE, PAYMENTS_KEY, restore, split_payments
from tenfold.store.reading import verified
from tenfold.store.reading.loading import Contents, read_contents, validate_document
from tenfold.store.reading.verified import Fingerprint, identity


def read_with_index(path: Path) -> tuple[Contents, MonthlyIndex]:
    """Every record but the payments (validated as the store does), and the payments' monthly index.

    ``Contents.payments`` is empty when the index answered; otherwise it holds every
    payment and the index is built from them. Raises StoreError (or a subclass)
    naming ``path`` when the file cannot be used; nothing is written.
    """
    split = read_without_payments(path)
    if split is None:
        contents = read_contents(path)
        return contents, MonthlyIndex.build(contents.payments.values())
    document, _signature, deferred = split
    paused = gc.isenabled()
    gc.disable()
    try:
        contents = validate_document(path, document, schema.SCHEMA_VERSION, payments=False)
    finally:
        if paused:
            gc.enable()
    return contents, deferred.index.monthly


GLANCE_TABLES = ("meta", "goal", "steps", "streams", "rates", "checkins")
"""What a status line shows comes from these tables and the index: the rest is not validated."""
FIRST_CHUNK = 1 << 16
"""The first read of the file's start; each next one is twice as big (the tables before the payments
are about 2 MB with ten years of a heavy user's check-ins, ideas and index)."""


@dataclass(frozen=True)
class Glance:
    """The records a status line needs, validated, and the payments' monthly sums from the index."""

    contents: Contents
    index: MonthlyIndex
    checked: bool
    """Whether the payments were read to check them against the index (once per version of the file)."""
    bytes_read: int
    """How much of the file was read."""


def _prefix(path: Path, size: int) -> tuple[bytes, int, int] | None:
    """The file up to its payments table, read in growing chunks: (prefix, payments' length, bytes read)."""
    with path.open("rb") as handle:
        head = b""
        chunk = FIRST_CHUNK
        while True:
            more = handle.read(chunk)
            if not more:
                return None
            start = max(0, len(head) - len(PAYMENTS_KEY))
            head += more
            at = head.find(PAYMENTS_KEY, start)
            if at >= 0:
                break
            chunk *= 2
        handle.seek(size - 1)
        if handle.read(1) != b"}":
            return None
    return head[:at] + b"}", size - (at + len(PAYMENTS_KEY)) - 1, len(head) + 1


def _parse(
    path: Path, prefix: bytes, payments: bytes | memoryview, known: Fingerprint | None
) -> tuple[Glance, Fingerprint] | None:
    """The glance from the bytes before the payments; None when the index does not match them."""
    try:
        document = orjson.loads(prefix)
    except orjson.JSONDecodeError:
        return None
    if type(document) is not dict:
        return None
    meta = document.get(schema.META_TABLE, {})
    if not isinstance(meta, dict) or not isinstance(meta.get("1"), dict):
        return None
    if meta["1"].get("schema_version") != schema.SCHEMA_VERSION:
        return None
    restored = restore(document.get(INDEX_TABLE), payments, known=known)
    if restored is None:
        return None
    tables = {name: document[name] for name in GLANCE_TABLES if name in document}
    if not all(type(t) is dict and set(map(type, t.values())) <= {dict} for t in tables.values()):
        return None
    contents = validate_document(path, tables, schema.SCHEMA_VERSION, payments=False)
    record = document[INDEX_TABLE]["1"]  # restore() checked it
    return Glance(contents, restored.monthly, known is None, 0), (record["size"], record["crc32"])


def read_glance(path: Path, cache: Path | None) -> Glance | None:
    """A status line's records and sums without reading the payments, when the file allows it; else None.

    The payments are checked against the index once per version of the file
    (:mod:`tenfold.store.reading.verified`, kept in ``cache``); after that only the
    tables before them are read, however many payments there are. None for any
    file that has no index matching its payments: the caller reads it in full.
    Raises StoreError (or a subclass) for a record the status line uses that is damaged.
    """
    before = identity(path)
    if before is None:
        return None
    fingerprint = verified.known(cache, path, before) if cache is not None else None
    if fingerprint is not None:
        found = _prefix(path, before[2])
        if found is None or found[1] != fingerprint[0]:
            return None
        parsed = _parse(path, found[0], b"", fingerprint)
        return None if parsed is None else replace(parsed[0], bytes_read=found[2])
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    parts = split_payments(raw)
    if parts is None:
        return None
    parsed = _parse(path, parts[0], parts[1], None)
    if parsed is None:
        return None
    if cache is not None and identity(path) == before and len(raw) == before[2]:
        verified.remember(cache, path, before, parsed[1])
    return replace(parsed[0], bytes_read=len(raw))
