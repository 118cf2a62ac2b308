"""Reading a data file into validated domain objects, without the store or its lock.

The store uses this when it opens a file; backups, recovery and ``tenfold doctor``
use it to check a file (a backup, a file another program holds) without taking
the write lock and without changing anything on disk. A file is accepted only if
every record in it builds a domain object: one bad record and the whole file is
refused, because silently dropping a record would be losing data.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from tenfold.domain.errors import DamagedFileError
from tenfold.domain.freedom import Freedom
from tenfold.domain.goal import Goal, GoalVersion
from tenfold.domain.hours import HoursEntry
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment, SharedValues
from tenfold.domain.parts import PartsRating
from tenfold.domain.pauses import Pause
from tenfold.domain.rates import Rate
from tenfold.domain.step_items import StepItem
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.store import schema
from tenfold.store.dismissals import Dismissal
from tenfold.store.file.atomic import TEMP_SUFFIX, temp_prefix
from tenfold.store.file.document import load_document
from tenfold.store.gcpause import no_gc
from tenfold.store.schema import (
    CHECKINS,
    DISMISSED,
    DRAFTS,
    FREEDOM,
    GOAL,
    GOAL_HISTORY,
    HOURS,
    IDEAS,
    PARTS,
    PAUSES,
    PAYMENTS,
    RATES,
    STEP_ITEMS,
    STEPS,
    STREAMS,
    Document,
)

T = TypeVar("T")


@dataclass
class Contents:
    """Everything a data file holds, as domain objects keyed by their ids."""

    version: int = schema.SCHEMA_VERSION
    """The schema version the file had on disk (before any in-memory migration)."""
    goal: Goal | None = None
    goal_history: dict[int, GoalVersion] = field(default_factory=dict)
    steps: dict[int, StepState] = field(default_factory=dict)
    step_items: dict[int, StepItem] = field(default_factory=dict)
    streams: dict[int, Stream] = field(default_factory=dict)
    payments: dict[int, Payment] = field(default_factory=dict)
    rates: dict[int, Rate] = field(default_factory=dict)
    ideas: dict[int, Idea] = field(default_factory=dict)
    checkins: set[date] = field(default_factory=set)
    drafts: dict[str, dict[str, str]] = field(default_factory=dict)
    dismissed: dict[str, Dismissal] = field(default_factory=dict)
    hours: dict[int, HoursEntry] = field(default_factory=dict)
    freedom: Freedom | None = None
    parts: dict[int, PartsRating] = field(default_factory=dict)
    pauses: dict[int, Pause] = field(default_factory=dict)


def _checkin(doc: dict[str, Any]) -> date:
    on = doc["on"]
    if not isinstance(on, str):
        raise TypeError("check-in date must be text")
    return date.fromisoformat(on)


def _draft(doc: dict[str, Any]) -> tuple[str, dict[str, str]]:
    kind, values = doc["kind"], doc["values"]
    if not isinstance(kind, str) or not isinstance(values, dict):
        raise TypeError("a draft needs a kind and a dict of values")
    return kind, values


def _dismissed(doc: dict[str, Any]) -> tuple[str, Dismissal]:
    dismissal = Dismissal.from_store(doc)
    return dismissal.key, dismissal


def validate_document(path: Path, data: Document, version: int | None = None, *, payments: bool = True) -> Contents:
    """Build every record of a (current-version) document; DamagedFileError on the first bad one.

    ``payments=False``: the payments are read later (:func:`validate_payments`), when
    the file was opened with its payments' index (:mod:`tenfold.store.payment_index`).

    The garbage collector is paused meanwhile: building 100,000 payments (none of
    them in a reference cycle) otherwise sets off collections that walk every
    object built so far and the whole parsed document, about a fifth of the time.
    """
    with no_gc():
        return _validate(path, data, version, payments)


MAX_ID = 2**63 - 1
"""The largest record id: ids are written as JSON integers, which orjson (like most readers) keeps to 64 bits."""


def _record_id(key: str) -> int:
    record_id = int(key)
    if not 0 <= record_id <= MAX_ID:
        raise ValueError("an id must be a whole number from 0 to 9223372036854775807")
    return record_id


def _rows(path: Path, data: Document, table: str, build: Callable[[int, dict[str, Any]], T]) -> dict[int, T]:
    out: dict[int, T] = {}
    for key, doc in data.get(table, {}).items():
        try:
            record_id = _record_id(key)
            out[record_id] = build(record_id, doc)
        except (KeyError, ValueError, TypeError, AttributeError, ArithmeticError) as exc:
            raise DamagedFileError(
                path, f"has a damaged record in {table} (id {key}: {exc}); it was left as it is"
            ) from None
    return out


def validate_payments(
    path: Path, table: dict[str, Any], stream_ids: Collection[int], shared: SharedValues | None = None
) -> dict[int, Payment]:
    """Build every payment of a payments table; each must belong to one of ``stream_ids``.

    ``shared``: equal days, amounts and customers become one object each (the payments kept).
    """
    build = Payment.from_store if shared is None else partial(Payment.from_store, shared=shared)
    payments = _rows(path, {PAYMENTS: table}, PAYMENTS, build)
    for p in payments.values():
        if p.stream_id not in stream_ids:
            raise DamagedFileError(path, f"has payment {p.id} for a stream that does not exist; it was left as it is")
    return payments


def _validate(path: Path, data: Document, version: int | None, payments: bool) -> Contents:
    def rows(table: str, build: Callable[[int, dict[str, Any]], T]) -> dict[int, T]:
        return _rows(path, data, table, build)

    goals = rows(GOAL, lambda _i, d: Goal.from_store(d))
    steps = rows(STEPS, lambda _i, d: StepState.from_store(d))
    streams = rows(STREAMS, Stream.from_store)
    hours = rows(HOURS, HoursEntry.from_store)
    for entry in hours.values():
        if entry.stream_id not in streams:
            raise DamagedFileError(path, f"has hours {entry.id} for a stream that does not exist; it was left as it is")
    return Contents(
        version=schema.SCHEMA_VERSION if version is None else version,
        goal=goals.get(1),
        goal_history=rows(GOAL_HISTORY, GoalVersion.from_store),
        steps={s.number: s for s in steps.values()},
        step_items=rows(STEP_ITEMS, StepItem.from_store),
        streams=streams,
        payments=validate_payments(path, data.get(PAYMENTS, {}), streams) if payments else {},
        rates=rows(RATES, Rate.from_store),
        ideas=rows(IDEAS, Idea.from_store),
        checkins=set(rows(CHECKINS, lambda _i, d: _checkin(d)).values()),
        drafts=dict(rows(DRAFTS, lambda _i, d: _draft(d)).values()),
        dismissed=dict(rows(DISMISSED, lambda _i, d: _dismissed(d)).values()),
        hours=hours,
        freedom=rows(FREEDOM, lambda _i, d: Freedom.from_store(d)).get(1),
        parts=rows(PARTS, PartsRating.from_store),
        pauses=rows(PAUSES, Pause.from_store),
    )


def read_contents(path: Path) -> Contents:
    """Read, migrate in memory and validate a file; nothing is written.

    Raises StoreError (or a subclass: DamagedFileError, NewerSchemaError) naming
    ``path`` when the file cannot be used.

    The collector stays paused from the parse to the last record built: with it
    running in between, the first collection after the parse walks the whole
    parsed document, which holds no cycle, and frees nothing.
    """
    with no_gc():
        data, version = schema.migrate(path, load_document(path))
        return validate_document(path, data, version)


def remove_leftover_temp_files(path: Path) -> int:
    """Delete temp files an interrupted save left beside ``path``; returns how many.

    Only names this program makes (``.NAME.<random>.tmp``) are touched, so another
    program's files in the same folder are safe.
    """
    count = 0
    for leftover in path.parent.glob(f"{temp_prefix(path)}*{TEMP_SUFFIX}"):
        try:
            leftover.unlink()
            count += 1
        except OSError:
            pass
    return count
