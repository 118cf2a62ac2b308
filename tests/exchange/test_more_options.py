"""The import screen's 'More options' line: the command line's rarer import options, read the same way."""

from __future__ import annotations

import pytest

from tenfold.domain.errors import FieldError
from tenfold.exchange.more_options import MoreOptions, parse_more


def test_an_empty_line_gives_nothing() -> None:
    assert parse_more("") == MoreOptions()
    assert parse_more("   ") == MoreOptions()


def test_every_option_as_the_command_line_writes_it() -> None:
    more = parse_more('--decimal-comma --encoding cp1252 --delimiter ";" --skip-rows 3 '
                      '--where "Type=Website Payment" --where Status=Completed --sheet "eBook Royalty" --currency eur')
    assert more == MoreOptions(decimal_comma=True, encoding="cp1252", delimiter=";", skip_rows=3,
                               where=(("Type", "Website Payment"), ("Status", "Completed")),
                               sheet="eBook Royalty", currency="EUR")


def test_name_equals_value_works_too() -> None:
    assert parse_more("--skip-rows=0 --delimiter=tab --currency=GBP") == MoreOptions(
        skip_rows=0, delimiter="\t", currency="GBP")


@pytest.mark.parametrize(("text", "says"), [
    ("--decimal", "'--decimal' is not one of --decimal-comma, --encoding"),
    ("decimal-comma", "'decimal-comma' is not one of"),
    ("--stream Shop", "--stream has its own place on this screen: use 'Every row to this stream'"),
    ("--map amount=Net", "--map has its own place on this screen: use 'Column mapping'"),
    ("--amount gross", "--amount has its own place on this screen: use the third menu"),
    ("--encoding", "--encoding needs a value, e.g. --encoding cp1252"),
    ("--sheet --decimal-comma", "--sheet needs a value"),
    ("--encoding=", "--encoding needs a value"),
    ("--decimal-comma=yes", "--decimal-comma takes no value"),
    ("--currency EUR --currency USD", "--currency is given twice"),
    ("--currency euros", "--currency: 'euros' is not a currency code"),
    ("--delimiter x", "--delimiter: use one of , ; | or tab"),
    ("--where Type", "--where: 'Type' is not COLUMN=VALUE, e.g. Type=Sale"),
    ("--skip-rows -1", "--skip-rows: '-1' is not a whole number"),
    ("--skip-rows two", "--skip-rows: 'two' is not a whole number from 0 to 10,000"),
    ("--skip-rows 99999", "--skip-rows: '99999' is not a whole number"),
    ('--where "Type=Sale', "a quote is not closed"),
])
def test_a_wrong_line_is_refused_with_what_is_wrong(text: str, says: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_more(text)
    assert caught.value.field == "more"
    assert says in caught.value.message
