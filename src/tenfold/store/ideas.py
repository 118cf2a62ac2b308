"""The brainstorm's records: the ideas.

Streams, steps and ratings that point at an idea are cleared by the store in the
same batch that deletes it (:meth:`IdeaRecords.remove`).
"""

from __future__ import annotations

import dataclasses

from tenfold.domain.errors import StoreError
from tenfold.domain.ideas import Idea, newest_first
from tenfold.store import schema
from tenfold.store.batch import Batch, Batches
from tenfold.store.database import Database


class IdeaRecords:
    """Reads and writes of the brainstorm entries."""

    def __init__(self, database: Database, batches: Batches, ideas: dict[int, Idea]) -> None:
        self.path = database.path
        self._write = batches.batch
        self._ideas = ideas

    def idea(self, idea_id: int) -> Idea | None:
        """One brainstorm entry by id."""
        return self._ideas.get(idea_id)

    def ideas(self) -> list[Idea]:
        """Brainstorm entries newest first."""
        return newest_first(list(self._ideas.values()))

    def add_idea(self, idea: Idea) -> Idea:
        """Insert a brainstorm entry; returns it with its new id."""
        with self._write() as t:
            new_id = t.table(schema.IDEAS).insert(idea.to_store())
        saved = dataclasses.replace(idea, id=new_id)
        self._ideas[new_id] = saved
        return saved

    def update_idea(self, idea: Idea) -> None:
        """Rewrite an existing brainstorm entry."""
        if idea.id not in self._ideas:
            raise StoreError(self.path, f"has no idea {idea.id}")
        with self._write() as t:
            t.table(schema.IDEAS).replace(idea.id, idea.to_store())
        self._ideas[idea.id] = idea

    def remove(self, batch: Batch, idea_id: int) -> None:
        """In ``batch``: delete a brainstorm entry."""
        if idea_id not in self._ideas:
            raise StoreError(self.path, f"has no idea {idea_id}")
        batch.table(schema.IDEAS).remove(doc_ids=[idea_id])
        gone = self._ideas.pop(idea_id)
        batch.on_undo(lambda: self._ideas.__setitem__(idea_id, gone))
