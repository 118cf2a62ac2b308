"""``tenfold serve`` lets in only the person who started it: a token in the address, and Host and Origin checks.

A real ``tenfold serve`` process on 127.0.0.1 and real HTTP and websocket requests
(aiohttp's client, which comes with textual-serve). Without the token, with a
wrong one, from another site's page (Origin) or under another name (Host, as in
DNS rebinding), the page and the websocket answer 403; with the token the page
loads and its websocket runs the app.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from test_serve import free_port, private_env, process_group, wait_for_port

pytest.importorskip("textual_serve", reason="textual-serve is not installed (pip install 'tenfold[web]')")

import aiohttp


@contextmanager
def served(tmp_path: Path, *extra: str) -> Iterator[tuple[int, str | None, list[str]]]:
    """``tenfold serve`` on a free port; yields the port, the token it printed (None without one), its stderr lines."""
    port = free_port()
    args = [sys.executable, "-m", "tenfold", "--db", str(tmp_path / "t.json"), "serve", "--port", str(port), *extra]
    env = {**private_env(tmp_path), "TENFOLD_TODAY": "2026-11-21"}
    with process_group(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as server:
        assert server.stdout is not None and server.stderr is not None
        errors: list[str] = []
        out: list[str] = []
        for stream, lines in ((server.stdout, out), (server.stderr, errors)):
            threading.Thread(target=lambda s=stream, ls=lines: ls.extend(x.decode() for x in s), daemon=True).start()
        wait_for_port(port, server, timeout=30)
        found = None
        for _ in range(100):
            found = next((m for line in out if (m := re.search(r"Tenfold is served at (\S+)", line))), None)
            if found:
                break
            server.poll()
            threading.Event().wait(0.1)
        assert found, (out, errors)
        url = found.group(1)
        assert url.startswith(f"http://127.0.0.1:{port}/")
        token = url.split("?token=", 1)[1] if "?token=" in url else None
        yield port, token, errors


async def status(session: aiohttp.ClientSession, url: str, **headers: str) -> int:
    async with session.get(url, headers=headers, allow_redirects=False) as response:
        await response.read()
        return response.status


async def websocket_status(session: aiohttp.ClientSession, url: str, origin: str | None) -> int:
    """101 when the websocket opened and the app sent its first screen; else the refusal's HTTP status."""
    try:
        async with session.ws_connect(url, origin=origin) as ws:
            async with asyncio.timeout(60):
                message = await ws.receive()
            assert message.type in (aiohttp.WSMsgType.BINARY, aiohttp.WSMsgType.TEXT), message
            return 101
    except aiohttp.WSServerHandshakeError as exc:
        return exc.status


def test_the_page_and_the_websocket_need_the_token(tmp_path: Path) -> None:
    with served(tmp_path) as (port, token, _errors):
        assert token is not None and len(token) >= 40
        base = f"http://127.0.0.1:{port}"
        ws = f"ws://127.0.0.1:{port}/ws"
        own = f"http://127.0.0.1:{port}"

        async def scenario() -> None:
            async with aiohttp.ClientSession(cookie_jar=aiohttp.DummyCookieJar()) as stranger:
                assert await status(stranger, f"{base}/") == 403
                assert await status(stranger, f"{base}/?token=wrong{token[:10]}") == 403
                assert await status(stranger, f"{base}/download/x") == 403
                assert await websocket_status(stranger, ws, own) == 403
                assert await websocket_status(stranger, f"{ws}?token=nope", own) == 403
                assert await status(stranger, f"{base}/static/js/textual.js") == 200  # no data in it

            async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as owner:
                async with owner.get(f"{base}/?token={token}") as page:
                    assert page.status == 200
                    assert "textual.js" in await page.text()
                # Another site's page, or this server under another name, is refused even with the cookie.
                assert await status(owner, f"{base}/", Origin="http://evil.example") == 403
                assert await status(owner, f"{base}/", Host=f"evil.example:{port}") == 403
                assert await websocket_status(owner, ws, "http://evil.example") == 403
                assert await websocket_status(owner, ws, f"http://127.0.0.1:{port + 1}") == 403
                assert await websocket_status(owner, ws, own) == 101  # the app runs for the owner

        asyncio.run(scenario())


def test_no_token_only_when_asked_and_with_a_warning(tmp_path: Path) -> None:
    with served(tmp_path, "--no-token") as (port, token, errors):
        assert token is None
        base = f"http://127.0.0.1:{port}"

        async def scenario() -> None:
            async with aiohttp.ClientSession() as anyone:
                assert await status(anyone, f"{base}/") == 200
                assert await status(anyone, f"{base}/", Origin="http://evil.example") == 403
                assert await websocket_status(anyone, f"ws://127.0.0.1:{port}/ws", "http://evil.example") == 403

        asyncio.run(scenario())
    assert any("--no-token" in line and "warning" in line for line in errors), errors


def test_the_token_is_new_each_time(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    with served(tmp_path / "one") as (_, first, _e1), served(tmp_path / "two") as (_, second, _e2):
        assert first and second and first != second
