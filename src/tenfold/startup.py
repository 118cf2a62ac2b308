"""Starting the app from the command line, without the command-line parser.

``tenfold`` alone (or ``tenfold --db PATH``) starts the app; that is what people
run every day, so it does not wait for click's imports:
:mod:`tenfold.launch` recognises those two forms and comes here, and everything
else goes to :mod:`tenfold.cli`. The helpers every command shares - opening the
file or exiting with one line, the clock tests can pin - live here too, so both
ways use the same ones.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from tenfold.crashlog import write_crash_log
from tenfold.domain.dates import parse_date
from tenfold.domain.errors import DamagedFileError, FieldError, StoreError, TenfoldError
from tenfold.domain.text import safe_display
from tenfold.paths import default_db_path, follow_link, make_private_dir, resolve_db_path, state_dir

if TYPE_CHECKING:  # imported when the file is opened, not by `tenfold --version`
    from tenfold.store.store import Store

LOCK_WAIT = 2.0
"""Seconds a writing command waits for the app (or another command) to let go of the file."""

ENV_TODAY = "TENFOLD_TODAY"
"""Testing aid only: pins "today" (YYYY-MM-DD) so dates and streaks are repeatable."""


@dataclass
class Context:
    """What the group's options decided, handed to every command."""

    path: Path
    quiet: bool = False
    broken_link: str = ""
    """For ``locate`` only: why the link named as the data file leads to no file (then ``path`` is the link)."""


BAD_INPUT = 2
"""Exit code when what the user typed is refused (as click does for a usage error); 1 is any other failure."""


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line on stderr and exit non-zero: ``BAD_INPUT`` for refused input, 1 for the file or the system."""
    line = " ".join(safe_display(message).split())  # one line, and typed text never drives the terminal
    print(f"tenfold: {line}", file=sys.stderr, flush=True)
    raise SystemExit(code)


def data_path(option: str | None) -> Path:
    """The data file to use (``--db``, ``$TENFOLD_DB`` or the default), a link followed; or exit with one line."""
    try:
        return follow_link(resolve_db_path(option))
    except TenfoldError as exc:
        fail(str(exc))


def located_path(option: str | None) -> tuple[Path, str]:
    """For ``locate``: the data file, a link followed; a link to nothing is itself, with what is wrong with it.

    ``locate`` is how a user finds out why the data file cannot be opened: a broken
    link is what it must show, not the reason it stops.
    """
    path = resolve_db_path(option)
    try:
        return follow_link(path), ""
    except StoreError as exc:
        return path, exc.problem.split(";")[0]


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
            make_private_dir(context.path.parent)
        except OSError as exc:
            fail(f"cannot create {context.path.parent}: {exc.strerror}")


def open_store(
    context: Context,
    *,
    read_only: bool = False,
    lock_wait: float = 0.0,
    raise_damaged: bool = False,
    defer_payments: bool = True,
) -> Store:
    """Open the data file or exit with one line saying what is wrong.

    With ``raise_damaged`` a damaged file raises DamagedFileError instead, so the
    app can offer to open a backup. ``defer_payments`` (see :meth:`Store.open`):
    a command that needs the payments reads them when it first asks, and one that
    changes them starts from the file's index instead of summing them again.
    """
    from tenfold.store.store import Store

    if not read_only:
        ensure_default_folder(context)
        offer_rescue(context)
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


def offer_rescue(context: Context) -> None:
    """Before a writer opens the file: offer back the change an exit could not save (a rescue file).

    Asked on the terminal, before the app or the command starts: yes puts it in
    place (only over the file it was made from; otherwise both are kept), no
    keeps it as a file of its own. Without a terminal to ask in, one line on
    stderr says what is waiting, and the command goes on.
    """
    from tenfold.store.opening import clock_time
    from tenfold.store.rescue import decline_rescue, describe, find_rescue, restore_rescue

    try:
        rescue = find_rescue(context.path)
    except TenfoldError as exc:
        print(f"tenfold: warning: {safe_display(str(exc))}", file=sys.stderr, flush=True)
        return
    if rescue is None:
        return
    what = safe_display(describe(rescue))
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        print(f"tenfold: {what}; run tenfold in a terminal to restore it", file=sys.stderr, flush=True)
        return
    print(f"tenfold: {what}; restore it? [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline().strip().casefold()
    try:
        if answer in ("y", "yes"):
            done = restore_rescue(rescue, clock_time(clock()), lock_wait=LOCK_WAIT)
        else:
            done = decline_rescue(rescue)
    except TenfoldError as exc:
        fail(str(exc))
    print(f"tenfold: {safe_display(done)}", file=sys.stderr, flush=True)


NO_TERMINAL = (
    "the app needs a terminal, and standard input or output is not one; "
    "for scripts use the commands (tenfold status, tenfold report, tenfold --help)"
)


def has_terminal() -> bool:
    """Whether the app can draw: both standard input and output are a terminal, or a driver was set.

    With output redirected to a file (``tenfold > log``) a full-screen app has
    nowhere to draw and nothing to read keys from; it is refused in one line
    after the file was checked, so a damaged or locked file is still named first.
    ``tenfold serve`` runs the app over pipes with Textual's web driver named in
    ``$TEXTUAL_DRIVER``: that driver draws into the browser, so it is let through.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return True
    try:
        return sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):  # a closed or missing stream
        return False


def open_while(context: Context, meanwhile: Callable[[], None]) -> Store:
    """:func:`open_store` as the app opens it (``raise_damaged``, payments deferred), with ``meanwhile`` run
    while the file is read.

    Reading the file and checking its payments' sum (a CRC over the payments' bytes)
    wait on the disk or run in C with the interpreter's lock released - 90 ms of the
    opening with a million payments - so they are done on a thread while this one
    runs ``meanwhile`` (importing the app). The rest of the opening holds the lock
    and takes its turn with the imports, as it would after them. The questions on
    the terminal (a rescue file) and any failure stay on this thread, in the same
    order and words as :func:`open_store`.
    """
    import threading

    from tenfold.store.store import Store

    if not context.path.exists() or context.path.is_dir():  # a new file or a folder: nothing to overlap
        meanwhile()
        return open_store(context, raise_damaged=True, defer_payments=True)
    ensure_default_folder(context)
    offer_rescue(context)
    today = clock()
    outcome: list[Store | BaseException] = []

    def work() -> None:
        try:
            outcome.append(Store.open(context.path, today=today, defer_payments=True))
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append(exc)

    opening = threading.Thread(target=work, name="tenfold-open", daemon=True)
    opening.start()
    try:
        meanwhile()
    finally:
        opening.join()
    result = outcome[0]
    if isinstance(result, DamagedFileError):
        raise result
    if isinstance(result, TenfoldError):
        fail(str(result))
    if isinstance(result, BaseException):
        raise result
    return result


def run_app(context: Context) -> None:
    """Open the store with its lock and run the TUI until the user quits.

    The app's modules are imported while the file is read (:func:`open_while`).
    A damaged file is never overwritten: the user may open the newest good backup
    (the damaged file is kept aside) or quit with everything left as it is.
    """

    def import_the_app() -> None:
        import tenfold.tui.run  # noqa: F401

    try:
        store = open_while(context, import_the_app)
    except DamagedFileError as exc:
        from tenfold.tui.run import offer_recovery

        recovered, message = offer_recovery(context.path, exc)
        if not recovered:
            fail(message)
        print(f"tenfold: {message}", file=sys.stderr, flush=True)
        store = open_store(context)
    if not has_terminal():
        store.close()
        fail(NO_TERMINAL, 2)
    from tenfold.tui.run import run_tui

    try:
        code = run_tui(store)
    finally:
        store.close()
    if code:
        raise SystemExit(code)


def log_crash(error: BaseException) -> str:
    """Append the traceback to the state folder's cli-error.log; say where (or that it failed)."""
    path = write_crash_log(state_dir(), error, filename="cli-error.log")
    return f"details are in {path}" if path else "(the details could not be logged)"


def guarded(run: Callable[[], None]) -> None:
    """Run the program's work so that no traceback ever reaches the user: one line instead, and a log."""
    try:
        run()
    except KeyboardInterrupt:  # pragma: no cover - Ctrl+C before the app has the terminal
        fail("interrupted")
    except Exception as exc:  # the last line of defence against a traceback
        fail(f"unexpected error ({type(exc).__name__}: {exc}); {log_crash(exc)}", 70)
