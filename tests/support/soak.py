"""Random SIGKILL soak: start the crash child, kill it at a random moment, check the file, repeat.

After every kill the file must open cleanly and equal the model after exactly
``acked`` or ``acked + 1`` edits: every save the child reported is there, and no
edit is there by half. With ``background`` the child saves as the app does (a
background thread writes while edits go on, flushed every few edits): the file
must then equal the model after some whole number of edits between the last
flushed one and one past the last applied. Each run continues from where the file stands, so over a
soak the child makes thousands of saves. The date moves on every few runs, so
daily backups (and their pruning) happen under fire too; every backup must be
whole. Used by ``test_crash.py`` (small) and ``benchmarks/crash_soak.py`` (full).
"""

from __future__ import annotations

import copy
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from crashkit import BASE_DAY, Model, generate_ops, store_snapshot

from tenfold.domain.errors import TenfoldError
from tenfold.store.backups import DAILY, KEEP_DAILY, list_backups
from tenfold.store.reading.loading import read_contents
from tenfold.store.store import Store

CHILD = Path(__file__).resolve().parent / "crash_child.py"
SRC = Path(__file__).resolve().parents[2] / "src"
CHUNK = 400
"""Edits a child is asked to make: far more than it can finish before the kill."""


@dataclass
class SoakResult:
    """What one soak saw."""

    kills: int = 0
    survived: int = 0
    acked: int = 0
    left_temp_files: int = 0
    runs: int = 0
    seconds: float = 0.0
    failures: list[str] = field(default_factory=list)


def _view(model: Model) -> dict[str, object]:
    """The model as :func:`crashkit.store_snapshot` shows a store, without copying it."""
    return {"goal": model.goal, "steps": model.steps, "streams": model.streams, "payments": model.payments,
            "ideas": model.ideas}


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in [*folder.glob(".*.tmp"), *(folder / "backups").glob(".*.tmp")] if p.is_file()]


def _check_backups(db: Path) -> str | None:
    backups = list_backups(db)
    if sum(1 for b in backups if b.kind == DAILY) > KEEP_DAILY:
        return f"more than {KEEP_DAILY} daily backups"
    for backup in backups:
        try:
            read_contents(backup.path)
        except TenfoldError as exc:
            return f"backup {backup.name} is not whole: {exc}"
    return None


def _read_line(fd: int) -> bytes:
    """One line from a pipe, a byte at a time: nothing past it is taken from the pipe.

    ``communicate`` reads the rest from the file descriptor itself, so a buffered
    ``readline`` would hide from it whatever else it had read (an ack).
    """
    line = b""
    while not line.endswith(b"\n"):
        byte = os.read(fd, 1)
        if not byte:
            break
        line += byte
    return line


def soak(folder: Path, kills: int, seed: int, *, max_delay: float = 0.3, log: bool = False,
         background: bool = False) -> SoakResult:
    """Kill the child ``kills`` times; stops at the first failure."""
    rng = random.Random(seed)
    db = folder / "tenfold.json"
    result = SoakResult()
    model, done = Model(), 0
    ops = generate_ops(seed, CHUNK * 2)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    started = time.monotonic()
    while result.kills < kills and not result.failures:
        day: date = BASE_DAY + timedelta(days=result.runs // 3)
        result.runs += 1
        if done + CHUNK + 2 > len(ops):
            ops = generate_ops(seed, len(ops) * 2)
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(db), "--today", day.isoformat(), "--seed", str(seed),
             "--start", str(done), "--count", str(CHUNK), *(["--background"] if background else [])],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        # Most kills land while the child saves: the delay starts once it says it opened the
        # file, however slow a busy machine makes its start. One in four lands anywhere, the
        # start included (opening cleans up what an earlier kill left).
        if rng.random() >= 0.25:
            assert child.stdout is not None
            _read_line(child.stdout.fileno())  # "ready", or nothing if it died first
        time.sleep(rng.uniform(0.0, max_delay))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        if child.returncode == -signal.SIGKILL:
            result.kills += 1
        elif child.returncode != 0:
            result.failures.append(f"child failed on its own (exit {child.returncode}):\n{err}")
            break
        acks = [int(line.split()[1]) for line in out.splitlines() if line.startswith("ack ")]
        if acks != list(range(done, done + len(acks))):
            result.failures.append(f"acks out of order: {acks[:5]}...")
            break
        result.acked += len(acks)
        last = acks[-1] if acks else done - 1
        applied = [int(line.split()[1]) for line in out.splitlines() if line.startswith("applied ")]
        last_applied = max([last, *applied])
        result.left_temp_files += bool(_leftovers(folder))
        problem = None
        if not db.exists():
            problem = "no data file after the kill" if done or acks else None
        else:
            try:
                with Store.open(db, read_only=True) as store:  # the file exactly as the kill left it
                    seen = store_snapshot(store)
            except TenfoldError as exc:
                problem = f"the file does not open after the kill: {exc}"
        if problem is None and db.exists():
            for op in ops[done : last + 1]:
                model.apply(op)
            candidate, matched = copy.deepcopy(model), None
            for n in range(last + 1, last_applied + 3):  # edits in the file: acked ... one past applied
                if seen == _view(candidate):
                    matched = n
                    break
                candidate.apply(ops[n])
            if matched is not None:
                model, done = candidate, matched
            else:
                problem = (f"after {len(acks)} acks (last {last}, applied {last_applied}) the file matches "
                           f"no whole number of edits from {last + 1} to {last_applied + 2}")
        if problem is None and db.exists():
            try:
                Store.open(db, today=lambda d=day: d).close()  # type: ignore[misc]  # what the next start does: clean up
            except TenfoldError as exc:
                problem = f"reopening for writing failed: {exc}"
            if _leftovers(folder):
                problem = f"temp files left after reopening: {_leftovers(folder)}"
            problem = problem or _check_backups(db)
        if problem:
            result.failures.append(f"run {result.runs}: {problem}")
        else:
            result.survived += child.returncode == -signal.SIGKILL
        if log:
            print(f"run {result.runs:4d} day {day} acked {len(acks):3d} total edits {done}", flush=True)
    result.seconds = time.monotonic() - started
    return result
