"""Start a full-screen app under a pseudo-terminal and time its first full screen.

Method: the clock starts just before ``fork``; the child sets a 120x40 window and
execs the program. We read everything it writes, strip the escape sequences, and
stop the clock at the first read after which every marker text has appeared - for
Tenfold the four pane titles, the ledger's "N streams · M payments" and the ideas
pane's "N entries" (drawn only once the data is in the panes, on the bottom border
row, so only the footer line can still be on its way) and the footer's palette key; for
the baseline its text and the same footer key. Textual writes a frame top to bottom in one burst,
so the markers arriving means the frame is on the terminal. Peak resident memory is
the kernel's high-water mark (VmHWM) read from /proc once the screen has settled
and the payments are read (:data:`SETTLE`).
The child is then killed: nothing is pending, every save is already on disk.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass

ANSI = re.compile(rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[=>()78]")
SIZE = (120, 40)
SETTLE = 2.0
"""Seconds to wait after the first full screen before reading peak memory.

Long enough for the app to have read every payment: with ten years of data the
first screen comes from the file's payments' index, and the payments (most of
the memory) are read on a thread after it, in about 0.3 s.
"""


@dataclass(frozen=True)
class Launch:
    """One start: seconds to the first full screen (None: timed out) and peak RSS in MB."""

    seconds: float | None
    peak_rss_mb: float | None


def _peak_rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def launch(argv: Sequence[str], markers: Sequence[str], env: dict[str, str], timeout: float) -> Launch:
    """Run ``argv`` in a pty until every marker is on screen (or ``timeout``); then kill it."""
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: a real terminal of a known size, then the program
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
            os.execve(argv[0], list(argv), env)
        finally:
            os._exit(127)
    raw = bytearray()
    ready: float | None = None
    try:
        while ready is None and time.perf_counter() - started < timeout:
            if not select.select([fd], [], [], 0.2)[0]:
                continue
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            raw += chunk
            text = ANSI.sub(b"", bytes(raw)).decode("utf-8", "replace")
            if all(m in text for m in markers):
                ready = time.perf_counter() - started
        peak = None
        if ready is not None:
            _drain(fd, SETTLE)
            peak = _peak_rss_mb(pid)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return Launch(ready, peak)


def _drain(fd: int, seconds: float) -> None:
    """Keep reading so the app never blocks on a full terminal while it settles."""
    until = time.perf_counter() + seconds
    while (left := until - time.perf_counter()) > 0:
        if select.select([fd], [], [], left)[0]:
            try:
                if not os.read(fd, 1 << 16):
                    return
            except OSError:
                return
