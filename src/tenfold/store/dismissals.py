"""Honest checks the user dismissed for good or snoozed until a day: one record per check's key.

A record is ``{"key", "on", "until"}``. ``until`` is optional: files written
before snoozing existed have none, and a record without it (or with null) keeps
the check away for good. A snoozed check is hidden before ``until`` and shows
again from that day on; its record stays, so the day it was snoozed is not lost.
No schema bump: an older Tenfold ignores ``until`` and keeps the check away, which
loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tenfold.domain.dates import date_from_store, optional_date_from_store


@dataclass(frozen=True)
class Dismissal:
    """The check ``key`` was dismissed ``on`` a day, for good (``until`` None) or until a day."""

    key: str
    on: date
    until: date | None = None

    def hides(self, today: date) -> bool:
        """Whether the check is still kept away on ``today``."""
        return self.until is None or today < self.until

    def to_store(self) -> dict[str, Any]:
        """The record as the data file keeps it (``until`` only when snoozed)."""
        doc: dict[str, Any] = {"key": self.key, "on": self.on.isoformat()}
        if self.until is not None:
            doc["until"] = self.until.isoformat()
        return doc

    @classmethod
    def from_store(cls, doc: dict[str, Any]) -> Dismissal:
        """Build from a record; TypeError/ValueError/KeyError on a damaged one."""
        key = doc["key"]
        if not isinstance(key, str):
            raise TypeError("a dismissed nudge needs a key")
        return cls(key, date_from_store(doc["on"]), optional_date_from_store(doc.get("until")))
