"""What a profile says about one source's files, and how a header is matched against it.

A profile is data: for each field of a payment the names its column goes by
(in every language and year the source has used), which rows are not income
and why, how the source writes dates and decimals, and its currency and stream
when the file does not say. :mod:`tenfold.exchange.extract` does the reading;
each source's module only fills in a :class:`Profile`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from tenfold.domain.currencies import ISO_4217
from tenfold.exchange.csvmapping import normalise

FIELDS = ("date", "stream", "amount", "gross", "fee", "tax", "currency", "customer", "note", "id", "refund_of",
          "type", "status", "impact", "direction", "credit", "debit", "units")
"""Everything a column can be read as; ``--map FIELD=COLUMN`` names any of them. ``units`` (copies, seats,
downloads) comes last: it never takes a column another field wants."""
DIRECTION_OUT = frozenset(("af", "debit", "d", "dr", "s", "soll", "débit", "debe", "out", "uit"))
DIRECTION_IN = frozenset(("bij", "credit", "c", "cr", "h", "haben", "crédit", "haber", "in"))
"""What a ``direction`` column writes beside an amount without a sign (ING's Af/Bij, Debit/Credit, S/H)."""
MULTI = ("fee", "note", "customer")
"""Fields read from every matching column: fees are added up, notes joined, the first customer named is kept."""

SHARED = ("note", "refund_of", "direction")
"""Fields that may read a column another field reads too (Etsy's Info is a note and names the order refunded;
Capital One's Transaction Type is a type and says Debit or Credit)."""

INCOME, REFUND, DEDUCTION, SKIP = "income", "refund", "deduction", "skip"
"""What a row is: money in; money given back to a buyer; a charge that lowers income (a fee line); not income."""


@dataclass(frozen=True)
class Rule:
    """Rows whose ``field`` matches one of ``values`` are ``action`` (first matching rule decides).

    ``contains`` matches a part of the cell instead of all of it; ``sign`` limits the
    rule to money in (1) or out (-1); ``fee`` marks deductions that are the
    platform's fees, left out when the gross amounts are asked for.
    """

    field: str
    values: tuple[str, ...]
    action: str
    reason: str = ""
    contains: bool = False
    sign: int = 0
    fee: bool = False

    def matches(self, cell: str, amount_sign: int) -> bool:
        """Whether a row with this cell and this sign of amount falls under the rule."""
        if self.sign and amount_sign != self.sign:
            return False
        text = " ".join(cell.casefold().split())
        if self.contains:
            return any(v in text for v in self.values)
        return text in self.values


Expand = Callable[[Mapping[str, str]], list[tuple[str, str]]]
"""A source-specific step after a row is read: extra events it stands for, as (action, amount text).

Gumroad keeps a refund as a flag on the sale's row; its profile turns the flag
into the refund the sale had, so both count.
"""


@dataclass(frozen=True)
class Profile:
    """One source's file layout and the meaning of its rows."""

    name: str
    title: str
    reads: str
    """One line for ``--list-profiles``: what the profile counts and what it leaves out."""
    columns: Mapping[str, tuple[str, ...]]
    """Field -> the header names its column goes by, normalised; ``*`` at the end matches a beginning."""
    required: tuple[str, ...] = ("date", "amount")
    """Fields that must have a column for the file to be this source's (``amount`` also met by gross or credit)."""
    signature: tuple[tuple[str, ...], ...] = ()
    """Further header names that must be there (one of each tuple): what tells this source from a look-alike."""
    date_order: str | None = None
    decimal_comma: bool | None = None
    default_currency: str | None = None
    default_stream: str = ""
    """The stream of rows that name none (a file with no product column)."""
    rules: tuple[Rule, ...] = ()
    negative: str = REFUND
    """What a negative row no rule names is: a refund (platforms) or skipped (banks: money you paid)."""
    negative_reason: str = ""
    skip_sheets: tuple[str, ...] = ()
    """Words in the names of worksheets that hold totals of the others."""
    expand: Expand | None = None
    priority: int = 10
    """When two profiles know a header equally well, the higher one wins (generic ones are low)."""
    closed: bool = False
    """The source's file has only the columns the profile names: a header with others is someone else's
    (AdSense writes Date, Description, Amount, which any bank file with more columns also has)."""
    has_ids: bool = False
    """The source gives each transaction an id (then duplicates are found by it)."""
    combine: bool = False
    """Income lines of one day and stream are one payment, added up before rounding (fractions of a cent)."""
    orders: bool = False
    """The rows of one order share its number (read as ``refund_of``): a day's fee and tax lines of an order
    are folded into its charge or refund of that day, one payment with the platform's fee beside it."""
    notes: tuple[str, ...] = field(default_factory=tuple)
    evidence: tuple[str, tuple[str, ...]] | None = None
    """(field, words): a header that others write too is this source's only when some row's ``field``
    holds one of the words (AdSense's Date, Description, Amount is also a bank's; its file has Earnings lines)."""


_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_CODE_IN_HEADER = re.compile(r"\(([A-Za-z]{3})\)|\b([A-Z]{3})$")


@functools.lru_cache(maxsize=16384)
def header_keys(header: str) -> tuple[str, str]:
    """A header as compared: normalised, and without a trailing parenthesis (``Net Total ($)`` -> ``net total``)."""
    full = normalise(header.replace("\ufeff", ""))
    return full, _PAREN.sub("", full)


def header_currency(header: str) -> str | None:
    """A currency a header names: ``Your estimated revenue (USD)`` -> USD; ``($)`` is read as USD."""
    if "($)" in header:
        return "USD"
    if "(€)" in header:
        return "EUR"
    if "(£)" in header:
        return "GBP"
    match = _CODE_IN_HEADER.search(header.strip())
    if match is None:
        return None
    code = (match.group(1) or match.group(2)).upper()
    return code if code in ISO_4217 else None  # "Amount (net)", "(est)", "(UTC)" are words, not currencies


def _alias_matches(alias: str, keys: tuple[str, str]) -> bool:
    """Profiles write names as the source does (``Net Total ($)``); both sides are normalised here."""
    if alias.endswith("*"):
        start = normalise(alias[:-1])
        return any(k.startswith(start) for k in keys)
    wanted = normalise(alias)
    return wanted in keys


@functools.lru_cache(maxsize=4)
def _header_index(header: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], dict[str, list[int]]]:
    """Each column's keys, and the columns under each key: made once per file's header.

    Every profile binds its fields to the same header (about thirty profiles, a
    dozen fields each); with thousands of columns, making the keys for each was most
    of an import's time.
    """
    keys = tuple(header_keys(h) for h in header)
    by_key: dict[str, list[int]] = {}
    for i, (full, short) in enumerate(keys):
        by_key.setdefault(full, []).append(i)
        if short != full:
            by_key.setdefault(short, []).append(i)
    return keys, by_key


def header_keys_of(header: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """:func:`header_keys` of every column of ``header``."""
    return _header_index(tuple(header))[0]


def find_columns(header: Sequence[str], aliases: tuple[str, ...], taken: set[int]) -> list[int]:
    """Columns matching ``aliases``, in the aliases' order of preference, each column once.

    A name without ``*`` is looked up among the columns' keys, not compared with each
    column: a file of thousands of columns is then one pass per name list.
    """
    keys, by_key = _header_index(tuple(header))
    found: list[int] = []
    seen: set[int] = set()
    for alias in aliases:
        if alias.endswith("*"):
            hits: Iterable[int] = [i for i, k in enumerate(keys) if _alias_matches(alias, k)]
        else:
            hits = by_key.get(normalise(alias), ())
        for i in hits:
            if i not in taken and i not in seen:
                found.append(i)
                seen.add(i)
    return found


def bind(profile: Profile, header: Sequence[str], overrides: Mapping[str, str]) -> dict[str, list[int]]:
    """Field -> the columns it is read from: ``overrides`` (``--map``) first, then the profile's names.

    A column serves one field only; fields are bound in :data:`FIELDS` order, so
    the amount takes its column before the gross does.
    """
    keys = header_keys_of(header)
    bound: dict[str, list[int]] = {}
    taken: set[int] = set()
    for name, column in overrides.items():
        wanted = header_keys(column)
        hits = [i for i, k in enumerate(keys) if k[0] == wanted[0]] or [i for i, k in enumerate(keys)
                                                                        if wanted[1] in k]
        if hits:
            bound[name] = [hits[0]]
            taken.add(hits[0])
    for name in FIELDS:
        if name in bound or name in overrides:
            continue
        shared = name in SHARED
        hits = find_columns(header, profile.columns.get(name, ()), set() if shared else taken)
        if hits:
            bound[name] = hits if name in MULTI else hits[:1]
            if not shared:
                taken.update(bound[name])
    return bound


def evidenced(profile: Profile, columns: Mapping[str, list[int]], rows: Sequence[Sequence[str]]) -> bool:
    """Whether ``rows`` show what ``profile.evidence`` asks for (always, for a profile that asks nothing)."""
    if profile.evidence is None:
        return True
    name, words = profile.evidence
    at = columns.get(name, [])
    return any(any(w in " ".join(row[i].casefold().split()) for w in words)
               for row in rows for i in at if i < len(row))


def has_amount(bound: Mapping[str, list[int]]) -> bool:
    """Whether money can be read: an amount, a gross, or credit/debit columns."""
    return any(f in bound for f in ("amount", "gross", "credit"))


def recognises(profile: Profile, header: Sequence[str], overrides: Mapping[str, str] | None = None,
               given: frozenset[str] = frozenset(), named: bool = False) -> int:
    """How well ``profile`` knows ``header``: 0 not at all, more the more columns it names.

    ``given`` are fields the user supplied otherwise (``--stream``): they need no column. A profile the user
    ``named`` (``--profile bank``) needs only its required columns: the signature and a closed profile's
    full set of columns tell look-alikes apart, which the user has done.
    """
    bound = bind(profile, header, overrides or {})
    for name in profile.required:
        if name in given:
            continue
        if name == "amount":
            if not has_amount(bound):
                return 0
        elif name not in bound:
            return 0
    keys = header_keys_of(header)
    if named:
        return 100 * (len(profile.required) + len(profile.signature)) + 10 * len(bound) + profile.priority
    if profile.closed and len({i for columns in bound.values() for i in columns}) < sum(1 for h in header if h.strip()):
        return 0
    for group in profile.signature:
        if not any(_alias_matches(alias, k) for alias in group for k in keys):
            return 0
    return 100 * (len(profile.required) + len(profile.signature)) + 10 * len(bound) + profile.priority
