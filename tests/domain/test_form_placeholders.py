"""A placeholder must not look like a value already typed (QA finding).

The goal form showed ``2027-12-31`` as the deadline's placeholder, only a shade
dimmer than typed text: a new user saved it and was told "Enter a date as
YYYY-MM-DD" under a field that seemed to hold one. Every example reads "e.g. …".
"""

from __future__ import annotations

import pytest

from tenfold.tui.dialogs.form import FieldSpec, FormDialog
from tenfold.tui.dialogs.forms import GoalForm
from tenfold.tui.dialogs.idea_form import IdeaForm
from tenfold.tui.dialogs.ledger_forms import PaymentForm, StreamForm
from tenfold.tui.dialogs.rates import RateForm
from tenfold.tui.dialogs.step_forms import SaveReviewForm, SavingsForm, StepItemForm

FORMS: list[type[FormDialog[object]]] = [
    GoalForm, IdeaForm, StreamForm, PaymentForm, RateForm, StepItemForm, SavingsForm, SaveReviewForm,  # type: ignore[list-item]
]


def typed_fields() -> list[tuple[str, FieldSpec]]:
    """Every one-line input that shows a placeholder (selects show a prompt, not an example)."""
    return [(f"{form.__name__}.{spec.name}", spec) for form in FORMS for spec in form.FIELDS
            if spec.kind not in ("select", "text") and spec.placeholder]


@pytest.mark.parametrize(("where", "spec"), typed_fields(), ids=[w for w, _ in typed_fields()])
def test_an_example_says_it_is_one(where: str, spec: FieldSpec) -> None:
    assert spec.placeholder.startswith(("e.g. ", "optional")), f"{where}: {spec.placeholder!r}"


def test_the_goal_forms_deadline_and_currency_are_examples() -> None:
    specs = {spec.name: spec.placeholder for spec in GoalForm.FIELDS}
    assert specs["deadline"] == "e.g. 2027-12-31"
    assert specs["currency"] == "e.g. EUR"
