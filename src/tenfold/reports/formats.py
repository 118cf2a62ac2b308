"""The ledger's reports, part three: CSV, JSON and Markdown, and the notes every format prints.

All formats lay out the same :class:`tenfold.reports.build.Report`; none computes a
figure of its own, so the text table, the CSV and the app can never disagree.
Money in CSV and JSON is an exact string ("1234.50"), as in the data file.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from tenfold.domain.csvsafe import neutralise
from tenfold.domain.money import format_money, format_totals
from tenfold.domain.rates import CONVERSION_RULE
from tenfold.domain.text import safe_display
from tenfold.reports.aggregate import Month, month_label
from tenfold.reports.model import Report, StreamFigures

CSV_COLUMNS = ("month", "stream", "kind", "category", "currency", "amount", "fees")
"""``fees`` is empty in a month where no payment of the stream recorded a fee."""


def percent(value: Decimal | None) -> str:
    """``64.3%``; a dash when there is nothing to divide."""
    return "-" if value is None else f"{value * 100:.1f}%"


UNKNOWN = "–"
"""A share that cannot be known: part of the income under it has no rate (a note under the tables says so)."""


def share_cell(value: Decimal | None, unknown: bool) -> str:
    """``64.3%``; ``–`` when unknown for want of a rate; a dash when there is nothing to divide."""
    return UNKNOWN if unknown else percent(value)


def unknown_share_lines(report: Report) -> list[str]:
    """What ``–`` means, when a share shown is unknown."""
    if not report.any_share_unknown:
        return []
    return [f"{UNKNOWN} Share unknown: part of that income has no rate into {report.currency} (listed below), "
            "so its share is not guessed; the other streams' shares are of the passive income that has one."]


def per_hour(figures: StreamFigures) -> str:
    """Income per hour of upkeep, or why there is none."""
    if figures.per_upkeep_hour is None:
        return "no complete month yet" if figures.upkeep_months == 0 and figures.upkeep_source != "none" \
            else "no upkeep recorded"
    source = "" if figures.upkeep_source == "estimate" else f" ({figures.upkeep_source})"
    return f"{format_money(figures.per_upkeep_hour, figures.stream.currency)}/h{source}"


def concentration_note(report: Report) -> str | None:
    """The plain warning when one stream carries more than half of the passive income."""
    if not report.concentrated or report.leader is None:
        return None
    name, part = report.leader
    partly = " (of the part with a rate)" if any(f.share_unknown for f in report.streams) else ""
    return (
        f"Warning: {name} brings {percent(part)} of your passive income{partly}. If it stopped, most of that "
        "income would stop with it; a second, different stream is your backup plan (step 4)."
    )


def rate_lines(report: Report) -> list[str]:
    """Which rate converted what, one line each; or that none was needed."""
    used = report.rates_used
    if not used:
        return [f"Rates used: none (everything counted was already in {report.currency})."]
    return ["Rates used: " + "; ".join(c.describe() for c in used) + "."]


def missing_lines(report: Report) -> list[str]:
    """What could not be converted: shown apart, per currency, never added."""
    if not report.all.unconverted:
        return []
    months: dict[str, list[Month]] = {}
    for currency, month in report.missing:
        months.setdefault(currency, []).append(month)
    lines = [f"Not converted (no rate into {report.currency}), not counted in the totals above:"]
    for currency, amount in report.all.unconverted.items():
        when = ", ".join(month_label(m) for m in months.get(currency, []))
        lines.append(f"  {format_money(amount, currency)} ({when}); add a rate with: "
                     f"tenfold add rate --from {currency} --to {report.currency} --rate R --date YYYY-MM-DD")
    return lines


def fee_lines(report: Report) -> list[str]:
    """The fees the platforms kept over the period, in the report's currency; nothing when none was recorded."""
    if report.fees is None:
        return []
    apart = f" (not converted: {format_totals(report.fees.unconverted)})" if report.fees.unconverted else ""
    return [f"Platform fees kept over the period: {format_money(report.fees.amount, report.currency)}{apart}; "
            "the income above is what reached you, after them."]


def fees_cell(value: Decimal | None) -> str:
    """A stream's fees, or a dash when none was recorded (a fee of 0 shows as 0.00)."""
    return "-" if value is None else format_money(value)


def refunds_cell(figures: StreamFigures) -> str:
    """``2 (-30.00)``: how many refunds and their sum; a dash without any."""
    return f"{figures.refunds} ({format_money(figures.refunded)})" if figures.refunds else "-"


def has_extras(report: Report) -> bool:
    """Whether any stream shown has fees or refunds in the period: only then do the formats list them."""
    return any(f.fees is not None or f.refunds for f in report.streams)


def notes(report: Report) -> list[str]:
    """Every line printed under the tables: warning, rates, what was not converted, the rule.

    A stream's name can be in them, so control characters are shown as symbols.
    """
    warning = concentration_note(report)
    scope = [f"Only {report.only} is listed; totals and shares are of all your income."] if report.only else []
    lines = [*([warning] if warning else []), *scope, *fee_lines(report), *rate_lines(report),
             *unknown_share_lines(report), *missing_lines(report), CONVERSION_RULE]
    return [safe_display(line) for line in lines]


def title(report: Report) -> str:
    """``Income report, 2026-11 (compared with 2026-10), in EUR``."""
    compare = f" (compared with {month_label(report.period.compare)})" if report.period.compare else ""
    return f"Income report, {report.period.heading}{compare}, in {report.currency}"


def to_csv(report: Report) -> str:
    """One row per shown month and stream, zeros included, so a spreadsheet can pivot it."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for month in report.period.shown:
        for f in report.streams:
            s = f.stream
            writer.writerow([month_label(month), neutralise(s.name), s.kind, s.category, s.currency,
                             str(f.by_month[month]),  # the name made inert for spreadsheets (csvsafe)
                             _money((f.fees_by_month or {}).get(month)) or ""])
    return out.getvalue()


def _money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


REPORT_VERSION = 1
"""Bumped when the JSON report's shape changes (fields renamed, removed or changing meaning)."""


def to_document(report: Report) -> dict[str, Any]:
    """The report as JSON-ready values: money and shares as exact strings."""
    in_period = set(report.period.months)
    return {
        "report_version": REPORT_VERSION,
        "period": {
            "label": report.period.label,
            "months": [month_label(m) for m in report.period.months],
            "compared_with": month_label(report.period.compare) if report.period.compare else None,
        },
        "currency": report.currency,
        "months": [
            {
                "month": month_label(m.month),
                "in_period": m.month in in_period,
                "all": str(m.all.amount),
                "passive": str(m.passive.amount),
                "passive_share": _money(m.passive_share),
                "not_converted": {c: str(v) for c, v in m.all.unconverted.items()},
                "rates": [c.describe() for c in m.all.used],
            }
            for m in report.months
        ],
        "streams": [
            {
                "name": f.stream.name,
                "kind": f.stream.kind,
                "category": f.stream.category,
                "currency": f.stream.currency,
                "months": {month_label(m): str(v) for m, v in f.by_month.items()},
                "total": str(f.total),
                "converted": str(f.converted),
                "not_converted": str(f.unconverted),
                "share_of_passive": _money(f.share_of_passive),
                "upfront_money": str(f.stream.upfront_money),
                "upfront_hours": str(f.stream.upfront_hours),
                "upkeep_hours_per_month": str(f.stream.upkeep_hours),
                "income_per_upkeep_hour": _money(f.per_upkeep_hour),
                "upkeep_hours_from": f.upkeep_source,
                "fees": _money(f.fees),
                "fees_converted": _money(f.fees_converted),
                "refunds": f.refunds,
                "refunded": str(f.refunded),
            }
            for f in report.streams
        ],
        "totals": {
            "all": str(report.all.amount),
            "passive": str(report.passive.amount),
            "passive_share": _money(report.passive_share),
            "not_converted": {c: str(v) for c, v in report.all.unconverted.items()},
            "fees": _money(report.fees.amount) if report.fees else None,
            "fees_not_converted": {c: str(v) for c, v in report.fees.unconverted.items()} if report.fees else {},
        },
        "largest_passive_stream": (
            {"name": report.leader[0], "share": str(report.leader[1]), "warning": report.concentrated}
            if report.leader else None
        ),
        "only_stream": report.only,
        "rates_used": [c.describe() for c in report.rates_used],
        "conversion_rule": CONVERSION_RULE,
    }


def _md_money(value: Decimal) -> str:
    return format_money(value) if value else "-"


def _md_cell(text: str) -> str:
    return safe_display(text).replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[str]], right: int = 1) -> list[str]:
    """A GitHub-style table; columns from ``right`` on are numbers, aligned right."""
    align = ["---" if i < right else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return lines


def to_markdown(report: Report) -> str:
    """The same three tables and notes as the text report, in Markdown."""
    shown = report.period.shown
    many = len(report.period.months) > 1
    head = ["Stream", "Kind", "Currency", *(month_label(m) for m in shown), *(["Total"] if many else []),
            "Share of passive"]
    rows = [
        [f.stream.name, f.stream.kind, f.stream.currency, *(_md_money(f.by_month[m]) for m in shown),
         *([_md_money(f.total)] if many else []), share_cell(f.share_of_passive, f.share_unknown)]
        for f in report.streams
    ]
    months = [
        [month_label(m.month) + (" (before)" if m.month == report.period.compare else ""),
         format_money(m.all.amount), format_money(m.passive.amount), share_cell(m.passive_share, m.share_unknown),
         format_totals(m.all.unconverted) if m.all.unconverted else "-"]
        for m in report.months
    ]
    months.append(["**Total**", format_money(report.all.amount), format_money(report.passive.amount),
                   share_cell(report.passive_share, report.share_unknown),
                   format_totals(report.all.unconverted) if report.all.unconverted
                   else "-"])
    effort = [
        [f.stream.name, f.stream.kind,
         format_money(f.stream.upfront_money, f.stream.currency) if f.stream.upfront_money else "-",
         f"{f.stream.upfront_hours} h" if f.stream.upfront_hours else "-",
         f"{f.stream.upkeep_hours} h" if f.stream.upkeep_hours else "-", per_hour(f)]
        for f in report.streams
    ]
    lines = [f"# {title(report)}", "", "## Income per stream", "", *_md_table(head, rows, 3), "",
             f"## Income per month, in {report.currency}", "",
             *_md_table(["Month", "All income", "Passive", "Passive share", "Not converted"], months), "",
             "## What each stream takes", "",
             *_md_table(["Stream", "Kind", "Up front", "Hours up front", "Upkeep per month", "Income per upkeep hour"],
                        effort, 2), ""]
    if has_extras(report):
        extra = [[f.stream.name, f.stream.currency, fees_cell(f.fees), fees_cell(f.fees_converted), refunds_cell(f)]
                 for f in report.streams]
        lines += ["## Fees and refunds", "",
                  *_md_table(["Stream", "Currency", "Fees", f"Fees in {report.currency}", "Refunds"], extra, 2), ""]
    for note in notes(report):
        if note.startswith("  "):
            lines.append(f"- {note.strip()}")
        else:
            lines += ["", f"> **{note}**" if note.startswith("Warning") else note]
    return "\n".join(lines) + "\n"
