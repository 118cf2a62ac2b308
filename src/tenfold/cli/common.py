"""Shared pieces of the command line: the context object, errors, opening the store.

Every command goes through :func:`reading` or :func:`writing`, so they all refuse
bad input, a locked file or a failed save the same way: one line on stderr, a
non-zero exit, and the data file left as it was.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from tenfold.dates import parse_date
from tenfold.errors import DamagedFileError, FieldError, FormErrors, TenfoldError
from tenfold.paths import default_db_path

if TYPE_CHECKING:  # imported when a command opens the file, not by `tenfold --version`
    from tenfold.store import Store

LOCK_WAIT = 2.0
"""Seconds a writing command waits for the app (or another command) to let go of the file."""

ENV_TODAY = "TENFOLD_TODAY"
"""Testing aid only: pins "today" (YYYY-MM-DD) so dates and streaks are repeatable."""


@dataclass
class Context:
    """What the group's options decided, handed to every command."""

    path: Path
    quiet: bool = False
    explicit: bool = False


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line on stderr and exit non-zero."""
    line = " ".join(message.split())  # a message must never spill over several lines
    click.echo(f"tenfold: {line}", err=True)
    raise SystemExit(code)


def say(context: Context, line: str) -> None:
    """Print what a command did, unless ``--quiet`` asked for silence."""
    if not context.quiet:
        click.echo(line)


def form_error_line(exc: FormErrors | FieldError, names: Mapping[str, str] | None = None) -> str:
    """Turn a form's field errors into one line, naming fields as the options are named.

    The domain calls a payment's date ``on`` and a goal's date ``deadline``; the user
    typed ``--date`` and ``--by``, so ``names`` maps the one to the other.
    """
    names = names or {}
    errors = exc.errors if isinstance(exc, FormErrors) else {exc.field: exc.message}
    return "; ".join(f"{names.get(field, field)}: {message}" for field, message in errors.items())


def clock(env: Mapping[str, str] | None = None) -> Callable[[], date]:
    """Today's date, or the one ``$TENFOLD_TODAY`` pins for tests."""
    env = os.environ if env is None else env
    raw = env.get(ENV_TODAY, "").strip()
    if not raw:
        return date.today
    try:
        fixed = parse_date(raw, ENV_TODAY)
    except FieldError as exc:
        fail(f"${ENV_TODAY}: {exc.message}")
    return lambda: fixed


def ensure_default_folder(context: Context) -> None:
    """Create the default data folder (0700) on first use; never a folder the user named."""
    if context.path == default_db_path() and not context.path.parent.exists():
        try:
            os.makedirs(context.path.parent, mode=0o700, exist_ok=True)
        except OSError as exc:
            fail(f"cannot create {context.path.parent}: {exc.strerror}")


def open_store(
    context: Context,
    *,
    read_only: bool = False,
    lock_wait: float = 0.0,
    raise_damaged: bool = False,
    defer_payments: bool = False,
) -> Store:
    """Open the data file or exit with one line saying what is wrong.

    With ``raise_damaged`` a damaged file raises DamagedFileError instead, so the
    app can offer to open a backup. ``defer_payments``: see :meth:`Store.open`.
    """
    from tenfold.store import Store

    if not read_only:
        ensure_default_folder(context)
    try:
        return Store.open(
            context.path, read_only=read_only, lock_wait=lock_wait, today=clock(), defer_payments=defer_payments
        )
    except DamagedFileError:
        if raise_damaged:
            raise
        fail(str(sys.exc_info()[1]))
    except TenfoldError as exc:
        fail(str(exc))


@contextmanager
def _guarded(store: Store, names: Mapping[str, str] | None) -> Iterator[Store]:
    """Close the store whatever happens; turn refusals into one line and an exit."""
    try:
        yield store
    except (FormErrors, FieldError) as exc:
        fail(form_error_line(exc, names))
    except TenfoldError as exc:
        fail(str(exc))
    finally:
        store.close()


@contextmanager
def writing(context: Context, names: Mapping[str, str] | None = None) -> Iterator[Store]:
    """The store with its write lock, waiting :data:`LOCK_WAIT` seconds for it."""
    with _guarded(open_store(context, lock_wait=LOCK_WAIT), names) as store:
        yield store


@contextmanager
def reading(context: Context) -> Iterator[Store]:
    """The store without the lock: works while the app has the file open."""
    with _guarded(open_store(context, read_only=True), None) as store:
        yield store

