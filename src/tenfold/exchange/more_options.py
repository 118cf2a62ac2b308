"""The import's less common choices typed as the command line writes them, for the app's import screen.

The import screen has a field or a menu for the choices most files need (profile,
stream, column mapping, date format, net or gross, new streams). The others -
a decimal comma, the encoding, the delimiter, lines before the header, a row
filter, the worksheet, a currency for rows that name none - are rarer, and the
preview's messages already name them as ``tenfold import`` spells them
("say which with --decimal-comma"). So the screen takes them in one line, in that
same spelling, and a user who read the message, the README or ``--help`` types
exactly what they read. The values are checked by the command line's own
parsers, so both front ends accept and refuse the same things.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass

from tenfold.domain.errors import FieldError
from tenfold.domain.money import parse_currency
from tenfold.exchange.importing import parse_delimiter, parse_pairs

FIELD = "more"
"""The import screen's field these are typed in (FieldError names it)."""
MAX_SKIP_ROWS = 10_000
FLAGS = ("--decimal-comma",)
VALUED = ("--encoding", "--delimiter", "--skip-rows", "--where", "--sheet", "--currency")
HAS_A_FIELD = {
    "--profile": "the first menu", "--create-streams": "the second menu", "--amount": "the third menu",
    "--stream": "'Every row to this stream'", "--map": "'Column mapping'", "--date-format": "'Date format'",
}
"""Options the screen has a field or menu for: said where they go instead."""


@dataclass(frozen=True)
class MoreOptions:
    """The choices read from the line; None or empty: not given."""

    decimal_comma: bool | None = None
    encoding: str | None = None
    delimiter: str | None = None
    skip_rows: int | None = None
    where: tuple[tuple[str, str], ...] = ()
    sheet: str | None = None
    currency: str | None = None


def parse_more(text: str) -> MoreOptions:
    """``--decimal-comma --where "Type=Website Payment"`` -> MoreOptions; FieldError("more") when wrong.

    Quotes group words as in a shell; ``--name=value`` and ``--name value`` both work.
    """
    try:
        words = shlex.split(text)
    except ValueError:
        raise FieldError(FIELD, "a quote is not closed") from None
    found: dict[str, str] = {}
    wheres: list[str] = []
    at = 0
    while at < len(words):
        word = words[at]
        name, equals, value = word.partition("=")
        if name in HAS_A_FIELD:
            raise FieldError(FIELD, f"{name} has its own place on this screen: use {HAS_A_FIELD[name]}")
        if name in FLAGS:
            if equals:
                raise FieldError(FIELD, f"{name} takes no value")
            found[name] = ""
            at += 1
            continue
        if name not in VALUED:
            known = ", ".join((*FLAGS, *VALUED))
            raise FieldError(FIELD, f"'{word[:30]}' is not one of {known}")
        if not equals:
            if at + 1 >= len(words) or words[at + 1].startswith("--"):
                raise FieldError(FIELD, f"{name} needs a value, e.g. {_example(name)}")
            value = words[at + 1]
            at += 1
        at += 1
        if name == "--where":
            wheres.append(value)
        elif name in found:
            raise FieldError(FIELD, f"{name} is given twice")
        else:
            found[name] = value
    return _read(found, wheres)


def _read(found: dict[str, str], wheres: list[str]) -> MoreOptions:
    try:
        where = tuple(parse_pairs(wheres, "where"))
        currency = parse_currency(found["--currency"]) if "--currency" in found else None
        delimiter = parse_delimiter(found.get("--delimiter"))
    except FieldError as exc:
        raise FieldError(FIELD, f"--{exc.field}: {exc.message}") from None
    skip = found.get("--skip-rows")
    if skip is not None and not (skip.isdigit() and int(skip) <= MAX_SKIP_ROWS):
        raise FieldError(FIELD, f"--skip-rows: '{skip[:20]}' is not a whole number from 0 to {MAX_SKIP_ROWS:,}")
    encoding, sheet = found.get("--encoding"), found.get("--sheet")
    for name, value in (("--encoding", encoding), ("--sheet", sheet)):
        if value is not None and not value.strip():
            raise FieldError(FIELD, f"{name} needs a value, e.g. {_example(name)}")
    return MoreOptions(
        decimal_comma=True if "--decimal-comma" in found else None, encoding=encoding, delimiter=delimiter,
        skip_rows=None if skip is None else int(skip), where=where, sheet=sheet, currency=currency,
    )


def _example(name: str) -> str:
    return {
        "--encoding": "--encoding cp1252", "--delimiter": "--delimiter ';'", "--skip-rows": "--skip-rows 3",
        "--where": "--where Type=Sale", "--sheet": '--sheet "eBook Royalty"', "--currency": "--currency EUR",
    }[name]
