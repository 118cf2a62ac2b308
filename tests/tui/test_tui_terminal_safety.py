"""Text that holds terminal control codes is drawn as visible symbols, never sent to the terminal as it is.

A stream named ``ab`` ESC ``[2J`` (pasted, imported, or written by another program)
cleared the terminal and coloured it when the payment form listed the streams, and
a note holding ESC ``[31m`` turned the rest of its form red when it was edited:
Textual's Select, Input, TextArea, the delete question and the toasts drew the
text as it is. What is stored stays as it was typed.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from textual.widgets import TextArea
from tui_support import TODAY, open_store, reopen, running

from tenfold.domain.goal import Goal
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.streams import Stream

CODES = "ab\x1b[2J\x1b[41mZZ\x07cd"
"""Clear the screen, a red background, a bell."""


def raw_controls(svg: str) -> list[str]:
    """Control characters in the picture of the screen (the picture holds what the terminal would get)."""
    return sorted({hex(ord(c)) for c in svg if ord(c) < 0x20 and c != "\n"})


async def test_names_notes_and_entries_with_control_codes_never_reach_the_terminal(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    with open_store(db) as store:
        store.set_goal(Goal("Ebooks pay the rent", Decimal("1500.00"), "EUR", date(2027, 12, 31), TODAY))
        odd = store.add_stream(Stream(0, CODES, "other", "passive", "EUR"))
        store.add_payment(Payment(0, odd.id, date(2026, 11, 3), Decimal("5.00"), CODES, customer=CODES))
        store.add_idea(Idea(0, CODES, CODES, CODES, CODES, TODAY))
    seen: dict[str, list[str]] = {}
    async with running(db) as t:
        for name, keys in {
            "payment form's list of streams": ("3", "a"),
            "stream form": ("escape", "escape", "3", "e"),
            "payment form": ("escape", "escape", "3", "tab", "e"),
            "payment's delete question": ("escape", "escape", "3", "tab", "d"),
            "entry form": ("n", "4", "e"),
            "entry's delete question": ("escape", "escape", "4", "d"),
        }.items():
            await t.press(*keys)
            seen[name] = raw_controls(t.app.export_screenshot())
        await t.press("n", "3", "shift+tab", "d", "y")  # the stream goes; the toast names it
        toast = t.notifications()[-1]
        await t.press("2", "n")
        t.app.screen.query_one("#step-notes", TextArea).insert(CODES)
        await t.settle()
        seen["step notes"] = raw_controls(t.app.export_screenshot())
        await t.press("escape")  # leaving the notes saves them
    assert seen == {name: [] for name in seen}
    assert toast == "Deleted ab␛[2J␛[41mZZ␇cd", "the toast shows the codes as symbols"
    with reopen(db) as store:
        assert store.ideas()[0].who == CODES, "what is stored stays as it was"
        assert store.steps()[0].notes == CODES
