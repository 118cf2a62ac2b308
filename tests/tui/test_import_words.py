"""The command line's options in import messages, said as the import dialog's menus and fields."""

from __future__ import annotations

import pytest

from tenfold.tui.dialogs.import_words import in_app


@pytest.mark.parametrize(("cli", "app"), [
    ("no profile recognises these columns: a, b; choose one with --profile NAME (see --list-profiles), or name "
     "the columns with --map date=COLUMN --map amount=COLUMN and give --stream NAME",
     "no profile recognises these columns: a, b; choose one in the first menu, or name the columns under "
     "'Column mapping' (date=COLUMN, amount=COLUMN) and a stream under 'Every row to this stream'"),
    ("no date in the file says which, so nothing is guessed: add --date-format %m/%d/%Y or --date-format %d/%m/%Y",
     "no date in the file says which, so nothing is guessed: type %m/%d/%Y or %d/%m/%Y under 'Date format'"),
    ("line 4 (2024-03-05) and line 9 (05/03/2024); say which with --date-format",
     "line 4 (2024-03-05) and line 9 (05/03/2024); say which under 'Date format'"),
    ("names no stream; add --stream NAME", "names no stream; name one under 'Every row to this stream'"),
    ("  fees (left out with --amount gross): 2", "  fees (left out with 'Gross amounts'): 2"),
    ("Total to add: 1,234.56 EUR", "Total to add: 1,234.56 EUR"),
    ("for a bank's file add --profile bank (money out is skipped), for sales add --profile tenfold (refunds",
     "for a bank's file choose bank in the first menu (money out is skipped), for sales choose tenfold in the "
     "first menu (refunds"),
    ("say which column is the amount by its number, counted from 1: --map amount=N",
     "say which column is the amount by its number, counted from 1: amount=N under 'Column mapping'"),
])
def test_each_option_is_named_as_the_dialog_shows_it(cli: str, app: str) -> None:
    assert in_app(cli) == app
