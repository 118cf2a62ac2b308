"""The rates a user entered, listed in the plain formats (``tenfold report --rates``).

The Rich table for the terminal and the app is :func:`tenfold.reports.tables.rates_table`.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from tenfold.domain.rates import CONVERSION_RULE, Rate

RATE_COLUMNS = ("date", "from", "to", "rate")


def rates_csv(rates: Sequence[Rate]) -> str:
    """``date,from,to,rate``, one line per rate: 1 from = rate to, from that date on."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(RATE_COLUMNS)
    for r in rates:
        writer.writerow([r.on.isoformat(), r.currency, r.to, str(r.rate)])
    return out.getvalue()


def rates_document(rates: Sequence[Rate]) -> dict[str, Any]:
    """The rates as JSON-ready values, with the rule that uses them."""
    return {
        "rates": [{"id": r.id, "date": r.on.isoformat(), "from": r.currency, "to": r.to, "rate": str(r.rate)}
                  for r in rates],
        "conversion_rule": CONVERSION_RULE,
    }


def rates_markdown(rates: Sequence[Rate]) -> str:
    """A Markdown table of the rates and the rule under it."""
    lines = ["| Date | Rate |", "| --- | ---: |"]
    lines += [f"| {r.on.isoformat()} | 1 {r.currency} = {r.rate} {r.to} |" for r in rates]
    if not rates:
        lines.append("| - | no rates entered |")
    return "\n".join([*lines, "", CONVERSION_RULE]) + "\n"
