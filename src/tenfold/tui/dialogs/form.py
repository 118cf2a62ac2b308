"""A modal form that validates with the domain's parsers and never loses input.

Errors appear under the field they belong to; the form stays open with what the
user typed. Saving goes through a callback the screen passes in, so if the store
refuses (disk full, file changed elsewhere) the form stays open too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from tenfold.domain.errors import FormErrors, TenfoldError
from tenfold.domain.text import safe_display
from tenfold.tui.compat import SafeInput
from tenfold.tui.keys import FORM_KEYS, bindings
from tenfold.tui.screens.first_show import StyledOnce
from tenfold.tui.widgets.safe_text_area import SafeTextArea

T = TypeVar("T")


@dataclass(frozen=True)
class FieldSpec:
    """One field of a form: its name (as the parser knows it), label and widget kind."""

    name: str
    label: str
    kind: Literal["input", "text", "select"] = "input"
    options: tuple[tuple[str, str], ...] = ()
    placeholder: str = ""
    required: bool = False
    """The form cannot be saved with this field empty: it gets the focus when it is the first one empty."""

    def default_option(self) -> str | None:
        """For a list whose placeholder names one of its options ("irregular"), that option's key.

        Such a list always has a value: an empty entry beside that option would show it twice.
        """
        if self.kind != "select":
            return None
        return next((key for label, key in self.options if label == self.placeholder), None)


class FormDialog(StyledOnce, ModalScreen[T | None], Generic[T]):
    """Base class: subclasses set ``FIELDS`` and implement :meth:`parse`."""

    FIELDS: tuple[FieldSpec, ...] = ()
    INTRO = ""
    BINDINGS = bindings(FORM_KEYS)
    AUTO_FOCUS = ""
    """Nothing is focused as the form mounts: :meth:`on_mount` puts the focus in the field the form starts in.

    Left to Textual's default, the first focusable widget - the form's scrolling
    frame - took the focus first and gave it up to that field a moment later,
    restyling the whole form (every field in the frame) on each move, twice before
    its first frame.
    """

    def __init__(
        self,
        title: str,
        values: dict[str, str],
        save: Callable[[T], None],
        *,
        draft_kind: str,
        restored: bool = False,
    ) -> None:
        super().__init__()
        self.form_title = title
        self.initial = dict(values)
        for spec in self.FIELDS:
            default = spec.default_option()
            if default is not None and not self.initial.get(spec.name):
                self.initial[spec.name] = default
        self.draft_kind = draft_kind
        self.restored = restored
        self._save = save
        self._discard_armed = False
        self._select_start: dict[str, str] = {}
        """Each list's value as it was made, until the list has taken it (as it mounts)."""
        """The user pressed Esc once with something typed: the next Esc discards it."""

    def compose(self) -> ComposeResult:
        """Title, intro, one row per field with its error line, then the buttons."""
        with VerticalScroll(id="dialog", classes="form"):
            # A name in a title is never markup, and its control codes are shown, not obeyed.
            yield Label(Text(safe_display(self.form_title)), classes="dialog-title")
            if self.INTRO:
                yield Static(self.INTRO, classes="intro")
            if self.restored:
                yield Static("Restored what you had typed when Tenfold last closed.", classes="notice")
            for spec in self.FIELDS:
                yield Label(spec.label, classes="field-label")
                yield self._widget_for(spec)
                yield Static("", id=f"error-{spec.name}", classes="field-error", markup=False)
            yield Static("", id="form-error", classes="field-error", markup=False)
            with Horizontal(classes="buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="save")
                yield Button("Cancel  esc", id="cancel")

    def _widget_for(self, spec: FieldSpec) -> Widget:
        value = self.initial.get(spec.name, "")
        wid = f"field-{spec.name}"
        if spec.kind == "text":
            area = SafeTextArea(value, id=wid, soft_wrap=True, placeholder=spec.placeholder)
            return area
        if spec.kind == "select":
            # Text, not str: a str prompt is read as markup, and a stream named "[/]" crashed the app.
            options = [(Text(safe_display(label)), key) for label, key in spec.options]
            keys = {key for _, key in options}
            default = spec.default_option()
            start = value if value in keys else default if default is not None else ""
            self._select_start[spec.name] = start
            if default is not None:
                return Select(options, id=wid, value=start, allow_blank=False, compact=True)
            return Select(options, id=wid, value=start or Select.NULL, prompt=spec.placeholder, compact=True)
        return SafeInput(value, id=wid, placeholder=spec.placeholder, compact=True)

    def on_mount(self) -> None:
        """Start in the first required field still empty, else in the first field.

        A payment form opens with its stream and date filled: the cursor waits in
        Amount, so an amount typed straight away lands there.
        """
        if not self.FIELDS:
            return
        for area in self.query(TextArea):  # text written before is added to, not typed in front of
            area.move_cursor(area.document.end)
        values = self.values()
        empty = [spec for spec in self.FIELDS if spec.required and not values.get(spec.name, "").strip()]
        self.query_one(f"#field-{(empty or self.FIELDS)[0].name}").focus()

    def values(self) -> dict[str, str]:
        """What is in the form right now, as typed."""
        out: dict[str, str] = {}
        for spec in self.FIELDS:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, TextArea):
                out[spec.name] = widget.text
            elif isinstance(widget, Select) and not widget.is_mounted:
                # A Select takes its value as it mounts: a key that came with the one opening
                # the form (escape in a burst) must not see a choice changed to blank.
                out[spec.name] = self._select_start.get(spec.name, "")
            elif isinstance(widget, Select):
                out[spec.name] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Input):
                out[spec.name] = widget.value
        return out

    def changed(self) -> bool:
        """Whether the user typed anything since the form opened."""
        return self.values() != {k: self.initial.get(k, "") for k in self.values()}

    def parse(self, values: dict[str, str]) -> T:
        """Turn typed values into a domain object or raise FormErrors."""
        raise NotImplementedError

    def show_errors(self, errors: dict[str, str], general: str = "") -> None:
        """Put each message under its field; focus the first field with a problem."""
        first: Widget | None = None
        for spec in self.FIELDS:
            message = errors.get(spec.name, "")
            line = self.query_one(f"#error-{spec.name}", Static)
            line.update(message)
            line.set_class(bool(message), "-visible")
            field = self.query_one(f"#field-{spec.name}")
            field.set_class(bool(message), "-invalid")
            if message and first is None:
                first = field
        form_error = self.query_one("#form-error", Static)
        form_error.update(general)
        form_error.set_class(bool(general), "-visible")
        if first is not None:
            first.focus()

    def action_save(self) -> None:
        """Validate, save through the screen, and close only when both succeed."""
        try:
            value = self.parse(self.values())
        except FormErrors as exc:
            self.show_errors(exc.errors)
            return
        self.save_value(value)

    def save_value(self, value: T) -> None:
        """Save a value already parsed from the fields; close only when the save succeeds."""
        try:
            self._save(value)
        except TenfoldError as exc:
            self.show_errors({}, f"Not saved: {exc}. What you typed is still here; try again.")
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Close without saving; if something was typed, only at the second asking.

        Esc is also how people leave a field, so what was typed is not thrown away
        on one press: the first says what a second would do, under the buttons.
        An escape that comes while the form's lists are still taking their values (a
        busy machine) closes the form once they have: closing it under them fails.
        """
        if not all(select.is_mounted for select in self.query(Select)):
            self.call_after_refresh(self.action_cancel)
            return
        if self.changed() and not self._discard_armed:
            self._discard_armed = True
            notice = self.query_one("#form-error", Static)  # the field errors, if any, stay as they are
            notice.update("Esc again discards what you typed; ctrl+s saves it.")
            notice.set_class(True, "-visible")
            return
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
