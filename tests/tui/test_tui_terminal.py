"""The real program in a real terminal (a pty): closing the window, being stopped, a second instance.

Textual installs no SIGHUP or SIGTERM handler, so without Tenfold's own, closing
the terminal window would drop whatever was typed but not yet saved. These tests
start ``python -m tenfold`` on a pseudo-terminal of 120x40, type into it like a
person, and check the data file after the process is gone.
"""

from __future__ import annotations

import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from tui_support import TODAY, reopen

from tenfold.tui.widgets.steps_pane import NOTES_DEBOUNCE

COLUMNS, LINES = 120, 40
STARTUP = 20.0
"""Seconds to wait for the first screen; generous for a loaded machine."""


def tenfold_env(home: Path) -> dict[str, str]:
    """A terminal's environment; settings and logs go to a temporary home, not the user's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "TENFOLD", "XDG_"))}
    env.update(
        TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(LINES), TENFOLD_TODAY=TODAY.isoformat(),
        HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
        XDG_DATA_HOME=str(home / "data"),
    )
    # These tests are about keys, signals and the tty; the today card (tested with Pilot in
    # test_tui_today.py) is switched off in the settings, as a user can with `o` on the card.
    config = home / "config" / "tenfold"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.json").write_text('{"today_on_launch": false}')
    return env


class Terminal:
    """A child process on a pty, with everything it writes collected by a thread."""

    def __init__(self, db: Path) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))

        def take_the_terminal() -> None:  # runs in the child, after setsid(): like a terminal emulator
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tenfold", "--db", str(db)],
            stdin=slave, stdout=slave, stderr=slave, env=tenfold_env(db.parent),
            start_new_session=True, preexec_fn=take_the_terminal,
        )
        os.close(slave)
        self._output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the child side is closed
                return
            if not chunk:
                return
            with self._lock:
                self._output += chunk

    def output(self) -> str:
        with self._lock:
            return self._output.decode("utf-8", "replace")

    def press(self, key: str, then_shows: str) -> None:
        """Send a key and wait until the screen shows its effect (keys are handled in order,
        but a change of focus lands a moment later: text typed at once could go elsewhere)."""
        since = self.mark()
        self.send(key)
        self.wait_for(then_shows, since=since)

    def tail(self) -> str:
        """The last of the output, for failure messages."""
        return self.output()[-2000:]

    def mark(self) -> int:
        """Where the output stands now, for :meth:`wait_for` to look only at what comes after."""
        with self._lock:
            return len(self._output)

    def wait_for(self, text: str, timeout: float = 10.0, since: int = 0) -> None:
        """Wait until ``text`` has been drawn on the screen (after output position ``since``)."""
        deadline = time.monotonic() + timeout
        while text not in self.output()[since:]:
            if self.proc.poll() is not None:
                pytest.fail(f"tenfold exited ({self.proc.returncode}) before showing {text!r}: {self.tail()!r}")
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} did not appear within {timeout} s; the screen ends with {self.tail()!r}")
            time.sleep(0.02)

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_exit(self, timeout: float = 10.0) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"tenfold did not exit within {timeout} s; the screen ends with {self.tail()!r}")

    def close_window(self) -> None:
        """What closing the terminal window does: the pty master goes away (the kernel sends SIGHUP)."""
        if self.master >= 0:
            os.close(self.master)
            self.master = -1

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
        self.close_window()
        self._reader.join(timeout=2)


@contextmanager
def terminal(db: Path) -> Iterator[Terminal]:
    term = Terminal(db)
    try:
        term.wait_for("Written Goal", timeout=STARTUP)
        yield term
    finally:
        term.close()


def type_notes(term: Terminal, text: str) -> float:
    """Go to step 1's notes and type; returns when the text is on screen (time of the last key)."""
    term.press("2", then_shows="Tick/untick")  # the footer shows the checklist's keys
    term.press("n", then_shows="Back to steps")  # ... and now the notes' keys
    term.send(text)
    sent = time.monotonic()
    term.wait_for(text)
    return sent


def saved_notes(db: Path) -> str:
    with reopen(db) as store:
        return store.steps()[0].notes


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_notes_typed_are_saved_when_the_process_gets_a_signal(tmp_path: Path, sig: signal.Signals) -> None:
    db = tmp_path / "t.json"
    with terminal(db) as term:
        sent = type_notes(term, "Typed before the window closed")
        term.proc.send_signal(sig)
        quick = time.monotonic() - sent < NOTES_DEBOUNCE
        code = term.wait_exit()
    assert saved_notes(db) == "Typed before the window closed", f"signal sent before the debounce: {quick}"
    assert code == 128 + sig, "the usual exit status for a process ended by a signal"
    assert "Traceback" not in term.output()


def test_an_open_form_is_kept_as_a_draft_when_the_terminal_window_closes(tmp_path: Path) -> None:
    """Closing the window: the terminal goes away (the pty master closes) and the kernel sends SIGHUP."""
    db = tmp_path / "t.json"
    with terminal(db) as term:
        term.press("w", then_shows="Write your goal")
        term.send("Half typed goal")
        term.wait_for("Half typed goal")
        term.close_window()
        assert term.wait_exit() == 128 + signal.SIGHUP
    with reopen(db) as store:
        assert store.draft("goal") == {"text": "Half typed goal", "amount": "", "currency": "EUR", "deadline": "",
                                       "portfolio_counts": "no"}


def test_a_second_instance_on_the_same_file_says_who_has_it_and_exits(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with terminal(db) as first:
        before = db.read_bytes()
        second = subprocess.run(
            [sys.executable, "-m", "tenfold", "--db", str(db)],
            stdin=subprocess.DEVNULL, capture_output=True, text=True, env=tenfold_env(tmp_path), timeout=30,
        )
        assert second.returncode != 0
        assert str(first.proc.pid) in second.stderr
        assert "in use" in second.stderr
        assert "Traceback" not in second.stderr
        assert second.stderr.count("\n") == 1, second.stderr
        assert db.read_bytes() == before, "the second instance did not touch the file"
        assert first.proc.poll() is None, "the first one keeps running"
        first.send("q")
        assert first.wait_exit() == 0


TERMINAL_BACK = ("\x1b[?1049l", "\x1b[?25h", "\x1b[?1000l", "\x1b[?1003l", "\x1b[?1006l", "\x1b[?2004l")
"""Leave the alternate screen, show the cursor, stop reporting the mouse and bracketing pastes."""


def test_a_hang_up_with_the_terminal_still_there_gives_it_back(tmp_path: Path) -> None:
    """``kill -HUP`` (or a multiplexer's hang-up) while the window stays open: the app saved and left, but the
    shell behind it was on the alternate screen, without a cursor, with every click typed as escape codes."""
    db = tmp_path / "t.json"
    with terminal(db) as term:
        type_notes(term, "Typed before the hang-up")
        since = len(term.output())  # in characters, as output() is sliced
        term.proc.send_signal(signal.SIGHUP)
        assert term.wait_exit() == 128 + signal.SIGHUP
        time.sleep(0.2)  # the reader thread takes in what was written last
        after = term.output()[since:]
    assert saved_notes(db) == "Typed before the hang-up"
    assert [seq for seq in TERMINAL_BACK if seq not in after] == [], repr(after[-300:])
