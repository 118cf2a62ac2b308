"""Keys typed right behind a key that opens a form wait for that form.

Textual hands each key to the focused widget as it comes in; the binding runs
when the key comes back up to the app, and a form opens one message later. Keys
that arrived in the same burst (a fast typist, a paste, a busy machine) were by
then handed to the widget that had the focus before: ``wRoyalties`` lost the
goal's first word, and letters in it ran the main screen's keys (``t`` opened
the today card over the form).

The keys typed behind a key that a text field binds (ctrl+u, backspace, home)
wait the same way: that binding, too, runs only when the key is back at the app,
and ``ctrl+u 2028`` typed in one burst left the field empty.

So when a key's binding is one declared with ``opens=True``
(:class:`tenfold.tui.keys.Key`), the gate holds the keys behind it until the
focus has moved (a form's first field, a text line, another pane) or a new
screen is up, and then hands them on in the order they were typed, as if they
had come in then. If nothing opens (an edit with nothing selected, the number of
the pane already in use), they go on once the opening key's messages have all
been handled, as a callback sent along the same widgets tells (:meth:`KeyGate.bound`);
after :data:`LONGEST` seconds at the latest.

A paste that comes behind such a key waits with the keys, in its place among them:
``s`` and a name pasted at once gave the paste to the ledger's table, which dropped it.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget

from tenfold.tui.keys import OPENING

LONGEST = 2.0
"""Seconds the held keys wait at most: a last resort for a key a widget keeps to itself (its binding never
runs, so nothing says it is done). A busy machine can take a good part of a second to open a form."""


class KeyGate:
    """Holds the keys typed behind an opening key; the app passes every key from the terminal through it."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self._held: list[events.Key | events.Paste] | None = None
        self._screen: Screen[Any] | None = None
        self._focused: Widget | None = None
        self._timer: Timer | None = None
        self.opener: events.Key | None = None
        """The key the gate holds the others for."""
        self._opening_keys = frozenset(key for key, _ in OPENING)
        self._hold = 0
        """Counts the holds: a callback meant to end one hold leaves a later one alone."""

    def start(self) -> None:
        """Listen for new screens (once the app runs: Textual's signals need a running node)."""
        self.app.screen_change_signal.subscribe(self.app, self._screen_changed)

    @property
    def holding(self) -> bool:
        """Whether keys are waiting for a form to open."""
        return self._held is not None

    def admit(self, event: events.Key) -> bool:
        """Whether the app handles this key now; False when the gate keeps it for later."""
        if self._held is not None:
            self._held.append(events.Key(event.key, event.character))
            return False
        if self._opens(event.key):
            self._begin(event)
        elif not event.is_printable and self._field_binding(event.key):
            # Held until the key has been through the field and up to the app, whose
            # binding then edits the field: a callback sent along behind it says so
            # even when a widget keeps the key to itself.
            self._begin(None)
            self.app.call_later(self.bound)
        return True

    def admit_paste(self, event: events.Paste) -> bool:
        """Whether the app hands this paste on now; False when it waits behind held keys, in its turn."""
        if self._held is None:
            return True
        self._held.append(events.Paste(event.text))
        return False

    def _begin(self, opener: events.Key | None) -> None:
        """Hold the keys from now on, for ``opener`` (None: a key a text field binds)."""
        self._held = []
        self._hold += 1
        self.opener = opener
        self._screen, self._focused = self.app.screen, self.app.focused
        self._timer = self.app.set_timer(LONGEST, self.release)

    def _field_binding(self, key: str) -> bool:
        """Whether ``key``, typed in a text field, runs one of the field's own bindings (ctrl+u, backspace, home).

        Such a binding runs only when the key is back up at the app; characters typed
        behind it would reach the field first. A form's keys (esc, ctrl+s) are left as
        they were: what they open or close moves the focus, which the gate follows anyway.
        """
        from textual.widgets import Input, TextArea

        focused = self.app.focused if self.app.screen_stack else None
        if not isinstance(focused, Input | TextArea):
            return False
        active = self.app.screen.active_bindings.get(key)
        return active is not None and active.node is focused and not active.binding.priority

    def _opens(self, key: str) -> bool:
        """Whether ``key`` runs an opening binding where the focus is (not typed into a text field)."""
        if key not in self._opening_keys or not self.app.screen_stack:  # most keys: one set lookup
            return False
        from textual.widgets import Input, TextArea  # imported when an opening key is pressed, not at start-up

        if isinstance(self.app.focused, Input | TextArea):
            return False
        active = self.app.screen.active_bindings.get(key)
        return active is not None and (key, active.binding.action) in OPENING

    def bound(self) -> None:
        """The opening key's binding has run (the app calls this once it has handled the key).

        What the binding started may still be on its way up as messages, from the
        focused widget to the screen, which opens the form. A callback sent along
        the same widgets arrives after those messages: if by then no screen has
        opened, nothing will, and the held keys go on.
        """
        self.opener = None
        start = self._focused or self._screen
        path: list[MessagePump] = list(start.ancestors_with_self) if start is not None else []
        self._follow([node for node in path if node is not self.app], self._hold)

    def _follow(self, path: list[MessagePump], hold: int) -> None:
        if not path:
            self.app.call_later(self._settle, hold)
            return
        head, *rest = path
        head.call_later(self._follow, rest, hold)

    async def _settle(self, hold: int) -> None:
        if self._held is not None and self.app.screen_stack and self.app.screen is self._screen:
            await self._release(hold)

    async def _release(self, hold: int) -> None:
        """Release the keys if they are still held for the hold numbered ``hold``.

        A held key handed on may start a hold of its own; a callback on its way for
        the earlier hold would otherwise release the keys behind the new one too soon.
        """
        if hold == self._hold:
            await self.release()

    def focus_moved(self) -> None:
        """A widget took the focus (the app tells the gate of each): the held keys go to it.

        While the app closes its last screen a blur still arrives with no screen left
        to ask for the focus: nothing is held for then. Nor when the opening key closed
        its screen: the focus coming back to the screen beneath is no answer yet
        (:meth:`_screen_changed`). Nor before the opening key came back to the app: a
        focus asked for earlier (a screen just opened focusing its first line) is no
        answer to it; what the key's binding focuses is found by :meth:`bound` then.
        """
        if (self._held is not None and self.opener is None and self.app.screen_stack
                and self.app.focused is not self._focused and self._screen in self.app.screen_stack):
            self.app.call_later(self._release, self._hold)

    def _screen_changed(self, screen: Screen[Any]) -> None:
        """A new screen is up: once it has mounted (and focused its first field), the held keys go to it.

        When the opening key closed its own screen (``w`` on the today card), the screen
        now shown is the one beneath, and what the closed screen was dismissed with
        opens the form from a callback on that screen, a message later: the keys wait
        for it as for a binding's messages (:meth:`bound`), then go to the form, or to
        the screen if nothing opened.
        """
        if self._held is None or screen is self._screen:
            return
        if self._screen is not None and self._screen not in self.app.screen_stack:
            self._screen, self._focused = screen, screen.focused
            self._follow([screen], self._hold)
            return
        screen.call_later(self.app.call_later, self._release, self._hold)

    async def release(self) -> None:
        """Hand the held keys on, oldest first, through the app's own handling of a typed key.

        A held key may itself open something: the keys behind it are then held again.
        """
        held, self._held = self._held, None
        self.opener = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        for event in held or ():
            if not self.app.screen_stack:  # the app is closing: there is nobody left to type to
                return
            await self.app.on_event(event)
