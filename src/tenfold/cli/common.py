"""Shared pieces of the command line: the context object, errors, opening the store.

Every command goes through :func:`reading` or :func:`writing`, so they all refuse
bad input, a locked file or a failed save the same way: one line on stderr, a
non-zero exit, and the data file left as it was.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import click

from tenfold.domain.errors import FieldError, FormErrors, TenfoldError
from tenfold.domain.text import ascii_number, safe_display
from tenfold.startup import (  # shared with the app's start, which does not import click
    BAD_INPUT,
    ENV_TODAY,
    LOCK_WAIT,
    Context,
    clock,
    ensure_default_folder,
    fail,
    open_store,
)

if TYPE_CHECKING:  # imported when a command opens the file, not by `tenfold --version`
    from tenfold.store.store import Store

__all__ = [
    "BAD_INPUT", "ENV_TODAY", "LOCK_WAIT", "Context", "Whole", "clock", "complete_streams", "emit_data",
    "ensure_default_folder", "fail", "form_error_line", "no_data_yet", "open_store", "reading", "say", "show",
    "writing",
]

class Whole(click.IntRange):
    """A whole number typed in the digits 0 to 9, within the range given (none by default).

    click's own INT takes ``٣`` and ``３`` through ``int``; amounts, dates and step
    numbers refuse them (:func:`tenfold.domain.text.ascii_number`), and so does every option.
    """

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, str):
            text = value.strip()
            if ascii_number(text[1:] if text[:1] in "+-" else text) is None:
                self.fail(f"{value!r} is not a valid integer.", param, ctx)
        return super().convert(value, param, ctx)


def no_data_yet(context: Context, what: str) -> bool:
    """On a first run (no data file yet), say so on one line and tell the caller to stop (exit 0).

    A tmux status bar or a prompt runs ``tenfold status`` before the user ever
    started the app: that is not an error, and must not look like one.
    """
    if context.path.exists():
        return False
    click.echo(f"No Tenfold data yet ({context.path} does not exist): run tenfold to start; {what}")
    return True


def say(context: Context, line: str) -> None:
    """Print what a command did, unless ``--quiet`` asked for silence."""
    if not context.quiet:
        show(line)


def show(text: str, nl: bool = True) -> None:
    """Print text meant to be read, control characters shown as symbols.

    A name or note may hold escape sequences (typed, imported, or synced from
    elsewhere); printed raw, they could clear the screen or set the clipboard.
    """
    click.echo(safe_display(text), nl=nl)


def emit_data(text: str) -> None:
    """Print a document (CSV, JSON, a journal, Markdown) a program or a person may read.

    On a terminal a person reads it: control characters are shown as symbols.
    In a pipe or a file it is data and goes out exactly as it is; ``color=True``
    stops click from stripping what looks like colour codes from it.
    """
    if sys.stdout.isatty():
        click.echo(safe_display(text), nl=False)
    else:
        click.echo(text, nl=False, color=True)


def form_error_line(exc: FormErrors | FieldError, names: Mapping[str, str] | None = None) -> str:
    """Turn a form's field errors into one line, naming fields as the options are named.

    The domain calls a payment's date ``on`` and a goal's date ``deadline``; the user
    typed ``--date`` and ``--by``, so ``names`` maps the one to the other.
    """
    names = names or {}
    errors = exc.errors if isinstance(exc, FormErrors) else {exc.field: exc.message}
    return "; ".join(f"{names.get(field, field)}: {message}" for field, message in errors.items())


@contextmanager
def _guarded(store: Store, names: Mapping[str, str] | None) -> Iterator[Store]:
    """Close the store whatever happens; turn refusals into one line and an exit."""
    try:
        yield store
    except (FormErrors, FieldError) as exc:
        fail(form_error_line(exc, names), BAD_INPUT)
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



def complete_streams(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion for ``--stream``: the names of the data file's streams that start with what is typed.

    Read-only and silent: a missing or damaged file completes nothing rather than
    printing an error into the user's command line.
    """
    from tenfold.paths import resolve_db_path
    from tenfold.store.store import Store

    root = ctx.find_root()
    db = root.params.get("db") if root.params else None
    try:
        with Store.open(resolve_db_path(db), read_only=True, defer_payments=True) as store:
            names = [s.name for s in store.streams()]
    except Exception:  # completion must never break the shell line
        return []
    folded = incomplete.casefold()
    return [n for n in names if n.casefold().startswith(folded)]
