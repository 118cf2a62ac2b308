"""The data file's schema version and the migrations between versions.

Every file records ``meta.schema_version``. When the schema changes, bump
``SCHEMA_VERSION`` and add a function to ``MIGRATIONS`` that upgrades a document
of the previous version; :func:`migrate` runs them in order. A file from a newer
version is refused untouched: we cannot know what we would destroy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tenfold.domain.errors import DamagedFileError, NewerSchemaError, StoreError
from tenfold.domain.streams import default_customer_mode

SCHEMA_VERSION = 6
# The tables of the data file, by name: every module names a table through these.
META = "meta"
GOAL = "goal"
GOAL_HISTORY = "goal_history"
STEPS = "steps"
STEP_ITEMS = "step_items"
STREAMS = "streams"
PAYMENTS = "payments"
RATES = "rates"
IDEAS = "ideas"
DRAFTS = "drafts"
CHECKINS = "checkins"
DISMISSED = "dismissed"
PAUSES = "pauses"
HOURS = "hours"
"""Hours logged on streams (:mod:`tenfold.store.measures`)."""
FREEDOM = "freedom"
"""Step 4's bills, savings and hourly rate: one record."""
PARTS = "parts"
"""The three parts' ratings of ideas and streams."""
PAYMENT_INDEX = "payment_index"
"""Made from the payments at each save (:mod:`tenfold.store.payment_index`), never kept in memory."""

TABLES = (
    META, GOAL, GOAL_HISTORY, STEPS, STEP_ITEMS, STREAMS, PAYMENTS, RATES, IDEAS, DRAFTS, CHECKINS, DISMISSED,
    PAUSES, HOURS, FREEDOM, PARTS,
)
"""The tables that hold records (the payments' index is not one)."""
FLAT_TABLES = frozenset(TABLES) - {DRAFTS, IDEAS, STEP_ITEMS}
"""Tables whose records hold no object at any depth (a draft holds the form's values, an idea its ladder,
a step item the entries of steps 5 to 8)."""
OBJECT_LISTS = {IDEAS: "ladder"}
"""Tables whose records hold flat objects only in a list, in this field (an idea's rungs)."""

Document = dict[str, dict[str, Any]]
Migration = Callable[[Document], Document]



def _v2(data: Document) -> Document:
    """Schema 2: what a stream cost and takes, cadence and expected amount, the idea it came from;
    the reach ladder on ideas; step 1's chosen idea and step 4's months of savings; new tables
    for exchange rates, earlier goals, steps' items and dismissed nudges.

    Every new field gets the value that means "not told yet", so nothing changes meaning.
    """
    for stream in data.get(STREAMS, {}).values():
        stream.setdefault("cadence", "irregular")
        stream.setdefault("expected", None)
        for field in ("upfront_money", "upfront_hours", "upkeep_hours"):
            stream.setdefault(field, "0")
        stream.setdefault("idea_id", None)
    for idea in data.get(IDEAS, {}).values():
        idea.setdefault("rating", 0)
        idea.setdefault("ladder", [])
    for step in data.get(STEPS, {}).values():
        step.setdefault("idea_id", None)
        step.setdefault("stream_id", None)
        step.setdefault("savings_months", None)
    for table in (RATES, GOAL_HISTORY, STEP_ITEMS, DISMISSED):
        data.setdefault(table, {})
    return data


def _v3_figures_in_time(data: Document) -> Document:
    """Schema 3 (figures in time): how a stream's customers are counted and the day it started;
    whether portfolio income counts toward the goal; the day each step item was ticked; a table
    of planned pauses of the streak.

    Existing files keep their meaning: portfolio income stays out of the goal, a stream's start
    is unknown (its first payment stands in), a tick's day is unknown, and the customer counting
    follows the stream's category (a rental has one tenant, a book sells through a store).
    """
    for stream in data.get(STREAMS, {}).values():
        stream.setdefault("customers", default_customer_mode(str(stream.get("category", ""))))
        stream.setdefault("started_on", None)
    for goal in (*data.get(GOAL, {}).values(), *data.get(GOAL_HISTORY, {}).values()):
        goal.setdefault("portfolio_counts", False)
    for item in data.get(STEP_ITEMS, {}).values():
        item.setdefault("done_on", None)
    data.setdefault(PAUSES, {})
    return data


def _v4_payment_provenance(data: Document) -> Document:
    """Schema 4: payments may keep where they were imported from (``source``, ``external_id``), the
    platform's ``fee``, their own ``currency`` and, for a refund, ``refund`` and ``refund_of``.

    Each is optional and absent means "not told" (the stream's currency, no fee, typed by hand),
    so no record changes; the version moves on so an older Tenfold, which would drop these
    fields when it saves, refuses the file instead.
    """
    return data


def _v5_measures(data: Document) -> Document:
    """Schema 5 (measures): tables for hours logged on streams, step 4's bills and hourly rate,
    and the three parts' ratings of ideas and streams.

    Nothing existing changes meaning: no hours logged (income per hour rests on the estimate),
    no bills written, nothing rated. Step items may now carry entries (``extra``); older items
    simply have none. (The day each stream began came with schema 3.)
    """
    for table in (HOURS, FREEDOM, PARTS):
        data.setdefault(table, {})
    return data


def _v6_due_dates_and_units(data: Document) -> Document:
    """Schema 6: step 3's sub-tasks may carry the day they are due (``due_on``), and payments the
    units they delivered (``units``, from a platform's quantity column or typed).

    Both optional and left out when unset, so no record changes; as with schema 4, the version
    moves on so an older Tenfold, which would drop the new keys when it saves, refuses the file.
    """
    return data


MIGRATIONS: dict[int, Migration] = {
    2: _v2, 3: _v3_figures_in_time, 4: _v4_payment_provenance, 5: _v5_measures, 6: _v6_due_dates_and_units,
}
"""``MIGRATIONS[n]`` upgrades a version n-1 document to version n."""


def new_document(app_version: str) -> Document:
    """The document of a fresh data file."""
    return {META: {"1": {"schema_version": SCHEMA_VERSION, "created_by": app_version}}}


def read_version(path: Path, data: Document) -> int:
    """The schema version a document records; refuses files without one."""
    meta = data.get(META, {}).get("1")
    if not isinstance(meta, dict) or not isinstance(meta.get("schema_version"), int):
        raise DamagedFileError(path, "is not a Tenfold data file (it records no schema version); it was left as it is")
    version: int = meta["schema_version"]
    if version < 1:
        raise DamagedFileError(path, f"records an impossible schema version {version}; it was left as it is")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            path,
            f"was written by a newer Tenfold (schema {version}, this one reads up to {SCHEMA_VERSION}); "
            "upgrade Tenfold to open it; the file was left as it is",
        )
    return version


def migrate(path: Path, data: Document) -> tuple[Document, int]:
    """Upgrade a document to the current version in memory; returns it and the version it had.

    Nothing is written here: the store backs the file up before it saves the result.
    """
    start = read_version(path, data)
    for version in range(start + 1, SCHEMA_VERSION + 1):
        try:
            data = MIGRATIONS[version](data)
            data[META]["1"]["schema_version"] = version
        except Exception as exc:  # a migration that trips over an odd file must not show a traceback
            raise StoreError(
                path,
                f"could not be upgraded from schema {version - 1} to {version} "
                f"({type(exc).__name__}: {exc}); it was left as it is",
            ) from None
    return data, start
