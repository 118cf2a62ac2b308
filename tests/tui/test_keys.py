"""Each key is declared once (tenfold.tui.keys), and every action is reachable from keys, help and palette.

Checked on the running app, not on the declarations alone: the bindings Textual
really has on each widget of the main screen, the rows the help screen really
shows, the entries the palette really offers.
"""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Static
from tui_support import running

from tenfold.tui.keys import COMMANDS, HELP_NOTES, LEAVE_FIELD, STEP_COMMANDS, Command, Key, key_name
from tenfold.tui.screens.help import HelpScreen


def live_bindings(nodes: list[DOMNode]) -> list[tuple[DOMNode, Binding]]:
    """Every binding Textual holds on these nodes."""
    return [(node, b) for node in nodes for bs in node._bindings.key_to_bindings.values() for b in bs]


def bound(key: Key, found: list[tuple[DOMNode, Binding]]) -> list[DOMNode]:
    """The nodes where each of ``key``'s keys is bound to its action, with its label and footer flag."""
    wanted = set(key.keys.split(","))
    nodes = [node for node, b in found
             if b.key in wanted and b.action == key.action and b.description == key.description
             and b.show == key.show and b.priority == key.priority]
    return nodes


def action_exists(node: DOMNode, action: str) -> bool:
    """Whether ``action`` ("name(args)" or "screen.name") names an ``action_*`` method where it runs."""
    namespace, _, name = action.rpartition(".")
    target: DOMNode = node.screen if namespace == "screen" else node.app if namespace == "app" else node
    return callable(getattr(target, f"action_{name.split('(')[0]}", None))


async def test_every_action_is_reachable_by_key_help_and_palette(tmp_path: Path) -> None:
    async with running(tmp_path / "t.json") as t:
        main = t.app.main_screen
        await t.press("3", "slash", "escape")  # the filter line is built when first opened
        nodes: list[DOMNode] = [t.app, main, *main.query("*")]
        found = live_bindings(nodes)
        palette = {c.title: c for c in t.app.get_system_commands(main)}
        await t.press("question_mark")
        help_screen = t.app.screen
        assert isinstance(help_screen, HelpScreen)
        tables = [s.content for s in help_screen.query(Static) if isinstance(s.content, Table)]
        keys_col, titles_col = ([str(c) for c in tables[0].columns[i].cells] for i in (0, 1))
        help_rows = dict(zip(titles_col, keys_col, strict=True))

        for command in COMMANDS:
            # Help: a row with the command's title and exactly the keys that are bound for it.
            assert help_rows.get(command.title) == command.key, command.title
            # Palette: a Tenfold entry, or Textual's own (Quit), whose action is on the main screen.
            assert command.title in palette, command.title
            if command.in_palette:
                assert action_exists(main, command.action), command.action
                # The palette names the keys that do it elsewhere, and no key for a palette-only command.
                said = str(palette[command.title].help)
                assert said.endswith(f"[{command.key}]") == bool(command.keys or command.also), said
            # Keys: each is bound on a live widget, to an action that widget (or its screen) has.
            for key in command.keys:
                where = bound(key, found)
                assert where, f"{command.title}: {key.keys} is not bound"
                assert all(action_exists(node, key.action) for node in where), key.action
            assert command.keys or command.also or command.in_palette, f"{command.title} cannot be reached"
        for note in HELP_NOTES:
            assert help_rows.get(note.title) == note.key

        # The footer shows only keys that belong to a command (the help and palette name them),
        # and the esc that leaves a pane's text field (which the help's "Next pane" row names).
        assert all(bound(key, found) for key in LEAVE_FIELD)
        command_keys = {k for c in COMMANDS for k in c.keys} | set(LEAVE_FIELD)
        shown = [(node, b) for node, b in found if b.show and node is not help_screen]
        strays = [(node, b.key) for node, b in shown
                  if not any(b.key in k.keys.split(",") and b.action == k.action for k in command_keys)]
        assert strays == []
        # Every step has its palette entry, ticking it by the same key.
        assert all(c.title in palette and c.key == key_name("space") for c in STEP_COMMANDS)


def test_help_names_only_keys_that_are_bound() -> None:
    """A key's ``names`` (what the help writes) picks among its bound keys; it can never name another."""
    keys = {k for c in (*COMMANDS, *HELP_NOTES, *STEP_COMMANDS) for k in c.keys}
    for key in keys:
        bound_keys = {key_name(k) for k in key.keys.split(",")}
        assert set(key.named()) <= bound_keys, key


def test_a_command_without_keys_says_ctrl_p() -> None:
    review = next(c for c in COMMANDS if c.action == "review('week')")
    assert review.key == "ctrl+p"
    assert Command("x", "", "anywhere", "x", also=("Tab",)).key == "Tab"
