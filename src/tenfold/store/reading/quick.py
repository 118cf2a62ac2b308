"""Reading a file for a command that needs only sums: every record but the payments, and their index.

``tenfold report`` adds up each stream's months. A file Tenfold saved keeps those
sums in its payments' index (:mod:`tenfold.store.payment_index`), checked against the
payments' exact bytes, so the report need not build 100,000 payments to add them
up again. A file without a matching index (another program rewrote it) has its
payments checked and summed in one pass (:mod:`tenfold.store.reading.sums`), still
without building them; the result is the same either way (tested).

``tenfold status`` reads less still (:func:`read_glance`): the few tables its line
shows and the index, and - once the payments of this version of the file were
checked against the index - not the payments' bytes at all, so it takes the same
time with ten payments or a million.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path

from tenfold.domain.errors import DamagedFileError, StoreError
from tenfold.domain.monthly import Month, MonthlyIndex
from tenfold.store import schema
from tenfold.store.file.document import parse_document, read_document, read_regular
from tenfold.store.gcpause import no_gc
from tenfold.store.opening import current_prefix, read_without_payments, split_document
from tenfold.store.payment_index import PAYMENTS_KEY, fingerprint, restore, split_payments
from tenfold.store.reading import verified
from tenfold.store.reading.loading import Contents, read_contents, validate_document
from tenfold.store.reading.sums import PaymentRows, sum_payments
from tenfold.store.reading.verified import Fingerprint, identity
from tenfold.store.schema import (
    CHECKINS,
    FREEDOM,
    GOAL,
    META,
    PAUSES,
    PAYMENT_INDEX,
    PAYMENTS,
    RATES,
    STEPS,
    STREAMS,
)


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
    contents = validate_document(path, document, schema.SCHEMA_VERSION, payments=False)
    return contents, deferred.index.monthly


Payments = bytes | PaymentRows | None
"""Where the report's measures find the few payments they build: the payments table's bytes when
the index answered, the parsed table when its sums were made from it, None when ``Contents.payments``
holds every payment."""


def read_for_report(path: Path) -> tuple[Contents, MonthlyIndex, Payments]:
    """Every record but the payments (validated as the store does), the payments' monthly index, and
    where the measures find the payments they look at (:data:`Payments`); nothing is written.

    The index the file keeps, when it matches the payments' bytes; else sums made from the parsed
    payments without building them (:mod:`tenfold.store.reading.sums`); else, for a table that
    module leaves to the usual reading, every payment built, and a damaged file refused with the
    store's own message. Raises StoreError (or a subclass) naming ``path``.
    """
    raw = read_document(path)
    split = split_document(path, raw)
    if split is not None:
        document, deferred = split
        contents = validate_document(path, document, schema.SCHEMA_VERSION, payments=False)
        return contents, deferred.index.monthly, bytes(deferred.payments_json)
    summed = _summed(path, raw)
    if summed is not None:
        return summed
    with no_gc():
        data, version = schema.migrate(path, parse_document(path, raw))
        contents = validate_document(path, data, version)
    return contents, MonthlyIndex.build(contents.payments.values()), None


def _summed(path: Path, raw: bytes) -> tuple[Contents, MonthlyIndex, PaymentRows] | None:
    """The file read as :func:`read_contents` reads it, with the payments summed instead of built; None
    for a file this cannot vouch for, damaged or not: the caller reads it the usual way, which gives the
    usual error in the usual order (a damaged payment before a damaged rate, as the store reads them)."""
    try:
        with no_gc():
            # Each payment is looked at by sum_payments, which takes none that is not a record.
            data, version = schema.migrate(path, parse_document(path, raw, records_unchecked=PAYMENTS))
            contents = validate_document(path, data, version, payments=False)
            summed = sum_payments(data.get(PAYMENTS, {}), contents.streams)
    except StoreError:
        return None
    if summed is None:
        return None
    index, rows = summed
    return contents, index, rows


GLANCE_TABLES = (META, GOAL, STEPS, STREAMS, RATES, CHECKINS, PAUSES, FREEDOM)
"""What a status line shows comes from these tables and the index (step 4's bills for ``--freedom``):
the rest is not validated."""
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


def _prefix(path: Path, size: int, payments_size: int | None = None) -> tuple[bytes, int, int] | None:
    """The file up to its payments table, read in growing chunks: (prefix, payments' length, bytes read).

    ``payments_size``: the payments' length as checked before; the table then starts at a
    known place, read in one go (the key is still checked there).
    """
    if payments_size is not None:
        at = size - 1 - payments_size - len(PAYMENTS_KEY)
        if at <= 0:
            return None
        with path.open("rb") as handle:
            head = handle.read(at + len(PAYMENTS_KEY))
            handle.seek(size - 1)
            if head[at:] != PAYMENTS_KEY or handle.read(1) != b"}":
                return None
        return head[:at] + b"}", payments_size, len(head) + 1
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
    path: Path, prefix: bytes, payments: bytes | memoryview, known: Fingerprint | None,
    months: Collection[Month] | None,
) -> tuple[Glance, Fingerprint] | None:
    """The glance from the bytes before the payments, and the payments' fingerprint; None when
    the index does not match them or the bytes are not a document as Tenfold writes it.

    ``known``: the payments' fingerprint checked before (``payments`` is then empty).
    ``months``: the only months whose sums are wanted (None: all).
    The checks are :func:`tenfold.store.opening.current_prefix`'s: a
    key listed twice, a wrong shape, another schema give None, and the full read
    that follows refuses the file with its reason.
    """
    document = current_prefix(path, prefix)
    if document is None:
        return None
    payments_fingerprint = known or fingerprint(payments)
    restored = restore(document.get(PAYMENT_INDEX), payments, known=payments_fingerprint, whole=False,
                       months=months)
    if restored is None:
        return None
    tables = {name: document[name] for name in GLANCE_TABLES if name in document}
    contents = validate_document(path, tables, schema.SCHEMA_VERSION, payments=False)
    return Glance(contents, restored.monthly, known is None, 0), payments_fingerprint


def read_glance(path: Path, cache: Path | None, months: Collection[Month] | None = None) -> Glance | None:
    """A status line's records and sums without reading the payments, when the file allows it; else None.

    ``months``: the only months whose sums the caller reads (the index holds no others); None for all.

    The payments are checked against the index once per version of the file
    (:mod:`tenfold.store.reading.verified`, kept in ``cache``); after that only the
    tables before them are read, however many payments there are. None for any
    file that has no index matching its payments: the caller reads it in full.
    Raises StoreError (or a subclass) for a record the status line uses that is damaged.
    """
    before = identity(path)
    if before is None:
        return None
    checked = verified.known(cache, path, before) if cache is not None else None
    if checked is not None:
        found = _prefix(path, before[2], checked[0])
        if found is None or found[1] != checked[0]:
            return None
        parsed = _parse(path, found[0], b"", checked, months)
        return None if parsed is None else replace(parsed[0], bytes_read=found[2])
    try:
        raw = read_regular(path)
    except (OSError, DamagedFileError):
        return None
    parts = split_payments(raw)
    if parts is None:
        return None
    parsed = _parse(path, parts[0], parts[1], None, months)
    if parsed is None:
        return None
    if cache is not None and identity(path) == before and len(raw) == before[2]:
        verified.remember(cache, path, before, parsed[1])
    return replace(parsed[0], bytes_read=len(raw))
