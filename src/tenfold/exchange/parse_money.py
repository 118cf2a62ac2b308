"""Money as files from platforms and banks write it, read exactly (Decimal, never float).

Sources write amounts for people to read: ``$1,234.56``, ``-$45.00``,
``($120.00)``, ``€24.00``, ``1.234,56``, ``50,00-``, ``USD 12.00``, ``12.345``
(an estimate to a tenth of a cent), ``₹1,23,456.78`` (Indian grouping). :func:`parse_money` takes them apart:
the sign (a leading or trailing minus, a Unicode minus, parentheses), the
currency (a symbol or an ISO code before or after the number) and the number,
whose decimal mark is either given (``decimal_comma``) or read from the text
when the text settles it.

One mark that could be either (``1,234`` or ``1.234``: a single separator
followed by exactly three digits) is left undecided per value; a whole column
settles it (:class:`MoneyColumn`): any value in it that shows its decimal mark
(``12,50``, ``1.234,56``) decides for every other. A column with no such value
falls back to the file's convention (a profile, ``--decimal-comma``), and
otherwise reads the mark as a thousands separator, as the English-language
exports that use it do.

Rounding rule: an amount with more decimals than its currency has (``12.345``
USD, ``1.5`` JPY) is rounded to the currency's minor unit **half to even**
(``12.345`` -> ``12.34``, ``12.355`` -> ``12.36``), the rule accountants use so
that rounding many estimates does not drift upward.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from tenfold.domain.money import MAX_AMOUNT

ZERO_DECIMALS = frozenset(
    ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF",
     "XOF", "XPF"]
)
THREE_DECIMALS = frozenset(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"])

SYMBOLS: dict[str, str | None] = {
    "US$": "USD", "U$S": "USD", "CA$": "CAD", "C$": "CAD", "AU$": "AUD", "A$": "AUD", "NZ$": "NZD",
    "MX$": "MXN", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "￥": "JPY",
    "₹": "INR", "₩": "KRW", "₺": "TRY", "₽": "RUB", "₪": "ILS", "฿": "THB", "zł": "PLN", "Kč": "CZK",
    "₫": "VND", "₱": "PHP", "Fr.": "CHF", "$": None, "kr": None, "kr.": None,
}
"""Symbols and the currency each means; ``$`` and ``kr`` name several, so they say nothing."""

_SYMBOL_RE = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_CODE = r"[A-Za-z]{3}"
_CURRENCY_AT_START = re.compile(rf"^(?:({_SYMBOL_RE})|({_CODE})(?=[\s\d(+\-−]|$))\s*")
_CURRENCY_AT_END = re.compile(rf"\s*(?:({_SYMBOL_RE})|(?<![A-Za-z])({_CODE}))$")
_NUMBER = re.compile(r"^(?:\d[\d.,' ’]*|[.,]\d+)$")
"""Digits with their marks, or a bare fraction (``.50``, as some spreadsheets write 0.50)."""
_CREDIT_DEBIT = re.compile(r"(?<=[\d.,)\s])(cr|dr)\.?$", re.IGNORECASE)
"""A bank's ``12.50 CR`` (money in) or ``12.50 DR`` (money out) after the number."""
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
EMPTY = frozenset({"", "-", "--", "—", "–", "n/a", "na", "none", "null"})
"""Cells that mean "nothing here" (Etsy writes ``--`` for no fee)."""


class MoneyError(ValueError):
    """A cell that is not an amount; the message says why, in words for the user."""


@dataclass(frozen=True)
class Money:
    """An amount as written, and the currency the text itself named (None when it named none)."""

    amount: Decimal
    currency: str | None = None


def minor_units(currency: str) -> int:
    """Decimals of ``currency``'s smallest unit: 2 for most, 0 for JPY, 3 for KWD."""
    if currency in ZERO_DECIMALS:
        return 0
    return 3 if currency in THREE_DECIMALS else 2


def round_to_minor(amount: Decimal, currency: str) -> Decimal:
    """``amount`` rounded half to even to the currency's minor unit (the stated rule)."""
    return amount.quantize(Decimal(1).scaleb(-minor_units(currency)), rounding=ROUND_HALF_EVEN)


def _take_sign(text: str) -> tuple[str, bool]:
    """Strip the signs (``-``, ``+``, parentheses, a trailing minus); say whether it was negative."""
    negative = False
    if text.startswith("(") and text.endswith(")"):
        return text[1:-1].strip(), True
    if text[:1] in "-−–+":
        negative = text[0] != "+"
        text = text[1:].strip()
    elif text[-1:] in "-−":
        negative = True
        text = text[:-1].strip()
    return text, negative


def _take_currency(text: str) -> tuple[str, str | None, bool]:
    """Strip a symbol or code at either end: (rest, currency it names, whether anything was there)."""
    found: str | None = None
    seen = False
    match = _CURRENCY_AT_START.match(text)
    if match and match.end() < len(text):
        symbol, code = match.groups()
        found = SYMBOLS[symbol] if symbol else code.upper()
        seen, text = True, text[match.end():]
    match = _CURRENCY_AT_END.search(text)
    if match and match.start() > 0:
        symbol, code = match.groups()
        other = SYMBOLS[symbol] if symbol else code.upper()
        if found and other and other != found:
            raise MoneyError(f"names two currencies ({found} and {other})")
        found = found or other
        seen, text = True, text[: match.start()]
    return text.strip(), found, seen


def decimal_mark(number: str) -> str | None:
    """The decimal mark a number's own text shows (``.`` or ``,``), or None when it cannot tell.

    ``1,234.56`` and ``12,50`` tell; ``1,234`` and ``1.234`` do not (a grouped
    thousand or three decimals); ``1234`` has no mark at all.
    """
    marks = [c for c in number if c in ".,"]
    if not marks:
        return None
    if "." in marks and "," in marks:
        return marks[-1]
    mark = marks[0]
    if len(marks) > 1:
        return "," if mark == "." else "."  # repeated: a grouping mark, so the other is the decimal one
    tail = number.rsplit(mark, 1)[1]
    return None if len(tail) == 3 else mark


def split_text(text: str) -> tuple[str, bool, str | None] | None:
    """(the bare number, negative?, currency named) of a cell; None for an empty cell; MoneyError if not money."""
    raw = text.translate(_SPACES).strip()
    if raw.casefold() in EMPTY:
        return None
    debit: bool | None = None
    if marked := _CREDIT_DEBIT.search(raw):
        debit, raw = marked.group(1).casefold() == "dr", raw[:marked.start()].strip()
    rest, negative = _take_sign(raw)
    if debit is not None and (negative or raw[:1] == "+"):
        raise MoneyError("has two signs")
    negative = negative or bool(debit)
    rest, currency, seen = _take_currency(rest)
    if seen and rest[:1] in "-−–+(":  # "$-45.00", "€ (5.00)", "USD -3"
        if negative:
            raise MoneyError("has two signs")
        rest, negative = _take_sign(rest)
    if not rest or not _NUMBER.match(rest):
        raise MoneyError("is not an amount")
    return rest, negative, currency


def _in_thousands(parts: list[str]) -> bool:
    """``1,234,567``: groups of three after the first."""
    return 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])


def _in_lakhs(parts: list[str]) -> bool:
    """``12,34,567`` (Indian): the last group three digits, those before it two."""
    return len(parts) > 2 and 1 <= len(parts[0]) <= 2 and all(len(p) == 2 for p in parts[1:-1]) \
        and len(parts[-1]) == 3


def _to_decimal(number: str, comma: bool) -> Decimal:
    """The number's value with ``,`` (``comma``) or ``.`` as the decimal mark; MoneyError if grouped wrongly."""
    mark, group = (",", ".") if comma else (".", ",")
    whole, _, cents = number.partition(mark)
    if mark in cents or group in cents or any(c in cents for c in " '’"):
        raise MoneyError("has its separators in the wrong places")
    parts = re.split(r"[ '’" + re.escape(group) + "]", whole)
    if len(parts) > 1 and not (_in_thousands(parts) or (group == "," and _in_lakhs(parts))):
        raise MoneyError("has its thousands separators in the wrong places")
    digits = "".join(parts) + ("." + cents if cents else "")
    if not digits.replace(".", "", 1).isdigit() or (number.endswith(mark) and not cents):
        raise MoneyError("is not an amount")
    try:
        value = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the checks above leave only digits and one dot
        raise MoneyError("is not an amount") from None
    if value > MAX_AMOUNT:
        raise MoneyError("is too large to be a payment")
    return value


def parse_money(text: str, *, decimal_comma: bool | None = None) -> Money | None:
    """The amount in ``text`` (None for an empty cell such as ``--``); MoneyError saying why not.

    ``decimal_comma`` True reads ``,`` as the decimal mark, False ``.``; None
    reads whichever the text shows and, when it shows neither (``1,234``),
    takes the mark for a thousands separator. Nothing is rounded here.
    """
    parts = split_text(text)
    if parts is None:
        return None
    number, negative, currency = parts
    comma = decimal_comma
    if comma is None:
        comma = decimal_mark(number) == ","
    value = _to_decimal(number, comma)
    return Money(-value if negative and value else value, currency)


class MoneyColumn:
    """How one column writes its decimal mark, settled by all its values before any is read.

    Values that show their mark vote; the column is read with the mark they agree
    on. ``conflict`` names two lines that disagree (a file mixing ``1,50`` and
    ``1.50`` in one column is not read at all: one of them would be wrong).
    """

    def __init__(self, values: Iterable[tuple[int, str]], decimal_comma: bool | None = None,
                 prefer_comma: bool = False) -> None:
        self.conflict: tuple[tuple[int, str], tuple[int, str]] | None = None
        self.decimal_comma = decimal_comma
        if decimal_comma is not None:
            return
        seen: dict[str, tuple[int, str]] = {}
        for line, text in values:
            try:
                parts = split_text(text)
            except MoneyError:
                continue
            if parts is None:
                continue
            mark = decimal_mark(parts[0])
            if mark is not None and mark not in seen:
                seen[mark] = (line, text)
        if len(seen) == 2:
            self.conflict = (seen["."], seen[","])
        self.decimal_comma = "," in seen if len(seen) == 1 else prefer_comma

    def read(self, text: str) -> Money | None:
        """One value of the column, read with the column's mark."""
        return parse_money(text, decimal_comma=self.decimal_comma)
