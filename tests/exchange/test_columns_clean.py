"""A cell's text made one clean line: control and direction characters out, spaces squeezed, cut at a limit."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from tenfold.domain.text import BIDI_CONTROLS
from tenfold.exchange.columns import clean


def letter_by_letter(text: str, limit: int) -> str:
    """What ``clean`` says, spelt out one letter at a time."""
    kept = "".join(" " if (ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in BIDI_CONTROLS) else c for c in text)
    kept = " ".join(kept.split())
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60), st.integers(1, 80))
@example("Ana\u202eB\u00a0 C\tD\x85E\u2028F", 80)
@example("  two  words ", 5)
def test_clean_is_the_letter_by_letter_rule(text: str, limit: int) -> None:
    assert clean(text, limit) == letter_by_letter(text, limit)
