"""Forms for the measures: step 4's bills, hours logged on a stream, the three parts of an idea or stream."""

from __future__ import annotations

from datetime import date

from textual.markup import escape

from tenfold.domain.errors import FormErrors
from tenfold.domain.freedom import Freedom, parse_freedom
from tenfold.domain.hours import HoursEntry, parse_hours_entry
from tenfold.domain.parts import SCALE, PartsRating, parse_parts
from tenfold.domain.streams import Stream
from tenfold.domain.text import safe_display
from tenfold.tui.dialogs.form import FieldSpec, FormDialog


def shown_name(name: str) -> str:
    """A typed name inside a form's intro or title: control characters as symbols, never read as markup."""
    return escape(safe_display(name))


def freedom_values(freedom: Freedom | None, currency: str) -> dict[str, str]:
    """The bills form filled from what step 4 holds (blank where nothing is known)."""
    if freedom is None:
        return {"bills": "", "currency": currency, "savings": "", "hourly_rate": ""}

    def text(value: object) -> str:
        return "" if value is None else str(value)

    return {"bills": text(freedom.bills), "currency": freedom.currency, "savings": text(freedom.savings),
            "hourly_rate": text(freedom.hourly_rate)}


class FreedomForm(FormDialog[Freedom]):
    """Step 4: the bills the streams must cover, the savings, and what an hour of yours is worth."""

    INTRO = ("Keep the day job until passive income pays the bills. What must it cover each month? "
             "Savings and your hourly rate may stay blank.")
    FIELDS = (
        FieldSpec("bills", "Monthly bills", placeholder="e.g. 2400"),
        FieldSpec("currency", "Currency", placeholder="e.g. EUR"),
        FieldSpec("savings", "Savings that would carry you", placeholder="optional, e.g. 12000"),
        FieldSpec("hourly_rate", "What an hour of yours is worth (day job)",
                  placeholder="optional, e.g. 35: values up-front hours"),
    )

    def parse(self, values: dict[str, str]) -> Freedom:
        """Validate with the domain's parser; the bills are required here."""
        if not values["bills"].strip():
            errors = {"bills": "Enter your monthly bills, e.g. 2400"}
            try:
                parse_freedom(currency=values["currency"], savings=values["savings"],
                              hourly_rate=values["hourly_rate"])
            except FormErrors as exc:
                errors.update(exc.errors)
            raise FormErrors(errors)
        return parse_freedom(bills=values["bills"], currency=values["currency"], savings=values["savings"],
                             hourly_rate=values["hourly_rate"])


class HoursForm(FormDialog[HoursEntry]):
    """Hours spent on one stream on one day."""

    FIELDS = (
        FieldSpec("on", "Date (YYYY-MM-DD)"),
        FieldSpec("hours", "Hours spent", placeholder="e.g. 1.5"),
        FieldSpec("note", "What the time went on", placeholder="optional, e.g. answered reader mail"),
    )

    def __init__(self, *args: object, stream: Stream, today: date, began: date | None, **kwargs: object) -> None:
        self.INTRO = (f"Upkeep on {shown_name(stream.name)}, as it happens: income per hour then rests on the hours "
                      "you logged instead of the estimate.")
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.stream = stream
        self.today = today
        self.began = began

    def parse(self, values: dict[str, str]) -> HoursEntry:
        """Validate with the domain's parser: not in the future, not before the stream began."""
        return parse_hours_entry(stream=str(self.stream.id), on=values["on"], hours=values["hours"],
                                 note=values["note"], streams=[self.stream], today=self.today,
                                 began={self.stream.id: self.began})


class PartsForm(FormDialog[PartsRating]):
    """Creation, delivery and payment, rated 1 to 5; the weakest is named after saving."""

    FIELDS = (
        FieldSpec("creation", "Value creation: is it worth having?", placeholder="1-5"),
        FieldSpec("delivery", "Value delivery: does it reach people without you?", placeholder="1-5"),
        FieldSpec("payment", "Payment: do they pay, easily, again?", placeholder="1-5"),
    )

    def __init__(self, *args: object, target: str, target_id: int, name: str, **kwargs: object) -> None:
        self.INTRO = f"The three parts of {shown_name(name)}. Rate each {SCALE}; blank: not rated yet."
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.target = target
        self.target_id = target_id

    def parse(self, values: dict[str, str]) -> PartsRating:
        """Validate with the domain's parser."""
        return parse_parts(target=self.target, target_id=self.target_id, creation=values["creation"],
                           delivery=values["delivery"], payment=values["payment"])


def parts_values(rating: PartsRating | None) -> dict[str, str]:
    """The parts form filled from a rating (blank where not rated)."""
    if rating is None:
        return {"creation": "", "delivery": "", "payment": ""}
    return {p: str(rating.score(p) or "") for p in ("creation", "delivery", "payment")}
