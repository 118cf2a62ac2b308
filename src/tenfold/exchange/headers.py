"""Finding the header row (after any preamble) and the profile that reads it, in each sheet of a file.

Banks put account details above the header, KDP a title and the sales period,
YouTube nothing; a workbook has several sheets. The header is the first row a
profile recognises (or the row after ``--skip-rows`` lines); the file's profile is
the one that recognised the first sheet's header, and the other sheets are read
only when that same profile knows theirs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tenfold.exchange.csvmapping import CsvImportError, Problem, Row
from tenfold.exchange.headerless import column_name, guess_columns, looks_headerless, numbered
from tenfold.exchange.profiles import PROFILES, profile_named, ranked_profiles
from tenfold.exchange.profiles.bank import GENERIC
from tenfold.exchange.profiles.base import Profile, bind, evidenced, has_amount, header_keys
from tenfold.exchange.profiles.elsewhere import elsewhere
from tenfold.exchange.read_table import Sheet, Table

HEADER_SEARCH = 60
"""Rows looked at for a header: preambles are a handful of lines."""


@dataclass(frozen=True)
class Part:
    """One sheet's rows under its header, as one profile reads them."""

    sheet: str
    header_line: int
    header: list[str]
    rows: list[Row]
    columns: dict[str, list[int]]


@dataclass(frozen=True)
class Layout:
    """Which profile reads the file, and the parts it reads; the sheets left out and why."""

    profile: Profile
    parts: list[Part]
    left_out: list[str]


def _pick(sheet: Sheet, at: int, overrides: Mapping[str, str], only: Profile | None,
          given: frozenset[str]) -> Profile | None:
    """The profile that knows the header at row ``at`` best and whose evidence the rows under it show.

    A profile named with ``--profile`` is taken at its word.
    """
    header = sheet.rows[at][1]
    for profile, _score in ranked_profiles(header, overrides, only, given):
        if only is not None or evidenced(profile, bind(profile, header, overrides),
                                         [cells for _line, cells in sheet.rows[at + 1:]]):
            return profile
    return None


def _header_in(sheet: Sheet, overrides: Mapping[str, str], only: Profile | None, skip_rows: int | None,
               given: frozenset[str]) -> tuple[int, Profile] | None:
    """(index of the header row, its profile) in ``sheet``, or None."""
    rows = sheet.rows
    if skip_rows is not None:
        at = next((i for i, (line, _c) in enumerate(rows) if line > skip_rows), None)
        if at is None:
            return None
        found = _pick(sheet, at, overrides, only, given)
        return (at, found) if found else None
    for i in range(min(len(rows), HEADER_SEARCH)):
        found = _pick(sheet, i, overrides, only, given)
        if found:
            return i, found
    return None


def _likely_header(table: Table, skip_rows: int | None) -> tuple[int, list[str]]:
    """The row that looks most like a header (most filled cells, text not numbers), for the message."""
    rows = [r for s in table.sheets for r in s.rows[:HEADER_SEARCH] if skip_rows is None or r[0] > skip_rows]
    if not rows:
        return 1, []

    def filled(row: Row) -> tuple[int, int]:
        cells = [c for c in row[1] if c.strip()]
        return (len([c for c in cells if not any(ch.isdigit() for ch in c)]), -row[0])

    line, cells = max(rows, key=filled)
    return line, [c.strip() for c in cells if c.strip()]


def _missing_override(header: list[str], overrides: Mapping[str, str]) -> tuple[str, str] | None:
    """The first ``--map`` (field, column) whose column is not in ``header``."""
    keys = {header_keys(h)[0] for h in header}
    return next(((f, c) for f, c in overrides.items() if header_keys(c)[0] not in keys), None)


def unrecognised(table: Table, skip_rows: int | None, profile: Profile | None,
                 overrides: Mapping[str, str]) -> CsvImportError:
    """The one-line refusal for a file no profile knows: the columns found and the options that would help."""
    line, cells = _likely_header(table, skip_rows)
    shown = ", ".join(cells[:15]) + (", …" if len(cells) > 15 else "") if cells else "none"
    wrong = _missing_override(cells, overrides)
    if wrong is not None:
        return CsvImportError([Problem(line, f"there is no column '{wrong[1][:30]}' for {wrong[0]} (the "
                                             f"columns are: {shown})")])
    if profile is not None:
        bound = bind(profile, cells, overrides)
        missing = [f for f in profile.required if f not in bound and not (f == "amount" and has_amount(bound))]
        need = ", ".join(missing) or "its columns"
        return CsvImportError([Problem(line, f"the {profile.title} profile finds no column for {need} (the "
                                             f"columns are: {shown}); name them with --map FIELD=COLUMN")])
    known = elsewhere(cells)
    if known is not None:
        return CsvImportError([Problem(line, known)])
    return CsvImportError([Problem(line, f"no profile recognises these columns: {shown}; choose one with "
                                         "--profile NAME (see --list-profiles), or name the columns with "
                                         "--map date=COLUMN --map amount=COLUMN and give --stream NAME")])


def layout(table: Table, *, overrides: Mapping[str, str], profile_name: str | None, skip_rows: int | None,
           sheet_asked: bool, given: frozenset[str]) -> Layout:
    """The profile and the parts of ``table`` it reads; CsvImportError (one problem) when none fits."""
    only = None
    if profile_name:
        only = profile_named(profile_name)
        if only is None:
            names = ", ".join(p.name for p in PROFILES)
            raise CsvImportError([Problem(1, f"there is no profile '{profile_name[:30]}'; the profiles are: {names}")])
    chosen: Profile | None = only
    parts: list[Part] = []
    left_out: list[str] = []
    totals: list[Part] = []  # sheets that total the others: read only when there is nothing else
    for sheet in table.sheets:
        found = _header_in(sheet, overrides, chosen, skip_rows, given)
        label = f"sheet '{sheet.name}'"
        if found is None:
            if sheet.name:
                left_out.append(f"{label}: no columns this profile reads")
            continue
        at, profile = found
        known = None if only is not None else elsewhere(sheet.rows[at][1])
        if known is not None:
            raise CsvImportError([Problem(sheet.rows[at][0], known)])
        if sheet.name and not sheet_asked and any(w in sheet.name.casefold() for w in profile.skip_sheets):
            header = sheet.rows[at][1]
            totals.append(Part(sheet.name, sheet.rows[at][0], header, sheet.rows[at + 1:],
                               bind(profile, header, overrides)))
            left_out.append(f"{label}: totals or summary of the other sheets")
            chosen = chosen or profile
            continue
        chosen = profile
        header = sheet.rows[at][1]
        wrong = _missing_override(header, overrides)
        if wrong is not None:
            shown = ", ".join(c.strip() for c in header if c.strip())
            raise CsvImportError([Problem(sheet.rows[at][0], f"there is no column '{wrong[1][:30]}' for {wrong[0]} "
                                                             f"(the columns are: {shown})")])
        parts.append(Part(sheet.name, sheet.rows[at][0], header, sheet.rows[at + 1:],
                          bind(profile, header, overrides)))
    if not parts and totals:  # a workbook with only a combined sheet: that sheet is the data
        parts, left_out = totals[:1], [n for n in left_out if f"'{totals[0].sheet}'" not in n]
    if chosen is None or not parts:
        headerless = _headerless(table, skip_rows, only, overrides)
        if headerless is None:
            raise unrecognised(table, skip_rows, only, overrides)
        return headerless
    return Layout(chosen, parts, left_out)


def _headerless(table: Table, skip_rows: int | None, only: Profile | None,
                overrides: Mapping[str, str]) -> Layout | None:
    """A CSV whose first row is already data, read by column number (a bank's, unless ``--profile`` says)."""
    if table.kind != "csv" or len(table.sheets) != 1:
        return None
    rows = [r for r in table.sheets[0].rows if skip_rows is None or r[0] > skip_rows]
    if not rows or not looks_headerless(rows[0][1]):
        return None
    width = max(len(cells) for _line, cells in rows)
    header = [column_name(i) for i in range(width)]
    named = numbered(overrides)
    wrong = _missing_override(header, named)
    if wrong is not None:
        asked = overrides[wrong[0]][:30]
        raise CsvImportError([Problem(rows[0][0], f"there is no column {asked} for {wrong[0]}: this file has no "
                                                   f"header row and {width} columns, counted from 1")])
    return Layout(only or GENERIC, [Part("", 0, header, rows, guess_columns(rows, width, named))], [])
