"""What the ideas pane writes: the full entry under the cursor, its Reach and Earned cells.

A search's matches are highlighted in the entry's texts (not in the labels), so
the eye finds why an entry was kept.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from tenfold.domain.ideas import Idea, rung_label
from tenfold.domain.money import format_totals
from tenfold.domain.parts import PartsRating
from tenfold.domain.text import safe_display
from tenfold.views.idea_views import IdeaEarnings, Query, match_spans, passive_marks

EMPTY = (
    "Who already gets value from you - your employer, friends, family? "
    "How could that value reach 10, 100 or 1,000,000 people without you there "
    "each time?\n\nPress a to write your first entry."
)
PASSIVE_WORDS = (
    "nothing automated yet",
    "automated on some rung",
    "automated at its rating",
)
MATCH_STYLE = Style(bold=True, reverse=True)
"""A search's match: reversed, readable in every theme."""


def render_idea(idea: Idea | None, earnings: IdeaEarnings | None = None, query: Query | None = None,
                parts: PartsRating | None = None) -> Text:
    """The full entry under the cursor, or the questions that start a brainstorm; ``query``'s matches marked.

    ``parts`` is the idea's rating of the three parts: the weakest is named with the one
    question that could strengthen it, so the idea is worked on before it becomes a stream.
    """
    if idea is None:
        return Text(EMPTY)
    query = query or Query()
    text = Text()
    _line(text, "Who", idea.who, query)
    _line(text, "Value", idea.value, query)
    text.append("Ladder: ", style="bold")
    if idea.rating:
        text.append(f"rated {rung_label(idea.rating)} people · {PASSIVE_WORDS[idea.passive_level]}\n")
    else:
        text.append("not rated yet - press e and pick the rung you believe in\n", style="dim")
    for rung in reversed(idea.ladder):
        text.append(f"  {rung_label(rung.people):>3} ", style="bold")
        text.append_text(marked(safe_display(rung.how) or "-", query))
        text.append("  automated\n" if rung.automated else "\n", style="green")
    if earnings is None:
        text.append("Not a stream yet: press m to make it one.\n", style="dim")
    else:
        _line(text, "Stream", f"{', '.join(earnings.streams)} · earned {earned_text(earnings)}")
    _line(text, "Reach", idea.reach or "- how could this reach 10, 100, 1,000,000 people?", query)
    _line(text, "Without me", idea.delivery or "- how could it be delivered without you in person?", query)
    if parts is not None and parts.weakest is not None:  # unrated: p is on the help screen and the palette
        text.append("Three parts: ", style="bold")
        text.append(parts.summary() + "\n")
        text.append(parts.advice() + "\n", style="italic")
    text.append(f"Written {idea.written_on.isoformat()}", style="dim")
    return text


def marked(value: str, query: Query) -> Text:
    """``value`` with the query's words and tags highlighted."""
    out = Text(value)
    if query:
        for start, end in match_spans(value, query):
            out.stylize(MATCH_STYLE, start, min(end, len(value)))
    return out


def _line(text: Text, label: str, value: str, query: Query | None = None) -> None:
    text.append(f"{label}: ", style="bold")
    text.append_text(marked(safe_display(value), query or Query()))
    text.append("\n")


def earned_text(earnings: IdeaEarnings) -> str:
    """Money per currency, never added across; a currency with nothing yet is left out unless all are."""
    paid = {currency: amount for currency, amount in earnings.totals.items() if amount}
    return format_totals(paid or earnings.totals)


def reach_cell(idea: Idea) -> str:
    """The Reach column: the rated rung and how passive the delivery is, e.g. ``1k ●●``; blank when neither."""
    marks = passive_marks(idea)
    if not idea.rating and not marks:
        return ""
    return f"{rung_label(idea.rating) if idea.rating else '?':>3} {marks}".rstrip()
