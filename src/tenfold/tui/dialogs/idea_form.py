"""The brainstorm form: who gets value from you, and how far the same value could reach.

Besides the four questions it holds the reach ladder: a rating (the rung the user
believes in: 1, 10, 100, 1,000 or 1,000,000 people) and, per rung, how the value
would be delivered there and whether that delivery runs without the user. The
ladder rows are one line each (label, text, checkbox) so the form stays usable at
80x24, where it scrolls.

Every value is kept as a string, like the other forms, so the ladder survives a
draft: an automated box is ``"yes"`` or ``""``.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Label, Static

from tenfold.domain.ideas import LADDER, Idea, parse_idea, rung_label
from tenfold.tui.dialogs.form import FieldSpec, FormDialog

RUNG_NAMES = {1: "1 person", 10: "10 people", 100: "100 people", 1_000: "1,000 people", 1_000_000: "1,000,000 people"}
RUNG_HINTS = {
    1: "e.g. in person, one to one",
    10: "e.g. a workshop, a group call",
    100: "e.g. a recording, a template",
    1_000: "e.g. an ebook, an online course",
    1_000_000: "e.g. software, an app, a book",
}
YES = "yes"
"""How a ticked automated box is kept among the form's string values (and in a draft)."""


class TickBox(Checkbox):
    """A checkbox that is empty when unticked and holds an X when ticked.

    Textual's box shows an X either way and tells them apart by colour alone, which
    some themes make nearly the same: ticked and unticked rungs looked alike.
    """

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "X" if self.value else " "
        return super()._button


def idea_values(idea: Idea) -> dict[str, str]:
    """The form's values for an existing idea (the inverse of :meth:`IdeaForm.parse`)."""
    values = {"who": idea.who, "value": idea.value, "reach": idea.reach, "delivery": idea.delivery,
              "rating": str(idea.rating) if idea.rating else ""}
    for rung in idea.ladder:
        values[f"rung_{rung.people}"] = rung.how
        values[f"auto_{rung.people}"] = YES if rung.automated else ""
    return values


class IdeaForm(FormDialog[Idea]):
    """A brainstorm entry, asking the method's questions, with its reach ladder."""

    INTRO = "Who gets value from you, and how could it reach many more without you there each time?"
    FIELDS = (
        FieldSpec("who", "Who (a person, group or audience)", placeholder="e.g. colleagues new to Excel"),
        FieldSpec("value", "What value do they get?", "text"),
        FieldSpec("reach", "How could it reach 10, 100, 1,000,000 people?", "text"),
        FieldSpec("delivery", "How could it be delivered without you in person?", "text"),
        FieldSpec("rating", "How many people could this really reach?", "select",
                  tuple((RUNG_NAMES[p], str(p)) for p in LADDER), "Not rated yet"),
        *(FieldSpec(f"rung_{p}", RUNG_NAMES[p], placeholder=RUNG_HINTS[p]) for p in LADDER),
    )
    QUESTIONS = 5
    """The first FIELDS are asked one under the other; the rest are the ladder's rows."""

    DEFAULT_CSS = """
    IdeaForm .rung {
        height: auto;
    }
    IdeaForm .rung-label {
        width: 17;
    }
    IdeaForm .rung Input {
        width: 1fr;
    }
    IdeaForm .rung Checkbox {
        width: auto;
        margin-left: 1;
    }
    """

    def __init__(self, *args: object, written_on: date, idea_id: int = 0, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.written_on = written_on
        self.idea_id = idea_id

    def compose(self) -> ComposeResult:
        """The four questions and the rating, then one row per rung: people, how, automated."""
        with VerticalScroll(id="dialog", classes="form"):
            yield Label(self.form_title, classes="dialog-title")
            yield Static(self.INTRO, classes="intro")
            if self.restored:
                yield Static("Restored what you had typed when Tenfold last closed.", classes="notice")
            for spec in self.FIELDS[: self.QUESTIONS]:
                yield Label(spec.label, classes="field-label")
                yield self._widget_for(spec)
                yield Static("", id=f"error-{spec.name}", classes="field-error", markup=False)
            yield Static("The ladder: how would it reach each number of people? "
                         "Tick automated if that runs without you.", classes="field-label")
            for spec in self.FIELDS[self.QUESTIONS:]:
                people = int(spec.name.removeprefix("rung_"))
                with Horizontal(classes="rung"):
                    yield Label(spec.label, classes="rung-label")
                    yield self._widget_for(spec)
                    yield TickBox("automated", self.initial.get(f"auto_{people}") == YES, id=f"field-auto_{people}",
                                  compact=True, tooltip=f"Delivery to {rung_label(people)} runs without you")
                yield Static("", id=f"error-{spec.name}", classes="field-error", markup=False)
            yield Static("", id="form-error", classes="field-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def values(self) -> dict[str, str]:
        """The typed fields plus each rung's automated box (``"yes"`` or ``""``)."""
        out = super().values()
        for people in LADDER:
            out[f"auto_{people}"] = YES if self.query_one(f"#field-auto_{people}", Checkbox).value else ""
        return out

    def parse(self, values: dict[str, str]) -> Idea:
        """Validate with the domain's idea parser."""
        return parse_idea(
            who=values["who"],
            value=values["value"],
            reach=values["reach"],
            delivery=values["delivery"],
            written_on=self.written_on,
            idea_id=self.idea_id,
            rating=values["rating"],
            ladder={p: (values[f"rung_{p}"], values[f"auto_{p}"] == YES) for p in LADDER},
        )
