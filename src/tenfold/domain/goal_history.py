"""How the written goal changed: each earlier version, and what changed when it was rewritten.

The store keeps every earlier goal with the day it was replaced
(:meth:`tenfold.store.store.Store.goal_history`). Seeing the goal move - the amount
raised, the deadline pushed back, the words sharpened - is part of the coaching,
so the app and ``tenfold goal history`` show the versions side by side with the
differences spelled out. Pure functions, tested with hand-made goals.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tenfold.domain.goal import Goal, GoalVersion
from tenfold.domain.money import format_money
from tenfold.domain.text import safe_display

FIELD_LABELS = {"amount": "amount", "currency": "currency", "deadline": "deadline", "text": "text"}
TEXT_PREVIEW = 60
"""How many characters of a rewritten text a one-line change shows."""


@dataclass(frozen=True)
class GoalChange:
    """One field that differs between a goal and the goal that replaced it."""

    field: str
    before: str
    after: str
    note: str = ""
    """A word on the direction: raised, lowered, 30 days later."""

    def describe(self) -> str:
        """``amount 1,000.00 → 1,500.00 (raised)``; a text change shows the start of both texts."""
        if self.field == "text":
            return f'text "{_preview(self.before)}" → "{_preview(self.after)}"'
        note = f" ({self.note})" if self.note else ""
        return f"{FIELD_LABELS[self.field]} {self.before} → {self.after}{note}"


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= TEXT_PREVIEW else flat[: TEXT_PREVIEW - 1] + "…"


def _days(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


def diff_goals(old: Goal, new: Goal) -> tuple[GoalChange, ...]:
    """What changed from ``old`` to ``new``: amount, currency, deadline, text (in that order).

    The day each was written is not a change in the goal itself, so it is left out;
    a text differing only in surrounding spaces is the same text.
    """
    changes: list[GoalChange] = []
    if old.amount != new.amount:
        note = "raised" if new.amount > old.amount else "lowered"
        changes.append(GoalChange("amount", format_money(old.amount), format_money(new.amount), note))
    if old.currency != new.currency:
        changes.append(GoalChange("currency", old.currency, new.currency))
    if old.deadline != new.deadline:
        days = (new.deadline - old.deadline).days
        note = f"{_days(days)} later" if days > 0 else f"{_days(-days)} earlier"
        changes.append(GoalChange("deadline", old.deadline.isoformat(), new.deadline.isoformat(), note))
    if old.text.strip() != new.text.strip():
        changes.append(GoalChange("text", old.text.strip(), new.text.strip()))
    return tuple(changes)


@dataclass(frozen=True)
class GoalEntry:
    """One version of the goal in the timeline.

    ``replaced_on`` is None for the goal in force; for an earlier one, ``changes``
    says what differed in the version that replaced it.
    """

    goal: Goal
    replaced_on: date | None
    changes: tuple[GoalChange, ...] = ()

    @property
    def current(self) -> bool:
        """Whether this is the goal in force now."""
        return self.replaced_on is None

    def headline(self) -> str:
        """``1,500.00 EUR a month by 2027-12-31``."""
        return f"{format_money(self.goal.amount, self.goal.currency)} a month by {self.goal.deadline.isoformat()}"

    def changes_line(self) -> str:
        """The changes in one line, ``;``-separated; says so when only the date was new."""
        if not self.changes:
            return "rewritten with the same words, amount and deadline"
        return "; ".join(c.describe() for c in self.changes)


def goal_timeline(current: Goal | None, history: Sequence[GoalVersion]) -> list[GoalEntry]:
    """The goal in force, then each earlier version, newest first, each diffed with its successor.

    ``history`` is in the store's order (newest first): the newest earlier version
    was replaced by the current goal, the one before it by the newest, and so on.
    """
    entries: list[GoalEntry] = []
    if current is not None:
        entries.append(GoalEntry(current, None))
    ordered = sorted(history, key=lambda v: (v.replaced_on, v.id), reverse=True)
    successor = current
    for version in ordered:
        changes = diff_goals(version.goal, successor) if successor is not None else ()
        entries.append(GoalEntry(version.goal, version.replaced_on, changes))
        successor = version.goal
    return entries


def timeline_text(entries: Sequence[GoalEntry]) -> list[str]:
    """Plain lines for the command line: the goal now, then each earlier version with its changes."""
    if not entries:
        return ["No goal written yet; write one with: tenfold goal set TEXT --amount 1500 --by YYYY-MM-DD"]
    lines: list[str] = []
    for entry in entries:
        if entry.current:
            lines.append(f"Now (written {entry.goal.written_on.isoformat()}): {entry.headline()}")
        else:
            assert entry.replaced_on is not None
            lines.append(
                f"{entry.goal.written_on.isoformat()} to {entry.replaced_on.isoformat()}: {entry.headline()}"
            )
        lines.append("  " + " ".join(entry.goal.text.split()))
        if not entry.current:
            lines.append(f"  then changed: {entry.changes_line()}")
    if len(entries) == 1 and entries[0].current:
        lines.append("The goal has not been rewritten yet; earlier versions will be listed here.")
    return [safe_display(line) for line in lines]  # typed text must not drive the terminal
