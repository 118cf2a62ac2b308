"""Where the app's memory goes: tracemalloc's largest holders once every payment is in.

    python benchmarks/memory.py DATA_FILE [--top N]

Opens a private copy of DATA_FILE as the program does (the payments read after the
first paint), runs the app headless until the payments are in and its background
jobs have run, and prints the traced memory at three moments (first paint,
payments in, settled; now and the peak since the moment before), then the
largest holders by file and by line. Tracing slows the app several times and
uses memory of its own: read the sizes, not the process's resident memory (that
is ``run.py``'s peak memory row).
"""

from __future__ import annotations

import argparse
import asyncio
import linecache
import os
import shutil
import tempfile
import tracemalloc
from pathlib import Path


def moment(label: str) -> None:
    now, peak = tracemalloc.get_traced_memory()
    print(f"{label:<16} now {now / 1e6:6.0f} MB   peak since the moment before {peak / 1e6:6.0f} MB")
    tracemalloc.reset_peak()


def short(filename: str) -> str:
    return filename.split("site-packages/")[-1].split("/src/")[-1]


async def measure(db: Path, top: int) -> None:
    from tenfold.store.store import Store
    from tenfold.tui.app import make_app

    store = Store.open(db, defer_payments=True)
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        moment("first paint")
        while not store.payments_ready:
            await asyncio.sleep(0.05)
        moment("payments in")
        for _ in range(40):  # the orders made on a thread meanwhile
            await asyncio.sleep(0.1)
            await pilot.pause()
        moment("settled")
        snapshot = tracemalloc.take_snapshot()
        for key in ("filename", "lineno"):
            print(f"\nlargest by {key}:")
            for stat in snapshot.statistics(key)[:top]:
                frame = stat.traceback[0]
                where = short(frame.filename) + (f":{frame.lineno}" if key == "lineno" else "")
                line = linecache.getline(frame.filename, frame.lineno).strip()[:60] if key == "lineno" else ""
                print(f"{stat.size / 1e6:8.1f} MB {stat.count:9,d}  {where}  {line}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_file", type=Path)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tenfold-memory-"))
    try:
        os.environ.update(XDG_CONFIG_HOME=str(folder / "config"), XDG_STATE_HOME=str(folder / "state"),
                          XDG_DATA_HOME=str(folder / "data"))
        db = folder / "data.json"
        shutil.copyfile(args.data_file, db)
        db.chmod(0o600)
        tracemalloc.start(1)
        asyncio.run(measure(db, args.top))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
