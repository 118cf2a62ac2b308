"""The real program on a 120x40 pseudo-terminal, for tests that need real signals and a real exit.

The child runs ``python -c CODE --db DB`` in its own session with the terminal as
its controlling one, so SIGHUP and SIGTERM reach it as they would from a closed
window; its screen text is collected as it is drawn.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from datetime import date
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
ANSI = re.compile(rb"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[=>()78]")


class PtyApp:
    """``python -c code --db db`` on a pseudo-terminal, with HOME, config and state beside ``db``."""

    def __init__(self, db: Path, code: str, today: date) -> None:
        home = db.parent
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "TENFOLD", "XDG_"))}
        env.update(TERM="xterm-256color", TENFOLD_TODAY=today.isoformat(), HOME=str(home),
                   XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
                   PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.proc = subprocess.Popen(
            [sys.executable, "-c", code, "--db", str(db)], stdin=slave, stdout=slave, stderr=slave,
            env=env, start_new_session=True, preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),
        )
        os.close(slave)
        self.output = b""

    def text(self) -> str:
        """Everything the program wrote, without terminal control sequences."""
        return ANSI.sub(b"", self.output).decode("utf-8", "replace")

    def wait_for(self, text: str, timeout: float = 30.0) -> None:
        """Read until ``text`` has been drawn; fails if the program exits or the time runs out first."""
        deadline = time.monotonic() + timeout
        while text not in self.text():
            assert time.monotonic() < deadline, f"{text!r} not shown: {self.output[-800:]!r}"
            assert self.proc.poll() is None, f"exited early: {self.output[-800:]!r}"
            self._read()

    def _read(self) -> None:
        """Add what the program wrote in the next 50 ms (nothing if it wrote nothing or the terminal is gone)."""
        if not select.select([self.master], [], [], 0.05)[0]:
            return
        try:
            self.output += os.read(self.master, 65536)
        except OSError:
            time.sleep(0.02)

    def send(self, keys: str) -> None:
        """Type ``keys`` at the terminal."""
        os.write(self.master, keys.encode())

    def until_exit(self, timeout: float = 20.0) -> int:
        """Read until the program ends; its exit status (what it wrote last is read too)."""
        deadline = time.monotonic() + timeout
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._read()
        code = self.proc.wait(max(0.1, deadline - time.monotonic()))
        for _ in range(20):  # what it wrote last (a stderr line) is still in the terminal
            self._read()
        return code

    def close(self) -> None:
        """End the program if it still runs, and the terminal."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)
