"""``tenfold serve``: the app in a browser tab, tested end to end in headless Chromium.

Everything is real: ``tenfold serve`` runs as its own process, Chromium opens the
page, and the app it shows is a third process (textual-serve starts one per
browser session). Chromium is driven over the DevTools protocol with aiohttp's
websocket client (aiohttp comes with textual-serve), so nothing is downloaded at
test time. The test skips when Chromium or textual-serve is missing, and every
wait is bounded, so it can never hang CI.

textual-serve draws the terminal on a canvas, and its page keeps the xterm.js
terminal in a local variable. A script run before the page's own catches the
page's client object as it sets its ``fitAddon`` property; from it we read the
screen text through xterm's public buffer API.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from tenfold.cli import cli
from tenfold.cli.serve import is_loopback, session_command
from tenfold.store.store import Store

TITLES = ("Written Goal", "Eight Steps", "Income Ledger", "Who Do I Deliver Value To?")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # needed as root (CI containers)
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",  # wide enough for the four panes side by side
)

# Runs before the page's script: catch the textual-serve client when it sets its
# fitAddon (just after its terminal), then let the property behave as usual.
CATCH_CLIENT = """
Object.defineProperty(Object.prototype, "fitAddon", {
  configurable: true,
  get() { return undefined; },
  set(value) {
    Object.defineProperty(this, "fitAddon", {value, writable: true, configurable: true, enumerable: true});
    window.__tenfoldClient = this;
  },
});
"""

# The visible screen as text, one line per row; null until the terminal exists.
READ_SCREEN = """
(() => {
  const client = window.__tenfoldClient;
  if (!client || !client.terminal) return null;
  const term = client.terminal, buffer = term.buffer.active, rows = [];
  for (let i = 0; i < term.rows; i++) {
    const line = buffer.getLine(buffer.viewportY + i);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()
"""

KEYS: dict[str, dict[str, Any]] = {
    "2": {"key": "2", "code": "Digit2", "text": "2", "windowsVirtualKeyCode": 50},
    " ": {"key": " ", "code": "Space", "text": " ", "windowsVirtualKeyCode": 32},
    "q": {"key": "q", "code": "KeyQ", "text": "q", "windowsVirtualKeyCode": 81},
    "escape": {"key": "Escape", "code": "Escape", "windowsVirtualKeyCode": 27},
}


def find_chromium() -> str | None:
    """The first Chromium-like browser on PATH, or None."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    """A port nobody listens on right now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    """Wait until something listens on ``port``; fail at once if ``process`` died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"tenfold serve exited early with code {process.returncode}")
        with socket.socket() as probe:
            probe.settimeout(0.5)
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"nothing listened on port {port} within {timeout} s")


@contextmanager
def process_group(args: list[str], **kwargs: Any) -> Iterator[subprocess.Popen[bytes]]:
    """Start ``args`` in a new process group; kill the whole group on the way out.

    The group matters: tenfold serve starts the app through a shell, and Chromium
    starts helpers; none may outlive the test.
    """
    process = subprocess.Popen(args, start_new_session=True, **kwargs)
    try:
        yield process
    finally:
        for sig, wait in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                break
            try:
                process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue


def devtools_url(browser: subprocess.Popen[bytes], timeout: float) -> str:
    """Read the ``DevTools listening on ws://...`` line Chromium prints on stderr.

    The reader keeps draining stderr afterwards, so a chatty browser never blocks
    on a full pipe.
    """
    found: list[str] = []
    seen: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert browser.stderr is not None
        for raw in browser.stderr:
            line = raw.decode(errors="replace").strip()
            if not ready.is_set():
                seen.append(line)
            if line.startswith("DevTools listening on ") and not ready.is_set():
                found.append(line.removeprefix("DevTools listening on "))
                ready.set()
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    ready.wait(timeout)
    if not found:
        pytest.fail("Chromium gave no DevTools address; it said: " + " | ".join(seen[-5:]))
    return found[0]


class DevTools:
    """The least of the Chrome DevTools Protocol: commands on one page, events ignored."""

    def __init__(self, websocket: Any) -> None:
        self.websocket = websocket
        self.next_id = 0

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        """Send a command and return its result (events received meanwhile are dropped)."""
        self.next_id += 1
        await self.websocket.send_json({"id": self.next_id, "method": method, "params": params})
        async with asyncio.timeout(10):
            while True:
                message = json.loads(await self.websocket.receive_str())
                if message.get("id") == self.next_id:
                    if "error" in message:
                        raise AssertionError(f"{method}: {message['error']}")
                    return dict(message.get("result", {}))

    async def screen(self) -> str:
        """The terminal's visible text ('' until textual-serve's terminal exists)."""
        result = await self.send("Runtime.evaluate", expression=READ_SCREEN, returnByValue=True)
        return str(result.get("result", {}).get("value") or "")

    async def wait_for_screen(self, *wanted: str, timeout: float = 30.0) -> str:
        """Poll the screen until it shows every string in ``wanted``; fail with the last screen if not."""
        screen = ""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = await self.screen()
            if all(text in screen for text in wanted):
                return screen
            await asyncio.sleep(0.2)
        pytest.fail(f"the page never showed {wanted!r}; the screen was:\n{screen}")

    async def wait_for(self, expression: str, what: str, timeout: float = 30.0) -> None:
        """Poll a JavaScript expression until it is true."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
            if result.get("result", {}).get("value") is True:
                return
            await asyncio.sleep(0.2)
        pytest.fail(f"waited {timeout} s for {what}")

    async def press(self, key: str) -> None:
        """Type one key as a user would: keyDown (with its text), then keyUp."""
        fields = KEYS[key]
        await self.send("Input.dispatchKeyEvent", type="keyDown", **fields)
        await self.send("Input.dispatchKeyEvent", type="keyUp", **{k: v for k, v in fields.items() if k != "text"})


def served_address(server: subprocess.Popen[bytes]) -> str:
    """The address ``tenfold serve`` printed at start, token included."""
    assert server.stdout is not None
    for raw in server.stdout:
        found = re.search(r"Tenfold is served at (\S+)", raw.decode())
        if found:
            threading.Thread(target=server.stdout.read, daemon=True).start()  # keep the pipe drained
            return found.group(1)
    pytest.fail("tenfold serve printed no address")


def private_env(tmp_path: Path) -> dict[str, str]:
    """No TENFOLD_* from the developer's shell; config and logs inside tmp_path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_DATA_HOME=str(tmp_path / "data"),
    )
    return env


def test_serve_help_says_it_is_local_only() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output
    assert "--port" in result.output and "--host" in result.output


def test_each_session_runs_this_python_on_the_same_file() -> None:
    command = session_command(Path("/home/a b/it's.json"), python="/opt/py 3/bin/python")
    assert command == "'/opt/py 3/bin/python' -m tenfold --db '/home/a b/it'\"'\"'s.json'"
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2") and not is_loopback("example.org")


def test_serve_without_textual_serve_is_one_line(tmp_path: Path) -> None:
    """Fault injection: ``sys.modules`` makes textual_serve unimportable, as if not installed."""
    code = (
        "import sys\n"
        "sys.modules['textual_serve'] = None\n"
        "sys.argv = ['tenfold', '--db', sys.argv[1], 'serve']\n"
        "from tenfold.cli import main\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "t.json")],
        capture_output=True, text=True, env=private_env(tmp_path), timeout=30, check=False,
    )
    assert result.returncode == 1
    assert result.stderr == "tenfold: tenfold serve needs textual-serve; install it with: pip install 'tenfold[web]'\n"
    assert result.stdout == ""
    assert not (tmp_path / "t.json").exists()


def test_serve_on_a_taken_port_is_one_line(tmp_path: Path) -> None:
    pytest.importorskip("textual_serve", reason="textual-serve is not installed (pip install 'tenfold[web]')")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "tenfold", "--db", str(tmp_path / "t.json"), "serve", "--port", str(port)],
            capture_output=True, text=True, env=private_env(tmp_path), timeout=30, check=False,
        )
    assert result.returncode == 1
    assert result.stderr.startswith(f"tenfold: cannot listen on 127.0.0.1:{port}: ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


async def test_a_tick_in_the_browser_is_saved(tmp_path: Path) -> None:
    if importlib.util.find_spec("textual_serve") is None:
        pytest.skip("textual-serve is not installed (pip install 'tenfold[web]')")
    chromium = find_chromium()
    if chromium is None:
        pytest.skip("no Chromium on PATH (apt-get install chromium)")
    import aiohttp

    db = tmp_path / "data.json"
    port = free_port()
    env = {**private_env(tmp_path), "TENFOLD_TODAY": "2026-11-21"}
    serve_args = [sys.executable, "-m", "tenfold", "--db", str(db), "serve", "--port", str(port)]
    with (
        process_group(serve_args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as server,
        tempfile.TemporaryDirectory(prefix="tenfold-chromium-") as profile,
    ):
        wait_for_port(port, server, timeout=30)
        address = served_address(server)
        browser_args = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0"]
        browser_args.append("about:blank")
        with process_group(browser_args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) as browser:
            browser_url = devtools_url(browser, timeout=30)
            async with asyncio.timeout(120), aiohttp.ClientSession() as session:
                async with session.ws_connect(browser_url, max_msg_size=0) as browser_ws:
                    tools = DevTools(browser_ws)
                    target = await tools.send("Target.createTarget", url="about:blank")
                    page_url = browser_url.split("/devtools/")[0] + f"/devtools/page/{target['targetId']}"
                async with session.ws_connect(page_url, max_msg_size=0) as page_ws:
                    page = DevTools(page_ws)
                    await page.send("Page.enable")
                    await page.send("Page.addScriptToEvaluateOnNewDocument", source=CATCH_CLIENT)
                    await page.send("Page.navigate", url=address)  # the address printed, with its token

                    await page.wait_for_screen("Welcome to Tenfold")  # the today card greets a new user
                    await page.send("Runtime.evaluate", expression="window.__tenfoldClient.terminal.focus()")
                    await page.press("escape")
                    await page.wait_for_screen(*TITLES, "[ ] 1 ")
                    await page.press("2")  # focus the Eight Steps pane; its cursor starts on step 1
                    await page.wait_for_screen("Tick/untick")  # the footer shows the list's keys
                    await page.press(" ")
                    await page.wait_for_screen("[x] 1 ", "1 of 8 done")
                    await page.press("q")
                    # The app saves and exits; textual-serve then marks the page closed.
                    await page.wait_for("document.body.classList.contains('-closed')", "the session to end")

    with Store.open(db, read_only=True) as store:
        steps = store.steps()
    assert steps[0].done
    assert [s.number for s in steps if s.done] == [1]


def test_served_page_loads_nothing_from_outside(tmp_path: Path) -> None:
    """The page template keeps textual-serve's own assets but no external link (fonts)."""
    pytest.importorskip("textual_serve")
    from tenfold.cli.serve import offline_templates

    offline_templates(tmp_path)
    page = (tmp_path / "app_index.html").read_text(encoding="utf-8")
    assert "config.static.url" in page
    assert not re.search(r"""(href|src)\s*=\s*["']?(https?:)?//""", page)
    assert "fonts.googleapis" not in page
