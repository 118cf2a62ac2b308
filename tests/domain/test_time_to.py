"""How far a goal's deadline is, in words that agree with the number."""

from __future__ import annotations

from datetime import date

import pytest

from tenfold.domain.dates import time_to

TODAY = date(2026, 12, 6)


@pytest.mark.parametrize(("deadline", "words"), [
    (date(2026, 12, 9), "3 days left"),
    (date(2026, 12, 7), "1 day left"),
    (date(2026, 12, 6), "0 days left"),
    (date(2026, 12, 5), "1 day past"),
    (date(2026, 11, 20), "16 days past"),
    (date(2030, 12, 6), "1,461 days left"),
])
def test_the_deadline_in_words(deadline: date, words: str) -> None:
    assert time_to(deadline, TODAY) == words

