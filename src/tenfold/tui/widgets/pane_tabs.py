"""The tab bar of narrow terminals: one pane at a time, chosen by number, Tab, or a click.

Imported only when the terminal is narrow (at start or after a resize): a wide
start does not pay for building Textual's tabs.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.message import Message
from textual.widgets import Tab, Tabs

PANE_TITLES = {
    "goal": "1 Written Goal",
    "steps": "2 Eight Steps",
    "ledger": "3 Income Ledger",
    "ideas": "4 Who Do I Deliver Value To?",
}


class PaneTabs(Tabs, can_focus=False):
    """The tab bar shown in narrow terminals; clicking a tab moves to that pane.

    Only clicks move focus: Tabs also announces activations it makes by itself
    (the first tab on mount), which must not pull focus away from where it is.
    """

    @dataclass
    class PaneChosen(Message):
        """The user clicked the tab of ``pane``."""

        pane: str

    @on(Tab.Clicked)
    def _tab_clicked(self, event: Tab.Clicked) -> None:
        """Tell the screen; Textual's own handler (which runs after this one) activates the tab."""
        self.post_message(self.PaneChosen((event.tab.id or "tab-goal").removeprefix("tab-")))


def pane_tabs(active: str) -> PaneTabs:
    """The tab bar, with ``active`` (a pane's name) selected."""
    return PaneTabs(*(Tab(title, id=f"tab-{name}") for name, title in PANE_TITLES.items()),
                    id="pane-tabs", active=f"tab-{active}")
