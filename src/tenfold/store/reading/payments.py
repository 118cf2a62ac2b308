"""Reading a file's payments after it was opened with their index (:mod:`tenfold.store.payment_index`).

The app opens a big file without parsing its payments, draws the first screen from
the index, then reads them here on a thread. The thread only parses and validates:
the store takes the result in on its own thread (:meth:`PaymentsReader.result`),
so nothing the screen reads changes under it.

A table as Tenfold writes it is read a chunk at a time and kept as its bytes
(:mod:`tenfold.store.reading.packing`); any other is parsed whole, as here.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Collection, Iterable, MutableMapping
from datetime import date
from itertools import filterfalse
from operator import attrgetter, itemgetter, methodcaller
from pathlib import Path
from typing import Any, cast

import orjson

from tenfold.domain.dates import date_from_store
from tenfold.domain.errors import DamagedFileError
from tenfold.domain.ledger import Payment
from tenfold.domain.money import decimal_from_store
from tenfold.store.by_id import PaymentsById
from tenfold.store.file.document import is_table, not_json
from tenfold.store.gcpause import no_gc
from tenfold.store.opening import Deferred
from tenfold.store.reading.loading import MAX_ID, validate_payments
from tenfold.store.reading.packing import read_packed

Result = tuple[PaymentsById, MutableMapping[str, Any], list[Payment]]
"""The payments by id, the table as it goes back into the document (parsed, or packed:
:mod:`tenfold.store.reading.packing`), and the payments newest first."""


CHUNK = 1 << 18
"""Bytes of the payments table parsed at a time on the reading thread (about 3,000 payments)."""
_RECORD_END = re.compile(rb'\},"')
"""Where one record of the table ends and the next one's id begins.

Records are flat (every field a number, a string or true), and inside a JSON string a
``"`` is always escaped, so these three bytes only ever occur between two records.
"""


def parse_payments(
    path: Path, payments_json: bytes | memoryview, *, chunked: bool = True, checked: bool = False
) -> dict[str, Any]:
    """Parse a payments table; DamagedFileError (naming ``path``) if it is not a table of records.

    A big table is parsed a chunk of records at a time (:func:`_parse_in_chunks`):
    orjson holds the interpreter's lock while it parses, and one parse of a million
    payments would keep the app from answering a key for about a second. The
    result is the same dict; anything the chunks do not give exactly (a damaged
    table) is parsed whole, for the usual error. ``chunked=False``: in one parse,
    faster when no screen is waiting (a write on the store's own thread).
    ``checked``: the bytes are the ones the store checked and wrote (the index's
    checked sum matches them), a table of records: their shape is not checked again.
    """
    try:
        with no_gc():
            rows = _parse_in_chunks(payments_json) if chunked and len(payments_json) > 2 * CHUNK else None
            if rows is None:
                rows = orjson.loads(payments_json)
    except orjson.JSONDecodeError as exc:
        raise not_json(path, payments_json, exc, whole=False) from None
    if not checked and not is_table(rows):
        raise DamagedFileError(path, "does not have the shape of a Tenfold file; it was left as it is")
    # No check for a key listed twice: these are the bytes the index's fingerprint was
    # taken of, which Tenfold wrote from a dict, where no key can be listed twice.
    return rows


def _parse_in_chunks(table: bytes | memoryview) -> dict[str, Any] | None:
    """The table ``{"1":{...},"2":{...}}`` parsed a few thousand records at a time; None if it cannot be.

    Between two chunks the thread sleeps for no time at all, which lets the app's
    thread take the interpreter's lock and answer a key. Only one chunk is copied
    at a time: the table itself stays a view of the file's bytes.
    """
    if bytes(table[:2]) != b'{"' or bytes(table[-1:]) != b"}":
        return None
    rows: dict[str, Any] = {}
    start, last = 1, len(table) - 1
    while start < last:
        found = _RECORD_END.search(table, start + CHUNK) if last - start > CHUNK else None
        stop = last if found is None else found.start() + 1
        try:
            part = orjson.loads(b"{" + bytes(table[start:stop]) + b"}")
        except orjson.JSONDecodeError:
            return None
        if type(part) is not dict:
            return None
        rows.update(part)  # a repeated id keeps its first place and its last value, as in one parse
        start = stop + 1  # past the comma between two records
        time.sleep(0)
    return rows


def newest_first(payments: Iterable[Payment]) -> list[Payment]:
    """The payments by day, newest first, and by id, newest first, within a day: the store's order.

    The store's payments are in id order already (:func:`newest_first_by_id`); any
    others are put in it first.
    """
    return newest_first_by_id(sorted(payments, key=_BY_ID))


_BY_ID = attrgetter("id")


def newest_first_by_id(payments: list[Payment]) -> list[Payment]:
    """:func:`newest_first` of payments given in increasing id order (:meth:`PaymentsById.values`).

    Made on the reading thread in plain loops, which let the app's thread run
    between them: one ``sort`` of a million payments would hold the interpreter's
    lock for about half a second. Counted, not collected: one pass counts each day's payments, which gives each
    day its run of places in the result, newest day first; a second pass, newest
    id first, fills each day's run from its top. No list per day is made (and
    let go): with a million payments those were 9 MB the allocator kept after the
    reading, beside the result.
    """
    counts: dict[date, int] = {}
    count = counts.get
    for p in payments:
        counts[p.on] = count(p.on, 0) + 1
    place: dict[date, int] = {}
    at = 0
    for day in sorted(counts, reverse=True):
        place[day] = at
        at += counts[day]
    ordered: list[Payment | None] = [None] * len(payments)
    for p in reversed(payments):
        at = place[p.on]
        ordered[at] = p
        place[p.on] = at + 1
    return cast("list[Payment]", ordered)  # every place filled: the counts add up to len(payments)


def validate_rows(path: Path, rows: dict[str, Any], stream_ids: Collection[int]) -> Result:
    """Every payment of a parsed table built and checked (DamagedFileError on a bad one), and sorted."""
    with no_gc():
        payments = PaymentsById(validate_payments(path, rows, set(stream_ids)).values())
        return payments, rows, newest_first_by_id(payments.values())


_AMOUNT = re.compile(r"-?[0-9]{1,11}(?:\.[0-9]{1,8})?").fullmatch
"""Amounts :func:`decimal_from_store` takes for certain (finite, under its limit): the others are parsed."""
_PLAIN = frozenset(("stream_id", "on", "amount", "note", "customer"))
"""The fields of a payment typed by hand; any other field (an imported one's) is checked record by record."""
_STREAM_ID, _ON, _AMOUNT_OF = itemgetter("stream_id"), itemgetter("on"), itemgetter("amount")
_NOTE, _CUSTOMER = methodcaller("get", "note", ""), methodcaller("get", "customer", "")


def largest_id(rows: dict[str, Any]) -> int | None:
    """The largest id of a table whose records need no check (0 when empty); None for a key
    that is not an id (:func:`largest_payment_id` without the records)."""
    try:
        ids = list(map(int, rows))
    except ValueError:
        return None
    if ids and (min(ids) < 0 or max(ids) > MAX_ID):
        return None
    return max(ids, default=0)


def rows_are_payments(rows: dict[str, dict[str, Any]], stream_ids: Collection[int]) -> bool:
    """Whether every record of a payments table (parsed) would pass :func:`validate_payments`."""
    return largest_payment_id(rows, stream_ids) is not None


def largest_payment_id(rows: dict[str, dict[str, Any]], stream_ids: Collection[int]) -> int | None:
    """The largest id of a payments table (parsed, so a table of records; 0 when empty) if every
    record would pass :func:`validate_payments`, checked by column; None when unsure.

    Building a payment (:meth:`Payment.from_store`) costs a few microseconds; a
    write that needs none of them as objects only needs to know that they all
    would build. Here each field is checked a column at a time, in C: each pass
    over a million records costs about 0.15 s, so there are as few as the fields
    need - the ids are read as ``_record_id`` reads them (``int``, in range) in the
    pass that also gives the largest, which TinyDB would otherwise scan the table
    again for; each column is taken once into a list whose types and distinct
    values are then found at list speed; each distinct day and amount (a few
    thousand days, fewer amounts than payments) is parsed once. Never a number for
    a table that would not build - a test checks it against
    :func:`validate_payments` on damaged tables - but None when unsure: the caller
    then builds every payment, which also names the bad one.
    """
    try:
        ids = list(map(int, rows))
        if ids and (min(ids) < 0 or max(ids) > MAX_ID):
            return None
        records = rows.values()
        typed = records if all(map(_PLAIN.issuperset, records)) else [r for r in records if _PLAIN.issuperset(r)]
        sids = list(map(_STREAM_ID, typed))
        # Types from the whole column: in a set 1, 1.0 and True are one value.
        if not set(map(type, sids)) <= {int} or not set(sids) <= set(stream_ids):
            return None
        texts = set(map(type, map(_NOTE, typed)))
        texts |= set(map(type, map(_CUSTOMER, typed)))
        if texts - {str}:
            return None
        for day in set(map(_ON, typed)):
            date_from_store(day)
        for amount in filterfalse(_AMOUNT, set(map(_AMOUNT_OF, typed))):  # a plain "12.34" is a number in range
            decimal_from_store(amount)
        if typed is not records:  # imported payments carry more fields: built one by one
            for record in records:
                if not _PLAIN.issuperset(record):
                    payment = Payment.from_store(0, record)
                    if type(record["stream_id"]) is not int or payment.stream_id not in stream_ids:
                        return None
    except (KeyError, ValueError, TypeError, AttributeError, ArithmeticError):
        return None
    return max(ids, default=0)


class PaymentsReader:
    """The payments of one deferred open: read on a thread once started, or here when asked first."""

    def __init__(self, path: Path, deferred: Deferred) -> None:
        self.path = path
        self._json: bytes | memoryview | None = deferred.payments_json
        """Dropped once parsed: 7.6 MB that would otherwise sit beside the records (peak memory)."""
        self._parsed: dict[str, Any] | None = None
        self._thread: threading.Thread | None = None
        self._result: Result | BaseException | None = None

    def _read(self, stream_ids: Collection[int]) -> Result:
        """Parse once; a failure is kept, so every later call raises it again."""
        if self._result is not None:
            if isinstance(self._result, BaseException):
                raise self._result
            return self._result
        try:
            packed = read_packed(self.path, self._json, stream_ids) if self._json is not None else None
            if packed is not None:  # built a chunk at a time; the table kept as its bytes
                self._json = None
                payments, table = packed
                self._result = (payments, table, newest_first_by_id(payments.values()))
                return self._result
            rows = self.rows()
            self._parsed = None  # the result holds them from here on
            self._result = validate_rows(self.path, rows, stream_ids)
        except BaseException as exc:
            self._result = exc
            raise
        return self._result

    @property
    def started(self) -> bool:
        """Whether a reading thread was started (its result is then waited for, not read again)."""
        return self._thread is not None

    def rows(self, *, chunked: bool = True, checked: bool = False) -> dict[str, Any]:
        """The payments table, parsed (once) but not built into payments; see :func:`parse_payments`."""
        if self._parsed is None:
            data, self._json = self._json, None
            if data is None:
                raise DamagedFileError(self.path, "could not be read again; it was left as it is")
            self._parsed = parse_payments(self.path, data, chunked=chunked, checked=checked)
            # ``data`` goes here: the last hold on the file's bytes, freed before the records are built
        return self._parsed

    def start(self, stream_ids: Collection[int], done: Callable[[], None]) -> None:
        """Read on a daemon thread; ``done`` is called from it afterwards, whatever happened."""
        if self._thread is not None:
            return
        ids = list(stream_ids)

        def work() -> None:
            try:
                self._read(ids)
            except BaseException:  # kept, and raised on the store's thread by result()
                pass
            finally:
                done()

        self._thread = threading.Thread(target=work, name="tenfold-payments", daemon=True)
        self._thread.start()

    def result(self, stream_ids: Collection[int]) -> Result:
        """The payments: waits for the thread, or reads them now if it was never started."""
        if self._thread is not None:
            self._thread.join()
        return self._read(stream_ids)
