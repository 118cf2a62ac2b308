"""One part of a file (a sheet under its header) as columns: which cells a field reads, dates and money settled.

The date and money columns are settled over all of a part's rows before any row
is read (:class:`~tenfold.exchange.parse_dates.DateColumn`,
:class:`~tenfold.exchange.parse_money.MoneyColumn`), and a row's amount is chosen
from what the source gives: the net, the gross less fees and tax, or credit and
debit columns (:func:`amounts`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tenfold.domain.text import BIDI_CONTROLS
from tenfold.exchange.headers import Part
from tenfold.exchange.parse_dates import DateColumn, order_of, strptime_format
from tenfold.exchange.parse_money import Money, MoneyColumn
from tenfold.exchange.profiles.base import DIRECTION_IN, DIRECTION_OUT, Profile, header_currency, header_keys

MAX_TEXT = 500


def clean(text: str, limit: int = MAX_TEXT) -> str:
    """One line of text: control and direction characters out, spaces squeezed, cut at ``limit``."""
    if not text.isprintable():  # printable text has none of them: most cells, read without a loop per letter
        text = "".join(" " if (ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in BIDI_CONTROLS) else c for c in text)
    kept = " ".join(text.split())
    return kept if len(kept) <= limit else kept[: limit - 1] + "…"


class SheetColumns:
    """One part's columns, with the date and money columns settled over all its rows."""

    def __init__(self, part: Part, profile: Profile, date_format: str | None, decimal_comma: bool | None,
                 prefer_comma: bool, day_zero: date | None = None) -> None:
        self.part, self.columns = part, part.columns
        self.width = len(part.header)
        self._header = [c.strip() for c in part.header]
        fmt = order = None
        if date_format:
            order = order_of(date_format)
            fmt = None if order else strptime_format(date_format)
        data = [(line, cells) for line, cells in part.rows if not self.is_header(cells)]
        self.dates = DateColumn(self._values(data, "date"), fmt=fmt, order=order or profile.date_order,
                                day_zero=day_zero)
        comma = decimal_comma if decimal_comma is not None else profile.decimal_comma
        self.money: dict[str, MoneyColumn] = {f: MoneyColumn(self._values(data, f), comma, prefer_comma)
                      for f in ("amount", "gross", "fee", "tax", "credit", "debit") if f in self.columns}
        self.header_currency = next((c for f in ("amount", "gross", "credit") for i in self.columns.get(f, [])
                                     if (c := header_currency(part.header[i]))), None)
        self.keys = [header_keys(h)[1].rstrip("?").strip() for h in part.header]

    def _values(self, rows: list[tuple[int, list[str]]], name: str) -> list[tuple[int, str]]:
        return [(line, cells[i]) for line, cells in rows for i in self.columns.get(name, [])[:1] if i < len(cells)]

    def is_header(self, cells: list[str]) -> bool:
        return [c.strip() for c in cells[: self.width]] == self._header

    def cell(self, cells: list[str], name: str) -> str:
        """The first non-empty cell of ``name``'s columns."""
        for i in self.columns.get(name, []):
            if i < len(cells) and cells[i].strip():
                return cells[i].strip()
        return ""

    def cells(self, cells: list[str], name: str) -> list[str]:
        """Every non-empty cell of ``name``'s columns, each once."""
        out: list[str] = []
        for i in self.columns.get(name, []):
            text = cells[i].strip() if i < len(cells) else ""
            if text and text not in out:
                out.append(text)
        return out

    def money_of(self, cells: list[str], name: str) -> Money | None:
        """The field's money (fees added up); MoneyError when a cell is not money."""
        total: Money | None = None
        for i in self.columns.get(name, []):
            value = self.money[name].read(cells[i]) if i < len(cells) else None
            if value is None:
                continue
            total = value if total is None else Money(total.amount + value.amount, total.currency or value.currency)
        return total


def amounts(sheet: SheetColumns, cells: list[str], gross_mode: bool) -> tuple[Money | None, Money | None]:
    """(the amount to count, the fee beside it); MoneyError when a money cell is not money.

    Where a direction column says in or out (ING's Af/Bij, Capital One's Debit/Credit), it gives the amount
    its sign; any other word there (Chase's ACH_CREDIT in a column of types) leaves the amount as written.
    """
    money, fee = _amounts(sheet, cells, gross_mode)
    if money is None or "direction" not in sheet.columns:
        return money, fee
    word = sheet.cell(cells, "direction").casefold().strip(" .")
    if word in DIRECTION_OUT:
        return Money(-abs(money.amount), money.currency), fee
    if word in DIRECTION_IN:
        return Money(abs(money.amount), money.currency), fee
    return money, fee


def _amounts(sheet: SheetColumns, cells: list[str], gross_mode: bool) -> tuple[Money | None, Money | None]:
    net, gross, fee = (sheet.money_of(cells, f) for f in ("amount", "gross", "fee"))
    if net is not None and gross is None and fee is None:
        return net, None
    tax = sheet.money_of(cells, "tax")
    if gross is not None and tax is not None and gross.amount > 0:  # tax collected for the state is nobody's income
        gross = Money(gross.amount - abs(tax.amount), gross.currency)
    fee_value = abs(fee.amount) if fee is not None else None
    if net is not None and gross is not None and gross.amount != net.amount:
        fee_value = gross.amount - net.amount
    if gross_mode:
        if gross is not None:
            return gross, _fee(fee_value)
        if net is not None and fee_value is not None:
            return Money(net.amount + fee_value if net.amount > 0 else net.amount, net.currency), _fee(fee_value)
        return net, _fee(fee_value)
    if net is not None:
        return net, _fee(fee_value)
    if gross is not None:
        value = gross.amount - (fee_value or 0) if gross.amount > 0 else gross.amount
        return Money(value, gross.currency), _fee(fee_value)
    credit, debit = sheet.money_of(cells, "credit"), sheet.money_of(cells, "debit")
    if credit is not None and credit.amount:
        return Money(abs(credit.amount), credit.currency), None
    if debit is not None and debit.amount:
        return Money(-abs(debit.amount), debit.currency), None
    return credit or debit, None


def _fee(value: Decimal | None) -> Money | None:
    return None if value is None or value == 0 else Money(value)
