"""A file to an import plan, in the steps the command line and the app share.

bytes -> rows (:mod:`~tenfold.exchange.read_table`) -> the profile and its header
(:mod:`~tenfold.exchange.headers`) -> entries, skipped rows and problems
(:mod:`~tenfold.exchange.extract`) -> the plan against the ledger
(:mod:`~tenfold.exchange.plan`). Each step raises
:class:`~tenfold.exchange.csvmapping.CsvImportError` only for what stops the
whole file (not a table, no profile fits); row problems travel in the plan.
"""

from __future__ import annotations

from collections.abc import Iterable

from tenfold.domain.errors import FieldError
from tenfold.exchange.ambiguous import negatives_question
from tenfold.exchange.extract import extract
from tenfold.exchange.extraction import Extraction, Options
from tenfold.exchange.headers import layout
from tenfold.exchange.plan import ImportPlan, plan_import
from tenfold.exchange.profiles.base import FIELDS
from tenfold.exchange.read_table import DELIMITERS, read_table
from tenfold.store.store import Store

FIELD_ALIASES = {"net": "amount", "product": "stream", "title": "stream", "transaction id": "id",
                 "payee": "customer", "buyer": "customer", "memo": "note", "description": "note"}


def parse_pairs(texts: Iterable[str], option: str, fields: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """``["date=Booking date"]`` -> ``[("date", "Booking date")]``; FieldError naming ``option`` if malformed."""
    pairs: list[tuple[str, str]] = []
    for text in texts:
        name, sep, value = text.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name or not value:
            example = "amount=Net" if fields else "Type=Sale"
            shape = "FIELD=COLUMN" if fields else "COLUMN=VALUE"
            raise FieldError(option, f"'{text[:30]}' is not {shape}, e.g. {example}")
        if fields is not None:
            name = FIELD_ALIASES.get(name.lower(), name.lower())
            if name not in fields:
                raise FieldError(option, f"'{name[:20]}' is not a field; use {', '.join(fields)}")
            if any(n == name for n, _v in pairs):
                raise FieldError(option, f"{name} is mapped twice")
        pairs.append((name, value))
    return pairs


def parse_map(texts: Iterable[str]) -> dict[str, str]:
    """``--map FIELD=COLUMN`` options as a dict."""
    return dict(parse_pairs(texts, "map", FIELDS))


def parse_delimiter(text: str | None) -> str | None:
    """``--delimiter``: one of , ; | or tab (``\\t`` or ``tab``)."""
    if text is None:
        return None
    value = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}.get(text.casefold(), text)
    if value not in DELIMITERS:
        raise FieldError("delimiter", "use one of , ; | or tab")
    return value


def read_source(raw: bytes, name: str, options: Options) -> Extraction:
    """Read a file as ``options`` say; CsvImportError when the file as a whole cannot be read."""
    table = read_table(raw, name, encoding=options.encoding, delimiter=options.delimiter, sheet=options.sheet)
    given = frozenset({"stream"} if options.stream else set())
    found = layout(table, overrides=options.overrides, profile_name=options.profile, skip_rows=options.skip_rows,
                   sheet_asked=options.sheet is not None, given=given)
    extraction = extract(table, found, options)
    question = negatives_question(extraction, options)
    if question is not None:
        extraction.problems.append(question)
    return extraction


def plan_file(raw: bytes, name: str, options: Options, store: Store, create: str | None) -> ImportPlan:
    """The plan for a file against ``store``'s streams and payments (what the app's import screen shows)."""
    from tenfold.reports.build import report_currency

    extraction = read_source(raw, name, options)
    streams = store.streams()
    return plan_import(extraction, streams, store.payments(), create_kind=create,
                       default_currency=report_currency(store.goal, streams), today=store.today())
