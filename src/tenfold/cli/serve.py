"""``tenfold serve``: the same app in a browser tab, through textual-serve.

textual-serve starts a *command* for every browser session and relays its screen
over a websocket, so the server itself never opens the data file: each session is
``<this Python> -m tenfold --db <absolute path>``, the ordinary app, with the same
lock. The path is passed explicitly so a session cannot fall back to another file
(a different working directory or ``$TENFOLD_DB`` in the server's environment).
"""

from __future__ import annotations

import ipaddress
import re
import shlex
import sys
import tempfile
from pathlib import Path
from typing import Any

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, fail

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
INSTALL_HINT = "tenfold serve needs textual-serve; install it with: pip install 'tenfold[web]'"


def session_command(path: Path, python: str = sys.executable) -> str:
    """The shell command textual-serve runs per browser session (it uses a shell, hence the quoting)."""
    return f"{shlex.quote(python)} -m tenfold --db {shlex.quote(str(path))}"


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach (``localhost`` included)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@cli.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on (local only by default).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535), help="Port to use.")
@click.pass_obj
def serve(context: Context, host: str, port: int) -> None:
    """Serve the app in a web page on this machine, to keep it in a browser tab.

    Local only: it listens on 127.0.0.1 unless --host says otherwise, so nobody
    else on the network can reach your data (there is no password). Every
    browser tab starts its own app on the same data file, and like the app in a
    terminal, only one can have it open at a time.
    Stop the server with Ctrl+C. Needs the web extra: pip install 'tenfold[web]'.
    """
    try:
        # Imported here: textual-serve is optional, and it pulls in aiohttp and rich,
        # which the quick read-only commands must not pay for.
        from textual_serve.server import Server
    except ImportError:
        fail(INSTALL_HINT)
    # Absolute, not resolved: the default path must stay equal to itself, so the
    # session still creates the default folder on first use.
    path = context.path.expanduser().absolute()
    if not is_loopback(host):
        click.echo(f"tenfold: warning: listening on {host}; anyone who can reach it can change your data", err=True)
    with tempfile.TemporaryDirectory(prefix="tenfold-serve-") as templates:
        offline_templates(Path(templates))
        server = Server(
            session_command(path), host=host, port=port, title="Tenfold", templates_path=templates
        )
        _serve(server, host, port)


def offline_templates(target: Path) -> None:
    """Copy textual-serve's page templates without the web-font link.

    The stock page loads a font from a public font service; Tenfold promises
    that nothing leaves the machine, so the page uses the browser's monospace
    font instead. Done at start-up so it follows textual-serve's own templates.
    """
    import textual_serve

    source = Path(textual_serve.__file__).parent / "templates"
    for template in source.glob("*.html"):
        html = template.read_text(encoding="utf-8")
        html = re.sub(r"<link[^>]*?https?://[^>]*?>", "", html, flags=re.DOTALL)
        (target / template.name).write_text(html, encoding="utf-8")


def _serve(server: Any, host: str, port: int) -> None:
    """Run the server until Ctrl+C; a taken port is one line, not a traceback."""
    try:
        server.serve()  # prints the address and runs until Ctrl+C
    except OSError as exc:  # the port is taken, or the address is not this machine's
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
