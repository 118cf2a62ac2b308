"""The payment form's save key in ``skeleton_app.py``: what closing a form costs in Textual alone.

    python benchmarks/skeleton_keys.py [--repeat N] [--overlay]

Prints one JSON object: ``form_save_ms``, each time from Ctrl+S until the main
screen is back with the table's new row drawn, timed as ``keys.py`` times
Tenfold's (:class:`keys.Probe`). The skeleton does none of Tenfold's work - no
store, no figures - so this is the floor under Tenfold's "add a payment" key:
the form's layout, the dimmed screen drawn again in full, one row and one line.

``--overlay`` times the other design, the form as a layer inside the main screen
(:class:`skeleton_app.FormLayer`), hidden on Ctrl+S instead of a screen popped.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
from typing import Any

from keys import Probe, settle
from skeleton_app import Form, FormLayer, OverlayApp, SkeletonApp
from textual.widgets import DataTable, Input


async def measure(repeat: int, overlay: bool = False) -> dict[str, Any]:
    """Open the skeleton at 120x40 and time ``repeat`` saves of the form (as a dialog, or as an overlay)."""
    app = OverlayApp(card=False) if overlay else SkeletonApp(card=False)
    saves: list[float] = []

    def form_open() -> bool:
        if overlay:
            return any(layer.display for layer in app.screen.query(FormLayer))
        return isinstance(app.screen, Form)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        probe = Probe(app)  # type: ignore[arg-type]  # only the App's methods are used
        table: DataTable[str] = app.query(DataTable).first()
        for n in range(repeat):
            await pilot.press("a")
            await settle(pilot)
            assert form_open()
            app.screen.query_one(Input).focus()
            await settle(pilot)
            await pilot.press(*str(n + 1))
            await settle(pilot)
            rows = table.row_count
            saves.append(await probe.key("ctrl+s", lambda r=rows: not form_open() and table.row_count == r + 1))
            await settle(pilot)
    return {"form_save_ms": saves}


def main() -> int:
    """Measure and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--overlay", action="store_true", help="the form as a layer in the main screen")
    args = parser.parse_args()
    result = asyncio.run(measure(args.repeat, args.overlay))
    json.dump(result, sys.stdout)
    print(f"\nform_save_ms: median {statistics.median(result['form_save_ms']):.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
