"""``tenfold status``: one line for a shell prompt or a tmux status bar.

It runs many times a day, so it stays cheap: read-only (no lock, works while the
app is open) and nothing imported beyond what the store needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, no_data_yet, reading
from tenfold.domain.pauses import paused_days
from tenfold.figures.freedom import freedom_figures, status_text
from tenfold.figures.status import SEPARATOR, status_line

if TYPE_CHECKING:
    from tenfold.store.store import Store


@cli.command()
@click.option("--freedom", "with_freedom", is_flag=True,
              help="Add the share of your monthly bills (step 4) passive income covered last full month.")
@click.pass_obj
def status(context: Context, with_freedom: bool) -> None:
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
        if with_freedom:
            line += SEPARATOR + freedom_part(store)
    click.echo(line)


def freedom_part(store: Store) -> str:
    """``freedom 64%`` (last full month's passive income over the bills), or how to set the bills."""
    freedom = store.freedom
    figures = None if freedom is None else freedom_figures(
        store.monthly_index(), store.streams(), store.rates(), freedom, store.goal, store.today())
    return "no bills set" if figures is None else status_text(figures)
