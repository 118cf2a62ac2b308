"""The store's own saves against the serialise-and-write floor, optionally for several source trees side by side.

    .venv/bin/python benchmarks/saves.py [--size 100k] [--runs 5] [--src DIR ...]

Synchronously (as the command line saves), on a private copy of a cached data set:
the save of a step's tick and the save of one new payment, each timed from the
call to the file on disk, against the floor: ``orjson.dumps`` of the whole
document, a temp file written and fsync'd, renamed over the file, the folder
fsync'd - the disk work of one save with nothing else. The first save of the day
(which also takes the daily backup) is left out.

Each ``--src`` is a ``src`` folder (for example an old checkout's, to compare a
change with what it replaces); each run starts a fresh process per source tree, in
turn, so a busy machine slows every tree alike. The ratios are what to read.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from datasets import SPECS, copy_of  # noqa: E402


def floor_save(path: Path, document: Any) -> float:
    """Seconds to serialise ``document`` whole and replace ``path`` with it durably."""
    import orjson

    started = time.perf_counter()
    payload = orjson.dumps(document)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".floor", dir=path.parent)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path.with_suffix(".floor"))
    folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
    return time.perf_counter() - started


def child(path: Path, repeat: int) -> dict[str, list[float]]:
    """In the process of one source tree: ``repeat`` ticks, adds and floors, interleaved."""
    from decimal import Decimal

    from tenfold.domain.ledger import Payment
    from tenfold.store.file.document import load_document
    from tenfold.store.store import Store

    today = date.today()
    result: dict[str, list[float]] = {"tick": [], "add": [], "floor": []}
    with Store.open(path, today=lambda: today) as store:
        store.tick(8, today)  # the day's first save takes the daily backup: not timed
        stream = store.streams()[0]
        for n in range(repeat):
            number = 4 + n % 4
            started = time.perf_counter()
            if store.steps()[number - 1].done:
                store.untick(number)
            else:
                store.tick(number, today)
            result["tick"].append(time.perf_counter() - started)
            started = time.perf_counter()
            store.add_payment(Payment(0, stream.id, today, Decimal("1.00"), "benchmark"))
            result["add"].append(time.perf_counter() - started)
            result["floor"].append(floor_save(path, load_document(path)))
    return result


def main() -> int:
    """Run each source tree in turn, ``--runs`` times; print medians and ratios to the floor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="100k", help="a data set of benchmarks/datasets.py")
    parser.add_argument("--runs", type=int, default=5, help="processes per source tree")
    parser.add_argument("--repeat", type=int, default=3, help="saves of each kind per process")
    parser.add_argument("--src", action="append", type=Path, default=None, help="a src folder (default: ours)")
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        json.dump(child(args.child, args.repeat), sys.stdout)
        return 0
    sources = args.src or [HERE.parent / "src"]
    today = date.today()
    figures: dict[Path, dict[str, list[float]]] = {s: {"tick": [], "add": [], "floor": []} for s in sources}
    with tempfile.TemporaryDirectory(prefix="tenfold-saves-") as tmp:
        for _ in range(args.runs):
            for src in sources:
                db = copy_of(SPECS[args.size], Path(tmp), today, name="saves")
                env = {**os.environ, "PYTHONPATH": str(src.absolute()), "XDG_STATE_HOME": tmp,
                       "XDG_DATA_HOME": tmp, "XDG_CONFIG_HOME": tmp}
                out = subprocess.run([sys.executable, __file__, "--child", str(db), "--repeat", str(args.repeat)],
                                     capture_output=True, text=True, check=True, env=env, cwd=tmp)
                for key, values in json.loads(out.stdout).items():
                    figures[src][key] += values
                db.unlink()
    for src, f in figures.items():
        tick, add, floor = (statistics.median(f[k]) * 1000 for k in ("tick", "add", "floor"))
        print(f"{src}: tick {tick:.1f} ms ({tick / floor:.2f}x floor), add a payment {add:.1f} ms "
              f"({add / floor:.2f}x), floor {floor:.1f} ms; {len(f['tick'])} of each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
