"""Text cells in the CSV we write, kept inert in a spreadsheet and read back exactly.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
(a tab or carriage return first can hide one), so a stream, note or customer typed
as ``=HYPERLINK(...)`` would act when the export is opened. OWASP's advice is to
prefix such a cell with a single quote, which spreadsheets show as text.

For ``tenfold import`` to read such a file back to the same text, the quote must
be recognised and taken off; so a text that itself starts with quotes followed by
one of those characters (``'=x``) gets one more quote, and exactly one is ever
taken off. Only text columns go through here: amounts and dates are numbers, and
a negative amount must stay a number.

It lives in the domain, below both the report (CSV report) and the exchange
layer (CSV export and import), which both need it.
"""

from __future__ import annotations

FORMULA_STARTS = frozenset("=+-@\t\r")
"""First characters that make a spreadsheet read a cell as a formula."""

QUOTE = "'"

def _needs_quote(text: str) -> bool:
    """Whether ``text``, once any leading quotes are skipped, starts like a formula."""
    return text.lstrip(QUOTE)[:1] in FORMULA_STARTS  # "" (all quotes, or empty) is in no set of characters


def neutralise(text: str) -> str:
    """The cell to write for ``text``: prefixed with a quote when a spreadsheet would run it."""
    return QUOTE + text if _needs_quote(text) else text


def unneutralise(cell: str) -> str:
    """The text a cell written by :func:`neutralise` holds: exactly its added quote taken off."""
    return cell[1:] if cell.startswith(QUOTE) and _needs_quote(cell[1:]) else cell
