"""The four forms: goal, stream, payment, brainstorm entry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from tenfold.goal import Goal, parse_goal
from tenfold.ideas import Idea, parse_idea
from tenfold.ledger import CATEGORIES, KINDS, Payment, Stream, parse_payment, parse_stream
from tenfold.tui.dialogs.form import FieldSpec, FormDialog


class GoalForm(FormDialog[Goal]):
    """Write the goal: in your words, how much per month, by when."""

    INTRO = "Write it down: what passive income, how much per month, by when. Be specific."
    FIELDS = (
        FieldSpec("text", "Your goal, in your words", "text", placeholder="e.g. Royalties from two ebooks…"),
        FieldSpec("amount", "Passive income per month", placeholder="e.g. 1500"),
        FieldSpec("currency", "Currency", placeholder="EUR"),
        FieldSpec("deadline", "By (YYYY-MM-DD)", placeholder="2027-12-31"),
    )

    def __init__(self, *args: object, today: date, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.today = today

    def parse(self, values: dict[str, str]) -> Goal:
        """Validate with the domain's goal parser."""
        return parse_goal(today=self.today, **values)


class StreamForm(FormDialog[Stream]):
    """An income stream: name, category, kind, currency."""

    FIELDS = (
        FieldSpec("name", "Name", placeholder="e.g. Ebook royalties"),
        FieldSpec("category", "Category", "select", tuple((c, c) for c in CATEGORIES), "Choose a category"),
        FieldSpec("kind", "Kind", "select", tuple((k, k) for k in KINDS), "Choose a kind"),
        FieldSpec("currency", "Currency", placeholder="EUR"),
    )

    def __init__(self, *args: object, existing: Callable[[], list[Stream]], stream_id: int = 0,
                 **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.existing = existing
        self.stream_id = stream_id

    def parse(self, values: dict[str, str]) -> Stream:
        """Validate with the domain's stream parser (names are unique)."""
        return parse_stream(
            name=values["name"],
            category=values["category"],
            kind=values["kind"],
            currency=values["currency"],
            existing=self.existing(),
            stream_id=self.stream_id,
        )


class PaymentForm(FormDialog[Payment]):
    """A payment: which stream, when, how much, a note."""

    def __init__(self, *args: object, streams: list[Stream], payment_id: int = 0, **kwargs: object) -> None:
        self.FIELDS = (
            FieldSpec("stream", "Stream", "select", tuple((s.name, str(s.id)) for s in streams), "Choose a stream"),
            FieldSpec("on", "Date (YYYY-MM-DD)"),
            FieldSpec("amount", "Amount", placeholder="e.g. 12.50"),
            FieldSpec("note", "Note", placeholder="optional"),
        )
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.streams = streams
        self.payment_id = payment_id

    def parse(self, values: dict[str, str]) -> Payment:
        """Validate with the domain's payment parser."""
        return parse_payment(streams=self.streams, payment_id=self.payment_id, **values)


class IdeaForm(FormDialog[Idea]):
    """A brainstorm entry, asking the method's questions."""

    INTRO = "Who gets value from you, and how could it reach many more without you there each time?"
    FIELDS = (
        FieldSpec("who", "Who (a person, group or audience)", placeholder="e.g. colleagues new to Excel"),
        FieldSpec("value", "What value do they get?", "text"),
        FieldSpec("reach", "How could it reach 10, 100, 1,000,000 people?", "text"),
        FieldSpec("delivery", "How could it be delivered without you in person?", "text"),
    )

    def __init__(self, *args: object, written_on: date, idea_id: int = 0, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.written_on = written_on
        self.idea_id = idea_id

    def parse(self, values: dict[str, str]) -> Idea:
        """Validate with the domain's idea parser."""
        return parse_idea(
            who=values["who"],
            value=values["value"],
            reach=values["reach"],
            delivery=values["delivery"],
            written_on=self.written_on,
            idea_id=self.idea_id,
        )
