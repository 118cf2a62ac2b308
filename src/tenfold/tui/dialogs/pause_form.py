"""The form for a planned pause: days off that do not break the streak."""

from __future__ import annotations

from collections.abc import Callable

from tenfold.domain.pauses import PAUSE_RULE, Pause, parse_pause
from tenfold.tui.dialogs.form import FieldSpec, FormDialog


class PauseForm(FormDialog[Pause]):
    """From and to: the days of a holiday or an illness, within the monthly allowance."""

    INTRO = PAUSE_RULE
    FIELDS = (
        FieldSpec("from", "First day off (YYYY-MM-DD)", placeholder="e.g. 2027-03-10"),
        FieldSpec("to", "Last day off (blank: the same day)", placeholder="e.g. 2027-03-12"),
    )

    def __init__(self, *args: object, existing: Callable[[], list[Pause]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.existing = existing

    def parse(self, values: dict[str, str]) -> Pause:
        """Validate with the domain's rule (dates in order, a few days a month)."""
        return parse_pause(start=values["from"], end=values["to"], existing=self.existing())
