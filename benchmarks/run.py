"""Tenfold's performance benchmark: every figure measured together with its baseline.

    .venv/bin/python benchmarks/run.py [--quick] [--write]

Builds three data sets (empty, a typical year, ten years of a heavy user) and
measures start-up, keystroke latency, save, report and peak memory, each as the
median of several runs against a baseline taken in the same run, so a busy shared
machine slows both sides alike. Prints a table with target, measured value, ratio
and PASS/MISS; ``--write`` also puts it in benchmarks/RESULTS.md. The targets live
here and nowhere in the tests: timings are reported, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from datasets import SPECS, build  # noqa: E402
from measures import measure_report, measure_save  # noqa: E402
from ptyrun import Launch, launch  # noqa: E402
from table import Row, megabytes, render, results_block, seconds, times, verdict, write_results  # noqa: E402

FRAME_MS = 16.0


@dataclass(frozen=True)
class Plan:
    """How many runs of each measurement: the full run stays under about five minutes."""

    startup_runs: int
    heavy_startup_runs: int
    keys: int
    ticks: int
    saves: int
    reports: int
    tool_runs: int


FULL = Plan(startup_runs=9, heavy_startup_runs=7, keys=25, ticks=3, saves=7, reports=5, tool_runs=3)
QUICK = Plan(startup_runs=3, heavy_startup_runs=3, keys=10, ticks=1, saves=3, reports=3, tool_runs=1)


def say(text: str) -> None:
    """Progress on stderr, so stdout is only the table."""
    print(text, file=sys.stderr, flush=True)


def child_env(folder: Path, today: date) -> dict[str, str]:
    """The environment of every program started: a real terminal type, private config folders.

    The settings turn off the today card, which opens over the panes right after
    their first paint and would hide the texts the start-up clock waits for.

    Python caches compiled modules as a normal installation does, in a folder of
    the benchmark's own (``PYTHONPYCACHEPREFIX``), even where the shell says
    ``PYTHONDONTWRITEBYTECODE`` (this machine's does): otherwise every start
    compiles Tenfold's 100-odd modules again, about 0.1 s no user ever waits for.
    """
    settings = folder / "config" / "tenfold" / "config.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"today_on_launch": false}', encoding="utf-8")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TENFOLD_", "TEXTUAL")) and k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    env.update(TERM="xterm-256color", COLORTERM="truecolor", TENFOLD_TODAY=today.isoformat(),
               XDG_CONFIG_HOME=str(folder / "config"), XDG_STATE_HOME=str(folder / "state"),
               XDG_DATA_HOME=str(folder / "data"))
    return env


def paired_startups(base: tuple[list[str], list[str]], mine: tuple[list[str], list[str]], runs: int,
                    env: dict[str, str], label: str) -> tuple[list[Launch], list[Launch]]:
    """The baseline and the program started in turn, ``runs`` pairs, after one untimed start of each.

    Taking them in turn, rather than all of one then all of the other, lets a busy
    shared machine slow both sides alike: the ratio is what the program adds.
    """
    launch(*base, env, timeout=180)
    launch(*mine, env, timeout=180)
    baseline, program = [], []
    for n in range(runs):
        say(f"  start-up {label} {n + 1}/{runs} (with the minimal app)")
        baseline.append(launch(*base, env, timeout=180))
        program.append(launch(*mine, env, timeout=180))
    return baseline, program


def median_of(values: list[float | None]) -> float | None:
    """Median of the runs that finished; None if none did."""
    done = [v for v in values if v is not None]
    return statistics.median(done) if done else None


def tenfold_markers(name: str) -> list[str]:
    """Texts that are all on screen only once every pane is drawn with its data."""
    spec = SPECS[name]
    return ["Written Goal", "Eight Steps", "Income Ledger", "Who Do I Deliver Value To?",
            f"{spec.streams} streams · {spec.payments:,} payments", f"{spec.ideas} entries", "palette"]


def measure_startup(files: dict[str, Path], plan: Plan, env: dict[str, str]) -> tuple[list[Row], list[Row]]:
    """Start-up and peak memory rows, Tenfold against the minimal Textual app started in turn with it."""
    py = sys.executable
    base = ([py, str(HERE / "baseline_app.py")], ["benchmark baseline: ready", "palette"])
    rows, memory = [], []
    targets = {"empty": 1.3, "typical": None, "ten_years": 1.6}
    for name, target in targets.items():
        runs = plan.heavy_startup_runs if name == "ten_years" else plan.startup_runs
        mine = ([py, "-m", "tenfold", "--db", str(files[name])], tenfold_markers(name))
        baseline, got = paired_startups(base, mine, runs, env, name)
        base_s, base_mb = median_of([b.seconds for b in baseline]), median_of([b.peak_rss_mb for b in baseline])
        secs = median_of([g.seconds for g in got])
        mb = median_of([g.peak_rss_mb for g in got])
        ratio = secs / base_s if secs is not None and base_s else None
        rows.append(Row(f"Start-up, {SPECS[name].name}", f"<= {target}x" if target else "-", seconds(secs),
                        f"{seconds(base_s)} minimal app", times(ratio),
                        verdict(None if ratio is None else ratio <= target) if target else "info"))
        if name != "typical":
            extra = mb - base_mb if mb is not None and base_mb is not None else None
            memory.append(Row(f"Peak memory, {SPECS[name].name}", "<= +150 MB" if name == "ten_years" else "-",
                              megabytes(mb), f"{megabytes(base_mb)} minimal app",
                              "-" if extra is None else f"+{extra:.0f} MB",
                              verdict(None if extra is None else extra <= 150) if name == "ten_years" else "info"))
    return rows, memory


def run_keys(db: Path, plan: Plan, folder: Path, ticks: int) -> dict[str, Any]:
    """keys.py in its own process, on a copy of the data file (ticking saves)."""
    copy = folder / f"keys-{db.name}"
    shutil.copyfile(db, copy)
    out = subprocess.run([sys.executable, str(HERE / "keys.py"), str(copy), "--repeat", str(plan.keys),
                          "--ticks", str(ticks)], capture_output=True, text=True, check=True, timeout=900)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def measure_keys(files: dict[str, Path], plan: Plan, folder: Path) -> list[Row]:
    """Median keystroke latency with ten years of data; the typical year for scale."""
    say("  keystrokes: typical year")
    typical = run_keys(files["typical"], plan, folder, plan.ticks)
    say("  keystrokes: ten years (ticks and payment forms save)")
    heavy = run_keys(files["ten_years"], plan, folder, plan.ticks)
    rows = []
    for key, label in (("typing_ms", "type in the goal text"), ("ledger_cursor_ms", "move the ledger cursor"),
                       ("tick_ms", "tick a step (saves)")):
        ms = statistics.median(heavy[key]) if heavy[key] else None
        small = statistics.median(typical[key]) if typical[key] else None
        rows.append(Row(f"Keystroke, ten years: {label}", f"< {FRAME_MS:.0f} ms median",
                        seconds(None if ms is None else ms / 1000),
                        f"{seconds(None if small is None else small / 1000)} typical year",
                        times(ms / small if ms is not None and small else None),
                        verdict(None if ms is None else ms < FRAME_MS)))
    for key, label in (("sort_ms", "Payments, ten years: next order (o), to the table shown"),
                       ("filter_ms", "Payments, ten years: filter by a date prefix (Enter), to the matches shown"),
                       ("tick_durable_ms", "Tick on disk, ten years: key to saved (background)"),
                       ("form_cancel_ms", "Form closed, ten years: cancel a form (Escape)"),
                       ("payment_save_ms", "Form closed, ten years: save a payment (ledger shows it)")):
        ms = statistics.median(heavy[key]) if heavy[key] else None
        small = statistics.median(typical[key]) if typical[key] else None
        rows.append(Row(label, "-", seconds(None if ms is None else ms / 1000),
                        f"{seconds(None if small is None else small / 1000)} typical year",
                        times(ms / small if ms is not None and small else None), "info"))
    fill = heavy["ledger_fill_s"]
    rows.append(Row("Ledger pane show() (virtual tables), ten years", "-", seconds(fill[0] if fill else None),
                    f"{seconds(typical['ledger_fill_s'][0])} typical year", "-", "info"))
    rows.append(Row("Headless app ready (Pilot), ten years", "-", seconds(heavy["headless_start_s"]),
                    f"{seconds(typical['headless_start_s'])} typical year", "-", "info"))
    return rows


def measure_saving(files: dict[str, Path], plan: Plan, folder: Path, today: date) -> list[Row]:
    """One durable change through the store against a plain dump + write + fsync."""
    say("  save")
    result = measure_save(files["ten_years"], folder / "save", plan.saves, today)
    base = result.baseline.median
    rows = []
    for label, timing in (("tick a step", result.tick), ("add a payment", result.add_payment)):
        ratio = timing.median / base
        rows.append(Row(f"Save, ten years: {label}", "<= 1.5x", seconds(timing.median),
                        f"{seconds(base)} orjson+write+fsync", times(ratio), verdict(ratio <= 1.5)))
    rows.append(Row("Save, first of the day (daily backup)", "-", seconds(result.first_of_day),
                    f"{seconds(base)} orjson+write+fsync", times(result.first_of_day / base), "info"))
    return rows


def measure_reports(files: dict[str, Path], plan: Plan, folder: Path, env: dict[str, str]) -> tuple[list[Row], str]:
    """``tenfold report`` against ledger-cli (target: half its time) and hledger."""
    say("  report")
    result = measure_report(sys.executable, files["ten_years"], folder, plan.reports, plan.tool_runs, env)
    mine = result.tenfold.median
    rows = []
    for tool, timing, target in (("ledger balance", result.ledger, 0.5), ("hledger balance -M", result.hledger, None)):
        if timing is None:
            rows.append(Row(f"Report vs {tool}", f"<= {target}x" if target else "-", seconds(mine),
                            f"{tool.split()[0]} not installed", "-", "skip"))
            continue
        ratio = mine / timing.median
        rows.append(Row(f"Report vs {tool}", f"<= {target}x" if target else "-", seconds(mine),
                        f"{seconds(timing.median)} {tool.split()[0]}", times(ratio),
                        verdict(ratio <= target) if target else "info"))
    rows.append(Row("Export --format ledger, ten years", "-", seconds(result.export.median), "-", "-", "info"))
    tools = ", ".join(f"{t} {'found' if shutil.which(t) else 'absent'}" for t in ("ledger", "hledger"))
    return rows, tools


def main() -> int:
    """Build the data, measure everything, print (and optionally keep) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs (under a minute)")
    parser.add_argument("--write", action="store_true", help="also write the table to benchmarks/RESULTS.md")
    parser.add_argument("--keep", type=Path, default=None, help="build the data sets in this folder and keep them")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    today = date.today()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tenfold-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        say(f"data sets in {folder}")
        files = {}
        for name, spec in SPECS.items():
            path = folder / f"{name}.json"
            files[name] = path if path.exists() else build(spec, path, today)
        env = child_env(folder, today)
        start_rows, memory_rows = measure_startup(files, plan, env)
        rows = start_rows + measure_keys(files, plan, folder) + measure_saving(files, plan, folder, today)
        report_rows, tools = measure_reports(files, plan, folder, env)
        rows += report_rows + memory_rows
    print(render(rows))
    mode = "quick" if args.quick else "full"
    say(f"\n{mode} run took {time.perf_counter() - started:.0f} s")
    if args.write:
        write_results(HERE / "RESULTS.md", results_block(rows, mode, tools))
        say(f"wrote {HERE / 'RESULTS.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
