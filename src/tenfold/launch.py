"""The ``tenfold`` program's entry point: the app starts without waiting for the command-line parser.

``tenfold`` and ``tenfold --db PATH`` (or ``--db=PATH``) - what people run every
day - start the app straight away (:func:`tenfold.startup.run_app`); every other
command line, ``--help`` and ``--version`` included, goes to click
(:mod:`tenfold.cli`), which says the same for those two forms but costs its
imports before anything shows. A path click would refuse (a folder, nothing,
something that looks like an option) also goes to click, for click's words.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence


def plain_start(args: Sequence[str]) -> tuple[bool, str | None]:
    """Whether ``args`` only start the app, and the data file they name (None: the default one)."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--db":
        value = args[1]
    elif len(args) == 1 and args[0].startswith("--db="):
        value = args[0].removeprefix("--db=")
    else:
        return False, None
    if not value or value.startswith("-") or os.path.isdir(value):
        return False, None
    return True, value


def main() -> None:
    """Console-script entry point: no traceback ever reaches the user.

    The garbage collector is paused while the app starts: start-up allocates
    tens of thousands of objects (modules, widgets, styles) and none are garbage,
    yet the collector would walk them again and again before the first frame.
    It resumes once the app's first screen is drawn and the keyboard is first quiet
    (:meth:`~tenfold.tui.screens.main.MainScreen.keyboard_quiet`), or as soon as a command starts.
    """
    gc.disable()
    plain, db = plain_start(sys.argv[1:])
    if not plain or any(name.startswith("_TENFOLD_COMPLETE") for name in os.environ):
        # Shell completion runs `tenfold` with no arguments and _TENFOLD_COMPLETE set:
        # click prints the script or the completions, instead of the app starting.
        from tenfold.cli import main as command_line

        command_line()
        return
    from tenfold.startup import Context, data_path, guarded, run_app

    guarded(lambda: run_app(Context(path=data_path(db))))
