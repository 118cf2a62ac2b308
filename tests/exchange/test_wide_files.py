"""A file of thousands of columns (a spreadsheet's far empty columns kept in its CSV) reads in one pass.

Every profile binds a dozen fields against the header; making each column's keys
again for each field and profile was quadratic (a 20,000-column file took a minute
and more). The keys are made once per header, which is counted here rather than
timed.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest

from tenfold.exchange.extraction import Options
from tenfold.exchange.importing import read_source
from tenfold.exchange.profiles import base


def wide_file(columns: int) -> bytes:
    """A bank's three columns, then a spreadsheet's empty ones out to ``columns`` (named afresh each time)."""
    tag = uuid.uuid4().hex[:8]
    header = ["Date", "Description", "Amount", *(f"Column {tag} {n}" for n in range(4, columns + 1))]
    rows = [[f"2026-11-0{d}", "Sale", "10.00", *([""] * (columns - 3))] for d in range(1, 6)]
    return "\n".join(",".join(cells) for cells in (header, *rows)).encode()


def test_a_file_of_two_thousand_columns_makes_each_columns_keys_about_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = [0]
    real = base.header_keys

    def counted(header: str) -> tuple[str, str]:
        calls[0] += 1
        return real(header)

    monkeypatch.setattr(base, "header_keys", counted)
    extraction = read_source(wide_file(2000), "wide.csv", Options(stream="Shop"))
    assert [e.amount for e in extraction.entries] == [Decimal("10.00")] * 5 and not extraction.problems
    assert calls[0] < 3 * 2000, f"the keys of 2,000 columns were made {calls[0]:,} times"
