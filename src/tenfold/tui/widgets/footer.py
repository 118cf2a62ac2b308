"""Textual's footer, composed only when the keys it shows change.

Textual's :class:`~textual.widgets.Footer` starts empty, waits for a first
"bindings changed" signal, and then rebuilds all its keys after every refresh in
which the screen's bindings were touched: every focus change, even one that
leaves the same keys. Each rebuild mounts and styles a widget per key, which was
the largest single cost of the main screen's start-up. This footer
shows the keys from its first compose and rebuilds only when what it would show
differs from what it shows; it looks and behaves exactly like Textual's.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from tenfold.tui.compat import FooterKey, show_footer_keys_now

ESSENTIAL = ("help", "quit_unless_typing")
"""The keys a footer never loses (? and q): when not every key fits, they come first, before the pane's keys."""
PALETTE_WIDTH = 13
"""Cells the palette key takes at the right end."""


class TenfoldFooter(Footer):
    """A footer that shows its keys at once and rebuilds only when they change."""

    def __init__(self) -> None:
        super().__init__()
        show_footer_keys_now(self)
        self._shown: Hashable = None
        self._pending = False

    def compose(self) -> ComposeResult:
        """Textual's keys, remembering which they are.

        Each key bound to the footer's compact state starts in it: Textual's keys start
        compact and are then told the footer's state, restyling each key twice as it
        mounts. The palette key is not bound (it stays compact), so it is left as it is.
        """
        self._shown = self._keys()
        widgets = list(super().compose())
        if self._crowded():  # ? and q first, so the keys cut off at the right edge are the pane's
            widgets.sort(key=lambda w: not (isinstance(w, FooterKey) and w.action in ESSENTIAL))
        for widget in widgets:
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(self.compact, "-compact", update=False)
            yield widget

    def _crowded(self) -> bool:
        """Whether the keys shown take more columns than the terminal has (each is `` k Description ``)."""
        shown = {binding.action: binding for (_, binding, _, _) in self.screen.active_bindings.values()
                 if binding.show}
        needed = sum(len(self.app.get_key_display(b)) + len(b.description) + 3 for b in shown.values())
        return needed + PALETTE_WIDTH > self.app.size.width

    def on_resize(self) -> None:
        """The terminal got narrower or wider: ? and q may have to move to the front, or may go back."""
        if self.is_attached and self._keys() != self._shown:
            self.call_after_refresh(self._rebuild_if_changed)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild after the next refresh (once, however many changes) if the keys differ."""
        if not screen.app.app_focus or self._pending:
            return
        if self.is_attached and screen is self.screen:
            self._pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._pending = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def _keys(self) -> Hashable:
        """What the footer would show: each shown binding, whether it is enabled, its tooltip."""
        active = self.screen.active_bindings
        keys = tuple(
            (binding.key, binding.key_display, binding.action, binding.description, binding.group, enabled, tooltip,
             binding.tooltip)
            for (_, binding, enabled, tooltip) in active.values()
            if binding.show
        )
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            entry = active.get(self.app.COMMAND_PALETTE_BINDING)
            if entry is not None:
                _, binding, enabled, tooltip = entry
                palette = (binding.key, binding.key_display, binding.description, enabled, tooltip, binding.tooltip)
        return keys, palette, self._crowded()
