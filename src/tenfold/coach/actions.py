"""The next action: one concrete thing to do, from where the user really is.

The step's own suggestion ("Break the next month into four weekly actions") is
right the first day and stale the tenth: once the sub-tasks exist, the next
action is the first one not yet ticked, and it moves on as boxes are ticked.
Step 3's sub-tasks may carry a due date: the one due first comes first (an
overdue one is named as such), then the undated ones in the order they were added.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tenfold.domain.step_items import ITEM_KINDS, StepItem
from tenfold.domain.steps import StepInfo


def next_open(items: Sequence[StepItem]) -> StepItem | None:
    """The unticked item to do next: the earliest due date first, then undated ones as added."""
    waiting = [i for i in items if not i.done]
    if not waiting:
        return None
    return min(waiting, key=lambda i: (i.due_on is None, i.due_on or date.min, i.id))


def due_words(item: StepItem, today: date) -> str:
    """``overdue since 2027-01-05``, ``due today``, ``due 2027-01-20`` or "" without a date."""
    if item.due_on is None or item.done:
        return ""
    if item.due_on < today:
        return f"overdue since {item.due_on.isoformat()}"
    if item.due_on == today:
        return "due today"
    return f"due {item.due_on.isoformat()}"


def next_action(step: StepInfo | None, items: Sequence[StepItem], today: date | None = None) -> str:
    """What to do next on ``step`` (the next unticked), given every step's ``items``.

    ``today`` says whether a due date has passed; without it, dates are shown as dates.
    """
    if step is None:
        return "Keep measuring what works, and scale it (step 8)."
    kind = ITEM_KINDS.get(step.number)
    own = [i for i in items if i.step == step.number]
    if kind is None or not own:
        return step.today
    if kind.done_label is None:
        return f"{step.today} ({len(own)} {kind.plural if len(own) != 1 else kind.noun} listed so far.)"
    waiting = [i for i in own if not i.done]
    done = len(own) - len(waiting)
    label = kind.done_label.lower()
    if not waiting:
        return (f"All {len(own)} {kind.plural} {label}: tick step {step.number} when it feels done, "
                f"or add the next {kind.noun}.")
    first = next_open(own)
    assert first is not None
    when = f" ({first.detail.strip().splitlines()[0]})" if first.detail.strip() else ""
    due = due_words(first, today or date.min)
    if first.overdue(today or date.min):
        lead = f"Overdue since {first.due_on}: "
    else:
        lead = f"{kind.text_label}: "
        when += f" · {due}" if due else ""
    return f"{lead}{first.text}{when} · {done} of {len(own)} {kind.plural} {label}."
