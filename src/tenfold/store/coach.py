"""The coaching records: the goal and its history, the steps and their items, planned pauses,
dismissed checks and the forms' drafts.

Links the steps keep to a stream or an idea are cleared by the store in the same
batch that deletes them (:meth:`CoachRecords.unlink_stream`, :meth:`CoachRecords.unlink_idea`).
"""

from __future__ import annotations

import dataclasses
from datetime import date as date_type

from tinydb import where

from tenfold.domain.errors import StoreError
from tenfold.domain.goal import Goal, GoalVersion
from tenfold.domain.pauses import Pause
from tenfold.domain.step_items import StepItem
from tenfold.domain.steps import STEPS, StepState
from tenfold.store import schema
from tenfold.store.batch import Batch, Batches
from tenfold.store.database import Database
from tenfold.store.dismissals import Dismissal
from tenfold.store.reading.loading import Contents


class CoachRecords:
    """Reads and writes of the Written Goal, the Eight Steps, pauses, dismissals and drafts."""

    def __init__(self, database: Database, batches: Batches, contents: Contents) -> None:
        self.path = database.path
        self.today = database.today
        self._write = batches.batch
        self._goal = contents.goal
        self._goal_history = contents.goal_history
        self._steps = contents.steps
        self._step_items = contents.step_items
        self._pauses = contents.pauses
        self._dismissed = contents.dismissed
        self._drafts = contents.drafts

    # ----- reading ---------------------------------------------------------------

    @property
    def goal(self) -> Goal | None:
        """The written goal, or None before the user has written one."""
        return self._goal

    def goal_history(self) -> list[GoalVersion]:
        """Earlier versions of the goal, newest first."""
        return sorted(self._goal_history.values(), key=lambda v: (v.replaced_on, v.id), reverse=True)

    def steps(self) -> list[StepState]:
        """All eight steps in order, unticked ones included."""
        return [self._steps.get(info.number, StepState(info.number)) for info in STEPS]

    def step_items(self, step: int | None = None) -> list[StepItem]:
        """A step's items (or every step's) in the order they were added."""
        items = [i for i in self._step_items.values() if step is None or i.step == step]
        return sorted(items, key=lambda i: (i.step, i.id))

    def pauses(self) -> list[Pause]:
        """Planned pauses of the streak, oldest first."""
        return sorted(self._pauses.values(), key=lambda p: (p.start, p.id))

    def add_pause(self, pause: Pause) -> Pause:
        """Insert a planned pause (validated by :func:`tenfold.domain.pauses.parse_pause`)."""
        with self._write() as t:
            new_id = t.table(schema.PAUSES).insert(pause.to_store())
        saved = dataclasses.replace(pause, id=new_id)
        self._pauses[new_id] = saved
        return saved

    # ----- writing ---------------------------------------------------------------

    def set_goal(self, goal: Goal) -> None:
        """Write (or rewrite) the goal; a changed goal keeps the old one in the history."""
        old = self._goal
        if old is not None and dataclasses.replace(old, written_on=goal.written_on) == goal:
            return  # the same words, amount and deadline saved again: nothing changed, nothing to keep
        keep = old is not None
        with self._write() as t:
            if old is not None and keep:
                version_id = t.table(schema.GOAL_HISTORY).insert(GoalVersion(0, old, goal.written_on).to_store())
            t.table(schema.GOAL).replace(1, goal.to_store())
        if old is not None and keep:
            self._goal_history[version_id] = GoalVersion(version_id, old, goal.written_on)
        self._goal = goal

    def set_step(self, state: StepState) -> None:
        """Save one step's tick date, notes and links."""
        with self._write() as t:
            t.table(schema.STEPS).replace(state.number, state.to_store())
        self._steps[state.number] = state

    def tick(self, number: int, on: date_type) -> StepState:
        """Tick a step, recording the date; notes and links are kept."""
        new = dataclasses.replace(self.steps()[number - 1], done_on=on)
        self.set_step(new)
        return new

    def untick(self, number: int) -> StepState:
        """Untick a step; notes and links are kept."""
        new = dataclasses.replace(self.steps()[number - 1], done_on=None)
        self.set_step(new)
        return new

    def _dated(self, item: StepItem, before: StepItem | None) -> StepItem:
        """``item`` with the day its box was ticked: today when it is ticked now, kept when it stays ticked."""
        if not item.done:
            return item if item.done_on is None else dataclasses.replace(item, done_on=None)
        if item.done_on is not None:
            return item
        kept = before.done_on if before is not None and before.done else None
        return dataclasses.replace(item, done_on=kept or self.today())

    def add_step_item(self, item: StepItem) -> StepItem:
        """Insert a step's item; returns it with its new id (and, ticked, the day it was ticked)."""
        item = self._dated(item, None)
        with self._write() as t:
            new_id = t.table(schema.STEP_ITEMS).insert(item.to_store())
        saved = dataclasses.replace(item, id=new_id)
        self._step_items[new_id] = saved
        return saved

    def update_step_item(self, item: StepItem) -> None:
        """Rewrite a step's item (its text, detail, or yes/no box); a tick records the day it was made."""
        if item.id not in self._step_items:
            raise StoreError(self.path, f"has no step item {item.id}")
        item = self._dated(item, self._step_items[item.id])
        with self._write() as t:
            t.table(schema.STEP_ITEMS).replace(item.id, item.to_store())
        self._step_items[item.id] = item

    def delete_step_item(self, item_id: int) -> None:
        """Delete a step's item."""
        with self._write() as t:
            t.table(schema.STEP_ITEMS).remove(doc_ids=[item_id])
        del self._step_items[item_id]

    # ----- links cleared when a stream or an idea goes (inside its batch) ------------------

    def unlink_stream(self, batch: Batch, stream_id: int) -> None:
        """Step 1's choice of the stream is cleared and step 8's items about it go."""
        steps = [s for s in self._steps.values() if s.stream_id == stream_id]
        items = [i for i in self._step_items.values() if i.stream_id == stream_id]

        def undo() -> None:
            self._steps.update((s.number, s) for s in steps)
            self._step_items.update((i.id, i) for i in items)

        batch.on_undo(undo)  # before anything changes: a failure half-way is undone too
        for s in steps:
            self._steps[s.number] = dataclasses.replace(s, stream_id=None)
            batch.table(schema.STEPS).replace(s.number, self._steps[s.number].to_store())
        batch.table(schema.STEP_ITEMS).remove(doc_ids=[i.id for i in items])
        for i in items:
            del self._step_items[i.id]

    def unlink_idea(self, batch: Batch, idea_id: int) -> None:
        """Steps that chose idea ``idea_id`` forget it."""
        steps = [s for s in self._steps.values() if s.idea_id == idea_id]
        batch.on_undo(lambda: self._steps.update((s.number, s) for s in steps))
        for s in steps:
            self._steps[s.number] = dataclasses.replace(s, idea_id=None)
            batch.table(schema.STEPS).replace(s.number, self._steps[s.number].to_store())

    # ----- honest checks kept away -------------------------------------------------

    def dismissed(self) -> dict[str, date_type]:
        """Nudges kept away today, by key, with the day they were dismissed (a snooze that ran out is not here)."""
        today = self.today()
        return {key: d.on for key, d in self._dismissed.items() if d.hides(today)}

    def dismissals(self) -> list[Dismissal]:
        """The dismissals still keeping a check away today (for good or snoozed), oldest first."""
        today = self.today()
        return sorted((d for d in self._dismissed.values() if d.hides(today)), key=lambda d: (d.on, d.key))

    def dismiss(self, key: str, on: date_type, until: date_type | None = None) -> None:
        """Keep the nudge ``key`` away: for good, or (``until``) up to that day, when it shows again.

        A check dismissed again (a snooze that ran out, or made longer) has its one record replaced.
        """
        dismissal = Dismissal(key, on, until)
        if self._dismissed.get(key) == dismissal:
            return
        with self._write() as t:
            table = t.table(schema.DISMISSED)
            table.remove(where("key") == key)  # replaced whole: an upsert would keep an old "until"
            table.insert(dismissal.to_store())
        self._dismissed[key] = dismissal

    def undismiss(self, key: str) -> None:
        """Bring a dismissed or snoozed check back: its record is removed."""
        if key not in self._dismissed:
            return
        with self._write() as t:
            t.table(schema.DISMISSED).remove(where("key") == key)
        del self._dismissed[key]

    # ----- the forms' drafts ------------------------------------------------------------------

    def draft(self, kind: str) -> dict[str, str] | None:
        """Unsubmitted form values saved when the app was closed with a form open."""
        return self._drafts.get(kind)

    def save_draft(self, kind: str, values: dict[str, str]) -> None:
        """Keep a form's unsubmitted values so closing the app loses nothing."""
        with self._write() as t:
            t.table(schema.DRAFTS).upsert({"kind": kind, "values": values}, where("kind") == kind)
        self._drafts[kind] = values

    def clear_draft(self, kind: str) -> None:
        """Forget a draft once its form was submitted."""
        if kind not in self._drafts:
            return
        with self._write() as t:
            t.table(schema.DRAFTS).remove(where("kind") == kind)
        del self._drafts[kind]
