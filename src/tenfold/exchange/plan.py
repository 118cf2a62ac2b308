"""What an import would do to the ledger: the payments to add, the streams to create, the duplicates.

Nothing is written here. Entries read from the file (:mod:`tenfold.exchange.extract`)
meet the ledger: each finds its stream (or one to be created with
``--create-streams``), its currency (the row's, else the stream's), its amount
rounded to that currency's minor unit (half to even), and is checked against
what is already there, by identity (:mod:`tenfold.exchange.identity`):

- with a transaction id, a row is a duplicate when that id (within its source)
  is in the ledger or earlier in the file;
- without one, a row is a duplicate only of a payment imported earlier from the
  same source with the same date, stream, amount, currency, customer and note,
  and only as many times as the ledger has such payments: two identical rows in
  one file are two payments.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tenfold.domain.ledger import Payment
from tenfold.domain.money import MAX_AMOUNT
from tenfold.domain.rates import month_end
from tenfold.domain.streams import KINDS, Stream
from tenfold.domain.text import count_of
from tenfold.exchange.csvmapping import Problem
from tenfold.exchange.extraction import Entry, Extraction, Skipped
from tenfold.exchange.identity import (
    ContentKey,
    content_key,
    family,
    has_real_id,
    identities,
    payment_content,
    split_export_id,
)
from tenfold.exchange.parse_money import round_to_minor
from tenfold.exchange.payouts import ACCOUNTS, counted_from_the_bank, imported_platforms, payout_of, reason
from tenfold.exchange.profiles.base import INCOME, REFUND

CATEGORIES = {"kdp": "royalties", "youtube": "ads", "adsense": "ads", "etsy": "business", "gumroad": "business",
              "lemonsqueezy": "software", "stripe": "business", "stripe-payouts": "business"}
"""The category a stream created by an import gets (the user can change it)."""


@dataclass(frozen=True)
class Duplicate:
    """A row already in the ledger (or earlier in the file), and why it is taken for the same payment."""

    entry: Entry
    reason: str


@dataclass
class ImportPlan:
    """The preview's facts, and what a confirmed import saves."""

    extraction: Extraction
    source: str
    new: list[tuple[Entry, Payment]] = field(default_factory=list)
    """Payments to add; a negative stream id -n is the n-th of ``new_streams``."""
    new_streams: list[Stream] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    below_cent: int = 0
    create_kind: str | None = None
    missing_streams: list[str] = field(default_factory=list)
    skipped: dict[str, Skipped] = field(default_factory=dict)
    """Rows skipped once they met the ledger (a platform's payout whose sales it holds), by reason."""
    warnings: list[str] = field(default_factory=list)
    """What the user should know before importing, that does not stop the import."""

    @property
    def payments(self) -> list[Payment]:
        """The payments to add, in file order."""
        return [p for _e, p in self.new]


def _stream_currency(entries: list[Entry], default: str) -> str:
    """A new stream's currency: the ledger's (the goal's) if some rows are in it, else the one most rows are in.

    A KDP title sells in dollars, pounds and euros; a stream kept in the currency the
    user counts in needs no rate for most of its money. Rows in other currencies keep theirs.
    """
    counts = Counter(e.currency for e in entries if e.currency)
    if not counts or default in counts:
        return default
    best = max(counts.values())
    return next(e.currency for e in entries if e.currency and counts[e.currency] == best)


def plan_import(extraction: Extraction, streams: list[Stream], existing: list[Payment], *,
                create_kind: str | None, default_currency: str, today: date | None = None) -> ImportPlan:
    """The plan for ``extraction`` against a ledger with ``streams`` and ``existing`` payments.

    With ``today``, a row dated after the end of this month is a problem: a file of
    money received holds no later day, so such a date is a typo or a date order
    read the wrong way round (a month-only date is its month's last day, so this
    month's rows pass).
    """
    source = extraction.profile.name
    plan = ImportPlan(extraction, source, problems=list(extraction.problems), create_kind=create_kind)
    by_name = {s.name.casefold(): s for s in streams}
    grouped: defaultdict[str, list[Entry]] = defaultdict(list)
    for entry in extraction.entries:
        grouped[entry.stream.casefold()].append(entry)
    placeholder: dict[str, int] = {}
    for name, entries in grouped.items():
        if name in by_name:
            continue
        plan.missing_streams.append(entries[0].stream)
        currency = _stream_currency(entries, default_currency)
        plan.new_streams.append(Stream(0, entries[0].stream, CATEGORIES.get(source, "other"),
                                       create_kind or "passive", currency))
        placeholder[name] = -len(plan.new_streams)
        if create_kind is None:
            first = entries[0]
            plan.problems.append(Problem(
                first.line, f"there is no stream '{first.stream}' ({count_of(len(entries), 'row')}); create it with "
                            f"--create-streams KIND ({', '.join(KINDS)}) or send the rows to one with --stream NAME"))
    by_id = {s.id: s for s in streams}
    ledger_ids = set(identities(existing, by_id).values())
    counts: Counter[ContentKey] = Counter(payment_content(p, by_id) for p in existing if not has_real_id(p))
    file_ids: dict[tuple[str, str], Entry] = {}
    latest = month_end(today.year, today.month) if today is not None else None
    platforms = imported_platforms(existing, source) if source in ACCOUNTS else {}
    if (warning := counted_from_the_bank(source, existing, {s.id: s.currency for s in streams})) is not None:
        plan.warnings.append(warning)
    for entry in extraction.entries:
        platform = payout_of(platforms, entry.customer, entry.note) if platforms and entry.amount > 0 else None
        if platform is not None:
            plan.skipped.setdefault(reason(platform), Skipped()).add(entry.amount, entry.currency or "?")
            continue
        if latest is not None and entry.on > latest:
            plan.problems.append(Problem(entry.line, f"date: {entry.on.isoformat()} is after this month; money "
                                                     "received has no later day (check the date, and the date order)"))
            continue
        _place(plan, entry, by_name, placeholder, ledger_ids, counts, file_ids)
    return plan


def _place(plan: ImportPlan, entry: Entry, by_name: dict[str, Stream], placeholder: dict[str, int],
           ledger_ids: set[tuple[str, str]], counts: Counter[ContentKey],
           file_ids: dict[tuple[str, str], Entry]) -> None:
    """One entry into the plan: a new payment, a duplicate, or a problem."""
    stream = by_name.get(entry.stream.casefold())
    if stream is not None:
        stream_id, stream_currency, name = stream.id, stream.currency, stream.name
    else:
        new = plan.new_streams[-placeholder[entry.stream.casefold()] - 1]
        stream_id, stream_currency, name = placeholder[entry.stream.casefold()], new.currency, new.name
    currency = entry.currency or stream_currency
    amount = round_to_minor(entry.amount, currency)
    if amount == 0:
        plan.below_cent += 1
        return
    if abs(amount) > MAX_AMOUNT:
        plan.problems.append(Problem(entry.line, f"the amount {amount} is too large to be a payment"))
        return
    source, external_id = plan.source, entry.external_id
    if plan.source == "tenfold" and external_id:
        source, external_id = split_export_id(external_id, "tenfold")
    if external_id:
        key = (family(source), external_id)
        if key in ledger_ids:
            plan.duplicates.append(Duplicate(entry, "already in the ledger (same transaction id)"))
            return
        if key in file_ids:
            plan.duplicates.append(Duplicate(entry, f"same transaction id as {file_ids[key].where()}"))
            return
        file_ids[key] = entry
    if not external_id or external_id.startswith("~"):
        look = content_key(source, entry.on, name, amount, currency, entry.customer, entry.note)
        if counts[look] > 0:
            counts[look] -= 1
            plan.duplicates.append(Duplicate(entry, f"already imported from {family(source)} (no transaction id; "
                                                    "same date, stream, amount, customer and note)"))
            return
    fee = round_to_minor(entry.fee, currency) if entry.fee is not None else None
    plan.new.append((entry, Payment(
        0, stream_id, entry.on, amount, entry.note, entry.customer,
        currency="" if currency == stream_currency else currency, fee=fee or None,
        external_id=external_id, source="" if source == "tenfold" and not external_id else source,
        refund_of=entry.refund_of if entry.kind == REFUND else "", refund=entry.kind == REFUND,
        units=entry.units if entry.kind == INCOME else None,
    )))


@dataclass(frozen=True)
class StreamTotal:
    """What an import adds to one stream in one currency."""

    stream: str
    currency: str
    payments: int
    total: Decimal
    refunds: int
    refunded: Decimal
    fees: Decimal


def totals_by_stream(plan: ImportPlan, streams: Mapping[int, Stream]) -> list[StreamTotal]:
    """Per stream and currency, by stream name: the payments to add, their total, refunds and fees."""
    pending = {-(i + 1): s for i, s in enumerate(plan.new_streams)}
    rows: dict[tuple[str, str], list[Decimal]] = {}
    for _entry, p in plan.new:
        stream = pending.get(p.stream_id) or streams[p.stream_id]
        row = rows.setdefault((stream.name, p.currency or stream.currency), [Decimal(0)] * 5)
        row[0] += 1
        row[1] += p.amount
        if p.refund:
            row[2] += 1
            row[3] += p.amount
        row[4] += p.fee or 0
    ordered = sorted(rows.items(), key=lambda kv: (kv[0][0].casefold(), kv[0][1]))
    return [StreamTotal(n, c, int(r[0]), r[1], int(r[2]), r[3], r[4]) for (n, c), r in ordered]
