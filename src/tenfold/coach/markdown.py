"""Plain text that is also Markdown: escaped user text and tables padded to line up unrendered.

The review is read both ways - as raw text in a terminal and rendered in a
Markdown viewer - so its tables are padded to equal widths (counting wide
characters as two cells) and user text can never turn into markup.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from tenfold.domain.text import safe_display

LIST_LIMIT = 15
"""Longest list the review prints; the rest is counted, so a busy week stays readable."""

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def md(text: str) -> str:
    """User text made safe inside a Markdown line or table cell: one line, no markup, no control characters."""
    return " ".join(safe_display(text).split()).translate(_SPECIAL)


def _width(text: str) -> int:
    """Terminal cells a string takes, so padded tables line up with wide characters too."""
    return sum(
        0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text
    )


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    """A Markdown table whose columns are padded to line up as plain text; ``right`` columns align right."""
    widths = [max(3, _width(h), *(_width(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        padded = [
            " " * (w - _width(c)) + c if i in right else c + " " * (w - _width(c))
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = ["-" * (w - 1) + ":" if i in right else "-" * w for i, w in enumerate(widths)]
    return [line(headers), "| " + " | ".join(rule) + " |", *(line(r) for r in rows)]


def limited(lines: list[str], what: str) -> list[str]:
    """At most :data:`LIST_LIMIT` lines, then one saying how many more there are."""
    if len(lines) <= LIST_LIMIT:
        return lines
    return [*lines[:LIST_LIMIT], f"- … and {len(lines) - LIST_LIMIT} more {what}"]
