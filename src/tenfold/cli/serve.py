"""``tenfold serve``: the same app in a browser tab, through textual-serve.

textual-serve starts a *command* for every browser session and relays its screen
over a websocket, so the server itself never opens the data file: each session is
``<this Python> -m tenfold --db <absolute path>``, the ordinary app, with the same
lock. The path is passed explicitly so a session cannot fall back to another file
(a different working directory or ``$TENFOLD_DB`` in the server's environment).

Nobody but the person who started it gets in: like Jupyter, a random token is
printed in the address at start, and every request but the page's static files
needs it - in the address, or in the cookie the page sets from it (the page's
websocket cannot carry it in its address). Every request must also name this
server in its Host header (a page from another site reaching 127.0.0.1 through
its own DNS name is refused), and any Origin must be this server (a page from
another site, or another port, cannot open the websocket and type into the app).
"""

from __future__ import annotations

import ipaddress
import re
import secrets
import shlex
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, Whole, fail

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
INSTALL_HINT = "tenfold serve needs textual-serve; install it with: pip install 'tenfold[web]'"
COOKIE = "tenfold_token"
PUBLIC_PREFIX = "/static/"
"""textual-serve's own scripts, styles and fonts: the same for everyone, no data; loaded without the token."""
NO_TOKEN_WARNING = (
    "tenfold: warning: --no-token: any program or person on this machine can open the page and change your data"
)

if TYPE_CHECKING:
    from aiohttp import web


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


def allowed_hosts(host: str, port: int) -> set[str] | None:
    """The Host headers this server answers to; None when it listens on every address (any host, the token guards).

    A loopback server answers to its address and to ``localhost`` / ``127.0.0.1``;
    port 80 may come without the port, as browsers send it.
    """
    try:
        if ipaddress.ip_address(host).is_unspecified:
            return None
    except ValueError:
        pass
    names = {host, "localhost", "127.0.0.1"} if is_loopback(host) else {host}
    names = {f"[{n}]" if ":" in n else n for n in names}  # an IPv6 address is bracketed in a Host header
    hosts = {f"{n}:{port}" for n in names}
    return hosts | names if port == 80 else hosts


def guard(token: str | None, hosts: set[str] | None) -> Callable[..., Awaitable[Any]]:
    """The aiohttp middleware that checks Host, Origin and the token on every request (403 otherwise)."""
    from aiohttp import web

    origins = {f"http://{h}" for h in hosts} if hosts is not None else None

    def refuse(why: str) -> web.HTTPForbidden:
        return web.HTTPForbidden(text=f"Forbidden: {why}. Open the address tenfold serve printed.\n")

    @web.middleware
    async def check(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> Any:
        if hosts is not None and request.host not in hosts:
            raise refuse("this server is not called that")
        origin = request.headers.get("Origin")
        if origin is not None and origin not in (origins or {f"http://{request.host}"}):
            raise refuse("requests from other sites are refused")
        if token is None or request.path.startswith(PUBLIC_PREFIX):
            return await handler(request)
        given = request.query.get("token") or request.cookies.get(COOKIE) or ""
        if not secrets.compare_digest(given.encode(), token.encode()):
            raise refuse("the token is missing or wrong")
        response = await handler(request)
        if "token" in request.query and not response.prepared:
            # The page's websocket and downloads carry it as a cookie: only to this host, never to scripts.
            response.set_cookie(COOKIE, token, httponly=True, samesite="Strict", path="/")
        return response

    return check


@cli.command()
@click.option("--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on (local only by default).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=Whole(1, 65535), help="Port to use.")
@click.option("--no-token", is_flag=True, help="Let the page open without the token (not recommended).")
@click.pass_obj
def serve(context: Context, host: str, port: int, no_token: bool) -> None:
    """Serve the app in a web page on this machine, to keep it in a browser tab.

    Local only: it listens on 127.0.0.1 unless --host says otherwise, so nobody
    else on the network can reach your data. The address printed at start holds
    a random token, which the page needs: other people and programs on this
    machine, and web pages from other sites, cannot get in. Every browser tab
    starts its own app on the same data file, and like the app in a terminal,
    only one can have it open at a time.
    Stop the server with Ctrl+C. Needs the web extra: pip install 'tenfold[web]'.
    """
    try:
        # Imported here: textual-serve is optional, and it pulls in aiohttp and rich,
        # which the quick read-only commands must not pay for.
        import textual_serve.server  # noqa: F401
    except ImportError:
        fail(INSTALL_HINT)
    token = None if no_token else secrets.token_urlsafe(32)
    if no_token:
        click.echo(NO_TOKEN_WARNING, err=True)
    # Absolute, not resolved: the default path must stay equal to itself, so the
    # session still creates the default folder on first use.
    path = context.path.expanduser().absolute()
    if not is_loopback(host):
        click.echo(f"tenfold: warning: listening on {host}; anyone who can reach it can change your data", err=True)
    with tempfile.TemporaryDirectory(prefix="tenfold-serve-") as templates:
        offline_templates(Path(templates))
        server = guarded_server(token, session_command(path), host, port, templates)
        _serve(server, host, port)


def guarded_server(token: str | None, command: str, host: str, port: int, templates: str) -> Any:
    """textual-serve's Server with :func:`guard` on every request, printing the address with its token."""
    from textual_serve.server import Server

    check = guard(token, allowed_hosts(host, port))

    class GuardedServer(Server):
        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(check)  # before the app is frozen at start-up
            return app

        async def on_startup(self, app: web.Application) -> None:
            address = f"{self.public_url}/" + (f"?token={token}" if token else "")
            print(f"Tenfold is served at {address}", flush=True)
            print("Open that address in a browser on this machine; stop with Ctrl+C.", flush=True)

    return GuardedServer(command, host=host, port=port, title="Tenfold", templates_path=templates)


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
