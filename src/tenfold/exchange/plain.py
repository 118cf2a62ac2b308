"""Exports people open in a spreadsheet or read: payments as CSV, everything as Markdown.

The CSV has the columns ``tenfold import`` reads by default (date, stream,
amount, note, customer) plus each payment's currency, the fee the platform kept,
what kind of payment it is (income, refund, deduction), the sale a refund gives
back, the units delivered where known, and its identity (``id``: ``paypal:5TY...``, or ``tenfold:~...-2`` for one
typed by hand, see :mod:`tenfold.exchange.identity`). So an export imports back
into an empty file with every payment kept - two alike sales stay two - and into
the same file with every one recognised. Money stays exact: "1234.50", no
thousands separators, never a float.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from tenfold.domain.csvsafe import neutralise
from tenfold.domain.goal import Goal
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.money import format_money
from tenfold.domain.rates import CONVERSION_RULE, Rate
from tenfold.domain.steps import StepState, step_info
from tenfold.domain.streams import Stream
from tenfold.domain.text import safe_display
from tenfold.exchange.identity import export_id, identities
from tenfold.exchange.progress import Progress, tracked

CSV_EXPORT_COLUMNS = ("date", "stream", "amount", "currency", "note", "customer", "fee", "kind", "refund of", "id",
                      "units")


def payment_kind(p: Payment) -> str:
    """``income``, ``refund`` (money given back to a buyer) or ``deduction`` (a fee line, an adjustment)."""
    if p.refund:
        return "refund"
    return "deduction" if p.amount < 0 else "income"


def payments_csv(streams: Iterable[Stream], payments: Iterable[Payment], progress: Progress | None = None) -> str:
    """Every payment, oldest first, one CSV row each."""
    names = {s.id: s for s in streams}
    payments = list(payments)
    ids = identities(payments, names)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_EXPORT_COLUMNS)
    for p in tracked(sorted(payments, key=lambda p: (p.on, p.id)), progress):
        s = names[p.stream_id]
        # Text cells are made inert for spreadsheets (csvsafe); tenfold import takes the quote off again.
        writer.writerow([p.on.isoformat(), neutralise(s.name), str(p.amount), p.currency or s.currency,
                         neutralise(p.note), neutralise(p.customer), "" if p.fee is None else str(p.fee),
                         payment_kind(p), neutralise(p.refund_of), export_id(ids[p.id]),
                         "" if p.units is None else p.units])
    return out.getvalue()


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks, no control characters."""
    return " ".join(safe_display(str(text)).replace("|", "\\|").split())


def _row(*cells: object) -> str:
    return "| " + " | ".join(_cell(c) for c in cells) + " |"


def _hours(value: Decimal) -> str:
    return f"{value} h" if value else "-"


def markdown_document(
    *,
    goal: Goal | None,
    steps: Iterable[StepState],
    streams: Iterable[Stream],
    payments: Iterable[Payment],
    rates: Iterable[Rate],
    ideas: Iterable[Idea],
    exported_on: date,
    progress: Progress | None = None,
) -> str:
    """Goal, steps, streams, rates, payments and ideas as one readable Markdown file."""
    streams = sorted(streams, key=lambda s: s.name.casefold())
    payments = sorted(payments, key=lambda p: (p.on, p.id))
    by_id = {s.id: s for s in streams}
    counts: Counter[int] = Counter(p.stream_id for p in payments)
    sums: defaultdict[int, Decimal] = defaultdict(Decimal)
    for p in payments:
        if not p.currency:  # a stream's total is in its own currency; others are in the payments' table
            sums[p.stream_id] += p.amount
    lines = [f"# Tenfold export, {exported_on.isoformat()}", "", "## Written goal", ""]
    if goal is None:
        lines.append("No goal written yet.")
    else:
        lines += [f"> {line}" if line else ">" for line in safe_display(goal.text).splitlines()]
        lines += ["", f"{format_money(goal.amount, goal.currency)} of passive income per month by "
                      f"{goal.deadline.isoformat()} (written {goal.written_on.isoformat()})."]
    lines += ["", "## Eight steps", ""]
    done = {s.number: s for s in steps}
    for n in range(1, 9):
        state, title = done.get(n), step_info(n).title
        on = state.done_on if state else None
        lines.append(f"- [x] {n}. {title} (done {on.isoformat()})" if on else f"- [ ] {n}. {title}")
    lines += ["", "## Income streams", "",
              _row("Stream", "Kind", "Category", "Currency", "Cadence", "Up front", "Hours up front",
                   "Upkeep per month", "Payments", "Total"),
              "| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    for s in streams:
        lines.append(_row(s.name, s.kind, s.category, s.currency, s.cadence,
                          format_money(s.upfront_money, s.currency) if s.upfront_money else "-",
                          _hours(s.upfront_hours), _hours(s.upkeep_hours), counts[s.id],
                          format_money(sums[s.id], s.currency)))
    rate_list = sorted(rates, key=lambda r: (r.on, r.id))
    lines += ["", "## Exchange rates", ""]
    if rate_list:
        lines += [_row("From date", "Rate"), "| --- | --- |"]
        lines += [_row(r.on.isoformat(), f"1 {r.currency} = {r.rate} {r.to}") for r in rate_list]
        lines += ["", CONVERSION_RULE]
    else:
        lines.append("No rates entered.")
    lines += ["", "## Payments", "", _row("Date", "Stream", "Amount", "Note", "Customer"),
              "| --- | --- | ---: | --- | --- |"]
    for p in tracked(payments, progress):
        s = by_id[p.stream_id]
        lines.append(_row(p.on.isoformat(), s.name, format_money(p.amount, p.currency or s.currency), p.note,
                          p.customer))
    lines += ["", "## Who do I deliver value to?", ""]
    for idea in sorted(ideas, key=lambda i: (i.written_on, i.id)):
        lines.append(f"- **{_cell(idea.who)}** ({idea.written_on.isoformat()}): {_cell(idea.value)}")
        for label, text in (("Reach", idea.reach), ("Delivery", idea.delivery)):
            if text.strip():
                lines.append(f"  - {label}: {_cell(text)}")
    return "\n".join(lines) + "\n"
