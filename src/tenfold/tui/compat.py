"""The few private Textual APIs Tenfold relies on, in one place.

Textual does not export these, so a Textual release may rename or change them
without notice; ``tests/tui/test_compat.py`` checks each one and fails, naming
it, when that happens. Nothing else under ``tenfold.tui`` touches an underscore
name of Textual.

- :data:`FooterKey` (``textual.widgets._footer``): the widget per key that the
  footer builds; :class:`~tenfold.tui.widgets.footer.TenfoldFooter` starts each
  in its final state instead of restyling it.
- :func:`show_footer_keys_now`: sets ``Footer._bindings_ready``, the flag Textual's
  footer waits for before it shows any key.
- :func:`set_border_subtitle`: writes the text ``Widget.border_subtitle`` keeps
  (``_border_subtitle``, as its descriptor does) without the descriptor's refresh
  of the whole widget, and redraws only the bottom border line.
- :class:`SafeInput`: ``Input._value`` (the text the line draws) and
  ``Input._position_to_cell`` (where the cursor goes), both from the value with its
  control characters shown as symbols.
- :class:`HookedApp`: ``App._handle_exception`` (called with every unhandled
  error) and ``App._print_error_renderables`` (prints the traceback at exit),
  turned into two public hooks the app overrides.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import RenderableType
from rich.text import Text
from textual.app import App
from textual.expand_tabs import expand_tabs_inline
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Footer, Input
from textual.widgets._footer import FooterKey
from textual.widgets._select import SelectOverlay  # the open list of a Select: q is typed there

from tenfold.domain.text import safe_display

__all__ = ["FooterKey", "HookedApp", "SafeInput", "SelectOverlay", "set_border_subtitle", "show_footer_keys_now"]


def show_footer_keys_now(footer: Footer) -> None:
    """Let a footer show its keys from its first compose, not after the first "bindings changed" signal."""
    footer.set_reactive(Footer._bindings_ready, True)


def set_border_subtitle(widget: Widget, text: str) -> None:
    """Show ``text`` in ``widget``'s bottom border, redrawing that line only (nothing when it is unchanged).

    Setting ``border_subtitle`` refreshes the whole widget: for a pane, every line
    of every widget in it is sent to the terminal again, to change a few words.
    """
    if widget.border_subtitle == text and widget.is_mounted:
        return
    width, height = widget.outer_size
    if not widget.is_mounted or not width or not height:
        widget.border_subtitle = text
        return
    widget._border_subtitle = widget.render_str(text).expand_tabs(4).split()[0]  # what the descriptor stores
    left, top = widget.content_offset
    widget.refresh(Region(-left, height - 1 - top, width, 1))  # regions are relative to the content


class SafeInput(Input):
    """An Input that draws control characters (an escape, a bell) as visible symbols; its value keeps them.

    Textual draws the value as it is, so an escape sequence in a pasted or imported
    name reached the terminal (``ESC[2J`` cleared it). :func:`safe_display` gives one
    symbol per character, so the cursor and the selection, counted in characters,
    stay on the characters they belong to.
    """

    @property
    def _value(self) -> Text:
        text = Text(safe_display(self.value), no_wrap=True, overflow="ignore", end="")
        return self.highlighter(text) if self.highlighter is not None else text

    def _position_to_cell(self, position: int) -> int:
        return cell_len(expand_tabs_inline(safe_display(self.value[:position]), 4))


class HookedApp(App[None]):
    """An app told of its first unhandled error, and choosing what is printed about it at exit."""

    def before_crash(self, error: Exception) -> None:
        """The first unhandled error, before Textual starts closing the app. Nothing by default."""

    def exit_line(self, has_error_output: bool) -> str | None:
        """One plain line to print at exit instead of Textual's error output; None keeps Textual's.

        ``has_error_output``: Textual has something to print (a traceback, an exit message).
        """
        return None

    def _handle_exception(self, error: Exception) -> None:
        if self._exception is None:
            self.before_crash(error)
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        pending: list[RenderableType] = self._exit_renderables
        line = self.exit_line(bool(pending))
        if line is None:
            super()._print_error_renderables()
            return
        pending.clear()
        self.error_console.print(line, markup=False, highlight=False)
