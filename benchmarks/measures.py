"""Command-line measurements, each taken together with its baseline in the same run.

- ``tenfold add payment`` against the write floor (``floor.py``: read, parse, add a
  record, serialise whole, write, fsync, rename, fsync the folder), both as fresh
  processes, in turn, on two copies of the same file.
- ``tenfold status`` at each size; its baseline is the same command on an empty file.
- ``tenfold report`` against ledger-cli (and hledger) on the journal that
  ``tenfold export --format ledger`` wrote from the same file; once on the file as
  Tenfold saved it (its payments' index valid) and once after another program
  rewrote it (the index no longer matches, so every payment is read).

Every command runs once untimed first (the bytecode cache, as after an installation).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from datasets import CACHE, GENERATOR_VERSION, Spec

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Timing:
    """Median seconds over the runs, with every run kept for the record."""

    runs: tuple[float, ...]

    @property
    def median(self) -> float:
        """The figure that is reported: robust to one slow run on a shared machine."""
        return statistics.median(self.runs)


def run_once(argv: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Wall seconds of one run of a command (output discarded); it must succeed."""
    started = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True, env=env, timeout=600)
    return time.perf_counter() - started


def time_command(argv: Sequence[str], runs: int, env: dict[str, str] | None = None,
                 warm: bool = True) -> Timing | None:
    """Median wall time of a command; None when it is not installed."""
    if shutil.which(argv[0]) is None:
        return None
    if warm:
        run_once(argv, env)
    return Timing(tuple(run_once(argv, env) for _ in range(runs)))


@dataclass(frozen=True)
class AddResult:
    """``tenfold add payment`` and the floor, taken in turn."""

    add: Timing
    floor: Timing

    @property
    def ratio(self) -> float:
        """What the command costs over the floor."""
        return self.add.median / self.floor.median


def measure_add(python: str, db: Path, folder: Path, runs: int, env: dict[str, str]) -> AddResult:
    """Add one payment ``runs`` times with the real command, and the floor as often, in turn."""
    mine, floor = folder / "add-tenfold.json", folder / "add-floor.json"
    shutil.copyfile(db, mine)
    shutil.copyfile(db, floor)
    add = [python, "-m", "tenfold", "--db", str(mine), "--quiet", "add", "payment", "--stream", "Dividends 001",
           "--amount", "1.00", "--note", "benchmark"]
    base = [python, str(HERE / "floor.py"), str(floor)]
    run_once(add, env)  # untimed: the day's first save also takes the daily backup
    run_once(base, env)
    adds, floors = [], []
    for _ in range(runs):
        floors.append(run_once(base, env))
        adds.append(run_once(add, env))
    mine.unlink()
    floor.unlink()
    return AddResult(Timing(tuple(adds)), Timing(tuple(floors)))


def measure_status(python: str, db: Path, runs: int, env: dict[str, str]) -> Timing:
    """``tenfold status`` as a shell prompt runs it, again and again on the same file."""
    timing = time_command([python, "-m", "tenfold", "--db", str(db), "status"], runs, env)
    assert timing is not None
    return timing


def rewritten_by_another_program(db: Path, target: Path) -> Path:
    """The same records written back by Python's json module (as TinyDB itself writes them).

    Nothing changes but the bytes' layout, so the payments' index no longer matches
    them and Tenfold reads every payment, as it must for a file it did not write.
    """
    target.write_text(json.dumps(json.loads(db.read_bytes())), encoding="utf-8")
    target.chmod(0o600)
    return target


def journal(python: str, spec: Spec, db: Path, today: str, env: dict[str, str]) -> tuple[Path, float | None]:
    """The ledger journal exported from ``db``, cached beside the data set; (path, seconds if exported now)."""
    path = CACHE / f"v{GENERATOR_VERSION}" / f"{spec.key}-{today}.journal"
    if path.exists():
        return path, None
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # a fresh machine has no cache yet
    partial = path.with_suffix(".partial")
    seconds = run_once([python, "-m", "tenfold", "--db", str(db), "--quiet", "export", "--format", "ledger",
                        "-o", str(partial)], env)
    partial.replace(path)
    return path, seconds


@dataclass(frozen=True)
class ReportResult:
    """``tenfold report`` with and without a valid index, and the accounting tools on the same journal."""

    valid: Timing
    invalid: Timing
    ledger: Timing | None
    hledger: Timing | None
    export_seconds: float | None


def measure_report(python: str, spec: Spec, db: Path, folder: Path, runs: int, tool_runs: int,
                   env: dict[str, str], today: str, hledger: bool) -> ReportResult:
    """The three reports on one data set; hledger only when asked (it takes 50x longer than ledger-cli)."""
    path, exported = journal(python, spec, db, today, env)
    other = rewritten_by_another_program(db, folder / "rewritten.json")
    valid = time_command([python, "-m", "tenfold", "--db", str(db), "report"], runs, env)
    invalid = time_command([python, "-m", "tenfold", "--db", str(other), "report"], runs, env)
    other.unlink()
    assert valid is not None and invalid is not None
    return ReportResult(
        valid=valid,
        invalid=invalid,
        ledger=time_command(["ledger", "-f", str(path), "balance"], tool_runs),
        hledger=time_command(["hledger", "-f", str(path), "balance", "-M"], 1) if hledger else None,
        export_seconds=exported,
    )
