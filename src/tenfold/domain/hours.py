"""Upkeep as it really is: hours spent on a stream, logged on the day they happen.

A stream's upkeep estimate is typed once and rarely revisited; the method's
question, how passive is it really, deserves the hours as they were spent. An
entry is a date, a number of hours and an optional note. Hours cannot be logged
in the future (they have not happened) nor before the stream existed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from tenfold.domain.dates import date_from_store, parse_date
from tenfold.domain.errors import FormErrors, collect
from tenfold.domain.ledger_forms import find_stream, parse_hours
from tenfold.domain.money import decimal_from_store
from tenfold.domain.streams import Stream
from tenfold.domain.text import clean_text

MAX_DAY_HOURS = Decimal(24)
"""One entry is one day's work: a day has 24 hours."""


@dataclass(frozen=True)
class HoursEntry:
    """Hours spent on one stream on one day."""

    id: int
    stream_id: int
    on: date
    hours: Decimal
    note: str = ""

    def to_store(self) -> dict[str, Any]:
        """The dict kept in the data file."""
        return {"stream_id": self.stream_id, "on": self.on.isoformat(), "hours": str(self.hours), "note": self.note}

    @classmethod
    def from_store(cls, doc_id: int, doc: dict[str, Any]) -> HoursEntry:
        """Build from the data file; raises on a bad shape."""
        stream_id, note = doc["stream_id"], doc["note"]
        if not isinstance(stream_id, int) or isinstance(stream_id, bool) or not isinstance(note, str):
            raise TypeError("an hours entry needs a stream id and a text note")
        hours = decimal_from_store(doc["hours"])
        if not 0 < hours <= MAX_DAY_HOURS:
            raise ValueError(f"{hours} hours is not between 0 and 24")
        return cls(doc_id, stream_id, date_from_store(doc["on"]), hours, note)


def stream_began(stream: Stream, first_payment: date | None) -> date | None:
    """The earliest day the stream is known to exist: its start, or an earlier payment."""
    days = [d for d in (stream.started_on, first_payment) if d is not None]
    return min(days) if days else None


def parse_hours_entry(
    *,
    stream: str,
    on: str,
    hours: str,
    note: str,
    streams: Iterable[Stream],
    today: date,
    began: dict[int, date | None] | None = None,
    entry_id: int = 0,
) -> HoursEntry:
    """Validate the hours form. ``stream`` is a name (case-insensitive) or an id.

    ``began`` maps stream ids to the day each began (:func:`stream_began`): hours
    dated earlier are refused with that date in the message.
    """
    errors: dict[str, str] = {}
    found = find_stream(streams, stream, errors, "Choose the stream the hours went into")
    day = collect(errors, "on", lambda: parse_date(on, "on"))
    if day is not None and day > today:
        errors["on"] = f"{day.isoformat()} is in the future: log hours once they are spent"
    start = (began or {}).get(found.id) if found is not None else None
    if day is not None and start is not None and day < start and "on" not in errors:
        errors["on"] = f"{found.name if found else 'The stream'} began on {start.isoformat()}: " \
                       "hours before that belong in its up-front hours"
    spent = collect(errors, "hours", lambda: parse_hours(hours, "hours"))
    if spent is not None and spent <= 0 and "hours" not in errors:
        errors["hours"] = "Enter the hours spent, e.g. 1.5"
    elif spent is not None and spent > MAX_DAY_HOURS:
        errors["hours"] = "One entry is one day: at most 24 hours"
    text = collect(errors, "note", lambda: clean_text(note, "note", single_line=True).strip())
    if errors or found is None or day is None or spent is None or text is None:
        raise FormErrors(errors)
    if len(text) > 200:
        raise FormErrors({"note": "Keep the note under 200 characters"})
    return HoursEntry(entry_id, found.id, day, spent, text)

