"""The report's measures: freedom, payback, upkeep and reach, in every format the report has.

All formats lay out one :class:`~tenfold.figures.measures.Measures`, so they never
disagree. Money and shares are exact strings in CSV and JSON ("2400.00",
"0.4000" for 40%), months ``YYYY-MM``, dates ISO. The names are documented in
:data:`JSON_NAMES`; the CSV is long (one figure a row: section, stream, field,
value) so a spreadsheet can filter or pivot it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from tenfold.domain.csvsafe import neutralise
from tenfold.domain.streams import Stream
from tenfold.domain.text import safe_display
from tenfold.figures.freedom import FREEDOM_METHOD, FreedomFigures, freedom_lines, when_text
from tenfold.figures.measures import Measures
from tenfold.figures.payback import Payback
from tenfold.figures.projection import month_text
from tenfold.figures.upkeep import UpkeepTrend

JSON_NAMES = {
    "freedom": "bills, savings, hourly_rate, currency; last_full_month, passive_last_month, share_last_month "
               "(both null when the ledger began after that month: not recorded, not 0); "
               "passive_3_month_average, share_3_month_average (over the last 3 full months since the first "
               "payment; null before one), average_months (how many it covers); shortfall, savings_months; "
               "projection (status; "
               "too_few: under 4 of the 6 full months held passive income, no month named), "
               "covered_around (YYYY-MM), growth_per_month, growth_needed_per_month; not_converted; text",
    "payback": "cost, hours_value, hours_not_valued, earned, share, paid_back_on, months, pace_per_month, "
               "expected_month, not_converted (payments in another currency without a rate), text "
               "(null: no up-front cost)",
    "upkeep": "source (logged, estimate, logged + estimate, none), months (the complete months of the last 3 "
              "since the stream began), hours_3_months, income_3_months, income_per_hour, income_per_hour_before "
              "(null when the 3 months before came before its first payment: nothing to compare with), text",
    "reach": "month, customers_counted (each, platform, one), customers, payments, unnamed_payments, "
             "deliveries (units the month's sales delivered; null when no payment gives units), "
             "planned_rung, reached_rung (null unless customers are counted one by one), text",
}
"""What each JSON key under ``measures`` holds (the README lists them too)."""


def _s(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def freedom_document(f: FreedomFigures) -> dict[str, Any]:
    """The freedom figures under their documented names."""
    p = f.projection
    return {
        "currency": f.freedom.currency,
        "bills": str(f.bills),
        "savings": _s(f.freedom.savings),
        "hourly_rate": _s(f.freedom.hourly_rate),
        "last_full_month": month_text(f.last_month.month),
        "passive_last_month": None if f.before_ledger else str(f.last_month.amount),
        "share_last_month": None if f.before_ledger else str(f.share_last),
        "passive_3_month_average": _s(f.average),
        "share_3_month_average": _s(f.share_average),
        "average_months": f.average_months,
        "shortfall": str(f.shortfall),
        "savings_months": _s(f.savings_months),
        "projection": p.status,
        "covered_around": month_text(p.reach) if p.reach else None,
        "growth_per_month": _s(p.growth),
        "growth_needed_per_month": _s(p.needed) if f.has_deadline else None,
        "not_converted": {c: str(v) for c, v in sorted(f.left_out.items())},
        "text": when_text(f),
    }


def payback_document(p: Payback | None) -> dict[str, Any] | None:
    """One stream's payback, or None when it had no up-front cost."""
    if p is None:
        return None
    return {
        "cost": str(p.cost),
        "hours_value": str(p.hours_value),
        "hours_not_valued": p.unvalued,
        "earned": str(p.earned),
        "share": str(p.share),
        "paid_back_on": p.paid_back_on.isoformat() if p.paid_back_on else None,
        "months": p.months,
        "pace_per_month": _s(p.pace),
        "expected_month": month_text(p.expected) if p.expected else None,
        "not_converted": {c: str(v) for c, v in sorted(p.left_out.items())},
        "text": p.describe(),
    }


def upkeep_document(u: UpkeepTrend) -> dict[str, Any]:
    """Income per upkeep hour over the last 3 complete months, and the 3 before."""
    return {
        "source": u.recent.source,
        "months": len(u.recent.months),
        "hours_3_months": str(u.recent.hours),
        "income_3_months": str(u.recent.income),
        "income_per_hour": _s(u.recent.per_hour),
        "income_per_hour_before": _s(u.previous.per_hour),
        "text": u.describe(),
    }


def stream_documents(m: Measures, streams: Iterable[Stream]) -> list[dict[str, Any]]:
    """Each stream's payback, upkeep and reach."""
    out = []
    for s in streams:
        r = m.reach.get(s.id)
        out.append({
            "name": s.name,
            "currency": s.currency,
            "payback": payback_document(m.paybacks.get(s.id)),
            "upkeep": upkeep_document(m.upkeep[s.id]) if s.id in m.upkeep else None,
            "reach": None if r is None else {
                "month": month_text(r.month), "customers_counted": s.customers, "customers": r.customers,
                "payments": r.payments, "unnamed_payments": r.unnamed, "deliveries": r.deliveries,
                "planned_rung": r.planned or None, "reached_rung": r.rung,
                "text": r.describe()},
        })
    return out


def measures_document(m: Measures, streams: Iterable[Stream]) -> dict[str, Any]:
    """The ``measures`` key of the report's JSON."""
    return {
        "as_of": m.today.isoformat(),
        "freedom": freedom_document(m.freedom) if m.freedom else None,
        "streams": stream_documents(m, streams),
        "method": FREEDOM_METHOD,
    }


def measures_csv(m: Measures, streams: Iterable[Stream]) -> str:
    """One figure a row: section, stream, field, value."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("section", "stream", "field", "value"))
    doc = measures_document(m, streams)
    for key, value in (doc["freedom"] or {}).items():
        if key != "not_converted":
            writer.writerow(("freedom", "", key, "" if value is None else value))
    for s in doc["streams"]:
        for section in ("payback", "upkeep", "reach"):
            for key, value in (s[section] or {}).items():
                if isinstance(value, dict):  # what was not converted, per currency: in the text and the JSON
                    continue
                # the name made inert for spreadsheets (csvsafe); the figures are numbers or our own words
                writer.writerow((section, neutralise(s["name"]), key, "" if value is None else value))
    return out.getvalue()


def stream_lines(m: Measures, streams: Iterable[Stream]) -> list[tuple[str, str, str, str]]:
    """Per stream: name, payback, how passive (income per upkeep hour), reach; a dash where none.

    The name is typed text: control characters are shown as symbols.
    """
    rows = []
    for s in streams:
        p = m.paybacks.get(s.id)
        u = m.upkeep.get(s.id)
        r = m.reach.get(s.id)
        rows.append((safe_display(s.name), p.describe() if p else "-", u.describe() if u else "-",
                     r.describe() if r else "-"))
    return rows


def measures_markdown(m: Measures, streams: Iterable[Stream]) -> str:
    """The measures as Markdown: freedom sentences, then a table per stream."""
    lines = [f"## Measures as of {m.today.isoformat()} (complete months)", ""]
    if m.freedom is not None:
        lines += ["### Freedom: the bills", "", *freedom_lines(m.freedom), ""]
    else:
        lines += ["No bills written yet (step 4): tenfold bills set --amount 2400 --currency EUR", ""]
    rows = stream_lines(m, streams)
    if rows:
        lines += ["| Stream | Payback | Income per upkeep hour | Reach |", "| --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"
