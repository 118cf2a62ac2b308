"""The ``tenfold`` command: starts the app, or runs a command on the same data.

Every error is one clear line on stderr and a non-zero exit; no traceback reaches
the user.
"""

from __future__ import annotations

import click

from tenfold import __version__
from tenfold.cli.common import Context, fail, open_store
from tenfold.paths import ENV_DB, resolve_db_path


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    type=click.Path(dir_okay=False),
    default=None,
    help=f"Data file to use (default: ${ENV_DB}, else the user data directory).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing on success.")
@click.version_option(__version__, prog_name="tenfold")
@click.pass_context
def cli(ctx: click.Context, db: str | None, quiet: bool) -> None:
    """Tenfold: a terminal coach for building passive income.

    Without a command, starts the full-screen app.
    """
    ctx.obj = Context(path=resolve_db_path(db), quiet=quiet, explicit=db is not None)
    if ctx.invoked_subcommand is None:
        run_app(ctx.obj)


def run_app(context: Context) -> None:
    """Open the store with its lock and run the TUI until the user quits."""
    store = open_store(context)
    try:
        from tenfold.tui.run import run_tui

        code = run_tui(store)
    finally:
        store.close()
    if code:
        raise SystemExit(code)


def main() -> None:
    """Console-script entry point."""
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - Ctrl+C outside the TUI
        fail("interrupted")


__all__ = ["cli", "main"]
