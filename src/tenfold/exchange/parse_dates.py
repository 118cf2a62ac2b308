"""Dates as files from platforms and banks write them, read without guessing.

Read as written: ``2024-03-02``, ``2024-03-02 14:22``, ``2024-03-02T14:22:00Z``
(the date as the source wrote it; a time zone is not converted), ``Mar 21,
2024``, ``March 28, 2024 at 9:15 AM``, ``21 Mar 2024``, ``Sat, 02 Mar 2024``,
``20240302``, ``02.03.2024`` (dots: day first, as every source that writes them
means), ``15-Mar-24`` (Excel's d-mmm-yy: the day, then the year), month names in
German, French, Spanish, Italian, Dutch and Portuguese, and months alone
(``2024-03``, ``Jan 2024``, ``03/2024``), which stand for the month's **last day**:
a monthly statement is earned by the end of its month.

``03/02/2024`` is 3 February to a European and March 2 to an American. A whole
column settles it (:class:`DateColumn`): a value whose first number is above
12 shows the day comes first, one whose second is shows the month does. A column
that never shows it is refused with both readings, unless a profile or
``--date-format`` says which.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date, datetime, timedelta

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (  # English, German, French, Spanish, Italian, Dutch and Portuguese names and Excel's abbreviations of them
        "jan january januar jän jänner janv janvier ene enero gen gennaio januari janeiro",
        "feb february februar févr fevr février fevrier febrero febbraio februari fev fevereiro",
        "mar march märz mär mrz maerz mars marzo mrt maart março marco",
        "apr april avr avril abr abril aprile",
        "may mai mayo mag maggio mei maio",
        "jun june juni juin junio giu giugno junho",
        "jul july juli juil juillet julio lug luglio julho",
        "aug august août aout ago agosto augustus",
        "sep sept september septembre septiembre setiembre set settembre setembro",
        "oct october okt oktober octobre octubre ott ottobre out outubro",
        "nov november novembre noviembre novembro",
        "dec december dez dezember déc dec décembre decembre dic diciembre dicembre dezembro",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number

WEEKDAYS = frozenset((
    "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur", "thurs", "thursday",
    "fri", "friday", "sat", "saturday", "sun", "sunday",
    "mo", "di", "mi", "do", "fr", "sa", "so", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonntag",
))
"""Weekday names a date may start with (``Sat, 02 Mar 2024``): said, never needed."""

ORDERS = ("dmy", "mdy", "ymd")
_TIME = re.compile(
    r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[AaPp]\.?[Mm]\.?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2}|\(?(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?|[A-Z]{2,5})?"
    r"|\s+\(?(?:UTC|GMT|MEZ|MESZ|[A-Z]{1,3}[DS]?T)\)?)$"
)
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_COMPACT = re.compile(r"^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$")
_BEFORE_TIME = re.compile(r"\s+(?:at|um|à)$", re.IGNORECASE)
_ISO_MONTH = re.compile(r"^(\d{4})[-/](\d{1,2})$")
_MONTH_YEAR_NUM = re.compile(r"^(\d{1,2})[/.-](\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$")
_DAY_NUMBER = re.compile(r"^[1-9]\d{4}(?:\.\d+)?$")
"""Excel's day numbers for 1927-2173 (46000 is 2025-12-09): five digits, a time of day as the fraction."""
_WORDS = re.compile(r"[^\W\d_]+\.?|\d+")
_FRIENDLY = (("yyyy", "%Y"), ("yy", "%y"), ("mmmm", "%B"), ("mmm", "%b"), ("mon", "%b"), ("mm", "%m"),
             ("dd", "%d"), ("hh", "%H"), ("ss", "%S"), ("m", "%m"), ("d", "%d"))


class DateError(ValueError):
    """A cell that is not a date; the message says why."""


class AmbiguousDate(DateError):
    """``03/02/2024`` with nothing to say which number is the day."""


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    if not 1900 <= year <= 2200:
        raise DateError(f"has the year {year}")
    return year


def _make(year: int, month: int, day: int | None) -> date:
    """The date, or the month's last day when ``day`` is None; DateError for an impossible one."""
    if not 1 <= month <= 12:
        raise DateError(f"has no month {month}")
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, last)
    if not 1 <= day <= last:
        raise DateError(f"is not a real date ({calendar.month_name[month]} {year} has {last} days)")
    return date(year, month, day)


def _month_name(word: str) -> int | None:
    return MONTHS.get(word.rstrip(".").casefold())


def strip_time(text: str) -> str:
    """``2024-03-02 14:22:00 PST`` -> ``2024-03-02``: the date part as written."""
    raw = " ".join(text.split())
    bare = _BEFORE_TIME.sub("", _TIME.sub("", raw, count=1).strip()).rstrip(",")
    return bare or raw


def _named(text: str) -> date | None:
    """Dates and months with a month name: ``Mar 21, 2024``, ``21. März 2024``, ``Jan 2024``, ``Sat, 2 Mar 2024``."""
    words = [w for w in _WORDS.findall(text) if w.rstrip(".").casefold() not in WEEKDAYS]
    names = [w for w in words if not w.isdigit()]
    numbers = [w for w in words if w.isdigit()]
    if len(names) != 1 or not 1 <= len(numbers) <= 2:
        return None
    month = _month_name(names[0])
    if month is None:
        return None
    years = [n for n in numbers if len(n) == 4]
    if not years and len(numbers) == 2 and len(numbers[1]) == 2:  # 15-Mar-24, Mar 15, 24: the day, then the year
        return _make(_year(numbers[1]), month, int(numbers[0]))
    if len(years) != 1:
        return None
    days = [n for n in numbers if n is not years[0]]
    return _make(_year(years[0]), month, int(days[0]) if days else None)


def numeric_orders(text: str) -> set[str] | None:
    """For ``a/b/yyyy``: the orders that read it as a real date (``dmy``, ``mdy``); None if not that shape."""
    match = _NUMERIC.match(strip_time(text).strip())
    if match is None or match.group(2) == ".":
        return None
    a, b = int(match.group(1)), int(match.group(3))
    orders = set()
    for order, (day, month) in (("dmy", (a, b)), ("mdy", (b, a))):
        if 1 <= month <= 12 and 1 <= day <= 31:
            orders.add(order)
    return orders if a != b else {"dmy", "mdy"}


def parse_source_date(text: str, order: str | None = None) -> date:
    """A date as a source writes it; AmbiguousDate when only ``order`` (dmy/mdy) could say which."""
    raw = strip_time(text).strip()
    if not raw:
        raise DateError("is empty")
    if match := _ISO.match(raw):
        return _make(_year(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _ISO_MONTH.match(raw):
        return _make(_year(match.group(1)), int(match.group(2)), None)
    if match := _COMPACT.match(raw):  # 20240302, as some banks write it
        return _make(_year(match.group(1)), int(match.group(2)), int(match.group(3)))
    if match := _MONTH_YEAR_NUM.match(raw):
        return _make(_year(match.group(2)), int(match.group(1)), None)
    if match := _NUMERIC.match(raw):
        a, sep, b, year = int(match.group(1)), match.group(2), int(match.group(3)), _year(match.group(4))
        if sep == "." or order == "dmy":
            return _make(year, b, a)
        if order == "mdy":
            return _make(year, a, b)
        if a > 12:
            return _make(year, b, a)
        if b > 12 or a == b:
            return _make(year, a, b)
        raise AmbiguousDate(f"could be {_make(year, a, b)} (month first) or {_make(year, b, a)} (day first)")
    named = _named(raw)
    if named is not None:
        return named
    raise DateError("is not a date")


def strptime_format(spec: str) -> str:
    """``--date-format`` as a strptime format: ``%d/%m/%Y`` as it is, ``dd/mm/yyyy`` translated."""
    if "%" in spec:
        return spec
    out, i, low = "", 0, spec.casefold()
    while i < len(spec):
        for token, code in _FRIENDLY:
            if low.startswith(token, i):
                out += code
                i += len(token)
                break
        else:
            out += spec[i]
            i += 1
    return out


def parse_with_format(text: str, fmt: str) -> date:
    """A date read with a strptime format; a time after the date is ignored unless the format reads it."""
    raw = " ".join(text.split())
    try:
        parsed = datetime.strptime(raw, fmt)
    except ValueError:
        try:
            parsed = datetime.strptime(strip_time(raw), fmt)
        except ValueError:
            raise DateError("does not match the date format") from None
    if "%d" not in fmt and "%j" not in fmt:
        return _make(parsed.year, parsed.month, None)  # a format without a day reads months
    return parsed.date()


def order_of(spec: str | None) -> str | None:
    """``dmy``/``mdy``/``ymd`` when ``--date-format`` names just an order (also ``d/m/y`` style)."""
    if spec is None:
        return None
    letters = "".join(c for c in spec.casefold() if c in "dmy")
    squeezed = "".join(c for i, c in enumerate(letters) if i == 0 or c != letters[i - 1])
    return squeezed if squeezed in ORDERS and "%" not in spec else None


class DateColumn:
    """One column's dates, read after all its values have said which number is the day.

    ``fmt`` (a strptime format) or ``order`` (dmy/mdy, from a profile or the
    user) settle it up front; otherwise the values do. ``problem`` is set when
    they cannot: the first ambiguous value's two readings, or two lines that
    contradict each other.
    """

    def __init__(self, values: Iterable[tuple[int, str]], *, fmt: str | None = None,
                 order: str | None = None, day_zero: date | None = None) -> None:
        self.fmt, self.order, self.day_zero = fmt, order, day_zero
        self.problem: tuple[int, str] | None = None
        if fmt is not None or order is not None:
            return
        possible = {"dmy", "mdy"}
        first_ambiguous: tuple[int, str] | None = None
        decided: dict[str, tuple[int, str]] = {}
        for line, text in values:
            orders = numeric_orders(text)
            if orders is None or orders == {"dmy", "mdy"}:
                if orders and first_ambiguous is None and self._ambiguous(text):
                    first_ambiguous = (line, text)
                continue
            for order_name in orders:
                decided.setdefault(order_name, (line, text))
            possible &= orders
        if not possible:
            (l1, t1), (l2, t2) = decided["dmy"], decided["mdy"]
            self.problem = (l1, f"dates put the day first on line {l1} ({t1.strip()}) and the month first "
                                f"on line {l2} ({t2.strip()}); say which with --date-format")
        elif len(possible) == 1:
            self.order = possible.pop()
        elif first_ambiguous is not None:
            line, text = first_ambiguous
            try:
                parse_source_date(text)
            except AmbiguousDate as exc:
                self.problem = (line, f"date {text.strip()} {exc}; no date in the file says which, so "
                                      "nothing is guessed: add --date-format %m/%d/%Y or --date-format %d/%m/%Y")

    @staticmethod
    def _ambiguous(text: str) -> bool:
        return date_reading(text) == "ambiguous"

    def read(self, text: str) -> date:
        """One value of the column; DateError saying why it is not a date.

        A workbook's day numbers are read from its ``day_zero``; in a CSV nothing says
        where they count from, so they are refused with what to do.
        """
        if _DAY_NUMBER.match(text.strip()):
            if self.day_zero is None:
                raise DateError("is an Excel day number, not a date; format the column as dates in Excel and "
                                "save the CSV again, or import the .xlsx")
            return self.day_zero + timedelta(days=int(float(text)))
        if self.fmt is not None:
            return parse_with_format(text, self.fmt)
        return parse_source_date(text, self.order)


def date_reading(text: str) -> str:
    """``"date"`` when ``text`` is a date as sources write it, ``"ambiguous"`` when it is one read two ways
    (``03/02/2024``), ``""`` when it is no date."""
    try:
        parse_source_date(text)
    except AmbiguousDate:
        return "ambiguous"
    except DateError:
        return ""
    return "date"
