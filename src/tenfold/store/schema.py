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

SCHEMA_VERSION = 3
META_TABLE = "meta"
TABLES = (
    "meta",
    "goal",
    "goal_history",
    "steps",
    "step_items",
    "streams",
    "payments",
    "rates",
    "ideas",
    "drafts",
    "checkins",
    "dismissed",
)

Document = dict[str, dict[str, Any]]
Migration = Callable[[Document], Document]



def _v2(data: Document) -> Document:
    """Schema 2: what a stream cost and takes, cadence and expected amount, the idea it came from;
    the reach ladder on ideas; step 1's chosen idea and step 4's months of savings; new tables
    for exchange rates, earlier goals, steps' items and dismissed nudges.

    Every new field gets the value that means "not told yet", so nothing changes meaning.
    """
    for stream in data.get("streams", {}).values():
        stream.setdefault("cadence", "irregular")
        stream.setdefault("expected", None)
        for field in ("upfront_money", "upfront_hours", "upkeep_hours"):
            stream.setdefault(field, "0")
        stream.setdefault("idea_id", None)
    for idea in data.get("ideas", {}).values():
        idea.setdefault("rating", 0)
        idea.setdefault("ladder", [])
    for step in data.get("steps", {}).values():
        step.setdefault("idea_id", None)
        step.setdefault("stream_id", None)
        step.setdefault("savings_months", None)
    for table in ("rates", "goal_history", "step_items", "dismissed"):
        data.setdefault(table, {})
    return data


def _v3(data: Document) -> Document:
    """Schema 3: payments may keep where they were imported from (``source``, ``external_id``), the
    platform's ``fee``, their own ``currency`` and, for a refund, ``refund`` and ``refund_of``.

    Each is optional and absent means "not told" (the stream's currency, no fee, typed by hand),
    so no record changes; the version moves on so an older Tenfold, which would drop these
    fields when it saves, refuses the file instead.
    """
    return data


MIGRATIONS: dict[int, Migration] = {2: _v2, 3: _v3}
"""``MIGRATIONS[n]`` upgrades a version n-1 document to version n."""


def new_document(app_version: str) -> Document:
    """The document of a fresh data file."""
    return {META_TABLE: {"1": {"schema_version": SCHEMA_VERSION, "created_by": app_version}}}


def read_version(path: Path, data: Document) -> int:
    """The schema version a document records; refuses files without one."""
    meta = data.get(META_TABLE, {}).get("1")
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
            data[META_TABLE]["1"]["schema_version"] = version
        except Exception as exc:  # a migration that trips over an odd file must not show a traceback
            raise StoreError(
                path,
                f"could not be upgraded from schema {version - 1} to {version} "
                f"({type(exc).__name__}: {exc}); it was left as it is",
            ) from None
    return data, start
