"""Files with no header row, read by what their columns hold.

Some banks write only the rows: Wells Fargo's download is ``"03/15/2024","4250.00","*","","DEPOSIT ACME"``,
with nothing to name the columns. Such a file is recognised by its first row
(a date and an amount, no names), its columns are called ``Column 1``, ``Column
2``... (``--map amount=2`` names one by its number), and the ones not named are
found by their values: the one column of dates, the one column of amounts (a
running balance beside it makes two, and then the user is asked which), and
the longest text as the note.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from tenfold.exchange.csvmapping import CsvImportError, Problem, Row
from tenfold.exchange.parse_dates import date_reading
from tenfold.exchange.parse_money import MoneyError, parse_money

SAMPLE = 200
"""Rows looked at to tell what a column holds."""
_DECIMALS = re.compile(r"\d[.,]\d{2}\b")


def column_name(index: int) -> str:
    """The name a header-less file's column goes by: ``Column 1`` for the first."""
    return f"Column {index + 1}"


def _is_date(text: str) -> bool:
    return date_reading(text) != ""  # a day and month that could be either way round is still a date


def _is_money(text: str) -> bool:
    try:
        return parse_money(text) is not None and not _is_date(text)
    except MoneyError:
        return False


def looks_headerless(cells: Sequence[str]) -> bool:
    """Whether a file's first row is already data: a date and an amount written with its cents."""
    return any(_is_date(c) for c in cells) and any(_is_money(c) and _DECIMALS.search(c) for c in cells)


def numbered(overrides: Mapping[str, str]) -> dict[str, str]:
    """``--map amount=2`` as ``amount=Column 2``; a name that is not a number is kept as it is."""
    return {f: column_name(int(c) - 1) if c.strip().isdigit() and int(c) > 0 else c for f, c in overrides.items()}


def _all(rows: list[Row], index: int, test: Callable[[str], bool]) -> bool:
    values = [cells[index].strip() for _line, cells in rows if index < len(cells) and cells[index].strip()]
    return bool(values) and all(test(v) for v in values)


def guess_columns(rows: list[Row], width: int, named: Mapping[str, str]) -> dict[str, list[int]]:
    """Field -> column for a header-less file: the ``--map`` numbers first, then what the values show.

    CsvImportError (one problem, on the first line) when there is no single date or amount column to take.
    """
    sample = rows[:SAMPLE]
    first = rows[0][0] if rows else 1
    columns = {f: [int(c.removeprefix("Column ")) - 1] for f, c in named.items() if c.startswith("Column ")}
    taken = {i for cols in columns.values() for i in cols}
    free = [i for i in range(width) if i not in taken]
    if "date" not in columns:
        dates = [i for i in free if _all(sample, i, _is_date)]
        if len(dates) != 1:
            raise CsvImportError([Problem(first, _ask("date", dates, "dates"))])
        columns["date"] = dates
    if not any(f in columns for f in ("amount", "credit", "gross")):
        money = [i for i in free if i not in columns["date"] and _all(sample, i, _is_money)
                 and any(_DECIMALS.search(c[i]) for _l, c in sample if i < len(c))]
        if len(money) != 1:
            raise CsvImportError([Problem(first, _ask("amount", money, "amounts"))])
        columns["amount"] = money
    if "note" not in columns:
        used = {i for cols in columns.values() for i in cols}
        texts = [i for i in range(width) if i not in used and not _all(sample, i, _is_money)]
        longest = max(texts, key=lambda i: sum(len(c[i].strip()) for _l, c in sample if i < len(c)), default=None)
        if longest is not None and any(longest < len(c) and c[longest].strip() for _l, c in sample):
            columns["note"] = [longest]
    return columns


def _ask(field: str, found: list[int], what: str) -> str:
    """The question for a header-less file whose ``field`` column cannot be told by its values."""
    numbers = ", ".join(str(i + 1) for i in found[:-1]) + f" and {found[-1] + 1}" if found else ""
    where = f"columns {numbers} {'both' if len(found) == 2 else 'all'} hold {what}" if found else (
        f"no column holds only {what}")
    return (f"this file has no header row, and {where}; say which column is the {field} by its number, "
            f"counted from 1: --map {field}=N")
