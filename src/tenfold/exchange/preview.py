"""The preview of an import, in words: the same text on the command line and in the app.

It accounts for every row of the file before anything is written: how it was
read, what will be added per stream and currency (with refunds and the fees the
platform kept), which streams would be created, what was skipped and why (with
the money in those rows, so a careful reader can check the file's totals), what
is already in the ledger and why it is taken for the same payment, and every
problem, one per line with its line number.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal

from tenfold.domain.money import format_money, format_totals
from tenfold.domain.streams import Stream
from tenfold.domain.text import count_of
from tenfold.exchange.plan import ImportPlan, totals_by_stream
from tenfold.exchange.profiles.base import FIELDS

MAX_PROBLEMS = 50
MAX_DUPLICATES = 10


def _signed(totals: Mapping[str, Decimal]) -> str:
    return ", ".join(f"{'+' if v > 0 else ''}{format_money(v, c if c != '?' else None)}"
                     for c, v in sorted(totals.items()))


def added_totals(plan: ImportPlan, streams: Mapping[int, Stream]) -> dict[str, Decimal]:
    """The money the import adds, per currency."""
    totals: defaultdict[str, Decimal] = defaultdict(Decimal)
    for row in totals_by_stream(plan, streams):
        totals[row.currency] += row.total
    return dict(totals)


def preview_lines(plan: ImportPlan, streams: Mapping[int, Stream], label: str, gross: bool = False) -> list[str]:
    """Every line of the preview, in the order a reader checks them."""
    ext = plan.extraction
    profile, layout = ext.profile, ext.layout
    sheets = ", ".join(f"'{p.sheet}'" for p in layout.parts if p.sheet)
    first = layout.parts[0].header_line
    if sheets:
        header = f"{'sheets' if len(layout.parts) > 1 else 'sheet'} {sheets}, header on row {first}"
    elif first == 0:
        header = "no header row: columns by number"
    else:
        header = f"header on line {first}"
    lines = [f"{label}: {profile.title} (profile {profile.name}) · {ext.table.describe()} · {header}"]
    part = layout.parts[0]
    mapping = ", ".join(f"{name}={' + '.join(part.header[i].strip() for i in cols)}"
                        for name, cols in sorted(part.columns.items(), key=lambda kv: FIELDS.index(kv[0])))
    lines.append(f"Columns: {mapping} · amounts: {'gross' if gross else 'net of fees'}")
    lines += [f"  {note}" for note in layout.left_out]
    lines.append(f"Rows read: {ext.rows_read:,}")
    rows = totals_by_stream(plan, streams)
    lines.append(f"To add: {count_of(len(plan.new), 'payment')}" + (":" if rows else ""))
    for row in rows:
        extra = []
        if row.refunds:
            extra.append(f"{count_of(row.refunds, 'refund')} {format_money(row.refunded)}")
        if row.fees > 0:
            extra.append(f"fees kept by the platform {format_money(row.fees)}")
        elif row.fees < 0:  # only refunds' fees, which the platform gave back
            extra.append(f"fees given back by the platform {format_money(-row.fees)}")
        more = f" ({'; '.join(extra)})" if extra else ""
        lines.append(f"  {row.stream} · {row.currency} · {count_of(row.payments, 'payment')} · "
                     f"{format_money(row.total, row.currency)}{more}")
    if plan.new_streams:
        kind = plan.create_kind or "?"
        verb = f"to be created as {kind}" if plan.create_kind else "do not exist (add --create-streams KIND)"
        names = ", ".join(f"{s.name} ({s.currency})" for s in plan.new_streams)
        lines.append(f"New streams, {verb}: {names}")
    reasons = {**ext.skipped, **plan.skipped}
    skipped = sum(s.rows for s in reasons.values()) + plan.below_cent
    lines.append(f"Skipped: {count_of(skipped, 'row')}" + (":" if skipped else ""))
    for reason, bucket in sorted(reasons.items(), key=lambda kv: -kv[1].rows):
        money = f" ({_signed(bucket.money)})" if bucket.money else ""
        lines.append(f"  {reason}: {bucket.rows:,}{money}")
    if plan.below_cent:
        lines.append(f"  amounts below the currency's smallest unit: {plan.below_cent:,}")
    lines += _duplicates(plan)
    lines += [f"Warning: {warning}" for warning in plan.warnings]
    lines += _problems(plan)
    total = added_totals(plan, streams)
    lines.append(f"Total to add: {format_totals(total)}" if total else "Total to add: nothing")
    return lines


def _duplicates(plan: ImportPlan) -> list[str]:
    if not plan.duplicates:
        return ["Duplicates: none"]
    by_reason: defaultdict[str, list[str]] = defaultdict(list)
    for d in plan.duplicates:
        by_reason[d.reason].append(d.entry.where())
    out = [f"Duplicates (not added again): {count_of(len(plan.duplicates), 'row')}:"]
    for reason, places in by_reason.items():
        shown = ", ".join(places[:MAX_DUPLICATES]) + (", …" if len(places) > MAX_DUPLICATES else "")
        out.append(f"  {reason}: {len(places):,} ({shown})")
    return out


def _problems(plan: ImportPlan) -> list[str]:
    if not plan.problems:
        return ["Problems: none"]
    out = [f"Problems ({len(plan.problems):,}; nothing is imported until they are fixed):"]
    for problem in sorted(plan.problems, key=lambda p: p.line)[:MAX_PROBLEMS]:
        out.append(f"  {problem}")
    if len(plan.problems) > MAX_PROBLEMS:
        out.append(f"  … and {len(plan.problems) - MAX_PROBLEMS:,} more")
    return out
