"""``tenfold status``: one line for a shell prompt or a tmux status bar.

It runs many times a day, so it stays cheap: read-only (no lock, works while the
app is open) and nothing imported beyond what the store needs.
"""

from __future__ import annotations

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, no_data_yet, reading
from tenfold.domain.pauses import paused_days
from tenfold.figures.status import status_line


@cli.command()
@click.pass_obj
def status(context: Context) -> None:
    """One line: this month's progress toward the goal, streak, next step.

    Passive income in other currencies counts through the rates entered, as in the app.
    Put it in a prompt or a tmux status bar, e.g.
    set -g status-right '#(tenfold status)'
    """
    if no_data_yet(context, "nothing to show yet"):
        return
    with reading(context) as store:
        line = status_line(
            goal=store.goal,
            payments=store.payments(),
            streams=store.streams(),
            steps=store.steps(),
            checkins=store.checkins(),
            today=store.today(),
            rates=store.rates(),
            paused=paused_days(store.pauses()),
        )
    click.echo(line)
