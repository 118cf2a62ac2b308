"""Free text typed by people: kept exactly, refused only when it cannot be stored.

Emoji, right-to-left scripts and long lines are kept as typed. Text that cannot be
encoded as UTF-8 (lone surrogates) or holds NUL is refused with a message, because
it would not survive a round trip through the data file.
"""

from __future__ import annotations

import unicodedata

from tenfold.domain.errors import FieldError

MAX_TEXT = 100_000
"""Longest free text we accept in one field: a long essay, not a pasted file."""


def clean_text(text: str, field: str, *, required: bool = False, single_line: bool = False) -> str:
    """Validate free text; return it unchanged (single-line fields are stripped)."""
    value = text.strip() if single_line else text
    if required and not value.strip():
        raise FieldError(field, f"The {field.replace('_', ' ')} cannot be empty")
    if len(value) > MAX_TEXT:
        raise FieldError(field, f"Too long: at most {MAX_TEXT:,} characters")
    if "\x00" in value:
        raise FieldError(field, "Contains a NUL character, which cannot be saved")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise FieldError(field, "Contains characters that cannot be saved as UTF-8") from None
    if single_line and ("\n" in value or "\r" in value):
        raise FieldError(field, "Must be a single line")
    return value


def look_alike_key(name: str) -> str:
    """What a name looks like on screen, for telling two names apart: case, width and spacing left out.

    ``Blog ads`` with a no-break space, a zero-width space or two spaces reads as
    ``Blog ads`` in every list; so does ``ＢＬＯＧ ads`` in full-width letters. Invisible
    format characters go, runs of any space become one, compatibility forms (NFKC)
    become the plain letter, and the case is folded.
    """
    shown = "".join(ch for ch in unicodedata.normalize("NFKC", name) if unicodedata.category(ch) != "Cf")
    return " ".join(shown.split()).casefold()


BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Invisible direction overrides: kept in the data, but shown as a visible mark."""


def safe_display(text: str) -> str:
    """Show control characters as visible symbols so they never break the screen.

    Right-to-left scripts display as themselves; only the invisible controls that
    could reorder the rest of a line are replaced.
    """
    out = []
    for ch in text:
        code = ord(ch)
        if ch in BIDI_CONTROLS:
            out.append("\ufffd")
        elif ch in "\n\t":
            out.append(ch)
        elif code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7F:
            out.append("\u2421")
        elif 0x80 <= code < 0xA0:
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def count_of(n: int, noun: str) -> str:
    """``1 stream``, ``2 streams``, ``1,000 payments``: a count with its noun in the right number."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def ascii_number(text: str) -> int | None:
    """The whole number ``text`` writes in the digits 0 to 9, or None for anything else.

    ``str.isdigit`` also takes ``²``, which ``int`` then refuses, and ``int`` takes
    ``٣`` and ``３``; amounts refuse all three, so every other number typed does too.
    """
    return int(text) if text.isascii() and text.isdigit() else None
