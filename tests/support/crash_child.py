"""The child process the crash tests kill: it edits a data file through the real Store.

    python crash_child.py DB --today 2026-01-05 --seed 1 --start 0 --count 50
        [--die-after N [--arm-at open|save]] [--fake-v2]

It applies edits ``start .. start+count-1`` of the seeded workload (see
``crashkit.py``) and prints ``ack I`` after edit I's save returned. With
``--background`` it saves as the app does (a background thread writes; edits
return at once): it prints ``applied I`` after each edit and, every
``--flush-every`` edits, calls ``Store.flush`` and then acks every edit so far. With
``--die-after N`` it exits at once (``os._exit``, no cleanup, like a power cut
for this process) right after its Nth call to ``os.write``, ``os.fsync`` or
``os.replace``, counted from the moment it is armed: before opening the store
(``--arm-at open``, to crash inside a migration) or after (``save``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from crashkit import apply_to_store, generate_ops, install_fake_v2

from tenfold.domain.errors import StoreError
from tenfold.store.store import Store

CRASH_CODE = 86
HOOKED = ("write", "fsync", "replace")


def arm(die_after: int) -> None:
    """Make the process die right after its ``die_after``-th write/fsync/replace call."""
    calls = 0

    def wrap(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def hooked(*args: Any, **kwargs: Any) -> Any:
            nonlocal calls
            result = real(*args, **kwargs)
            calls += 1
            if calls == die_after:
                os._exit(CRASH_CODE)
            return result

        hooked.__name__ = name
        return hooked

    for name in HOOKED:
        setattr(os, name, wrap(name, getattr(os, name)))


def report_failure(problem: StoreError | None) -> None:
    """The background saver's report: a failed save is printed for the parent to see."""
    if problem is not None:
        print(f"save failed: {problem}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the edits; the exit status is 0 when all of them were saved."""
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--today", type=date.fromisoformat, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--die-after", type=int, default=0)
    parser.add_argument("--arm-at", choices=("open", "save"), default="save")
    parser.add_argument("--fake-v2", action="store_true")
    parser.add_argument("--background", action="store_true")
    parser.add_argument("--flush-every", type=int, default=5)
    args = parser.parse_args(argv)
    if args.fake_v2:
        install_fake_v2()
    ops = generate_ops(args.seed, args.start + args.count)
    if args.die_after and args.arm_at == "open":
        arm(args.die_after)
    store = Store.open(args.db, today=lambda: args.today)
    print("ready", flush=True)
    if args.die_after and args.arm_at == "save":
        arm(args.die_after)
    if args.background:
        store.save_in_background(report_failure)
    acked = args.start
    for index in range(args.start, args.start + args.count):
        apply_to_store(store, ops[index])
        if not args.background:
            print(f"ack {index}", flush=True)
            continue
        print(f"applied {index}", flush=True)
        if (index + 1 - args.start) % args.flush_every == 0:
            store.flush()
            print("".join(f"ack {i}\n" for i in range(acked, index + 1)), end="", flush=True)
            acked = index + 1
    store.close()
    if args.background:
        print("".join(f"ack {i}\n" for i in range(acked, args.start + args.count)), end="", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
