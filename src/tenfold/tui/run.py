"""Run the TUI for the command line: recovery offer first if needed, then the app."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from tenfold.domain.errors import DamagedFileError, TenfoldError
from tenfold.paths import config_dir
from tenfold.store.recovery import describe_age, find_newest_good_backup, recover_from_backup
from tenfold.store.store import Store
from tenfold.tui.app import make_app


def run_tui(store: Store) -> int:
    """Run until the user quits; returns the process exit code.

    The app saves in the background and flushes on every way out; whatever is
    still pending (a save that failed at SIGTERM) is tried once more here; if it
    fails again the change goes to a rescue file (offered back at the next start),
    and stderr says so - never dropped in silence.
    """
    app = make_app(store, handle_signals=True, config_dir=config_dir())
    app.main_screen.reader.freeze_collections = True  # and again once the payments are read after the first paint
    keep_out_of_collections()
    try:
        app.run()
    finally:
        gc.enable()  # if the app ended before the keyboard was quiet once, which resumes it (tenfold.launch.main)
    try:
        store.stop_background_saving()
    except TenfoldError as exc:
        print(f"tenfold: {exc}; {store.rescue_unsaved()}", file=sys.stderr)
        return app.return_code or 1
    if app.rescue_at_exit:
        print(f"tenfold: {store.rescue_unsaved()}", file=sys.stderr)
    return app.return_code or 0


YOUNG_COLLECTION_AFTER = 20_000
"""Allocations (less deallocations) between two collections of the youngest generation in the app."""


def keep_out_of_collections() -> None:
    """Move everything loaded so far out of the garbage collector's sight, for the app's lifetime.

    The store's records (100,000 payments and their parsed file in ten years of
    data) live as long as the app and hold no reference cycles; without this, each
    full collection walks all of them again, a pause the user feels in the middle of a key.
    Only the real program does it: a test process runs many apps one after the other.

    Young collections are also made rarer (:data:`YOUNG_COLLECTION_AFTER`): a frame of
    Textual's allocates thousands of short-lived objects (strips, segments, styles)
    that reference counting frees, and at Python's default of one young collection
    every 700 allocations a frame after a form closed ran a dozen of them, and an
    older generation's every tenth: 3-5 ms of a key of 20 at a million payments.
    The garbage that needs the collector (reference cycles) is a few kilobytes a
    frame, so letting it wait longer costs nothing the user sees.
    """
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_AFTER, *gc.get_threshold()[1:])


def offer_recovery(path: Path, error: DamagedFileError) -> tuple[bool, str]:
    """Ask whether to open the newest good backup; returns (recovered, what to tell the user).

    Without a terminal to ask in, or without a good backup, nothing is changed.
    """
    found = find_newest_good_backup(path)
    if found is None:
        return False, f"{error}. There is no good backup to open; nothing was changed."
    backup, age = found
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False, f"{error}. A good backup exists ({backup.name}); run tenfold in a terminal to open it."
    from tenfold.tui.recovery_app import RecoveryApp

    if not RecoveryApp(str(error), backup, describe_age(age)).run():
        return False, f"{error}. You chose to quit; nothing was changed."
    kept = recover_from_backup(path, backup)
    return True, f"Opened the backup {backup.name}; the damaged file is kept as {kept}."
