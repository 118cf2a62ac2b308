"""The payments' index, kept in the data file so a big file opens without reading every payment.

With years of data the payments are most of the file; parsing them and building a
record for each takes longer than the whole first screen may. Everything the first
screen and ``tenfold report`` need from them
is small: each stream's total and count per month, each stream's last payment day,
the number of payments and the newest ones. The store keeps that here, in the table
``payment_index``, written in the same atomic write as the payments themselves.

It is a cache, never the data: it records the size of the payments table's exact
bytes and one CRC-32 of those bytes followed by the index's own content, and it is
used only when both are what was written. It also records ``checked``, a CRC-32
of the payments' bytes followed by their largest id (:func:`vouching`), taken
whenever the store serialises them: every payments table the store writes has been checked, so a
write after a deferred open whose payments' bytes still give that sum need not
check them again (:meth:`tenfold.store.payments.PaymentsCache.before_batch`). It
detects damage, not a forger: a file crafted to carry both sums is taken as
written, as one crafted to carry the CRC-32 alone is read in full and refused. A file changed by any other program (or
an older Tenfold, or TinyDB), an index edited by hand, one that does not parse, a
checksum that does not match: the payments are read in full as before and the index
is written again with the next save (or by ``tenfold doctor --repair``). The store
writes the payments table last, so the bytes before it - every other table, this
index included - can be parsed on their own (:func:`split_payments`).
"""

from __future__ import annotations

import zlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import orjson

from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import Columns, Extras, Month, MonthlyIndex
from tenfold.store.schema import PAYMENTS

PAYMENTS_KEY = b',"%s":' % PAYMENTS.encode()
"""How the payments table starts in a file Tenfold wrote: the last table, after a comma."""
FORMAT = 5
"""Version 2's checksum covers the index too; version 3 adds each month's fees and refunds; version 4
the ``checked`` sum and the largest payment id; in version 5 a stream's last payment is never a
refund. An older index counts as not matching (and is rebuilt), so fees a version 2 index never held
are never missed, payments no version 4 index vouches for are always checked, and no refund kept as
a last payment moves a due date. Bump it too when a payment that used to build no longer would: a
table checked by the older rules is then checked again."""
NEWEST = 100
"""Payments kept newest first: more than any screen shows before the rest are read."""


def fingerprint(payments_json: bytes | memoryview) -> tuple[int, int]:
    """(size, CRC-32) of the payments table's bytes: a CRC runs at memory speed, far faster than a parse."""
    return len(payments_json), zlib.crc32(payments_json)


def vouching(payments_crc: int, largest: int) -> int:
    """The index's ``checked`` field: the payments' CRC-32 (their :func:`fingerprint`'s) followed by
    their largest id, which a write the field vouches for takes TinyDB's next id from.

    The same pass over the payments' bytes as the fingerprint, followed by other bytes
    than the index's: an edit that makes the index's fingerprint match again (which
    only a crafted file does) does not make this one match, and the payments are
    checked in full.
    """
    return zlib.crc32(b"checked:%d" % largest, payments_crc)


def _body(count: int, largest: int, last: bytes, newest: bytes, months: bytes) -> bytes:
    """The index's content as written after its fingerprint, and as the checksum covers it."""
    head = b'"count":%d,"largest":%d,"last":' % (count, largest)
    return head + last + b',"newest":' + newest + b',"months":' + months


def index_fingerprint(
    record: dict[str, Any], payments_json: bytes | memoryview, known: tuple[int, int] | None = None
) -> tuple[int, int]:
    """The (size, CRC-32) a parsed index ``record`` must carry to be used with ``payments_json``.

    ``known``: the payments' own :func:`fingerprint` when the caller has it already;
    ``payments_json`` is then not read.

    The parsed parts are serialised again: orjson gives back the very bytes it wrote
    (the index is small beside the payments), so an index edited anywhere, even with
    the payments' checksum left right, no longer matches.
    """
    count, largest = record["count"], record["largest"]
    if type(count) is not int or type(largest) is not int:
        raise TypeError("count")
    body = _body(count, largest, orjson.dumps(record["last"]), orjson.dumps(record["newest"]),
                 orjson.dumps(record["months"]))
    size, crc = known or fingerprint(payments_json)
    return size, zlib.crc32(body, crc)


def split_payments(raw: bytes) -> tuple[bytes, memoryview] | None:
    """(the document without its payments, a view of the payments table's bytes), or None.

    In a JSON string every ``"`` is escaped, so ``,"payments":`` unescaped is a key;
    no record has a field of that name, so the first one is the table's, and it
    ends the file when the payments table is the last one, as Tenfold writes it.
    For any other layout the result fails the index's fingerprint and the caller
    reads the file in full.
    """
    at = raw.find(PAYMENTS_KEY)  # forward: it is after the small tables, before 7 MB of payments
    if at < 0 or not raw.endswith(b"}"):
        return None
    return raw[:at] + b"}", memoryview(raw)[at + len(PAYMENTS_KEY) : -1]  # a view: 7.6 MB not copied


@dataclass(frozen=True)
class IndexParts:
    """The index as JSON pieces, taken inside a write batch: the saver adds the fingerprint."""

    count: int
    largest: int
    """The largest payment id (0 with none): the next one added takes the one after it."""
    months: bytes
    last: bytes
    newest: bytes

    def table(self, fingerprint: tuple[int, int]) -> bytes:
        """The ``payment_index`` table's JSON for a file whose payments table has ``fingerprint``."""
        size, crc = fingerprint
        checked = vouching(crc, self.largest)
        body = _body(self.count, self.largest, self.last, self.newest, self.months)
        head = b'{"1":{"format":%d,"size":%d,"crc32":%d,"checked":%d,' % (
            FORMAT, size, zlib.crc32(body, crc), checked)
        return head + body + b"}}"


def _month_key(month: Month) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


class IndexWriter:
    """Builds :class:`IndexParts`, serialising again only the months that changed.

    ``months``: each month's JSON as the file's index holds it (:attr:`RestoredIndex.pieces`),
    so the first write after a deferred open serialises only the months it changed.
    """

    def __init__(self, months: Mapping[Month, bytes] | None = None) -> None:
        self._months: dict[Month, bytes] = dict(months or {})
        self._newest: dict[int, tuple[Payment, bytes]] = {}
        """Each of the newest payments' JSON, by id, with the payment it was made from (one save adds one)."""

    def forget(self) -> None:
        """The index was rebuilt: every month is serialised again."""
        self._months.clear()

    def parts(self, monthly: MonthlyIndex, newest: Sequence[Payment], last: Mapping[int, date],
              largest: int) -> IndexParts:
        """The current index; ``newest`` newest first, ``last`` each stream's latest payment day,
        ``largest`` the largest payment id."""
        for month in monthly.changed:
            self._months.pop(month, None)
        monthly.changed.clear()
        pieces = []
        for month in monthly.months():
            piece = self._months.get(month)
            if piece is None:
                cells = monthly.cells(month)
                columns: list[Any] = [list(cells), [str(total) for total, _n in cells.values()],
                                      [n for _t, n in cells.values()]]
                extras = monthly.extras(month)
                if extras:  # a fourth column only in the months with fees or refunds
                    columns.append([[a, str(e.fee), e.fees, str(e.refunded), e.refunds] for a, e in extras.items()])
                piece = self._months[month] = orjson.dumps(_month_key(month)) + b":" + orjson.dumps(columns)
            pieces.append(piece)
        return IndexParts(
            count=monthly.count,
            largest=largest,
            months=b"{" + b",".join(pieces) + b"}",
            last=orjson.dumps({str(sid): day.isoformat() for sid, day in sorted(last.items())}),
            newest=self._newest_json(newest[:NEWEST]),
        )

    def _newest_json(self, newest: Sequence[Payment]) -> bytes:
        """``[[id, record], ...]`` as ``orjson.dumps`` writes it, reusing each payment's JSON while it is unchanged."""
        kept = self._newest
        pieces = []
        for p in newest:
            cached = kept.get(p.id)
            if cached is None or cached[0] is not p:  # new, or edited (a new object under the same id)
                cached = kept[p.id] = (p, orjson.dumps([p.id, p.to_store()]))
            pieces.append(cached[1])
        if len(kept) > 2 * NEWEST:
            shown = {p.id for p in newest}
            self._newest = {i: v for i, v in kept.items() if i in shown}
        return b"[" + b",".join(pieces) + b"]"


@dataclass(frozen=True)
class RestoredIndex:
    """What the first screen needs, from the index, while the payments are still unread."""

    monthly: MonthlyIndex
    newest: tuple[Payment, ...]
    count: int
    largest: int
    """The largest payment id when the index was written (covered by its checksum)."""
    vouched: bool
    """Whether the ``checked`` sum matches: these are the payments the store last checked and wrote."""
    pieces: dict[Month, bytes]
    """Each month's JSON as :class:`IndexWriter` writes it (given to the next one)."""


def restore(
    table: Any, payments_json: bytes | memoryview, *, known: tuple[int, int] | None = None, whole: bool = True,
    months: Collection[Month] | None = None,
) -> RestoredIndex | None:
    """The index of a file whose payments table is ``payments_json``; None if it is not exactly that.

    Anything odd - a missing or malformed field, another format, a fingerprint that
    does not match, counts that do not add up - gives None: the caller reads every
    payment instead. A bad cache never refuses a good file.

    ``known``: the payments' own fingerprint, when the caller has it without reading
    them (:mod:`tenfold.store.reading.verified`); ``payments_json`` is then not read,
    and the index's own bytes are still checked against its checksum.

    ``whole``: False for a reader that only sums (``tenfold status``): the newest
    payments (for a first screen) and each month's JSON (for the next write) are
    then left out - a fifth of the time at 120 months of 200 streams - though the
    index is checked the same.

    ``months``: the only months the reader sums (``tenfold status``: this one). The
    others are checked for their shape and counted, not decoded: the rest of the
    time, and what made a status line's cost grow with the months of data.
    """
    try:
        record = table["1"]
        checked = record["checked"]
        payments_print = known or fingerprint(payments_json)
        if type(checked) is not int or record["format"] != FORMAT or (
            (record["size"], record["crc32"]) != index_fingerprint(record, payments_json, payments_print)
        ):
            return None
        vouched = checked == vouching(payments_print[1], record["largest"])
        cells: dict[Month, Columns] = {}
        extras: dict[Month, dict[int, Extras]] = {}
        pieces: dict[Month, bytes] = {}
        skipped = 0  # payments counted in the months not decoded
        for key, row in record["months"].items():
            if len(key) != 7 or key[4] != "-":
                return None
            month = (int(key[:4]), int(key[5:]))
            if not 1 <= month[1] <= 12:
                return None
            if months is not None and month not in months:
                skipped += sum(_checked(row)[2])
                continue
            cells[month] = _columns(row)
            if whole:
                pieces[month] = orjson.dumps(_month_key(month)) + b":" + orjson.dumps(row)
            if len(row) == 4:
                extras[month] = _extras(row[3], set(cells[month][0]))
        last = {int(sid): date.fromisoformat(day) for sid, day in record["last"].items()}
        newest = tuple(Payment.from_store(int(pid), doc) for pid, doc in record["newest"]) if whole else ()
        monthly = MonthlyIndex.restore(cells, last, extras)
        count = monthly.count + skipped
        if count != record["count"] or len(record["newest"]) != min(NEWEST, count):
            return None
    except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError, orjson.JSONEncodeError):
        return None
    monthly.changed.clear()
    return RestoredIndex(monthly, newest, count, record["largest"], vouched, pieces)


def _columns(row: Any) -> Columns:
    """A month's three columns - stream ids, totals, counts - checked and decoded."""
    sids, totals, counts = _checked(row)
    return list(sids), list(map(Decimal, totals)), list(counts)


def _checked(row: Any) -> tuple[list[Any], list[Any], list[Any]]:
    """A month's three columns - stream ids, totals, counts - as written, checked; C-level maps for 24,000 cells."""
    sids, totals, counts = row[:3]
    if len(row) not in (3, 4):
        raise ValueError("bad month")
    if not len(sids) == len(totals) == len(counts) or not (
        set(map(type, sids)) <= {int} and set(map(type, totals)) <= {str} and set(map(type, counts)) <= {int}
    ):
        raise ValueError("bad month")
    if counts and min(counts) < 1:
        raise ValueError("bad count")
    return sids, totals, counts


def _extras(rows: Any, accounts: set[int]) -> dict[int, Extras]:
    """A month's fees and refunds, each row ``[account, fee, fees, refunded, refunds]`` of a counted account."""
    out: dict[int, Extras] = {}
    for account, fee, fees, refunded, refunds in rows:
        if account not in accounts or type(fees) is not int or type(refunds) is not int or min(fees, refunds) < 0:
            raise ValueError("bad extras")
        if type(fee) is not str or type(refunded) is not str:
            raise TypeError("bad extras")
        out[account] = Extras(Decimal(fee), fees, Decimal(refunded), refunds)
    return out
