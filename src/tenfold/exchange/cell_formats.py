"""The currency an Excel number format shows, so that a cell showing ``£19.99`` is read as pounds.

A workbook keeps a currency cell as the bare number 19.99 and the symbol only in
its format (``"£"#,##0.00``, ``#,##0.00 [$€-407]``, ``[$USD] #,##0.00``). Read
without its format the amount would take the stream's or the goal's currency,
which is silently wrong; with it, the cell reads as the same text a CSV export
would hold (``GBP 19.99``), and what follows reads it like any other amount.
"""

from __future__ import annotations

import re

from tenfold.exchange.parse_money import SYMBOLS

_BRACKET = re.compile(r"\[\$([^\]\-]*)(?:-([0-9A-Fa-f]+))?\]")
"""``[$€-407]``: a symbol or code, then the locale that writes it."""
_QUOTED = re.compile(r'"([^"]*)"|\\(.)')
_DOLLAR_LOCALES = {"409": "USD", "1009": "CAD", "c09": "AUD", "1409": "NZD", "3c09": "HKD", "4809": "SGD",
                   "80a": "MXN"}
"""Locales whose ``$`` is a known dollar: ``[$$-409]`` is the US dollar, ``[$$-C09]`` the Australian."""


def _named(text: str, locale: str = "") -> str | None:
    """The code or ``$`` to write before the number for a symbol or code found in a format."""
    text = text.strip()
    if re.fullmatch(r"[A-Z]{3}", text):
        return text
    if text not in SYMBOLS:
        return None
    code = SYMBOLS[text]
    if code is None and text == "$":
        return _DOLLAR_LOCALES.get(locale.casefold().lstrip("0"), "$")
    return code


def format_currency(number_format: str | None) -> str | None:
    """``GBP`` for ``"£"#,##0.00``; ``$`` for a dollar of no known country; None for a format without money."""
    if not number_format or number_format == "General":
        return None
    section = number_format.split(";", 1)[0]
    for match in _BRACKET.finditer(section):
        found = _named(match.group(1), match.group(2) or "")
        if found:
            return found
    for match in _QUOTED.finditer(section):
        found = _named(match.group(1) or match.group(2))
        if found:
            return found
    bare = _QUOTED.sub("", _BRACKET.sub("", section))
    return next((found for symbol in ("$", "£", "€", "¥") if symbol in bare and (found := _named(symbol))), None)


def with_currency(number: str, number_format: str | None) -> str:
    """``GBP 19.99`` for 19.99 in a pounds format; the number as it is otherwise."""
    currency = format_currency(number_format)
    return f"{currency} {number}" if currency else number
