"""The ledger pane's words: the totals line, what is expected or late, the table columns and cells.

Functions of plain data, apart from the pane, so the pane file keeps to layout and keys.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal

from rich.text import Text

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment
from tenfold.domain.money import format_money, format_totals
from tenfold.domain.monthly import LedgerSummary
from tenfold.domain.streams import Stream
from tenfold.domain.text import safe_display
from tenfold.figures.expected import Expected
from tenfold.figures.goal_figures import MonthIncome
from tenfold.tui.widgets.columns import Column

OVERDUE_MARK = "! "
"""Put before an overdue stream's name: plain ASCII, one cell wide in every terminal."""
NAMES_SHOWN = 3

STREAM_COLUMNS = (
    Column("Stream"),
    Column("Kind", shrink=False),
    Column("This month", align="right", shrink=False),
    Column("12 months", shrink=False),
)
PAYMENT_COLUMNS = (
    Column("Date", shrink=False),
    Column("Stream", max_width=30),
    Column("Amount", align="right", shrink=False),
    Column("Note · customer"),
)
SORT_LABELS = {"date": "newest first", "amount": "largest first", "stream": "by stream"}


def render_summary(summary: LedgerSummary, goal: Goal | None, has_streams: bool,
                   passive: MonthIncome | None = None, last_recorded: bool = True) -> Text:
    """Totals line: this month, last month, and the passive part that counts toward the goal.

    ``passive`` is this month's passive income converted to the goal's currency
    (what the goal pane counts); what had no rate is named, never added. Without
    ``last_recorded`` (the ledger begins this month) last month is said to be not
    recorded, as the goal pane says, rather than 0.00.
    """
    text = Text()
    if not has_streams:
        text.append("No income streams yet. Press s to add your first one, then a to record a payment.")
        return text
    text.append("This month ", style="dim")
    text.append(format_totals(summary.this_month), style="bold")
    text.append("  ·  Last month ", style="dim")
    if last_recorded:
        text.append(format_totals(summary.last_month))
    else:
        text.append("not recorded", style="dim")
    text.append("\nPassive toward goal ", style="dim")
    if goal is None:
        text.append(format_totals(summary.passive_this_month), style="bold green")
        text.append("  (write a goal to measure it)", style="dim")
        return text
    if passive is not None:
        reached, others = passive.amount, passive.unconverted
    else:
        reached = summary.passive_this_month.get(goal.currency, Decimal(0))
        others = {c: v for c, v in summary.passive_this_month.items() if c != goal.currency}
    text.append(format_money(reached, goal.currency), style="bold green")
    text.append(f" of {format_money(goal.amount, goal.currency)}", style="dim")
    if others:
        text.append(f"  (not counted, no rate: {format_totals(others)})", style="dim")
    return text


def _names(items: Sequence[Expected], with_due: bool) -> str:
    shown = [safe_display(e.stream.name) + (f" {e.due.isoformat()}" if with_due else "") for e in items[:NAMES_SHOWN]]
    more = len(items) - NAMES_SHOWN
    return ", ".join(shown) + (f" +{more} more" if more > 0 else "")


def render_expected(expected: Sequence[Expected]) -> Text:
    """Late payments first (in warning colours), then what should arrive in the next 30 days."""
    text = Text()
    late = [e for e in expected if e.overdue]
    soon = [e for e in expected if not e.overdue]
    if late:
        text.append(f"{OVERDUE_MARK}Overdue: ", style="bold red")
        text.append(_names(late, with_due=True), style="red")
        text.append(" (due; record it with a)\n" if len(late) == 1 else " (due dates; record them with a)\n",
                    style="dim")
    if soon:
        totals: defaultdict[str, Decimal] = defaultdict(Decimal)
        unknown = 0
        for e in soon:
            if e.amount is None:
                unknown += 1
            else:
                totals[e.stream.currency] += e.amount
        text.append("Next 30 days ", style="dim")
        text.append(format_totals(dict(totals)) if totals else "?", style="bold")
        if unknown:
            text.append(f" (+{unknown} without an expected amount)", style="dim")
        text.append(f": {_names(soon, with_due=True)}\n")
    text.rstrip()
    return text


def stream_cells(s: Stream, this_month: Mapping[int, Decimal], sparks: Mapping[int, str],
                 overdue: frozenset[int]) -> tuple[str, ...]:
    """A stream's row: the overdue mark, name, kind, this month's total, the last 12 months."""
    mark = OVERDUE_MARK if s.id in overdue else ""
    return (mark + safe_display(s.name), s.kind, format_money(this_month.get(s.id, Decimal(0)), s.currency),
            sparks.get(s.id, ""))


def payment_cells(p: Payment, streams: Mapping[int, Stream]) -> tuple[str, ...]:
    """A payment's row; a stream deleted meanwhile shows as '?' rather than failing the draw."""
    stream = streams.get(p.stream_id)
    name, currency = (safe_display(stream.name), p.currency or stream.currency) if stream else ("?", p.currency)
    note = ("refund · " if p.refund else "") + safe_display(p.note)
    if p.customer:
        note = f"{note} · {safe_display(p.customer)}" if note else safe_display(p.customer)
    return (p.on.isoformat(), name, format_money(p.amount, currency or None), note)
