"""Errors the domain and the store raise.

Each carries a message written for the user: the CLI prints it as one line and the
TUI shows it next to the field or in a notification. No traceback should be needed
to understand any of them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


class TenfoldError(Exception):
    """Base class: every error here has a message fit for the user."""


class FieldError(TenfoldError):
    """One typed value was refused; ``field`` names the form field it came from."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class FormErrors(TenfoldError):
    """Several fields of one form were refused at once, keyed by field name."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def collect(errors: dict[str, str], field: str, parse: Callable[[], T]) -> T | None:
    """Run one field's parser; on refusal record its message under ``field`` and return None.

    Forms check every field and report all problems at once, not just the first.
    """
    try:
        return parse()
    except FieldError as exc:
        errors[field] = exc.message
        return None


class StoreError(TenfoldError):
    """A problem with the data file itself (opening, reading, writing)."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class DamagedFileError(StoreError):
    """The file is not something we can read: bad JSON, wrong shape, empty."""


class NewerSchemaError(StoreError):
    """The file was written by a newer Tenfold; we refuse to touch it."""


class LockedError(StoreError):
    """Another process holds the write lock on the file."""

    def __init__(self, path: Path, pid: int | None) -> None:
        who = f"process {pid}" if pid else "another process"
        super().__init__(path, f"is in use by {who} (another tenfold is open on it)")
        self.pid = pid


class ChangedOnDiskError(StoreError):
    """The file changed on disk since we last read it (e.g. a sync tool)."""


class WriteFailedError(StoreError):
    """Writing failed (disk full, permission, read-only); the old file is intact."""
