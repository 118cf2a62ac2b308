"""How the brainstorm journal is looked at: sorted and filtered by reach, and what each idea has earned.

The method judges an idea by how many people its value could reach and whether
the delivery runs without the user; these functions order and narrow the journal
by exactly that. The money side closes the loop creation -> delivery -> payment:
an idea turned into a stream shows what that stream has been paid since.

Pure functions over the store's lists, cheap enough for 5,000 ideas and 100,000
payments (one pass over the payments, only when the payments changed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from tenfold.domain.ideas import Idea, newest_first
from tenfold.domain.ledger import Stream

SORTS: tuple[str, ...] = ("newest", "reach", "passive")
"""The orders ``o`` cycles through."""

SORT_LABELS = {"newest": "newest first", "reach": "widest reach first", "passive": "most passive first"}

FILTERS: tuple[str, ...] = ("all", "1k+", "automated")
"""The filters ``f`` cycles through."""

FILTER_LABELS = {"all": "all entries", "1k+": "rated 1k+ people", "automated": "automated delivery"}


def next_in(options: Sequence[str], current: str) -> str:
    """The option after ``current``, wrapping round (an unknown one restarts the cycle)."""
    index = options.index(current) + 1 if current in options else 0
    return options[index % len(options)]


def _newest_key(idea: Idea) -> tuple[int, int]:
    return idea.written_on.toordinal(), idea.id


def sort_ideas(ideas: Iterable[Idea], by: str) -> list[Idea]:
    """Ideas in the order ``by`` names; ties fall back to newest first.

    ``reach``: highest rating first, then the more passive delivery. ``passive``:
    the delivery automated at its rating first, then some rung automated, then
    none; within a level the wider reach first.
    """
    if by == "reach":
        return sorted(ideas, key=lambda i: (i.rating, i.passive_level, *_newest_key(i)), reverse=True)
    if by == "passive":
        return sorted(ideas, key=lambda i: (i.passive_level, i.rating, *_newest_key(i)), reverse=True)
    if by == "newest":
        return newest_first(ideas)
    raise ValueError(f"unknown sort {by!r}; one of {', '.join(SORTS)}")


def keep(idea: Idea, only: str) -> bool:
    """Whether ``idea`` passes the filter ``only``.

    ``1k+``: rated at 1,000 people or more. ``automated``: some rung of the ladder
    is delivered without the user (the Auto column shows ● or ●●).
    """
    if only == "all":
        return True
    if only == "1k+":
        return idea.rating >= 1_000
    if only == "automated":
        return idea.passive_level > 0
    raise ValueError(f"unknown filter {only!r}; one of {', '.join(FILTERS)}")


def arrange(ideas: Iterable[Idea], by: str = "newest", only: str = "all") -> list[Idea]:
    """Filter, then sort: what the ideas pane shows."""
    return sort_ideas(ideas if only == "all" else (i for i in ideas if keep(i, only)), by)


def passive_marks(idea: Idea) -> str:
    """The Auto column: ``●●`` automated at its rating, ``●`` on some rung, ``–`` on none, blank with no ladder."""
    if not idea.ladder:
        return ""
    return ("–", "●", "●●")[idea.passive_level]


@dataclass
class IdeaEarnings:
    """What the streams made from one idea have been paid, per currency (never added across)."""

    streams: list[str] = field(default_factory=list)
    """Names of the streams made from the idea."""
    totals: dict[str, Decimal] = field(default_factory=dict)


def earned_from_totals(streams: Iterable[Stream], stream_totals: Mapping[int, Decimal]) -> dict[int, IdeaEarnings]:
    """Each linked idea's earnings, by idea id, from each stream's all-time total (by stream id).

    Every payment of a stream made from the idea counts: the stream exists because
    of the idea, so all it has earned is the idea's money. Ideas with a stream but
    no payment yet get a zero in that stream's currency; ideas without a stream
    are absent.
    """
    out: dict[int, IdeaEarnings] = {}
    for s in streams:
        if s.idea_id is None:
            continue
        earnings = out.setdefault(s.idea_id, IdeaEarnings())
        earnings.streams.append(s.name)
        earnings.totals[s.currency] = earnings.totals.get(s.currency, Decimal(0)) + stream_totals.get(s.id, Decimal(0))
    return out


NAME_LIMIT = 60
"""A suggested stream name is cut here; the ledger allows 80 characters."""


def stream_name_for(idea: Idea, taken: Iterable[str]) -> str:
    """A stream name suggested from the idea: its value's first line, else who; unique among ``taken``."""
    base = next((line.strip() for line in idea.value.splitlines() if line.strip()), "") or idea.who.strip()
    base = " ".join(base.split()) or "New stream"
    if len(base) > NAME_LIMIT:
        base = base[: NAME_LIMIT - 1].rstrip() + "…"
    used = {t.casefold() for t in taken}
    name, n = base, 2
    while name.casefold() in used:
        name, n = f"{base} ({n})", n + 1
    return name


_CATEGORY_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (category, re.compile(rf"\b(?:{words})", re.IGNORECASE))
    for category, words in (
        ("ebook", r"e-?books?\b|books?\b"),
        ("course", r"course|class(?:es)?\b|workshop|videos?\b|lessons?\b|tutorial|webinar"),
        ("software", r"software|apps?\b|plugin|saas\b|scripts?\b|programs?\b"),
        ("ads", r"ads\b|advert|blog|youtube|channel|podcast"),
        ("affiliate", r"affiliate"),
        ("royalties", r"royalt|music|songs?\b|audiobook|photos?\b|stock photo"),
        ("rental", r"rent(?:al|ing|s)?\b|lease"),
        ("dividends", r"dividend|shares\b"),
    )
)
"""Words in a delivery that suggest a ledger category; checked in this order."""


def category_for(idea: Idea) -> str:
    """A category guessed from how the idea would be delivered at its widest rung; '' when no word fits.

    Only a suggestion for the stream form, which the user confirms or changes.
    """
    rungs = sorted(idea.ladder, key=lambda r: r.people, reverse=True)
    for text in [r.how for r in rungs] + [idea.delivery, idea.reach]:
        for category, pattern in _CATEGORY_WORDS:
            if pattern.search(text):
                return category
    return ""

