"""A downloaded file as rows of text cells: CSV in any common encoding and delimiter, an Excel workbook, or an
OFX, QIF, ISO 20022 (camt) or MT940 bank statement.

Platforms and banks write CSV in their own way: UTF-8 with or without a byte-order
mark, UTF-16 (Google's "CSV for Excel"), Windows-1252 (German banks), with ``,``,
``;`` or tabs, after a few lines of preamble. This module only turns bytes into
rows; which row is the header, and what the columns mean, is the profiles' business
(:mod:`tenfold.exchange.profiles`). Excel cells come back as the same text a CSV
would hold (numbers exactly as Excel stores them, dates as ISO), so everything
after this point reads one kind of input.

What is not a spreadsheet we can read (an old ``.xls``, ``.ods``, a Numbers
document, a PDF) is named, with what to do instead.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from tenfold.exchange.camt import camt_rows, looks_like_camt
from tenfold.exchange.cell_formats import with_currency
from tenfold.exchange.csvmapping import CsvImportError, Problem, Row
from tenfold.exchange.mt940 import looks_like_mt940, mt940_rows
from tenfold.exchange.ofx import looks_like_ofx, ofx_rows
from tenfold.exchange.qif import looks_like_qif, qif_rows

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}
_SAMPLE_ROWS = 200
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")
"""Bytes Windows-1252 leaves undefined: a file with them is not cp1252."""


@dataclass(frozen=True)
class Sheet:
    """The rows of a CSV file (name ``""``) or of one worksheet."""

    name: str
    rows: list[Row]


@dataclass(frozen=True)
class Table:
    """A file's rows, and how they were read (said in the preview)."""

    kind: str
    """``csv``, ``xlsx``, ``ofx``, ``camt``, ``qif`` or ``mt940``."""
    sheets: list[Sheet]
    encoding: str = ""
    delimiter: str = ""
    notes: list[str] = field(default_factory=list)
    day_zero: date | None = None
    """For a workbook, the day Excel counts its day numbers from: a date column whose format was lost
    holds them (46000), and only the workbook says whether they count from 1900 or 1904."""

    def describe(self) -> str:
        """``UTF-8, semicolon-separated`` or ``Excel workbook``."""
        if self.kind == "xlsx":
            return "Excel workbook"
        if self.kind == "ofx":
            return f"OFX bank statement, {self.encoding}"
        if self.kind == "camt":
            return "ISO 20022 bank statement (camt XML)"
        if self.kind == "qif":
            return f"QIF bank download, {self.encoding}"
        if self.kind == "mt940":
            return f"MT940 bank statement, {self.encoding}"
        return f"{self.encoding}, {DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))}-separated"


class NotReadable(CsvImportError):
    """The file is of a kind we do not read; the one problem says what it is and what to do."""


def _refuse(message: str) -> NotReadable:
    return NotReadable([Problem(1, message)])


def file_kind(raw: bytes, name: str) -> str:
    """``xlsx``, ``csv``; NotReadable naming what the file is when it is neither."""
    lower = name.casefold()
    if raw.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(raw)).namelist())
        except zipfile.BadZipFile:
            names = set()
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "mimetype" in names and "content.xml" in names:
            raise _refuse("is an OpenDocument spreadsheet (.ods); open it and save it as .xlsx or CSV (UTF-8)")
        if any(n.startswith("Index/") for n in names) or lower.endswith(".numbers"):
            raise _refuse("is an Apple Numbers document; in Numbers choose File > Export To > CSV (or Excel)")
        raise _refuse("is a ZIP archive; unpack it and import the CSV or .xlsx inside")
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse("is an old Excel workbook (.xls); open it and save it as .xlsx or CSV (UTF-8)")
    if raw.startswith(b"%PDF"):
        raise _refuse("is a PDF; download the CSV (or Excel) export from the same page instead")
    if lower.endswith((".numbers", ".ods", ".xls")):
        kind = lower.rsplit(".", 1)[1]
        raise _refuse(f"is named .{kind} but is not such a file; export the data as CSV (UTF-8) or .xlsx")
    return "csv"


def decode_text(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, the encoding it was read in): the one asked for, else by byte-order mark, UTF-8, cp1252, latin-1."""
    if encoding:
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise _refuse(f"--encoding {encoding}: there is no such encoding (try utf-8, cp1252, latin-1)") from None
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise CsvImportError([Problem(line, f"is not {encoding} text (byte {raw[exc.start]:#04x})")]) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        return _strict(raw, "utf-8-sig", "UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(raw, "utf-16", "UTF-16")
    head = raw[:4000]
    if len(head) > 3 and head.count(b"\x00") > len(head) // 4:  # UTF-16 without a mark: every other byte 0
        return _strict(raw, "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be", "UTF-16")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    if not _CP1252_HOLES.intersection(raw):
        return raw.decode("cp1252"), "Windows-1252 (not UTF-8)"
    return raw.decode("latin-1"), "Latin-1 (not UTF-8)"


def _strict(raw: bytes, codec: str, label: str) -> tuple[str, str]:
    try:
        return raw.decode(codec), label
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CsvImportError([Problem(line, f"is not valid {label} text; say which encoding with --encoding")]) \
            from None


def _rows(text: str, delimiter: str, limit: int | None = None) -> list[Row]:
    """The CSV rows with the line each starts on; blank lines kept out."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[Row] = []
    line = 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                rows.append((line, cells))
            line = reader.line_num + 1
            if limit is not None and len(rows) >= limit:
                break
    except csv.Error as exc:
        raise CsvImportError([Problem(line, f"is not valid CSV ({exc})")]) from None
    if limit is None and rows and _runaway_quote(text, rows[-1]):
        raise CsvImportError([Problem(rows[-1][0], 'a quote (") opens a cell here that is never closed, so the '
                                                   "rest of the file reads as one cell; close or remove it in a "
                                                   "text editor")])
    return rows


def _runaway_quote(text: str, last: Row) -> bool:
    """Whether the last row is a quote that opened a cell and never closed: a cell over several lines, with an
    odd number of quote marks from where the row starts to the end of the file."""
    if not any("\n" in c or "\r" in c for c in last[1]):
        return False
    lines = io.StringIO(text, newline="").readlines()
    return sum(line.count('"') for line in lines[last[0] - 1:]) % 2 == 1


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the most rows into the same number (two or more) of columns.

    Rows count by the columns they make beyond the first: ``1.234,56`` in a ``;``
    file splits on the comma too, into two columns on every row, but the ``;``
    makes five. On a tie, the one under which more of the rows (the header
    included) have the same width wins.
    """
    best, best_score = ",", (0, 0.0)
    for delimiter in DELIMITERS:
        try:
            rows = _rows(text, delimiter, _SAMPLE_ROWS)
        except CsvImportError:
            continue
        widths: dict[int, int] = {}
        for _line, cells in rows:
            if len(cells) > 1:
                widths[len(cells)] = widths.get(len(cells), 0) + 1
        if not widths:
            continue
        width = max(widths, key=lambda w: (widths[w] * (w - 1), w))
        # Then the share of all rows that have that width: the header has it too under the right one.
        score = (widths[width] * (width - 1), widths[width] / len(rows))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(raw: bytes, *, encoding: str | None = None, delimiter: str | None = None) -> Table:
    """A CSV file's rows."""
    text, used = decode_text(raw, encoding)
    text = text.lstrip("\ufeff")
    chosen = delimiter or sniff_delimiter(text)
    return Table("csv", [Sheet("", _rows(text, chosen))], used, chosen)


def cell_text(value: Any) -> str:
    """An Excel cell as the text a CSV export would hold: exact numbers, ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        # repr gives the shortest text that is exactly this float: 0.1 stays "0.1", not 0.1000000000000000055...
        return format(Decimal(repr(value)), "f")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def read_xlsx(raw: bytes, sheet: str | None = None) -> Table:
    """Every worksheet's rows (or only ``sheet``); NotReadable when openpyxl is missing or the file is damaged."""
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency; only a broken install lacks it
        raise _refuse("is an Excel workbook and openpyxl is not installed; pip install openpyxl, "
                      "or save the sheet as CSV (UTF-8)") from None
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; none may show a traceback
        raise _refuse(f"is an Excel workbook that cannot be read ({type(exc).__name__}); "
                      "open it and save it again, or as CSV") from None
    try:
        day_zero = book.epoch.date()
        names = list(book.sheetnames)
        if sheet is not None:
            wanted = [n for n in names if n.casefold() == sheet.strip().casefold()]
            if not wanted:
                raise _refuse(f"has no sheet '{sheet}' (the sheets are: {', '.join(names)})")
            names = wanted
        sheets = [Sheet(name, list(_sheet_rows(book[name].iter_rows()))) for name in names]
    finally:
        book.close()
    return Table("xlsx", sheets, day_zero=day_zero)


def _cell(cell: Any) -> str:
    """A cell's text; a number in a currency format keeps the currency it shows (``GBP 19.99``)."""
    value = cell.value
    text = cell_text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return with_currency(text, getattr(cell, "number_format", None))
    return text


def _sheet_rows(rows: Iterable[tuple[Any, ...]]) -> Iterable[Row]:
    for number, row in enumerate(rows, start=1):
        cells = [_cell(c) for c in row]
        while cells and not cells[-1].strip():
            cells.pop()
        if cells:
            yield number, cells


def read_table(raw: bytes, name: str, *, encoding: str | None = None, delimiter: str | None = None,
               sheet: str | None = None) -> Table:
    """The file's rows, whatever kind of file it is; NotReadable or CsvImportError when they cannot be had."""
    if not raw.strip():
        raise CsvImportError([Problem(1, "the file is empty")])
    kind = file_kind(raw, name)
    if kind == "xlsx":
        return read_xlsx(raw, sheet)
    if sheet is not None:
        raise _refuse("--sheet is for Excel workbooks; this file is CSV")
    if looks_like_ofx(raw):
        return read_ofx(raw, encoding)
    if looks_like_camt(raw):
        return Table("camt", [Sheet("", camt_rows(raw))])
    if looks_like_qif(raw):
        text, used = decode_text(raw, encoding)
        return Table("qif", [Sheet("", qif_rows(text.lstrip("\ufeff")))], used)
    if looks_like_mt940(raw):
        text, used = decode_text(raw, encoding)
        return Table("mt940", [Sheet("", mt940_rows(text.lstrip("\ufeff")))], used)
    return read_csv(raw, encoding=encoding, delimiter=delimiter)


def read_ofx(raw: bytes, encoding: str | None = None) -> Table:
    """An OFX, QFX or QBO statement's transactions as a bank file's rows (:mod:`tenfold.exchange.ofx`).

    The text is decoded as a CSV is (UTF-8 when it is valid UTF-8, else Windows-1252): the
    header's CHARSET often says 1252 of a file a bank wrote in UTF-8.
    """
    text, used = decode_text(raw, encoding)
    return Table("ofx", [Sheet("", ofx_rows(text))], used)
