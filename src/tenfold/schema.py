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

from tenfold.errors import DamagedFileError, NewerSchemaError, StoreError

SCHEMA_VERSION = 1
META_TABLE = "meta"
TABLES = ("meta", "goal", "steps", "streams", "payments", "ideas", "drafts", "checkins")

Document = dict[str, dict[str, Any]]
Migration = Callable[[Document], Document]

MIGRATIONS: dict[int, Migration] = {}
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
