"""Reach as it really is: how many people a stream reached in a complete month.

The method's question, why only one customer, is answered from the payments:
the distinct customers named on a stream's payments in a month (names compared
without case), placed on the same 1 → 10 → 100 → 1k → 1M rungs as the idea the
stream grew from, beside the rung planned there ("planned 1k, reached 37").
Payments without a customer are counted as payments, not as people: a monthly
royalty from a platform is many readers Tenfold cannot see. A stream whose
customers are counted through a platform, or that has one repeat customer by
design (a tenant, a licensee; :data:`tenfold.domain.streams.CUSTOMER_MODES`), is
shown as such and not placed on the ladder: its payer is not "one customer".

Where the payments give units (a platform's quantity column, or typed), the units
of the month's sales are its deliveries, shown beside the customers: a royalty
line from a store is "19 delivered" even when no buyer is seen. A refund's units
are not deliveries (the copy went back), so they add nothing.

Only money paid in is counted: a refund, or a platform's fee or adjustment line
(a negative amount that is not a refund, as Etsy's statement writes one per fee),
reaches nobody, so a month of three sales with their fee lines is three payments.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from tenfold.domain.dates import previous_month
from tenfold.domain.ideas import LADDER, Idea, rung_label
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import Month
from tenfold.domain.streams import Stream
from tenfold.figures.projection import month_text


def rung_of(people: int) -> int:
    """The highest rung of the ladder at or below ``people`` (0 below the first)."""
    return max((r for r in LADDER if r <= people), default=0)


@dataclass(frozen=True)
class Reach:
    """One stream in one complete month."""

    stream: Stream
    month: Month
    customers: int
    """Distinct customers named on its payments."""
    payments: int
    unnamed: int
    """Payments without a customer: people Tenfold cannot count."""
    planned: int
    """The rung the idea it came from was rated at (0: no idea, or not rated)."""
    deliveries: int | None = None
    """Units the month's sales delivered; None when none of its payments gives units."""

    @property
    def counted(self) -> bool:
        """Whether the names on its payments are its customers (not a platform's, not one tenant's)."""
        return self.stream.customers == "each"

    @property
    def rung(self) -> int | None:
        """The rung reached this month; None when its customers are not counted one by one."""
        return rung_of(self.customers) if self.counted else None

    @property
    def began_after(self) -> bool:
        """Whether the stream was added after the month measured: that month says nothing of its reach."""
        began = self.stream.started_on
        return began is not None and (began.year, began.month) > self.month

    def describe(self) -> str:
        """``planned 1k, reached 37 in 2027-01 (52 delivered)`` and what could not be counted."""
        text = self._people()
        if self.deliveries is None:
            return text
        delivered = f"{self.deliveries:,} delivered"
        return f"{text[:-1]}; {delivered})" if text.endswith(")") else f"{text} ({delivered})"

    def _people(self) -> str:
        when = month_text(self.month)
        plan = f"planned {rung_label(self.planned)}, " if self.planned else ""
        if self.payments == 0 and self.began_after:
            return f"{plan}no complete month yet"
        if self.payments == 0:
            return f"{plan}no payments in {when}"
        paid = f"{self.payments} payment{_s(self.payments)} in {when}"
        if self.stream.customers == "platform":
            return f"{plan}through a platform: {paid} (its buyers are not seen)"
        if self.stream.customers == "one":
            return f"{plan}one repeat customer by design: {paid}"
        if self.customers == 0:
            return f"{plan}no customers named in {when} ({self.payments} payment{_s(self.payments)})"
        text = f"{plan}reached {self.customers:,} in {when}"
        if self.unnamed:
            text += f" (+{self.unnamed} payment{_s(self.unnamed)} without a name)"
        return text


def _s(n: int) -> str:
    return "" if n == 1 else "s"


def reach_in(month: Month, streams: Iterable[Stream], payments: Iterable[Payment],
             ideas: Mapping[int, Idea]) -> dict[int, Reach]:
    """Each stream's reach in ``month``, in one pass over the payments."""
    names: dict[int, set[str]] = {}
    counts: dict[int, int] = {}
    unnamed: dict[int, int] = {}
    delivered: dict[int, int] = {}
    for p in payments:
        if (p.on.year, p.on.month) != month or p.refund or p.amount <= 0:
            continue  # refunds and fee lines reach nobody: only money paid in is a sale
        counts[p.stream_id] = counts.get(p.stream_id, 0) + 1
        if p.units is not None:
            delivered[p.stream_id] = delivered.get(p.stream_id, 0) + p.units
        who = p.customer.strip().casefold()
        if who:
            names.setdefault(p.stream_id, set()).add(who)
        else:
            unnamed[p.stream_id] = unnamed.get(p.stream_id, 0) + 1
    out: dict[int, Reach] = {}
    for s in streams:
        idea = ideas.get(s.idea_id) if s.idea_id is not None else None
        out[s.id] = Reach(s, month, len(names.get(s.id, ())), counts.get(s.id, 0), unnamed.get(s.id, 0),
                          idea.rating if idea else 0, delivered.get(s.id))
    return out


def last_month_reach(streams: Iterable[Stream], payments: Iterable[Payment], ideas: Mapping[int, Idea],
                     today: date) -> dict[int, Reach]:
    """Reach in the last complete month: the running month is never measured."""
    return reach_in(previous_month(today.year, today.month), streams, payments, ideas)
