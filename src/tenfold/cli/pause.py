"""``tenfold pause``: plan days off (a holiday, an illness) that do not break the streak."""

from __future__ import annotations

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, reading, say, writing
from tenfold.domain.pauses import PAUSE_DAYS_PER_MONTH, parse_pause


@cli.command("pause")
@click.option("--from", "start", default=None, metavar="YYYY-MM-DD", help="The first day off (default: today).")
@click.option("--to", "end", default="", metavar="YYYY-MM-DD", help="The last day off (default: the first).")
@click.option("--list", "show", is_flag=True, help="List the pauses planned, instead of adding one.")
@click.pass_obj
def pause(context: Context, start: str | None, end: str, show: bool) -> None:
    """Plan a pause: paused days neither count toward the streak nor break it.

    At most a few days a month (see the limit below), for a holiday or an illness;
    a pause may be entered afterwards too. Example:

    \b
        tenfold pause --from 2027-03-10 --to 2027-03-12
    """
    if show:
        with reading(context) as store:
            pauses = store.pauses()
        for p in pauses:
            click.echo(f"{p.start.isoformat()} to {p.end.isoformat()}")
        if not pauses:
            say(context, "No pauses planned.")
        return
    with writing(context, {"from": "from", "to": "to"}) as store:
        first = store.today().isoformat() if start is None else start
        saved = store.add_pause(parse_pause(start=first, end=end, existing=store.pauses()))
    days = (saved.end - saved.start).days + 1
    say(context, f"Paused {days} day{'' if days == 1 else 's'}, {saved.start.isoformat()} to {saved.end.isoformat()}: "
                 f"the streak steps over them (at most {PAUSE_DAYS_PER_MONTH} a month)")
