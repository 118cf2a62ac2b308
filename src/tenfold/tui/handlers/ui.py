"""What the handlers need from the screen, as protocols the main screen satisfies.

Each handler declares only what it calls; the type checker then checks the main
screen against each of them where it builds the handlers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

R = TypeVar("R")


class Host(Protocol):
    """Tell the user something; open a screen or dialog over the main screen."""

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A toast. Messages name what the user typed, so they are plain text (``markup`` False)."""
        ...

    def open_screen(self, screen: Screen[R], callback: Callable[[R | None], None] | None = None) -> None:
        """Push ``screen``; ``callback`` gets what it is dismissed with."""
        ...


class Poster(Protocol):
    """Where a screen over the main screen sends its messages (they do not bubble across screens)."""

    def post_message(self, message: Message) -> bool:
        """Queue ``message``; safe from any thread."""
        ...
