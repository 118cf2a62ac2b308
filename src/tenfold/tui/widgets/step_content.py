"""Drawing a step's content as Rich text: shared by the Eight Steps pane and the step screen."""

from __future__ import annotations

from rich.text import Text

from tenfold.coach.actions import due_words
from tenfold.domain.money import format_money
from tenfold.domain.step_items import ITEM_KINDS, StepItem
from tenfold.domain.steps import step_info
from tenfold.domain.text import safe_display
from tenfold.views.step_view import StepsView


def one_line(text: str) -> str:
    """User text on one line, control characters made visible."""
    return " ".join(safe_display(text).split())


def suggestion_text(view: StepsView, number: int, tick_key: str) -> Text | None:
    """``Step 3 looks done: 4 of 4 sub-tasks ticked. Space to tick it.`` or None."""
    why = view.suggestion(number)
    if why is None:
        return None
    return Text.assemble((why, "bold green"), f" {tick_key} to tick it; the choice is yours.")


def item_line(view: StepsView, item: StepItem, *, detail: bool = True) -> Text:
    """``[ ] Outline chapter 1  due 2027-01-10 · by Friday``; step 8 adds its stream's trend.

    A sub-task's due date is shown while it is open (red once overdue), the day it was
    ticked once it is done.
    """
    kind = ITEM_KINDS[item.step]
    line = Text(no_wrap=True, overflow="ellipsis")
    if kind.done_label:
        line.append("[x] " if item.done else "[ ] ", style="green" if item.done else "")
    else:
        line.append("• ")
    line.append(one_line(view.item_name(item)))
    trend = view.trend_text(item) if item.step == 8 else ""
    if trend:
        line.append(f"  {trend}", style="cyan")
    if item.step == 3:
        today = view.today
        due = due_words(item, today) if today is not None else (f"due {item.due_on}" if item.due_on else "")
        if due:
            line.append(f"  {due}", style="bold red" if today is not None and item.overdue(today) else "yellow")
        elif item.done and item.done_on is not None:
            line.append(f"  done {item.done_on.isoformat()}", style="dim green")
    if detail and item.detail.strip():
        line.append(f"  · {one_line(item.detail)}", style="dim")
    return line


def savings_text(view: StepsView) -> Text:
    """Step 4: ``Savings last: 6 months``, or a question when it is not noted yet."""
    months = view.state(4).savings_months
    text = Text.assemble(("Savings last: ", "bold"))
    if months is None:
        text.append("not noted yet (m in the step: how many months?)", style="yellow")
    else:
        text.append(f"{months.normalize():f} months")
    return text


def content_text(view: StepsView, number: int, *, limit: int | None = None, add_key: str = "a") -> Text:
    """What step ``number`` holds; with ``limit``, at most that many items and a count of the rest."""
    text = Text()
    if number == 1:
        if view.chosen:
            text.append("Chosen: ", style="bold")
            text.append(one_line(view.chosen))
            if view.chosen_detail:
                text.append(f"\n{one_line(view.chosen_detail)}", style="dim")
        else:
            text.append(f"No idea chosen yet. {add_key}: choose one from your brainstorm or ledger.", style="yellow")
        return text
    if number == 2:
        goal = view.goal
        if goal is None:
            text.append(f"No goal written yet. {add_key}: write it.", style="yellow")
            return text
        text.append("Goal: ", style="bold")
        text.append(f"{format_money(goal.amount, goal.currency)} a month by {goal.deadline.isoformat()}\n")
        text.append(one_line(goal.text), style="italic")
        return text
    kind = ITEM_KINDS[number]
    if number == 4:
        text.append_text(savings_text(view))
        text.append("\n")
    items = view.items_of(number)
    if not items:
        text.append(f"No {kind.plural} yet. {add_key}: add one.", style="yellow")
        return text
    shown = items if limit is None else items[:limit]
    done = f" · {sum(i.done for i in items)} of {len(items)} {kind.done_label.lower()}" if kind.done_label else ""
    text.append(f"{kind.plural.capitalize()}{done}\n", style="bold")
    for index, item in enumerate(shown):
        if index:
            text.append("\n")
        text.append_text(item_line(view, item, detail=limit is None))
    if len(items) > len(shown):
        text.append(f"\n… and {len(items) - len(shown)} more (Enter opens the step)", style="dim")
    return text


def coaching_text(number: int, *, today_only: bool = False) -> Text:
    """The step's one concrete action for today, then (unless ``today_only``) what it means."""
    info = step_info(number)
    text = Text()
    text.append("Today: ", style="bold green")
    text.append(info.today, style="default")
    if not today_only:
        text.append("\n" + info.meaning)
    return text


def header_text(view: StepsView, number: int) -> Text:
    """``Step 3 of 8 · Plan your steps · ticked 2026-11-18``."""
    info, state = step_info(number), view.state(number)
    text = Text.assemble((f"Step {number} of 8 · ", "dim"), (info.title, "bold"))
    if state.done_on is not None:
        text.append(f"  [x] ticked {state.done_on.isoformat()}", style="green")
    else:
        text.append("  [ ] not ticked", style="dim")
    return text
