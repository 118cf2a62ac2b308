"""Full crash soak: at least 200 random SIGKILLs of a child saving through the real store.

    .venv/bin/python benchmarks/crash_soak.py [--kills 200] [--seed N] [--lanes 2] [--mode both]

After every kill the data file must open cleanly, hold every save the child had
acknowledged, and hold no half change (see ``tests/support/soak.py``). Lanes run side by
side on separate files so the soak fits in a minute on a small CI machine. With
``--mode both`` (the default) every other lane saves as the app does, in the
background (edits go on while a thread writes; acknowledged after a flush), the
others as the command line does (each save done before the call returns). Prints
how many kills it survived and exits non-zero on the first failure.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "support"), str(ROOT / "src")]

from soak import SoakResult, soak  # noqa: E402


def main() -> int:
    """Run the lanes, print the tally, return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200, help="kills in total (default 200)")
    parser.add_argument("--seed", type=int, default=int(time.time()) % 100_000)
    parser.add_argument("--lanes", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    parser.add_argument("--max-delay", type=float, default=0.3, help="longest wait before a kill, in seconds")
    parser.add_argument("--mode", choices=("sync", "background", "both"), default="both",
                        help="how the child saves: as the command line, as the app, or lanes of each")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    lanes = max(args.lanes, 2) if args.mode == "both" else args.lanes
    background = [args.mode == "background" or (args.mode == "both" and i % 2 == 1) for i in range(lanes)]
    args.lanes = lanes
    share = [args.kills // args.lanes + (i < args.kills % args.lanes) for i in range(args.lanes)]
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="tenfold-soak-") as tmp, ThreadPoolExecutor(args.lanes) as pool:
        folders = [Path(tmp) / f"lane-{i}" for i in range(args.lanes)]
        for folder in folders:
            folder.mkdir()
        results: list[SoakResult] = list(
            pool.map(lambda i: soak(folders[i], share[i], args.seed + i, max_delay=args.max_delay,
                                    log=args.verbose, background=background[i]), range(args.lanes))
        )
    seconds = time.monotonic() - started
    kills = sum(r.kills for r in results)
    survived = sum(r.survived for r in results)
    acked = sum(r.acked for r in results)
    torn = sum(r.left_temp_files for r in results)
    failures = [f for r in results for f in r.failures]
    modes = f"{sum(background)} saving in the background"
    print(f"crash soak (seed {args.seed}, {args.lanes} lanes, {modes}): "
          f"survived {survived}/{kills} SIGKILLs in {seconds:.1f}s; {acked} saves acknowledged and found intact; "
          f"{torn} kills caught a save half-written")
    for failure in failures:
        print(f"FAILED: {failure}")
    return 1 if failures or survived < args.kills else 0


if __name__ == "__main__":
    sys.exit(main())
