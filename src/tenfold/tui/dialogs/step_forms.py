"""Forms for what the steps hold: an item of steps 3-8, step 4's months of savings, a review's file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from tenfold.domain.errors import FieldError, FormErrors
from tenfold.domain.step_entries import EntrySpec, entry_specs, parse_entries
from tenfold.domain.step_items import ITEM_KINDS, StepItem, parse_savings_months, parse_step_item
from tenfold.domain.steps import step_info
from tenfold.domain.streams import Stream
from tenfold.exchange.output_file import output_target
from tenfold.tui.dialogs.form import FieldSpec, FormDialog

YES_NO = (("No", "no"), ("Yes", "yes"))


class StepItemForm(FormDialog[StepItem]):
    """One item of a step: a sub-task, a backup plan, a marketer, a group, a mentor, a stream to scale.

    The labels come from :data:`ITEM_KINDS`, so each step asks in its own words;
    step 8 offers the ledger's streams, and its text may stay blank when one is chosen.
    """

    def __init__(self, *args: object, step: int, added_on: date, item_id: int = 0,
                 streams: list[Stream] | None = None, **kwargs: object) -> None:
        kind = ITEM_KINDS[step]
        fields: list[FieldSpec] = []
        if step == 8:
            options = tuple((s.name, str(s.id)) for s in streams or [])
            fields.append(FieldSpec("stream", "Stream in the ledger", "select", options, "None: name it below"))
        fields.append(FieldSpec("text", kind.text_label if step != 8 else "Or what you scale, in a few words"))
        fields.append(FieldSpec("detail", kind.detail_label, "text"))
        if step == 3:
            fields.append(FieldSpec("due", "Due (YYYY-MM-DD)", placeholder="blank: no date, e.g. 2027-03-01"))
        if kind.done_label:
            fields.append(FieldSpec("done", f"{kind.done_label}?", "select", YES_NO, "No"))
        fields += [_entry_field(spec, streams or []) for spec in entry_specs(step)]
        self.FIELDS = tuple(fields)
        self.stream_ids = [s.id for s in streams or []]
        self.INTRO = f"Step {step} · {step_info(step).title}"
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.step = step
        self.added_on = added_on
        self.item_id = item_id

    def parse(self, values: dict[str, str]) -> StepItem:
        """Validate with the domain's item parser; step 8 needs a stream or a name."""
        raw_stream = values.get("stream", "")
        stream_id = int(raw_stream) if raw_stream.isdigit() else None
        errors: dict[str, str] = {}
        extra: dict[str, str] = {}
        try:
            extra = parse_entries(self.step, {k[len(ENTRY):]: v for k, v in values.items() if k.startswith(ENTRY)},
                                  self.stream_ids)
        except FormErrors as exc:
            errors = {f"{ENTRY}{k}": v for k, v in exc.errors.items()}
        try:
            item = parse_step_item(step=self.step, text=values["text"], detail=values["detail"],
                                   done=values.get("done") == "yes", added_on=self.added_on,
                                   item_id=self.item_id, stream_id=stream_id, extra=extra,
                                   due=values.get("due", ""))
        except FormErrors as exc:
            if self.step == 8 and "text" in exc.errors and not values["text"].strip():
                raise FormErrors({**exc.errors, "text": "Choose a stream above, or name what you scale",
                                  **errors}) from None
            raise FormErrors({**exc.errors, **errors}) from None
        if errors:
            raise FormErrors(errors)
        return item


ENTRY = "entry_"
"""Form fields of a step's entries are named ``entry_<key>`` (:mod:`tenfold.domain.step_entries`)."""


def _entry_field(spec: EntrySpec, streams: list[Stream]) -> FieldSpec:
    """One entry as a form field: a line, a text box, or a drop-down of choices or streams."""
    name = f"{ENTRY}{spec.key}"
    if spec.kind == "text":
        return FieldSpec(name, spec.label, "text", placeholder=spec.placeholder)
    if spec.kind == "choice":
        return FieldSpec(name, spec.label, "select", tuple((c, c) for c in spec.choices), spec.choices[0])
    if spec.kind == "stream":
        return FieldSpec(name, spec.label, "select", tuple((s.name, str(s.id)) for s in streams), "None")
    hint = spec.placeholder or ("e.g. 2027-03-01" if spec.kind == "date" else "")
    return FieldSpec(name, spec.label, placeholder=hint)


@dataclass(frozen=True)
class Savings:
    """Step 4's months of savings as the form returns it (None clears it)."""

    months: Decimal | None


class SavingsForm(FormDialog[Savings]):
    """How many months the savings would last without the day job."""

    INTRO = ("If the day job stopped tomorrow, how many months would your savings pay the bills? "
             "Leave it blank to clear it.")
    FIELDS = (FieldSpec("savings_months", "Months savings would last", placeholder="e.g. 6 or 4.5"),)

    def parse(self, values: dict[str, str]) -> Savings:
        """Validate with the domain's parser."""
        try:
            return Savings(parse_savings_months(values["savings_months"]))
        except FieldError as exc:
            raise FormErrors({exc.field: exc.message}) from None


class SaveReviewForm(FormDialog[Path]):
    """Where to save the review; the file is written private (0600) and whole."""

    INTRO = "Save the review as a Markdown file. It is written private (only you can read it)."
    FIELDS = (FieldSpec("path", "File", placeholder="e.g. ~/review.md"),)

    def __init__(self, *args: object, data_path: Path, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.data_path = data_path

    def changed(self) -> bool:
        """A file name is not worth a draft: quitting with this form open keeps nothing."""
        return False

    def parse(self, values: dict[str, str]) -> Path:
        """A writable file path, or the reason next to the field."""
        try:
            return output_target(values["path"], self.data_path, example="review.md")
        except FieldError as exc:
            raise FormErrors({exc.field: exc.message}) from None
