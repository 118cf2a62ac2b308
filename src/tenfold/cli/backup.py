"""``tenfold backup list`` and ``tenfold backup restore NAME``.

Both work when the data file is damaged - that is when people need them - so
neither opens the store: listing only reads the backups folder, and restoring
validates the chosen backup, takes the write lock and keeps the current file as a
backup of its own before putting the chosen one in its place.
"""

from __future__ import annotations

import click

from tenfold.cli import cli
from tenfold.cli.common import LOCK_WAIT, Context, clock, fail, say
from tenfold.domain.errors import TenfoldError
from tenfold.paths import backups_dir
from tenfold.store.backups import list_backups, restore_backup
from tenfold.store.opening import clock_time


def human_size(size: int) -> str:
    """``812 B``, ``3.4 KB``, ``1.2 MB``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@cli.group()
def backup() -> None:
    """Copies of the data file, made before the first save of each day and before upgrades.

    The last 14 daily copies are kept, and every copy made before an upgrade or a
    restore.
    """


@backup.command("list")
@click.pass_obj
def list_command(context: Context) -> None:
    """List the backups, newest first."""
    path = context.path.expanduser().absolute()
    try:
        found = list_backups(path)
    except TenfoldError as exc:
        fail(str(exc))
    if not found:
        say(context, f"No backups yet in {backups_dir(path)} (one is made before the first save of each day).")
        return
    width = max(len(item.name) for item in found)
    for item in found:
        try:
            size = human_size(item.path.stat().st_size)
        except OSError:
            size = "?"
        click.echo(f"{item.name:<{width}}  {item.taken_at:%Y-%m-%d %H:%M}  {size:>8}  {item.kind}")


@backup.command("restore")
@click.argument("name")
@click.pass_obj
def restore_command(context: Context, name: str) -> None:
    """Put backup NAME (from 'tenfold backup list') in place of the data file.

    The current file is kept first as a backup of its own, so this can be undone.
    Quit the app before restoring: the file must not be in use.
    """
    path = context.path.expanduser().absolute()
    if not path.parent.is_dir():
        fail(f"{path}: cannot be restored: the folder {path.parent} does not exist")
    try:
        chosen, kept = restore_backup(path, name, clock_time(clock()), lock_wait=LOCK_WAIT)
    except TenfoldError as exc:
        fail(str(exc))
    kept_note = f" The file as it was is kept as backup {kept.name}." if kept else ""
    say(context, f"Restored {chosen.name} into {path}.{kept_note}")
