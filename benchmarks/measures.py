"""Save and report measurements, each taken together with its baseline in the same run.

Save: one change made durable through the real store (TinyDB update, orjson dump,
temp file, fsync, rename, folder fsync) against ``orjson.dumps`` + write + fsync of
the very same document to a file in the same folder. The two are interleaved so a
noisy neighbour slows both alike. The day's first save also takes the daily backup;
it is done once before timing and reported on its own.

Report: ``tenfold report`` as a fresh process, against ledger-cli and hledger on the
journal that ``tenfold export --format ledger`` wrote from the same file.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path

import orjson

from tenfold.domain.ledger import Payment
from tenfold.store.file.document import load_document
from tenfold.store.store import Store


@dataclass(frozen=True)
class Timing:
    """Median seconds over the runs, with every run kept for the record."""

    runs: tuple[float, ...]

    @property
    def median(self) -> float:
        """The figure that is reported: robust to one slow run on a shared machine."""
        return statistics.median(self.runs)


def timed(action: Callable[[], object]) -> float:
    """Seconds one call takes."""
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def plain_durable_write(document: dict[str, object], folder: Path) -> None:
    """The baseline: serialise the document and make it durable, nothing else."""
    target = folder / "baseline.json"
    payload = orjson.dumps(document)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


@dataclass(frozen=True)
class SaveResult:
    """Store saves and the plain baseline, in seconds."""

    first_of_day: float
    tick: Timing
    add_payment: Timing
    baseline: Timing


def measure_save(source: Path, folder: Path, runs: int, today: date) -> SaveResult:
    """Time single changes on a private copy of ``source`` (backups land beside it)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "save.json"
    shutil.copyfile(source, path)
    ticks, adds, plain = [], [], []
    with Store.open(path, today=lambda: today, defer_payments=True) as store:  # as the app opens it
        store.wait_for_payments()  # the app reads them after its first paint, before anyone can save
        stream = store.streams()[0].id
        first = timed(lambda: store.tick(8, today))  # first save of the day: daily backup too
        for n in range(runs):
            document = load_document(path)
            change = partial(store.untick, 8) if n % 2 == 0 else partial(store.tick, 8, today)
            plain.append(timed(partial(plain_durable_write, document, folder)))
            ticks.append(timed(change))
            plain.append(timed(partial(plain_durable_write, document, folder)))
            adds.append(timed(partial(store.add_payment, Payment(0, stream, today, Decimal("1.00"), "benchmark"))))
    return SaveResult(first, Timing(tuple(ticks)), Timing(tuple(adds)), Timing(tuple(plain)))


def time_command(argv: Sequence[str], runs: int, env: dict[str, str] | None = None) -> Timing | None:
    """Median wall time of a command (output discarded); None when it is not installed."""
    if shutil.which(argv[0]) is None:
        return None
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
        times.append(time.perf_counter() - started)
    return Timing(tuple(times))


@dataclass(frozen=True)
class ReportResult:
    """``tenfold report`` and the two accounting tools on the exported journal."""

    tenfold: Timing
    export: Timing
    ledger: Timing | None
    hledger: Timing | None


def measure_report(python: str, db: Path, folder: Path, runs: int, tool_runs: int,
                   env: dict[str, str]) -> ReportResult:
    """Export the journal with the real command, then time the three reports."""
    journal = folder / "exported.journal"
    tenfold = [python, "-m", "tenfold", "--db", str(db)]
    export = time_command([*tenfold, "--quiet", "export", "--format", "ledger", "-o", str(journal)], 1, env)
    assert export is not None
    time_command([*tenfold, "report"], 1, env)  # untimed: the bytecode cache, as after an installation
    report = time_command([*tenfold, "report"], runs, env)
    assert report is not None
    return ReportResult(
        tenfold=report,
        export=export,
        ledger=time_command(["ledger", "-f", str(journal), "balance"], tool_runs),
        hledger=time_command(["hledger", "-f", str(journal), "balance", "-M"], tool_runs),
    )
