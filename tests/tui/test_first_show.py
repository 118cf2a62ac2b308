"""Forms and the today card are styled once when they open, not a second time as they show.

Textual restyles a whole screen when it is pushed, a second pass over widgets
styled as they mounted (:class:`tenfold.tui.screens.first_show.StyledOnce`). The
looks are the snapshots' business (the goal, payment and idea forms and the card
at both sizes); these tests check that the second pass is gone.
"""

from __future__ import annotations

from pathlib import Path

from textual.dom import DOMNode
from textual.screen import Screen
from tui_support import Running, launched, running, until

from tenfold.tui.dialogs.forms import GoalForm
from tenfold.tui.screens.today import TodayScreen


def restyled_screens(t: Running) -> list[Screen[object]]:
    """Record every screen the app restyles whole from now on (Textual's ``App.update_styles``)."""
    app = t.app
    seen: list[Screen[object]] = []
    update = app.update_styles

    def recording(node: DOMNode, animate: bool = True) -> None:
        if isinstance(node, Screen):
            seen.append(node)
        update(node, animate)

    app.update_styles = recording  # type: ignore[method-assign]
    return seen


async def test_a_form_is_styled_as_it_mounts_and_not_again_when_it_shows(tmp_path: Path) -> None:
    async with running(tmp_path / "t.json") as t:
        seen = restyled_screens(t)
        await t.press("w")
        assert isinstance(t.form, GoalForm)
        assert t.form.query_one("#field-text").has_focus
        assert not [s for s in seen if isinstance(s, GoalForm)], "the form was styled a second time"


async def test_the_launch_card_is_styled_once(tmp_path: Path) -> None:
    async with launched(tmp_path / "t.json", show_today=False) as t:
        seen = restyled_screens(t)
        await t.press("t")
        await until(t, lambda: isinstance(t.app.screen, TodayScreen))
        assert not [s for s in seen if isinstance(s, TodayScreen)], "the card was styled a second time"


def restyled_nodes(t: Running) -> list[DOMNode]:
    """Record every node the app restyles with all it holds from now on (Textual's ``App.update_styles``)."""
    app = t.app
    seen: list[DOMNode] = []
    update = app.update_styles

    def recording(node: DOMNode, animate: bool = True) -> None:
        seen.append(node)
        update(node, animate)

    app.update_styles = recording  # type: ignore[method-assign]
    return seen


async def test_a_form_opens_with_the_focus_in_its_first_field_not_passed_on_from_its_frame(tmp_path: Path) -> None:
    """The focus lands in the field the form starts in as it mounts: the form's frame (which scrolls, so takes
    the focus by default) never has it, and is not restyled with every field in it on taking and losing it."""
    async with running(tmp_path / "t.json") as t:
        seen = restyled_nodes(t)
        await t.press("w")
        assert isinstance(t.form, GoalForm)
        frame = t.form.query_one("#dialog")
        assert t.form.query_one("#field-text").has_focus
        assert frame not in seen, "the form's frame took the focus first"
