"""``tenfold ideas``: the brainstorm journal, searched by text and ``#tags``, for scripts."""

from __future__ import annotations

import json

import click

from tenfold.cli import cli
from tenfold.cli.common import Context, emit_data, reading
from tenfold.views.idea_views import Query, idea_tags, search_ideas


@cli.command("ideas")
@click.option("--search", "text", default="", metavar="TEXT",
              help="Words that must all appear in the entry (who, value, reach, delivery, ladder notes); "
                   "#word is a tag.")
@click.option("--tag", "tags", multiple=True, metavar="TAG", help="A #tag the entry must carry (repeatable).")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="text: one entry a line, tab-separated (date, who, value, tags); json: every field.")
@click.pass_obj
def ideas(context: Context, text: str, tags: tuple[str, ...], fmt: str) -> None:
    """Print brainstorm entries, newest first, optionally only those matching a search.

    Case is ignored. Read-only: works while the app is open. Examples:

    \b
        tenfold ideas --search "course teachers"
        tenfold ideas --tag teaching --format json
    """
    with reading(context) as store:
        found = search_ideas(store.ideas(), Query.parse(text, tags))
    # Data for a script in a pipe; on a terminal, control characters in an entry are shown as symbols.
    if fmt == "json":
        emit_data(json.dumps([{"id": i.id, "written_on": i.written_on.isoformat(), "who": i.who, "value": i.value,
                               "reach": i.reach, "delivery": i.delivery, "rating": i.rating,
                               "tags": sorted(idea_tags(i))} for i in found], indent=2, ensure_ascii=False) + "\n")
        return
    lines = []
    for i in found:
        fields = [i.written_on.isoformat(), i.who, i.value, " ".join(f"#{t}" for t in sorted(idea_tags(i)))]
        lines.append("\t".join(" ".join(f.split()) for f in fields) + "\n")
    emit_data("".join(lines))
