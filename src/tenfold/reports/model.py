"""What a report holds: the figures of each stream and month, and the report as a whole.

Built by :mod:`tenfold.reports.build`; shown by :mod:`tenfold.reports.formats`,
the CLI and the app's report screen. Money stays in each stream's own currency in
the per-stream figures; totals and shares are in the report's currency.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from tenfold.domain.rates import Converted, ConvertedTotals
from tenfold.domain.streams import Stream
from tenfold.figures.evidence import MIN_MONTHS
from tenfold.reports.aggregate import Month, Period

CONCENTRATION_LIMIT = Decimal("0.5")
"""More than this share of passive income from one stream earns a warning."""

_ZERO = Decimal("0.00")


@dataclass(frozen=True)
class StreamFigures:
    """One stream over the report's months, in its own currency unless said otherwise."""

    stream: Stream
    by_month: dict[Month, Decimal]
    """Every shown month (the compared month too), zero where nothing came in."""
    total: Decimal
    """The period's sum (the compared month is not part of it)."""
    converted: Decimal
    """The part of ``total`` that could be converted, in the report's currency."""
    unconverted: Decimal
    """The part of ``total`` with no rate, in the stream's currency."""
    share_of_passive: Decimal | None
    """Share (0..1) of all passive income in the period; None for other kinds, no passive income, or unknown."""
    per_upkeep_hour: Decimal | None
    """``total`` per hour of upkeep over the period; None when no upkeep is recorded."""
    upkeep_source: str = "estimate"
    """What the hours rest on: ``logged``, ``estimate``, ``logged + estimate`` or ``none``."""
    upkeep_months: int = 0
    """The complete months since the stream began that ``per_upkeep_hour`` counts."""
    fees: Decimal | None = None
    """Fees the platforms kept over the period, in the stream's currency; None when no payment recorded a fee."""
    fees_converted: Decimal | None = None
    """``fees`` in the report's currency; None without fees or when a month of them has no rate."""
    refunds: int = 0
    """Refunds given over the period (they are in ``total`` already, as negative amounts)."""
    refunded: Decimal = _ZERO
    """Their sum (negative), in the stream's currency."""
    fees_by_month: dict[Month, Decimal | None] | None = None
    """The fees of each shown month (None where none was recorded), for the per-month formats."""
    share_unknown: bool = False
    """Part of this passive stream's income has no rate: its share cannot be known."""


def passive_share_of(passive: ConvertedTotals, whole: ConvertedTotals) -> Decimal | None:
    """The passive part's share of ``whole``; None without income, or when part of ``whole`` has no rate
    (the share of what was converted is not the share, and 0% would be a guess)."""
    return None if whole.unconverted else share(passive.amount, whole.amount)


@dataclass(frozen=True)
class MonthFigures:
    """One month's income in the report's currency: all of it and the passive part."""

    month: Month
    all: ConvertedTotals
    passive: ConvertedTotals

    @property
    def passive_share(self) -> Decimal | None:
        """Passive share of the month's income; None without income, or when it is unknown."""
        return passive_share_of(self.passive, self.all)

    @property
    def share_unknown(self) -> bool:
        """Some income has no rate: the share of what was converted is not the month's share."""
        return bool(self.all.unconverted)


@dataclass(frozen=True)
class Report:
    """Everything one report shows; formats only lay it out."""

    period: Period
    currency: str
    months: tuple[MonthFigures, ...]
    """Every shown month, oldest first (the compared month first)."""
    streams: tuple[StreamFigures, ...]
    """The streams shown (all, or the one asked for), by name."""
    all: ConvertedTotals
    """The period's income, every stream."""
    passive: ConvertedTotals
    """The period's passive income, every passive stream."""
    leader: tuple[str, Decimal] | None
    """The passive stream with the largest share of passive income, and that share."""
    missing: tuple[tuple[str, Month], ...]
    """(currency, month) pairs that had income and no rate into ``currency``."""
    only: str | None = None
    """The stream's name when the report was asked for one stream."""
    evidence_months: int = MIN_MONTHS
    """Complete months with passive income up to the period's end: the warning waits for enough."""
    fees: ConvertedTotals | None = None
    """The fees of the streams shown over the period, in the report's currency; None when none was recorded."""

    @property
    def passive_share(self) -> Decimal | None:
        """Passive share of all income in the period; None without income, or when it is unknown."""
        return passive_share_of(self.passive, self.all)

    @property
    def share_unknown(self) -> bool:
        """Some of the period's income has no rate: its passive share cannot be known (0.0% would be a guess)."""
        return bool(self.all.unconverted)

    @property
    def any_share_unknown(self) -> bool:
        """Whether any share the report shows is unknown (the notes then say what the dash means)."""
        return self.share_unknown or any(m.share_unknown for m in self.months) or \
            any(f.share_unknown for f in self.streams)

    @property
    def concentrated(self) -> bool:
        """One stream brings more than half of the passive income, in a complete period resting on
        :data:`~tenfold.figures.evidence.MIN_MONTHS` months of passive income (a partial month or a
        first month says nothing about concentration yet)."""
        if self.period.so_far and len(self.period.months) == 1:
            return False
        return self.evidence_months >= MIN_MONTHS and self.leader is not None and self.leader[1] > CONCENTRATION_LIMIT

    @property
    def rates_used(self) -> tuple[Converted, ...]:
        """Each rate used for the period's totals, once, oldest first."""
        seen: dict[tuple[int, bool], Converted] = {}
        for m in self.months:
            if m.month in self.period.months:
                for c in m.all.used:
                    if c.rate is not None:
                        seen.setdefault((c.rate.id, c.inverted), c)
        return tuple(sorted(seen.values(), key=_rate_order))


def _rate_order(c: Converted) -> tuple[str, str]:
    """Oldest rate first, then by currency (every listed conversion has a rate)."""
    return (c.rate.on.isoformat(), c.rate.currency) if c.rate else ("", "")


def share(part: Decimal, whole: Decimal) -> Decimal | None:
    """``part / whole`` to four places (0.1234 = 12.34%), or None when ``whole`` is zero."""
    if not whole:
        return None
    return (part / whole).quantize(Decimal("0.0001"), rounding=ROUND_HALF_EVEN)
