"""Drawing what steps 4 to 8 produce beyond a name: bills, a pitch's dates, an experiment's figures."""

from __future__ import annotations

from rich.text import Text

from tenfold.domain.money import format_money
from tenfold.domain.step_entries import entry_specs, mentor_line
from tenfold.domain.step_items import StepItem
from tenfold.tui.widgets.step_content import item_line, one_line, savings_text
from tenfold.views.step_view import StepsView

_DATES = {"sent_on": "sent", "follow_up_on": "follow up", "check_on": "result due"}
_SHORT = {"outcome", "decision", "prices", "figure", "baseline", "result", *_DATES}
"""Entries short enough to share one line; the others get a line each."""


def bills_text(view: StepsView) -> Text:
    """Step 4: ``Bills: 2,400.00 EUR a month · savings 12,000.00 EUR · an hour 35.00 EUR``."""
    text = Text.assemble(("Bills: ", "bold"))
    f = view.freedom
    if f is None or f.bills is None:
        text.append("not noted yet (b in the step: what must the streams cover each month?)", style="yellow")
        return text
    text.append(f"{format_money(f.bills, f.currency)} a month")
    if f.savings is not None:
        text.append(f" · savings {format_money(f.savings, f.currency)}")
    if f.hourly_rate is not None:
        text.append(f" · an hour {format_money(f.hourly_rate, f.currency)}")
    return text


def head_text(view: StepsView, number: int) -> Text | None:
    """What sits above a step's list: step 4's savings and bills, step 7's next move; None elsewhere."""
    if number == 4:
        return Text("\n").join([savings_text(view), bills_text(view)])
    if number == 7 and view.today is not None:
        line = mentor_line(view.items_of(7), view.today)
        return Text(line, style="bold green") if line else None
    return None


def entries_text(view: StepsView, item: StepItem) -> Text | None:
    """An item's entries under its name, indented; step 8's figures from the ledger where measured."""
    if not item.extra and item.id not in view.measured:
        return None
    lines: list[Text] = []
    short: list[str] = []
    for spec in entry_specs(item.step):
        value = item.extra.get(spec.key, "")
        if spec.key == "stream" and value.isdigit():
            ref = view.streams.get(int(value))
            value = ref.name if ref else "(a stream no longer in the ledger)"
        measured = view.measured.get(item.id)
        if measured is not None and spec.key in ("baseline", "result"):
            value = measured.baseline if spec.key == "baseline" else measured.result
        if not value:
            continue
        if spec.key in _SHORT:
            short.append(f"{_DATES.get(spec.key, spec.key)} {one_line(value)}")
        else:
            lines.append(Text.assemble(("    " + spec.label + ": ", "dim"), one_line(value)))
    if short:
        lines.append(Text("    " + " · ".join(short), style="cyan"))
    return Text("\n").join(lines) if lines else None


def item_block(view: StepsView, item: StepItem) -> Text:
    """An item's line and, under it, its entries (the step screen's list)."""
    line = item_line(view, item)
    entries = entries_text(view, item)
    return line if entries is None else Text("\n").join([line, entries])
