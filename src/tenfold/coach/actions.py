"""The next action: one concrete thing to do, from where the user really is.

The step's own suggestion ("Break the next month into four weekly actions") is
right the first day and stale the tenth: once the sub-tasks exist, the next
action is the first one not yet ticked, and it moves on as boxes are ticked.
"""

from __future__ import annotations

from collections.abc import Sequence

from tenfold.domain.step_items import ITEM_KINDS, StepItem
from tenfold.domain.steps import StepInfo


def next_action(step: StepInfo | None, items: Sequence[StepItem]) -> str:
    """What to do next on ``step`` (the first unticked), given every step's ``items``."""
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
    first = waiting[0]
    when = f" ({first.detail.strip().splitlines()[0]})" if first.detail.strip() else ""
    return f"{kind.text_label}: {first.text}{when} · {done} of {len(own)} {kind.plural} {label}."
