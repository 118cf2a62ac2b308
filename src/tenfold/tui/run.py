"""Run the TUI for the command line, with signal handling on."""

from __future__ import annotations

from tenfold.store import Store
from tenfold.tui.app import make_app


def run_tui(store: Store) -> int:
    """Run until the user quits; returns the process exit code."""
    app = make_app(store, handle_signals=True)
    app.run()
    return app.return_code or 0
