"""While the app closes its last screen, focus and key events still arrive: the gate must not fail on them.

Seen in full runs under load: a blur at shutdown reached ``KeyGate.focus_moved``,
which asked for the focused widget with no screen left on the stack
(``ScreenStackError``), and the app wrote a crash log on its way out.
"""

from __future__ import annotations

from textual import events
from textual.app import App

from tenfold.tui.key_gate import KeyGate
from tenfold.tui.keys import OPENING


async def test_focus_and_keys_with_no_screen_left_are_let_go() -> None:
    app: App[None] = App()  # never run: no screen on its stack, as at the end of a shutdown
    gate = KeyGate(app)
    key = next(iter(OPENING))[0]
    assert gate.admit(events.Key(key, None)) and not gate.holding  # nothing is held with no screen to open on
    gate._held = [events.Key(key, None), events.Paste("x")]  # keys and a paste held when the last screen went
    gate.focus_moved()
    await gate._settle(gate._hold)
    await gate.release()
    assert not gate.holding
