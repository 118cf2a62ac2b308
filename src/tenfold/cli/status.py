"""``tenfold status``: one line for a shell prompt or a tmux status bar.

It runs many times a day, so it stays cheap: read-only (no lock, works while the
app is open), nothing imported beyond what it needs, and - for a file Tenfold
saved - only the tables the line shows and the payments' monthly sums from the
file's index (:func:`tenfold.store.reading.quick.read_glance`): the same time with
ten payments or a million. Any other file is read in full, as every command does.
"""

from __future__ import annotations

from pathlib import Path

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, clock, fail, reading
from tenfold.domain.errors import TenfoldError
from tenfold.domain.monthly import Totals, by_currency
from tenfold.domain.steps import STEPS, StepState
from tenfold.figures.status import status_line
from tenfold.figures.totals import month_totals
from tenfold.paths import state_dir

VERIFIED_FILE = "verified-payments.json"
"""In the state folder: which versions of which data files had payments matching their index."""


@cli.command()
@click.pass_obj
def status(context: Context) -> None:
    """One line: this month's progress toward the goal, streak, next step.

    Passive income in other currencies counts through the rates entered, as in the app.
    Put it in a prompt or a tmux status bar, e.g.
    set -g status-right '#(tenfold status)'
    """
    from tenfold.store.reading.quick import read_glance

    path = Path(context.path).absolute()
    today = clock()()
    glance = None
    if path.is_file():
        try:
            glance = read_glance(path, state_dir() / VERIFIED_FILE)
        except TenfoldError as exc:
            fail(str(exc))
    if glance is not None:
        contents = glance.contents
        streams = {s.id: s for s in contents.streams.values()}
        passive: Totals = by_currency(glance.index.month((today.year, today.month)), streams, "passive")
        steps = [contents.steps.get(info.number, StepState(info.number)) for info in STEPS]  # as Store.steps()
        line = status_line(goal=contents.goal, passive=passive, steps=steps, checkins=contents.checkins,
                           today=today, rates=list(contents.rates.values()))
    else:  # no index that matches the payments (or no file: the store says so, in its words)
        with reading(context) as store:
            passive = month_totals(store.payments(), store.streams(), today.year, today.month, kind="passive")
            line = status_line(goal=store.goal, passive=passive, steps=store.steps(), checkins=store.checkins(),
                               today=store.today(), rates=store.rates())
    click.echo(line)
