"""``tenfold goal set``: write the goal down, the first act of the method; ``goal history``: how it changed."""

from __future__ import annotations

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, reading, say, show, writing
from tenfold.domain.goal import parse_goal
from tenfold.domain.goal_history import goal_timeline, timeline_text
from tenfold.domain.money import format_money


@cli.group()
def goal() -> None:
    """Write or rewrite your passive income goal."""


@goal.command("set")
@click.argument("text")
@click.option("--amount", required=True, help="Passive income per month you aim for, e.g. 1500.")
@click.option("--currency", default="EUR", show_default=True, help="Three-letter currency code of the amount.")
@click.option("--by", "deadline", required=True, metavar="YYYY-MM-DD", help="The date you mean to reach it.")
@click.option("--portfolio/--no-portfolio", "portfolio", default=None,
              help="Whether portfolio income (dividends, interest) counts toward the goal besides passive income "
                   "(default: as the goal said before; a first goal: no).")
@click.pass_obj
def set_goal(context: Context, text: str, amount: str, currency: str, deadline: str, portfolio: bool | None) -> None:
    """Write the goal in your own words, with a monthly amount and a deadline.

    Rewriting the goal replaces the old one. Example:

        tenfold goal set "Royalties pay my rent" --amount 1500 --by 2027-12-31
    """
    with writing(context, {"deadline": "by"}) as store:
        counts = portfolio if portfolio is not None else bool(store.goal and store.goal.portfolio_counts)
        new = parse_goal(text=text, amount=amount, currency=currency, deadline=deadline, today=store.today(),
                         portfolio_counts=counts)
        verb = "rewritten" if store.goal else "set"
        store.set_goal(new)
    counted = "passive and portfolio income count" if new.portfolio_counts else "passive income counts"
    say(context, f"Goal {verb}: {format_money(new.amount, new.currency)} a month by {new.deadline.isoformat()} "
                 f"({counted})")


@goal.command("history")
@click.pass_obj
def goal_history(context: Context) -> None:
    """The goal now and each earlier version, newest first, with what changed.

    Read-only: works while the app is open.
    """
    with reading(context) as store:
        lines = timeline_text(goal_timeline(store.goal, store.goal_history()))
    show("\n".join(lines))
