"""The records an import reads a file into: what the user asked for, each row's entry, the skipped rows.

:mod:`tenfold.exchange.extract` fills them from a table; the plan, the preview and
the app's import screen read them. They hold no logic beyond counting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from tenfold.exchange.csvmapping import Problem
from tenfold.exchange.headers import Layout
from tenfold.exchange.parse_money import Money
from tenfold.exchange.profiles.base import Profile
from tenfold.exchange.read_table import Table


@dataclass(frozen=True)
class Options:
    """What the user said on the command line (or in the app's import screen)."""

    profile: str | None = None
    overrides: Mapping[str, str] = field(default_factory=dict)
    stream: str | None = None
    date_format: str | None = None
    decimal_comma: bool | None = None
    skip_rows: int | None = None
    where: tuple[tuple[str, str], ...] = ()
    gross: bool = False
    currency: str | None = None
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None


@dataclass(frozen=True)
class Entry:
    """A payment as the file states it; the currency may still be unknown (then the stream's)."""

    line: int
    sheet: str
    on: date
    stream: str
    amount: Decimal
    currency: str | None
    fee: Decimal | None
    customer: str
    note: str
    external_id: str
    refund_of: str
    kind: str
    """income, refund or deduction."""
    units: int | None = None
    """Units delivered, where the source has a quantity column and the row is a sale."""
    platform_fee: bool = False
    """A deduction that is the platform's fee (its rule says so), not tax or an adjustment."""

    def where(self) -> str:
        """``line 7`` or ``sheet 'eBook Royalty' row 7``."""
        return f"sheet '{self.sheet}' row {self.line}" if self.sheet else f"line {self.line}"


@dataclass
class Skipped:
    """Rows skipped for one reason, and their money per currency (where it could be read)."""

    rows: int = 0
    money: dict[str, Decimal] = field(default_factory=dict)

    def add(self, amount: Decimal | None, currency: str) -> None:
        """One more row, with its money (``currency`` "?" when the file does not say)."""
        self.rows += 1
        if amount:
            self.money[currency] = self.money.get(currency, Decimal(0)) + amount


@dataclass
class Extraction:
    """Everything read from a file, before it meets the ledger."""

    profile: Profile
    table: Table
    layout: Layout
    rows_read: int = 0
    entries: list[Entry] = field(default_factory=list)
    skipped: dict[str, Skipped] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    running_total: Decimal = Decimal(0)
    """The amounts of the part's rows so far: a row holding only their sum is a totals row."""

    def skip(self, reason: str, money: Money | None, currency: str | None) -> None:
        """Count a skipped row under ``reason``."""
        amount = money.amount if money is not None else None
        code = (money.currency if money is not None else None) or currency or "?"
        self.skipped.setdefault(reason, Skipped()).add(amount, code)
