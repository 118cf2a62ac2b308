"""The private Textual APIs behind tenfold.tui.compat still exist and still do what Tenfold relies on.

If one of these fails after a Textual upgrade, the message names the API; fix
``tenfold/tui/compat.py`` (and only it), not this test.
"""

from __future__ import annotations

import inspect
import io

import pytest
from rich.console import Console
from textual.app import App, ComposeResult
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Footer, Input

from tenfold.tui import compat


def test_the_private_names_still_exist_with_the_shapes_compat_uses() -> None:
    assert issubclass(compat.FooterKey, Widget), "textual.widgets._footer.FooterKey is no longer a widget"
    assert isinstance(vars(compat.FooterKey).get("compact"), Reactive), "FooterKey.compact is no longer a reactive"
    assert isinstance(getattr(Footer, "_bindings_ready", None), Reactive), "Footer._bindings_ready is gone"
    handle = getattr(App, "_handle_exception", None)
    assert handle is not None and list(inspect.signature(handle).parameters) == ["self", "error"], (
        "App._handle_exception(self, error) changed"
    )
    printer = getattr(App, "_print_error_renderables", None)
    assert printer is not None and list(inspect.signature(printer).parameters) == ["self"], (
        "App._print_error_renderables(self) changed"
    )
    assert isinstance(vars(Input).get("_value"), property), "Input._value (the text the line draws) is gone"
    to_cell = getattr(Input, "_position_to_cell", None)
    assert to_cell is not None and list(inspect.signature(to_cell).parameters) == ["self", "position"], (
        "Input._position_to_cell(self, position) changed"
    )
    app = App[None]()
    assert app._exception is None, "App._exception (the first unhandled error) is gone"
    assert app._exit_renderables == [], "App._exit_renderables (printed at exit) is gone"


class Failing(compat.HookedApp):
    """Fails as it mounts; records what the hooks were told."""

    def __init__(self) -> None:
        super().__init__()
        self.crashes: list[str] = []
        self.asked: list[bool] = []

    def compose(self) -> ComposeResult:
        yield Footer()

    def on_mount(self) -> None:
        raise RuntimeError("a bug for the test")

    def before_crash(self, error: Exception) -> None:
        self.crashes.append(str(error))

    def exit_line(self, has_error_output: bool) -> str | None:
        self.asked.append(has_error_output)
        return f"one line (traceback pending: {has_error_output})"


async def test_the_hooks_see_the_first_error_and_replace_the_traceback() -> None:
    app = Failing()
    with pytest.raises(RuntimeError, match="a bug for the test"):
        async with app.run_test():
            pass
    assert app.crashes == ["a bug for the test"], "before_crash runs once, with the first unhandled error"
    assert app.asked[:1] == [True], "at exit, Textual had the traceback to print and asked exit_line first"
    assert app._exit_renderables == [], "and printed exit_line's line instead of it"
    out = io.StringIO()
    app.error_console = Console(file=out, width=200)
    app._print_error_renderables()
    assert out.getvalue() == "one line (traceback pending: False)\n"


async def test_a_footer_marked_ready_shows_its_keys_in_its_first_compose() -> None:
    class One(App[None]):
        BINDINGS = [("z", "bell", "Ring")]

        def compose(self) -> ComposeResult:
            footer = Footer()
            compat.show_footer_keys_now(footer)
            yield footer

    async with One().run_test() as pilot:
        keys = [key.key for key in pilot.app.query(compat.FooterKey)]
        assert "z" in keys, "FooterKey widgets are what the footer shows for each key"


def test_the_open_list_of_a_select_is_still_where_q_is_typed() -> None:
    """q is a letter in an open drop-down list; the app tells it apart by Textual's private SelectOverlay."""
    from textual.widgets import OptionList

    assert issubclass(compat.SelectOverlay, OptionList), "textual.widgets._select.SelectOverlay changed"
