"""Shared pieces of the command line: the context object, errors, opening the store."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import click

from tenfold.errors import TenfoldError
from tenfold.paths import default_db_path
from tenfold.store import Store


@dataclass
class Context:
    """What the group's options decided, handed to every command."""

    path: Path
    quiet: bool = False
    explicit: bool = False


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line on stderr and exit non-zero."""
    click.echo(f"tenfold: {message}", err=True)
    raise SystemExit(code)


def ensure_default_folder(context: Context) -> None:
    """Create the default data folder (0700) on first use; never a folder the user named."""
    if context.path == default_db_path() and not context.path.parent.exists():
        try:
            os.makedirs(context.path.parent, mode=0o700, exist_ok=True)
        except OSError as exc:
            fail(f"cannot create {context.path.parent}: {exc.strerror}")


def open_store(context: Context, *, read_only: bool = False, lock_wait: float = 0.0) -> Store:
    """Open the data file or exit with one line saying what is wrong."""
    if not read_only:
        ensure_default_folder(context)
    try:
        return Store.open(context.path, read_only=read_only, lock_wait=lock_wait)
    except TenfoldError as exc:
        fail(str(exc))
