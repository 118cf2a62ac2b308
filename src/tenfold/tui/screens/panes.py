"""The four panes' layout: a 2x2 grid, or tabs on small terminals; moving between panes.

:class:`PanesScreen` knows nothing of the data: it lays the panes out, keeps the
``-active`` pane in step with the focus, and styles itself once at start-up.
:class:`~tenfold.tui.screens.main.MainScreen` builds on it with the store, the
handlers, and the data it hands the panes.
"""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import UPDATE_PERIOD, Screen
from textual.widget import Widget
from textual.widgets import Header

from tenfold.tui.widgets.goal_pane import GoalPane
from tenfold.tui.widgets.ideas_pane import IdeasPane
from tenfold.tui.widgets.ledger_pane import LedgerPane
from tenfold.tui.widgets.pane import Pane
from tenfold.tui.widgets.steps_pane import StepsPane

if TYPE_CHECKING:
    from tenfold.tui.widgets.pane_tabs import PaneTabs

PANES = ("goal", "steps", "ledger", "ideas")
NARROW_WIDTH = 100
NARROW_HEIGHT = 30
"""Below either size the panes become tabs, one shown at a time, each at full size."""


def is_narrow(width: int, height: int) -> bool:
    """Whether a terminal of this size shows the panes as tabs."""
    return width < NARROW_WIDTH or height < NARROW_HEIGHT


class PanesScreen(Screen[None]):
    """Header, tab bar (narrow terminals only) and the four panes; ``active_pane`` is the one in use."""

    def __init__(self) -> None:
        super().__init__()
        self.active_pane = "goal"
        self._shown_once = False
        self._drawn_at = 0.0
        """When the screen last drew its changes (``monotonic``)."""
        self._back = False
        """A dialog was over the screen since its own last frame: the next waits for the timer (:meth:`_on_idle`)."""

    def _on_timer_update(self) -> None:
        """Textual's frame: lay out and draw what changed; the time is kept for :meth:`_on_idle`."""
        self._drawn_at = monotonic()
        if self.app.screen is self:  # not drawn under a dialog (``is_current`` is true then too)
            self._back = False
        super()._on_timer_update()

    async def _on_idle(self, event: events.Idle) -> None:
        """Draw a key's effect as soon as the key is handled, unless a frame was drawn less than a frame ago.

        Textual draws on a timer that ticks at fixed times, 60 a second: a key handled
        between two ticks waited for the next one, up to a frame, before anything
        showed. When the screen has not drawn for a frame, drawing at once keeps the
        same limit of 60 frames a second and takes that wait off the key.

        Not the first frame after a dialog closes: what the dialog changed (a payment
        saved) is shown by a callback that runs after the screen is back, and a frame
        drawn before it would show the screen as it was.
        """
        dirty = (self._layout_required or self._scroll_required or self._repaint_required
                 or self._recompose_required or bool(self._dirty_widgets))
        if (dirty and not self._back and self.is_current and not self.app._batch_count
                and monotonic() - self._drawn_at >= UPDATE_PERIOD):
            self._on_timer_update()
        await super()._on_idle(event)

    def first_pane(self) -> str:
        """The pane that has focus when the screen opens."""
        return "goal"

    def compose(self) -> ComposeResult:
        """Header, tab bar (narrow terminals only), the panes; the footer comes in :meth:`on_mount`.

        The screen's size class and the first pane's ``-active`` are set before the
        panes are styled, so start-up styles each widget once instead of again after
        mount; the tab bar is built only when the terminal is narrow.
        """
        self.active_pane = self.first_pane()
        self._shown_once = False
        narrow = is_narrow(self.app.size.width, self.app.size.height)
        self.set_class(narrow, "-narrow")
        yield Header(icon="×10")
        if narrow:
            yield self._pane_tabs()
        active = {name: f"{Pane.DEFAULT_CLASSES} -active" if name == self.active_pane else None for name in PANES}
        with Container(id="panes"):
            yield GoalPane(id="goal", classes=active["goal"])
            yield StepsPane(id="steps", classes=active["steps"])
            yield LedgerPane(id="ledger", classes=active["ledger"])
            yield IdeasPane(id="ideas", classes=active["ideas"])

    def _pane_tabs(self) -> Widget:
        from tenfold.tui.widgets.pane_tabs import pane_tabs  # only narrow terminals have tabs

        return pane_tabs(self.active_pane)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Shown for the first time: every widget was styled as it mounted, so skip Textual's second pass.

        Textual restyles the whole screen whenever it is shown; the first time, right
        after mounting, that would style all of it twice and slow the first paint.
        Later returns (from a dialog) are restyled as Textual does.
        """
        if not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False

    def on_screen_suspend(self) -> None:
        """A dialog opens over the screen: the first frame after it closes waits for the timer (:meth:`_on_idle`)."""
        self._back = True

    def dialog_answered(self) -> None:
        """The dialog's answer is shown (its callback ran): the next frame need not wait for the timer.

        Safe before the screen is back too: the dialog was popped, and its
        ``ScreenResume`` queued here, before any callback runs, so this screen's
        next idle comes after the resume has asked for the whole screen again.
        """
        self._back = False

    def on_resize(self, event: events.Resize) -> None:
        """Switch between the 2x2 grid and tabs."""
        self._apply_size(event.size.width, event.size.height)

    def _apply_size(self, width: int, height: int) -> None:
        narrow = is_narrow(width, height)
        if narrow and not self.query("#pane-tabs"):
            self.mount(self._pane_tabs(), before="#panes")  # the terminal became narrow
        self.set_class(narrow, "-narrow")

    def _set_active(self, pane: str) -> None:
        self.active_pane = pane
        zoomed = self.has_class("-zoomed")
        for name in PANES:
            widget = self.query_one(f"#{name}", Pane)
            widget.set_class(name == pane, "-active")
            widget.show_zoomed(zoomed and name == pane)
        # The row holding the active pane gets the room (the bottom one three quarters: its lists grow for years).
        self.query_one("#panes").set_class(pane in ("ledger", "ideas"), "-bottom")
        found = self.query("#pane-tabs")  # none while the terminal has always been wide
        if found:
            from tenfold.tui.widgets.pane_tabs import PaneTabs

            for tabs in found.results(PaneTabs):
                if tabs.active != f"tab-{pane}":
                    tabs.active = f"tab-{pane}"

    def action_zoom(self) -> None:
        """Show the active pane alone at full size, or all four again (z)."""
        self.toggle_class("-zoomed")
        self._set_active(self.active_pane)
        self._focus_main(self.query_one(f"#{self.active_pane}", Pane).main_widget(), attempts=5)

    def action_focus_pane(self, pane: str) -> None:
        """Show (in narrow terminals) and focus a pane."""
        self._set_active(pane)
        self._focus_main(self.query_one(f"#{pane}", Pane).main_widget(), attempts=5)

    def _focus_main(self, widget: Widget, attempts: int) -> None:
        """Focus a pane's main widget as soon as it can take focus.

        In narrow terminals the pane was hidden until a moment ago, and Textual
        drops focus from widgets being hidden, so wait for the refresh that shows
        it (a few at most) and set the focus directly.
        """
        if self.focused is widget:
            return
        if widget.focusable:
            self.set_focus(widget)
        if attempts > 0:
            self.call_after_refresh(self._focus_main, widget, attempts - 1)

    def action_next_pane(self, step: int) -> None:
        """Cycle through the panes."""
        index = (PANES.index(self.active_pane) + step) % len(PANES)
        self.action_focus_pane(PANES[index])

    @on(events.DescendantFocus)
    def _follow_focus(self, event: events.DescendantFocus) -> None:
        """Whichever pane holds the focus is the active one.

        The pane of the widget focused now, not of the one the event names: after
        quick focus changes (Tab twice in a burst) the widgets' focus events can
        arrive in any order, and the last one need not be the focused widget's.
        """
        focused = self.focused
        if focused is None:
            return
        for ancestor in focused.ancestors_with_self:
            if isinstance(ancestor, Pane) and ancestor.id in PANES:
                if ancestor.id != self.active_pane or not ancestor.has_class("-active"):
                    self._set_active(ancestor.id)
                return

    def on_pane_tabs_pane_chosen(self, event: PaneTabs.PaneChosen) -> None:
        """A click on a tab moves to that pane."""
        self.action_focus_pane(event.pane)
