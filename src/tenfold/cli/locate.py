"""``tenfold locate``: where the data, backups, log and config live."""

from __future__ import annotations

import click

from tenfold import paths
from tenfold.cli import cli
from tenfold.cli.common import Context


@cli.command()
@click.pass_obj
def locate(context: Context) -> None:
    """Show where Tenfold keeps the data file, backups, logs and settings.

    Reads nothing and creates nothing, so it works even when the data file is
    damaged or missing.
    """
    data = context.path.expanduser().absolute()
    places = [
        ("data", data),
        ("backups", paths.backups_dir(data)),
        ("log", paths.state_dir()),
        ("config", paths.config_dir()),
    ]
    for label, place in places:
        missing = "" if place.exists() else "  (not created yet)"
        if label == "data" and context.broken_link:
            missing = f"  ({context.broken_link})"
        click.echo(f"{label:<8} {place}{missing}")
