"""What steps 5 to 8 produce besides a name: the entries each item of those steps records.

- Step 5, a marketer studied: the entry offer, the e-mail sequence seen, the price
  points, how the content filters the audience, and what I will use, linked to
  one of my streams.
- Step 6, a group: the question asked there and the answer that helped.
- Step 7, a mentor candidate: the pitch, what I offer them, the day it was sent,
  a follow-up date and the outcome. After a no, the next candidate is proposed.
- Step 8, a scale experiment: what I change, the figure I watch, its baseline,
  the day the result is due, the result, keep or drop. Where the figure is one
  the ledger holds, :mod:`tenfold.figures.experiments` fills baseline and result.

Entries are kept in a step item's ``extra`` (text by key), so older files and
older items read as they were: every entry may be blank.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from tenfold.domain.dates import parse_date
from tenfold.domain.errors import FieldError, FormErrors
from tenfold.domain.step_items import StepItem
from tenfold.domain.text import clean_text

OUTCOMES: tuple[str, ...] = ("waiting", "yes", "no", "no answer")
"""What came of a mentor pitch."""
DECISIONS: tuple[str, ...] = ("undecided", "keep", "drop")
"""What an experiment ended in."""
LEDGER_FIGURES: tuple[str, ...] = ("income", "customers", "income per hour")
"""Figures an experiment can watch that the ledger measures by itself, each month."""


@dataclass(frozen=True)
class EntrySpec:
    """One entry of a step's items: its key in ``extra``, its label, and what it holds.

    ``kind`` is ``line`` (one line), ``text`` (several), ``date``, ``choice`` (one of
    ``choices``) or ``stream`` (a stream's id).
    """

    key: str
    label: str
    kind: str = "line"
    choices: tuple[str, ...] = ()
    placeholder: str = ""


ENTRIES: dict[int, tuple[EntrySpec, ...]] = {
    5: (
        EntrySpec("offer", "Entry offer", placeholder="e.g. a free checklist for an e-mail address"),
        EntrySpec("emails", "E-mail sequence seen", "text"),
        EntrySpec("prices", "Price points", placeholder="e.g. 9 / 49 / 299"),
        EntrySpec("filter", "How the content filters the audience", "text"),
        EntrySpec("use", "What I will use", "text"),
        EntrySpec("stream", "For my stream", "stream"),
    ),
    6: (
        EntrySpec("question", "Question I asked there", "text"),
        EntrySpec("answer", "Answer that helped", "text"),
    ),
    7: (
        EntrySpec("pitch", "The pitch", "text"),
        EntrySpec("offer", "What I offer them", placeholder="e.g. proofreading their next book"),
        EntrySpec("sent_on", "Sent on (YYYY-MM-DD)", "date"),
        EntrySpec("follow_up_on", "Follow up on (YYYY-MM-DD)", "date"),
        EntrySpec("outcome", "Outcome", "choice", OUTCOMES),
    ),
    8: (
        EntrySpec("change", "What I change", placeholder="e.g. price 9 -> 12"),
        EntrySpec("figure", "Figure I watch", placeholder="income, customers, income per hour, or your own"),
        EntrySpec("baseline", "Baseline", placeholder="blank: taken from the ledger"),
        EntrySpec("check_on", "Result due (YYYY-MM-DD)", "date"),
        EntrySpec("result", "Result", placeholder="blank: taken from the ledger"),
        EntrySpec("decision", "Keep or drop", "choice", DECISIONS),
    ),
}


def entry_specs(step: int) -> tuple[EntrySpec, ...]:
    """The entries a step's items record (none for steps 3 and 4)."""
    return ENTRIES.get(step, ())


def parse_entries(step: int, values: dict[str, str], stream_ids: Iterable[int] = ()) -> dict[str, str]:
    """Validate a step's entries from a form: every problem reported next to its field.

    Blank entries are left out; dates must be real ISO dates; a follow-up cannot be
    before the pitch was sent, nor a result due before the experiment began.
    """
    errors: dict[str, str] = {}
    out: dict[str, str] = {}
    known = {str(i) for i in stream_ids}
    for spec in entry_specs(step):
        raw = values.get(spec.key, "")
        try:
            text = clean_text(raw, spec.key, single_line=spec.kind != "text").strip()
            if not text:
                continue
            if spec.kind == "date":
                text = parse_date(text, spec.key).isoformat()
            elif spec.kind == "choice" and text not in spec.choices:
                raise FieldError(spec.key, f"Choose one of: {', '.join(spec.choices)}")
            elif spec.kind == "stream" and text not in known:
                raise FieldError(spec.key, "Choose one of your streams, or none")
            elif spec.kind == "line" and len(text) > 200:
                raise FieldError(spec.key, "Keep it under 200 characters")
        except FieldError as exc:
            errors[spec.key] = exc.message
            continue
        out[spec.key] = text
    sent, follow = out.get("sent_on"), out.get("follow_up_on")
    if sent and follow and follow < sent:
        errors["follow_up_on"] = f"Follow up after the pitch was sent ({sent})"
    if errors:
        raise FormErrors(errors)
    return out


def next_candidate(items: Sequence[StepItem]) -> StepItem | None:
    """Step 7: the first candidate not yet asked and not turned down, in the order they were added."""
    for item in sorted(items, key=lambda i: i.id):
        if item.step != 7 or item.extra.get("outcome") in ("no", "yes", "no answer"):
            continue
        if not item.extra.get("sent_on") and not item.done:
            return item
    return None


def mentor_line(items: Sequence[StepItem], today: date) -> str | None:
    """What step 7 asks next: a follow-up due, the next candidate after a no, or to find another.

    None before any answer to act on (no candidate, none asked, or a yes).
    """
    mentors = [i for i in items if i.step == 7]
    if not mentors:
        return None
    if any(i.extra.get("outcome") == "yes" for i in mentors):
        return None
    for item in mentors:
        follow = item.extra.get("follow_up_on")
        if item.extra.get("outcome", "waiting") == "waiting" and follow and follow <= today.isoformat():
            return f"Follow up with {item.text}: the follow-up date {follow} has come"
    declined = [i for i in mentors if i.extra.get("outcome") in ("no", "no answer")]
    if not declined:
        return None  # no answer yet to act on: step 7's own action says what to do
    upcoming = next_candidate(mentors)
    if upcoming is not None:
        return f"{_declined(declined[-1])}; next: pitch {upcoming.text}"
    if declined and all(i.extra.get("outcome") in ("no", "no answer") for i in mentors):
        return f"{_declined(declined[-1])}: add the next candidate and keep looking"
    return None


def _declined(item: StepItem) -> str:
    return f"{item.text} said no" if item.extra.get("outcome") == "no" else f"{item.text} did not answer"
