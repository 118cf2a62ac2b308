"""Dates as sources write them: read as written, months as their last day, ambiguity refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tenfold.exchange.parse_dates import (
    AmbiguousDate,
    DateColumn,
    DateError,
    order_of,
    parse_source_date,
    parse_with_format,
    strptime_format,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-02", date(2024, 3, 2)),
        ("2024-03-02 14:22", date(2024, 3, 2)),
        ("2024-03-02T14:22:00Z", date(2024, 3, 2)),
        ("2024-03-02T23:59:59-08:00", date(2024, 3, 2)),
        ("Mar 21, 2024", date(2024, 3, 21)),
        ("March 28, 2024", date(2024, 3, 28)),
        ("Sep 30, 2024 PDT", date(2024, 9, 30)),
        ("21 Mar 2024", date(2024, 3, 21)),
        ("21-Mar-2024", date(2024, 3, 21)),
        ("2. März 2024", date(2024, 3, 2)),
        # Excel's d-mmm-yy, and month names as Excel writes them in French, Spanish, Italian, Dutch, Portuguese
        ("15-Mar-24", date(2024, 3, 15)),
        ("Mar 15, 24", date(2024, 3, 15)),
        ("2 mars 2024", date(2024, 3, 2)),
        ("18 févr. 2024", date(2024, 2, 18)),
        ("31-déc.-23", date(2023, 12, 31)),
        ("1 août 2024", date(2024, 8, 1)),
        ("02-ene-2024", date(2024, 1, 2)),
        ("5 mag 2024", date(2024, 5, 5)),
        ("12 mrt 2024", date(2024, 3, 12)),
        ("3-out-2024", date(2024, 10, 3)),
        ("02.03.2024", date(2024, 3, 2)),
        ("02.03.24", date(2024, 3, 2)),
        ("13/02/2024", date(2024, 2, 13)),
        ("2/13/2024 10:12:13 PM", date(2024, 2, 13)),
        ("2024-03", date(2024, 3, 31)),
        ("March 2, 2024 at 9:15 AM", date(2024, 3, 2)),
        ("Sat, 02 Mar 2024 09:15:00 +0000", date(2024, 3, 2)),
        ("Samstag, 2. März 2024", date(2024, 3, 2)),
        ("Wed 6 Mar 2024", date(2024, 3, 6)),
        ("20240302", date(2024, 3, 2)),
        ("2024-02", date(2024, 2, 29)),
        ("Jan 2024", date(2024, 1, 31)),
        ("January 2024", date(2024, 1, 31)),
        ("03/2024", date(2024, 3, 31)),
    ],
)
def test_dates_as_sources_write_them(text: str, expected: date) -> None:
    assert parse_source_date(text) == expected


def test_an_ambiguous_date_gives_both_readings() -> None:
    with pytest.raises(AmbiguousDate, match=r"2024-03-02 \(month first\) or 2024-02-03 \(day first\)"):
        parse_source_date("03/02/2024")
    assert parse_source_date("03/02/2024", "dmy") == date(2024, 2, 3)
    assert parse_source_date("03/02/2024", "mdy") == date(2024, 3, 2)


@pytest.mark.parametrize("text", ["2024-02-30", "31/31/2024", "Foo 2024", "yesterday", "", "1850-01-01", "2024-13",
                                  "20241332", "12345678", "Sat Sun 2024"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(DateError):
        parse_source_date(text)


def test_a_column_settles_the_order_or_refuses() -> None:
    us = DateColumn([(2, "03/02/2024"), (3, "03/15/2024")])
    assert us.problem is None and us.read("03/02/2024") == date(2024, 3, 2)
    eu = DateColumn([(2, "03/02/2024"), (3, "15/03/2024")])
    assert eu.read("03/02/2024") == date(2024, 2, 3)
    unsure = DateColumn([(2, "03/02/2024"), (3, "04/02/2024")])
    assert unsure.problem is not None and unsure.problem[0] == 2
    assert "2024-03-02 (month first) or 2024-02-03 (day first)" in unsure.problem[1]
    mixed = DateColumn([(2, "13/02/2024"), (3, "02/13/2024")])
    assert mixed.problem is not None and "line 2" in mixed.problem[1] and "line 3" in mixed.problem[1]
    told = DateColumn([(2, "03/02/2024")], order="mdy")
    assert told.problem is None and told.read("03/02/2024") == date(2024, 3, 2)


def test_date_formats_in_either_spelling() -> None:
    assert strptime_format("dd/mm/yyyy") == "%d/%m/%Y"
    assert strptime_format("%m/%d/%y") == "%m/%d/%y"
    assert parse_with_format("03/02/2024 14:22", "%d/%m/%Y") == date(2024, 2, 3)
    assert parse_with_format("2024-03", "%Y-%m") == date(2024, 3, 31)
    assert order_of("DMY") == "dmy" and order_of("m/d/y") == "mdy" and order_of("%d.%m.%Y") is None
    with pytest.raises(DateError):
        parse_with_format("2024-03-02", "%d/%m/%Y")


@settings(deadline=None)  # a loaded machine is not a failure
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
       st.sampled_from(["%Y-%m-%d", "%b %d, %Y", "%B %d, %Y", "%d.%m.%Y", "%Y-%m-%dT%H:%M:%SZ", "%d %b %Y"]))
def test_round_trip_of_unambiguous_forms(day: date, fmt: str) -> None:
    from datetime import datetime

    assert parse_source_date(datetime(day.year, day.month, day.day, 14, 22).strftime(fmt)) == day


@settings(deadline=None)  # a loaded machine is not a failure
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.sampled_from(["dmy", "mdy"]))
def test_numeric_dates_with_their_order_round_trip(day: date, order: str) -> None:
    text = day.strftime("%d/%m/%Y" if order == "dmy" else "%m/%d/%Y")
    assert parse_source_date(text, order) == day
    column = DateColumn([(2, text), (3, (day + timedelta(days=0)).strftime("%d/%m/%Y" if order == "dmy" else
                                                                         "%m/%d/%Y"))], order=order)
    assert column.read(text) == day
