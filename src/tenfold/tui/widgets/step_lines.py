"""The Eight Steps checklist as wrapped lines: nothing on a step's line is cut, however narrow the pane.

A step's line is its box and number, then its title, a few words on its content and
the day it was ticked; what does not fit goes on to the next line, indented under
the title, so a date is never shortened to "2026-10-…". The list keeps where each
step starts, so a click finds its step.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.text import Text

from tenfold.domain.steps import STEPS, StepState

HEAD_WIDTH = 6
"""``[x] 1 ``: the box and the number; wrapped lines start under the title."""


@dataclass(frozen=True)
class StepLines:
    """The list's screen lines, and the first line of each step."""

    lines: list[Text]
    starts: list[int]

    def step_at(self, y: int) -> int | None:
        """The index of the step drawn on line ``y``, or None below the list."""
        if y < 0 or y >= len(self.lines):
            return None
        return max(index for index, start in enumerate(self.starts) if start <= y)


def step_lines(states: Sequence[StepState], badges: Sequence[tuple[str, bool]], cursor: int, focused: bool,
               width: int, console: Console) -> StepLines:
    """One or more lines per step, wrapped at ``width`` cells; the cursor's step reversed when focused."""
    body_width = max(8, width - HEAD_WIDTH)
    lines: list[Text] = []
    starts: list[int] = []
    for index, (info, state) in enumerate(zip(STEPS, states, strict=True)):
        style = "reverse" if index == cursor and focused else ("bold" if index == cursor else "")
        body = Text(f"{info.title}")
        badge, suggested = badges[index]
        if badge:
            body.append(f"  {badge}", style="bold green" if suggested else "cyan")
        if suggested:
            body.append(" tick?", style="bold green")
        if state.done_on:
            body.append(f"  {state.done_on.isoformat()}", style="dim")
        starts.append(len(lines))
        for number, part in enumerate(body.wrap(console, body_width, overflow="fold")):
            line = Text(style=style)
            if number == 0:
                line.append("[x] " if state.done else "[ ] ", style="green" if state.done else "")
                line.append(f"{info.number} ")
            else:
                line.append(" " * HEAD_WIDTH)
            part.rstrip()
            line.append_text(part)
            lines.append(line)
    return StepLines(lines, starts)
