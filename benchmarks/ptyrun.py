"""Start a full-screen app under a pseudo-terminal and time its first usable screen.

Method: the clock starts just before ``fork``; the child sets a 120x40 window and
execs the program. We read everything it writes, strip the escape sequences, and
wait for every marker text to have appeared - for Tenfold with the user's default
settings, the four pane titles, the ledger's "N streams · M payments" and the
ideas pane's "N entries" (drawn only once the data is in the panes), the footer's
palette key and the today card's date line. Textual writes a frame top to bottom
in one burst, so the markers arriving means the frame is on the terminal. Then a
key is sent (for Tenfold ``w``, which opens the goal form from the card), and the
clock stops when its answer is on screen: "usable" means a key is answered, not
just that a frame was drawn while the program is still busy reading.

Peak resident memory is the kernel's high-water mark (VmHWM), read from /proc
once the program has settled: its CPU time has not moved for
:data:`IDLE_SECONDS` (every payment read, every background job done), or after
:data:`SETTLE_LIMIT` seconds at most. The child is then killed: nothing is
pending, every save is already on disk.
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
IDLE_SECONDS = 0.6
IDLE_SHARE = 0.1
"""The program counts as settled once it used at most this share of a CPU for IDLE_SECONDS."""
SETTLE_LIMIT = 90.0
TICK = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Launch:
    """One start: seconds to the first usable screen (None: timed out), peak RSS in MB once settled."""

    seconds: float | None
    peak_rss_mb: float | None
    drawn: float | None = None
    """Seconds to the first full screen, before the key was sent."""
    settled: float | None = None
    """Seconds from the start until the program had settled (peak memory read then)."""


def _peak_rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _cpu_ticks(pid: int) -> int | None:
    """User + system CPU time of ``pid`` (all its threads), in clock ticks."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[11]) + int(fields[12])


def launch(argv: Sequence[str], markers: Sequence[str], env: dict[str, str], timeout: float,
           key: bytes = b"", answer: str = "", settle: bool = True) -> Launch:
    """Run ``argv`` in a pty until every marker is on screen, then send ``key`` until ``answer`` is too.

    Returns None for the seconds when either did not happen within ``timeout``.
    With ``settle``, peak memory is read once the program is idle; then it is killed.
    """
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: a real terminal of a known size, then the program
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
            os.execve(argv[0], list(argv), env)
        finally:
            os._exit(127)
    drawn = ready = settled = peak = None
    try:
        drawn = _wait_for(fd, markers, started, timeout)
        if drawn is not None and key:
            os.write(fd, key)
            ready = _wait_for(fd, [answer], started, timeout)
        elif drawn is not None:
            ready = drawn
        if ready is not None and settle:
            settled = _settle(fd, pid) - started
            peak = _peak_rss_mb(pid)
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
    return Launch(ready, peak, drawn, settled)


def _wait_for(fd: int, markers: Sequence[str], started: float, timeout: float) -> float | None:
    """Read until every marker has been written since this call began; seconds since ``started``."""
    raw = bytearray()
    while time.perf_counter() - started < timeout:
        if not select.select([fd], [], [], 0.2)[0]:
            continue
        try:
            chunk = os.read(fd, 1 << 16)
        except OSError:
            return None
        if not chunk:
            return None
        raw += chunk
        text = ANSI.sub(b"", bytes(raw)).decode("utf-8", "replace")
        if all(m in text for m in markers):
            return time.perf_counter() - started
    return None


def _settle(fd: int, pid: int) -> float:
    """Keep reading the terminal until the program is idle; the moment its last busy stretch ended.

    Idle: at most :data:`IDLE_SHARE` of one CPU used over the last :data:`IDLE_SECONDS`
    (a blinking cursor costs a little, reading payments a whole CPU).
    """
    limit = time.perf_counter() + SETTLE_LIMIT
    samples: list[tuple[float, int]] = []
    while time.perf_counter() < limit:
        _drain(fd, 0.1)
        now, ticks = time.perf_counter(), _cpu_ticks(pid)
        if ticks is None:
            break
        samples.append((now, ticks))
        window = [(t, c) for t, c in samples if now - t <= IDLE_SECONDS]
        if now - samples[0][0] >= IDLE_SECONDS and len(window) >= 2:
            (t0, c0), (t1, c1) = window[0], window[-1]
            if (c1 - c0) / TICK <= IDLE_SHARE * max(t1 - t0, 1e-3):
                return t0
    return time.perf_counter()


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
