"""Step 8's scale experiments, measured by the ledger where it can.

An experiment on a stream watches a figure. When the figure is one the ledger
measures every month (income, customers, income per hour), its baseline is that
figure in the last complete month before the experiment began, and its result
the figure in the month the result is due, once that month is complete. What
the user typed is kept and shown instead when they typed it: their figure wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tenfold.domain.dates import previous_month
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import Month, MonthlyIndex
from tenfold.domain.step_entries import LEDGER_FIGURES
from tenfold.domain.step_items import StepItem
from tenfold.domain.streams import Stream
from tenfold.figures.projection import month_text
from tenfold.figures.reach import reach_in
from tenfold.figures.upkeep import Logged, upkeep


@dataclass(frozen=True)
class Measured:
    """An experiment's baseline and result, each as text, and where each came from."""

    baseline: str
    result: str
    from_ledger: bool


def ledger_value(figure: str, stream: Stream, month: Month, index: MonthlyIndex,
                 payments: Sequence[Payment] | None, logged: Logged) -> str:
    """One of :data:`LEDGER_FIGURES` for ``stream`` in ``month``, as the experiment shows it.

    ``payments`` None: not read yet (a big file just opened); customers, which need
    each payment, are counted once they are, the sums come from the index now.
    """
    income = index.series(stream.id, [month])[0]
    if figure == "income":
        return f"{income:,.2f} {stream.currency} in {month_text(month)}"
    if figure == "customers":
        if payments is None:
            return f"counted once the payments are read ({month_text(month)})"
        reach = reach_in(month, [stream], payments, {})[stream.id]
        return f"{reach.customers} in {month_text(month)}"
    per_hour = upkeep(stream, {month: income}, logged.get(stream.id, {}), [month]).per_hour
    value = "no hours" if per_hour is None else f"{per_hour:,.2f} {stream.currency}/h"
    return f"{value} in {month_text(month)}"


def measure(item: StepItem, stream: Stream | None, index: MonthlyIndex, payments: Sequence[Payment] | None,
            logged: Logged, today: date) -> Measured:
    """Baseline and result of one step-8 item, from what was typed or from the ledger."""
    typed_base, typed_result = item.extra.get("baseline", ""), item.extra.get("result", "")
    figure = item.extra.get("figure", "").strip().casefold()
    if stream is None or figure not in LEDGER_FIGURES:
        return Measured(typed_base or "-", typed_result or "-", False)
    before = previous_month(item.added_on.year, item.added_on.month)
    baseline = typed_base or ledger_value(figure, stream, before, index, payments, logged)
    result = typed_result
    due = item.extra.get("check_on")
    if not result:
        if not due:
            result = "set a date for the result"
        else:
            month = (int(due[:4]), int(due[5:7]))
            complete = month < (today.year, today.month)
            result = (ledger_value(figure, stream, month, index, payments, logged) if complete
                      else f"due {due} (measured once {month_text(month)} is complete)")
    return Measured(baseline, result, True)

