"""``tenfold status``: one line for a shell prompt or a tmux status bar.

It runs many times a day, so it stays cheap: read-only (no lock, works while the
app is open), nothing imported beyond what it needs, and - for a file Tenfold
saved - only the tables the line shows and the payments' monthly sums from the
file's index (:func:`tenfold.store.reading.quick.read_glance`): the same time with
ten payments or a million. Any other file is read in full, as every command does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

import click

from tenfold.cli import cli, keep_until_exit
from tenfold.cli.common import Context, clock, fail, no_data_yet, reading
from tenfold.domain.errors import TenfoldError
from tenfold.domain.freedom import Freedom
from tenfold.domain.goal import Goal
from tenfold.domain.monthly import MonthlyIndex
from tenfold.domain.pauses import paused_days
from tenfold.domain.rates import Rate
from tenfold.domain.steps import STEPS, StepState
from tenfold.domain.streams import Stream
from tenfold.figures.freedom import freedom_figures, status_text
from tenfold.figures.status import SEPARATOR, counted_this_month, status_line
from tenfold.figures.totals import stream_month_totals
from tenfold.paths import state_dir

VERIFIED_FILE = "verified-payments.json"
"""In the state folder: which versions of which data files had payments matching their index."""


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
    from tenfold.store.reading.quick import read_glance

    path = Path(context.path).absolute()
    today = clock()()
    glance = None
    if path.is_file():
        try:
            # Only this month's sums, unless the freedom figures want months back and the first month.
            glance = read_glance(path, state_dir() / VERIFIED_FILE,
                                 None if with_freedom else [(today.year, today.month)])
        except TenfoldError as exc:
            fail(str(exc))
    if glance is not None:
        contents = glance.contents
        month = glance.index.month((today.year, today.month))
        steps = [contents.steps.get(info.number, StepState(info.number)) for info in STEPS]  # as Store.steps()
        line = status_line(goal=contents.goal, passive=counted_this_month(month, contents.streams.values(),
                                                                          contents.goal),
                           steps=steps, checkins=contents.checkins, today=today, rates=list(contents.rates.values()),
                           paused=paused_days(contents.pauses.values()))
        if with_freedom:
            line += SEPARATOR + freedom_part(contents.freedom, glance.index, contents.streams.values(),
                                             list(contents.rates.values()), contents.goal, today)
    else:  # no index that matches the payments (or not a regular file: the store says so, in its words)
        with reading(context) as store:
            today = store.today()
            month = stream_month_totals(store.payments(), today.year, today.month)
            line = status_line(goal=store.goal, passive=counted_this_month(month, store.streams(), store.goal),
                               steps=store.steps(), checkins=store.checkins(), today=today, rates=store.rates(),
                               paused=paused_days(store.pauses()))
            if with_freedom:
                line += SEPARATOR + freedom_part(store.freedom, store.monthly_index(), store.streams(),
                                                 store.rates(), store.goal, today)
    click.echo(line)
    keep_until_exit(glance)  # a status bar runs this all day: the process ends as soon as the line is out


def freedom_part(freedom: Freedom | None, index: MonthlyIndex, streams: Iterable[Stream], rates: Sequence[Rate],
                 goal: Goal | None, today: date) -> str:
    """``freedom 64%`` (last full month's passive income over the bills), or how to set the bills.

    From the payments' monthly sums, as the rest of the line: the index's on the quick path.
    """
    figures = None if freedom is None else freedom_figures(index, list(streams), rates, freedom, goal, today)
    return "no bills set" if figures is None else status_text(figures)
