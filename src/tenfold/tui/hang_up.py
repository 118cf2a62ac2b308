"""Giving the terminal back after a hang-up, when there still is one.

A hang-up mostly means the window closed: no terminal is left, and Textual's own
shutdown would block for ever writing to it, so the app leaves without it
(:meth:`tenfold.tui.app.TenfoldApp._hang_up`). But ``kill -HUP``, or a multiplexer
passing a hang-up on, leaves the window open, and the shell behind the app would
find it on the alternate screen, without a cursor, with every click typed as
escape codes. So before leaving, the line settings from before the app and the
sequences that end its screen are sent - on a descriptor of the app's own, opened
not to block, so a terminal that is gone costs an error, never a wait.
"""

from __future__ import annotations

import contextlib
import os
import termios
from typing import Any

GIVE_BACK = (
    b"\x1b[?1000l\x1b[?1003l\x1b[?1015l\x1b[?1006l"  # stop reporting the mouse
    b"\x1b[?2004l\x1b[?1004l\x1b[?2048l"  # stop bracketing pastes, reporting focus and window sizes
    b"\x1b[?7h\x1b[<u"  # wrap lines again; the keyboard's own protocol off (before leaving the screen)
    b"\x1b[?1049l\x1b[?25h"  # back to the shell's screen, cursor shown
)
"""What Textual's driver writes when it stops the app, in the same order."""


def give_terminal_back(input_fd: int | None, settings_before: list[Any] | None, output_fd: int | None) -> None:
    """Best effort and never blocking: ``settings_before`` back on ``input_fd``, then :data:`GIVE_BACK` to the
    terminal ``output_fd`` is on. Nothing happens when there is no terminal (any more)."""
    if input_fd is not None and settings_before is not None:
        with contextlib.suppress(termios.error, OSError):  # EIO: the terminal is gone
            termios.tcsetattr(input_fd, termios.TCSANOW, settings_before)
    if output_fd is None:
        return
    try:
        terminal = os.open(os.ttyname(output_fd), os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except OSError:
        return
    try:
        os.write(terminal, GIVE_BACK)
    except OSError:  # EIO once it hung up, EAGAIN when nobody reads it
        pass
    finally:
        os.close(terminal)
