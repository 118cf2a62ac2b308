"""A screen styled once as it mounts, not a second time when Textual shows it.

Textual restyles every widget of a screen when it is pushed (``ScreenResume``
with ``refresh_styles``), though every widget was styled as it mounted and
nothing has changed since: a form or the today card opened a good part slower
(a quarter of the goal form's opening). Later shows are left as Textual makes
them.
"""

from __future__ import annotations

from textual import events


class StyledOnce:
    """Mix into a :class:`~textual.screen.Screen` before it; Textual finds the handler through the class's MRO."""

    _shown_once = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """First show: the widgets were styled as they mounted, so the resume does not style them again."""
        if not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False
