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
from tenfold.domain.streams import Stream

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



# ----- searching the journal --------------------------------------------------------------

_TAG_RE = re.compile(r"#([^\W_][\w-]*)")


def idea_text(idea: Idea) -> str:
    """Every text of an entry a search looks in: who, value, reach, delivery and the ladder's notes."""
    return "\n".join([idea.who, idea.value, idea.reach, idea.delivery, *(r.how for r in idea.ladder)])


def idea_tags(idea: Idea) -> frozenset[str]:
    """The ``#tags`` written anywhere in an entry, lower case and without the ``#``."""
    return frozenset(t.casefold() for t in _TAG_RE.findall(idea_text(idea)))


@dataclass(frozen=True)
class Query:
    """A search as typed: words that must all appear, and ``#tags`` the entry must carry."""

    words: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str, tags: Iterable[str] = ()) -> Query:
        """``course #teaching`` is the word "course" and the tag "teaching"; case is ignored."""
        words, wanted = [], [t.strip().lstrip("#").casefold() for t in tags if t.strip().lstrip("#")]
        for part in text.split():
            if part.startswith("#") and len(part) > 1:
                wanted.append(part[1:].casefold())
            else:
                words.append(part.casefold())
        return cls(tuple(words), tuple(wanted))

    def __bool__(self) -> bool:
        return bool(self.words or self.tags)


@dataclass
class SearchIndex:
    """Each entry's text in lower case and its tags, made once per version of the entry.

    A search then costs one substring test per word and entry: with 5,000 entries
    it answers well within a frame, and typing a letter rebuilds nothing. Entries
    are frozen, so a changed entry is a new object and is lowered again on sight.
    """

    _entries: dict[int, tuple[Idea, str, frozenset[str]]] = field(default_factory=dict)
    built: int = 0
    """How many entries were lowered so far (tests check a second search lowers none)."""

    def entry(self, idea: Idea) -> tuple[str, frozenset[str]]:
        """The lowered text and tags of ``idea``, from the cache while the entry is unchanged."""
        known = self._entries.get(idea.id)
        if known is None or known[0] is not idea:
            self.built += 1
            known = (idea, idea_text(idea).casefold(), idea_tags(idea))
            self._entries[idea.id] = known
        return known[1], known[2]

    def forget(self, keep_ids: Iterable[int]) -> None:
        """Drop entries that were deleted."""
        keep_set = set(keep_ids)
        for gone in [i for i in self._entries if i not in keep_set]:
            del self._entries[gone]


def search_ideas(ideas: Iterable[Idea], query: Query, index: SearchIndex | None = None) -> list[Idea]:
    """The entries holding every word of ``query`` (anywhere in their text) and carrying every tag, in order."""
    if not query:
        return list(ideas)
    index = index or SearchIndex()
    found = []
    for idea in ideas:
        text, tags = index.entry(idea)
        if all(w in text for w in query.words) and all(t in tags for t in query.tags):
            found.append(idea)
    return found


def match_spans(text: str, query: Query) -> list[tuple[int, int]]:
    """Where the query's words and tags occur in ``text`` (start, end), for highlighting; overlaps merged."""
    low = text.casefold()
    spans: list[tuple[int, int]] = []
    for needle in (*query.words, *(f"#{t}" for t in query.tags)):
        start = low.find(needle)
        while needle and start >= 0:
            spans.append((start, start + len(needle)))
            start = low.find(needle, start + len(needle))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
