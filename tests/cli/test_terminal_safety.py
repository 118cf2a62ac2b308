"""Text a user typed never drives the terminal: every command's output shows control characters as symbols.

A stream named with ``ESC[2J`` would clear the screen, and OSC 52 in a note can set
the clipboard. Each command runs as a real process whose standard output is a
pseudo-terminal, as when a person types it (click strips some escape sequences
when it writes to a pipe, which would hide the problem). The formats meant to be
read (text, Markdown, the goal's history, the review, the import preview, every
confirmation) show them as visible symbols; the data formats (CSV, JSON) do so on
a terminal and keep the exact text in a file or pipe, where a program reads them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import TODAY

from tenfold.domain.goal import Goal
from tenfold.domain.ideas import parse_idea
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream
from tenfold.store.store import Store

CLEAR = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;aGk=\x07"
C1_CSI = "\x9b31m"
HOSTILE = (CLEAR.encode(), b"\x1b]52", C1_CSI.encode())
"""The raw sequences, as bytes, that must never reach the terminal."""


def seeded(tmp_path: Path) -> Path:
    db = tmp_path / "t.json"
    with Store.open(db, today=lambda: date(2026, 11, 1)) as store:
        store.set_goal(Goal(f"Rent {CLEAR}paid", Decimal("100"), "EUR", date(2027, 12, 31), date(2026, 11, 1)))
        store.set_goal(Goal(f"Rent {CLIPBOARD}paid", Decimal("200"), "EUR", date(2027, 12, 31), date(2026, 11, 2)))
        stream = store.add_stream(Stream(0, f"Roy{CLEAR}alties", "royalties", "passive", "EUR"))
        store.add_payment(Payment(0, stream.id, date(2026, 11, 3), Decimal("12.50"), f"x{CLIPBOARD}y", f"c{C1_CSI}"))
        store.add_idea(parse_idea(who=f"Bakers {CLEAR}#dough", value=f"A {CLIPBOARD}starter", reach=f"{C1_CSI}video",
                                  delivery="", written_on=date(2026, 11, 2)))
    return db


def on_terminal(db: Path, *args: str) -> bytes:
    """Run ``tenfold --db DB ARGS`` with a pseudo-terminal as standard output; return what it wrote."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    env.update(TENFOLD_TODAY=TODAY, XDG_STATE_HOME=str(db.parent / "state"), COLUMNS="200", LINES="50")
    reader, writer = os.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "tenfold", "--db", str(db), *args],
            stdin=subprocess.DEVNULL, stdout=writer, stderr=subprocess.PIPE, env=env,
        )
        os.close(writer)
        chunks = []
        while True:
            try:
                chunk = os.read(reader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        _, stderr = process.communicate(timeout=60)
    finally:
        os.close(reader)
    assert process.returncode == 0, stderr.decode()
    return b"".join(chunks)


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--month", "2026-11"),
        ("report", "--format", "markdown"),
        ("report", "--format", "csv"),
        ("report", "--measures", "only"),
        ("report", "--measures", "only", "--format", "markdown"),
        ("report", "--measures", "only", "--format", "csv"),
        ("export", "--format", "markdown"),
        ("export", "--format", "csv"),
        ("export", "--format", "ledger"),
        ("goal", "history"),
        ("ideas",),
        ("ideas", "--format", "json"),
        ("review", "--date", TODAY),
        ("status",),
        ("add", "stream", "--name", f"B{CLEAR}ooks", "--kind", "passive"),
    ],
    ids=lambda args: " ".join(args).replace("\x1b", "ESC"),
)
def test_user_text_cannot_drive_the_terminal(tmp_path: Path, args: tuple[str, ...]) -> None:
    out = on_terminal(seeded(tmp_path), *args)
    assert out.strip()
    assert [seq for seq in HOSTILE if seq in out] == []
    # Shown as a visible symbol; the status line names no user text, the journal drops control characters,
    # and JSON writes ESC as \u001b.
    if args[0] != "status" and "ledger" not in args and "json" not in args:
        assert "\u241b".encode() in out


def test_the_import_preview_is_safe_too(tmp_path: Path) -> None:
    db = seeded(tmp_path)
    csv_file = tmp_path / "in.csv"
    csv_file.write_text(f"date,stream,amount,note\n2026-11-05,Roy{CLEAR}alties,3.00,n{CLIPBOARD}\n", encoding="utf-8")
    out = on_terminal(db, "import", "--dry-run", "--create-streams", "passive", str(csv_file))
    assert b"1 payment" in out
    assert [seq for seq in HOSTILE if seq in out] == []


def test_a_piped_export_keeps_the_exact_text(tmp_path: Path) -> None:
    """In a pipe or a file the CSV is data: every character as typed, so an import gets it back."""
    db = seeded(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    env.update(TENFOLD_TODAY=TODAY, XDG_STATE_HOME=str(tmp_path / "state"))
    done = subprocess.run(
        [sys.executable, "-m", "tenfold", "--db", str(db), "export", "--format", "csv"],
        capture_output=True, env=env, timeout=60, check=True,
    )
    assert done.stdout.decode().splitlines()[1].startswith(
        f"2026-11-03,Roy{CLEAR}alties,12.50,EUR,x{CLIPBOARD}y,c{C1_CSI},,income,,tenfold:~")
