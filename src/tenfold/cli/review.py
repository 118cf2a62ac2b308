"""``tenfold review``: the week (or month) looked back on, as Markdown.

Read-only, like ``status`` and ``report``, so it works while the app is open.
Printed to standard output, or written to a private file (mode 0600) with ``-o``.
"""

from __future__ import annotations

from pathlib import Path

import click

from tenfold.cli import cli
from tenfold.cli.common import BAD_INPUT, Context, clock, fail, reading, say, show
from tenfold.coach.periods import last_month_period, month_period, week_period
from tenfold.coach.review import review
from tenfold.domain.dates import parse_date
from tenfold.domain.errors import FieldError, TenfoldError
from tenfold.exchange.output_file import output_target
from tenfold.exchange.review_file import write_review
from tenfold.views.measures import store_measures


@cli.command("review")
@click.option("--week", "span", flag_value="week", default=True,
              help="The seven days ending on the date, today included (default).")
@click.option("--month", "span", flag_value="month",
              help="The calendar month holding --date; without --date the last complete month (this month "
                   "only on its last day).")
@click.option("--date", "day", default=None, metavar="YYYY-MM-DD", help="The day the review ends on (default: today).")
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="Write to this file (created private, mode 0600) instead of standard output.",
)
@click.pass_obj
def review_command(context: Context, span: str, day: str | None, output: Path | None) -> None:
    """A Markdown review: goal and progress, steps ticked, payments, new ideas, streak.

    A week is the seven days ending today (or --date), so a review on Sunday
    evening covers Monday to Sunday. A month is the last complete month: on the 1st,
    the month just ended. It reads well in a terminal and in any Markdown viewer. Examples:

    \b
        tenfold review
        tenfold review --month --date 2026-10-31 -o october.md
    """
    today = clock()()
    try:
        end = parse_date(day, "date") if day else today
    except FieldError as exc:
        fail(f"date: {exc.message}", BAD_INPUT)
    if span == "week":
        start, end = week_period(end)
    else:
        start, end = month_period(end, today) if day else last_month_period(today)
    with reading(context) as store:
        text = review(store, start, end, store_measures(store))
    if output is None:
        show(text, nl=False)
        return
    try:
        target = output_target(str(output), context.path, "output", example="review.md")
        write_review(target, text)
    except FieldError as exc:
        fail(f"output: {exc.message}", BAD_INPUT)
    except TenfoldError as exc:
        fail(str(exc))
    say(context, f"Wrote the review of {start.isoformat()} to {end.isoformat()} to {target}")
