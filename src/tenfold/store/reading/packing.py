"""The app's reading of a big payments table: the payments built, the table kept as its bytes.

:mod:`tenfold.store.reading.payments` parsed the whole table, then built every
payment, and the parsed table went into the document beside them: a million
payments were held twice, as a dict of strings per record (about 400 MB) and as
:class:`~tenfold.domain.ledger.Payment` objects. Here each chunk of records is
parsed, built and let go, and the document gets the table's bytes as a
:class:`~tenfold.store.file.packed.PackedRows`, which writes them back exactly.
Equal days, amounts and customers are built once (:class:`~tenfold.domain.ledger.SharedValues`).

Only a table that is exactly what orjson wrote, in increasing ids, of flat records
packs (:func:`~tenfold.store.file.packed.packable`, checked a chunk at a time); for
any other (and for any damage) :func:`read_packed` gives None and the caller reads
the table the usual way, which also gives the usual error.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from pathlib import Path

import orjson

from tenfold.domain.errors import DamagedFileError
from tenfold.domain.ledger import Payment, SharedValues
from tenfold.store.by_id import PaymentsById
from tenfold.store.file.packed import BOUNDARY, PackedRows, packable
from tenfold.store.gcpause import no_gc
from tenfold.store.reading.loading import validate_payments

CHUNK = 1 << 18
"""Bytes of the table parsed at a time (about 3,000 payments): the app's thread may run between two."""


def read_packed(
    path: Path, table: bytes | memoryview, stream_ids: Collection[int]
) -> tuple[PaymentsById, PackedRows] | None:
    """The payments of ``table`` (a payments table's bytes) by id, and the table packed; None if it
    does not pack or anything in it is wrong (the caller then reads it the usual way).

    A table that packs has its ids in increasing order (:func:`packable` checks it a
    chunk at a time, each from the last id of the one before): its payments are kept
    in that order as they are built, with no dict by id beside them.
    """
    if bytes(table[:2]) != b'{"' or bytes(table[-1:]) != b"}":
        return None
    streams = set(stream_ids)
    shared = SharedValues()
    payments: list[Payment] = []
    count = largest = 0
    start, last = 1, len(table) - 1
    with no_gc():
        while start < last:
            found = BOUNDARY.search(table, start + CHUNK) if last - start > CHUNK else None
            stop = last if found is None else found.start() + 1
            piece = table[start:stop]
            try:
                rows = orjson.loads(b"{" + bytes(piece) + b"}")
            except orjson.JSONDecodeError:
                return None
            if type(rows) is not dict:
                return None
            after = packable(piece, rows, largest)
            if after is None:
                return None
            try:
                payments += validate_payments(path, rows, streams, shared).values()
            except DamagedFileError:
                return None
            count += len(rows)
            largest = after
            start = stop + 1  # past the comma between two records
            del rows
            time.sleep(0)  # the app's thread may answer a key
    return PaymentsById.in_order(payments), PackedRows(table, count, largest)
