"""Questions a file leaves open that no guess should answer.

The any-CSV profile reads a negative amount as a refund: right for a shop's
sales, wrong for a bank's download that no bank profile knows, where it is
money paid out (the rent, counted against income). When the file says nothing
either way (no product column, no fee, gross, type or refund column: just
dates, names and signed amounts) and the user named no profile, its negative
rows are a question for the user.
"""

from __future__ import annotations

from tenfold.exchange.csvmapping import Problem
from tenfold.exchange.extraction import Extraction, Options
from tenfold.exchange.profiles.base import REFUND

TELLING = ("stream", "gross", "fee", "type", "refund_of", "status", "units")
"""Columns that show a file is a platform's sales (then a negative row is a refund)."""


def negatives_question(extraction: Extraction, options: Options) -> Problem | None:
    """The question to ask about a file's negative rows, or None when the file or the user has answered it."""
    if extraction.profile.name != "tenfold" or options.profile:
        return None
    if any(f in part.columns for part in extraction.layout.parts for f in TELLING):
        return None
    refunds = [e for e in extraction.entries if e.kind == REFUND]
    if not refunds:
        return None
    first = refunds[0]
    others = f" (and {len(refunds) - 1} more)" if len(refunds) > 1 else ""
    return Problem(first.line, f"{first.amount:f} is negative{others}, and the file does not say whether that is a "
                               "refund you gave or money you paid out: for a bank's file add --profile bank "
                               "(money out is skipped), for sales add --profile tenfold (refunds count against "
                               "income)")
