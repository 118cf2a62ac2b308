"""Generate the README's screenshots from the real app on sample data.

Run: ``.venv/bin/python scripts/screenshots.py``. Writes SVGs into ``assets/``.
The data lives in a temporary file and the date is fixed, so the pictures only
change when the app does.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import date
from pathlib import Path

from tenfold.store.store import Store
from tenfold.tui.app import make_app

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "support"))
from sample import fill_sample_data

ASSETS = Path(__file__).resolve().parent.parent / "assets"
TODAY = date(2026, 11, 21)


async def shoot(name: str, size: tuple[int, int], keys: tuple[str, ...] = ()) -> None:
    """Start the app on sample data, press keys, save an SVG."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "tenfold.json", today=lambda: TODAY)
        fill_sample_data(store)
        app = make_app(store)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.3)
            app.save_screenshot(str(ASSETS / f"{name}.svg"))
        store.close()


async def main() -> None:
    """Every screenshot the README shows."""
    ASSETS.mkdir(exist_ok=True)
    await shoot("screenshot", (120, 40))
    await shoot("narrow-ledger", (80, 24), ("3",))
    await shoot("help", (120, 40), ("question_mark",))
    print(f"screenshots written to {ASSETS}")


if __name__ == "__main__":
    asyncio.run(main())
