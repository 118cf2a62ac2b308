"""When will the goal be reached at the recent pace? One simple method, said in words.

The method (also shown on the help screen, from :data:`PROJECTION_METHOD`):
where you are is the average passive income of the last 3 full months; the pace
is the monthly growth, compounded, that turns the average of the 3 months before
those into it (``(recent / previous) ** (1/3) - 1``, the two averages lying 3
months apart). Growing at that pace from the last full month, the goal is reached
in the first month where the average would meet the target. If that month is
after the deadline's month, we say what monthly growth would meet the target by
then instead. Averages of 3 months smooth quarterly and lumpy payments; comparing
two of them needs 6 full months of history and some income in both. A ledger
begun less than 3 full months ago has its level averaged over the months it holds
(``level_months``), and the sentences say so; before one full month, nothing is said
about the level at all.

Everything is Decimal: a forecast is a guess, but the figures it rests on are not.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tenfold.domain.monthly import Month, month_index

PROJECTION_METHOD = (
    "Projection: your level is the average passive income of the last 3 full months; your "
    "pace is the monthly growth, compounded, from the average of the 3 months before to that "
    "level. At that pace, the goal is reached in the first month the level meets the target. "
    "If that is after the deadline's month, Tenfold shows the monthly growth that would meet "
    "the target by then. It needs 6 full months of history with passive income in both "
    "3-month periods; amounts in other currencies count only through the rates you enter. "
    "The range beside the month runs from the best to the worst of the last 3 months at the "
    "same pace; a last month more than 30% below the one before is said next to it."
)

HORIZON_MONTHS = 1200
"""Beyond 100 years a projected month means nothing; we say "more than 100 years"."""

_PCT = Decimal("0.0001")
FALL = Decimal("0.3")
"""A last full month more than 30% below the one before is said beside the projection."""
RESTS_ON = 6
"""Full months every projection rests on (two 3-month averages)."""


@dataclass(frozen=True)
class Projection:
    """The outcome: ``status`` says which case, the rest what is known in it.

    Statuses: ``reached`` (the 3-month average meets the target), ``on_track``
    (reached by the deadline's month), ``late`` (after it; ``reach`` is None when
    more than 100 years away), ``not_growing`` (pace zero or below), ``no_income``
    (nothing in the last 3 months), ``too_new`` (under 6 months of history),
    ``no_base`` (nothing in the 3 months before the last 3), ``past_deadline``.
    ``growth`` and ``needed`` are monthly fractions: 0.05 is +5 % a month.
    """

    status: str
    growth: Decimal | None = None
    reach: Month | None = None
    needed: Decimal | None = None
    deadline: Month | None = None
    history_from: Month | None = None
    earliest: Month | None = None
    """The reach month if the best of the last 3 months were the level (how sure: the range)."""
    latest: Month | None = None
    """The reach month if the worst of them were (None: not within 100 years)."""
    fell: tuple[Month, Decimal] | None = None
    """The last full month and how much it fell from the month before, when it fell by more than :data:`FALL`."""
    level_months: int = 3
    """The complete months the level averages: fewer than 3 in a ledger begun since."""


def add_months(month: Month, count: int) -> Month:
    """``count`` months after ``month``."""
    year, index = divmod(month_index(month) + count, 12)
    return (year, index + 1)


def growth_needed(level: Decimal, target: Decimal, months: int) -> Decimal | None:
    """Monthly growth that takes ``level`` to ``target`` in ``months`` months, or None if it cannot."""
    if months <= 0 or level <= 0:
        return None
    if level >= target:
        return Decimal(0)
    return ((target / level) ** (Decimal(1) / months) - 1).quantize(_PCT)


def project(
    *,
    recent: Decimal,
    previous: Decimal,
    target: Decimal,
    last_full: Month,
    deadline: Month,
    history_from: Month | None,
    months: Sequence[Decimal] = (),
    level_months: int = 3,
) -> Projection:
    """Project the goal from two 3-month averages (see the module's docstring for the method).

    ``recent`` averages the 3 months ending with ``last_full``, ``previous`` the
    3 before; ``history_from`` is the first month with passive income at all.
    ``months`` (the 6 full months, oldest first), when given, say how sure the
    projection is: the range from the best and worst recent month, and a fall.
    ``level_months`` says how many complete months ``recent`` averages (the ledger's
    months, at most 3); with none, the level is unknown: ``too_new``, nothing reached.
    """
    if level_months > 0 and recent >= target:
        return Projection("reached", level_months=level_months)
    left = month_index(deadline) - month_index(last_full)
    if left <= 0:
        return Projection("past_deadline", deadline=deadline)
    if level_months <= 0:
        return Projection("too_new", deadline=deadline, history_from=history_from, level_months=0)
    needed = growth_needed(recent, target, left)
    if recent <= 0:
        return Projection("no_income", deadline=deadline, level_months=level_months)
    if history_from is None or month_index(history_from) > month_index(last_full) - 5:
        return Projection("too_new", needed=needed, deadline=deadline, history_from=history_from)
    if previous <= 0:
        return Projection("no_base", needed=needed, deadline=deadline)
    growth = ((recent / previous) ** (Decimal(1) / 3) - 1).quantize(_PCT)
    if growth <= 0:
        return Projection("not_growing", growth=growth, needed=needed, deadline=deadline)
    count = math.ceil((target / recent).ln() / (1 + growth).ln())
    if count > HORIZON_MONTHS:
        return Projection("late", growth=growth, needed=needed, deadline=deadline)
    reach = add_months(last_full, count)
    sure = _sureness(months, target, growth, last_full)
    if month_index(reach) <= month_index(deadline):
        return Projection("on_track", growth=growth, reach=reach, deadline=deadline, **sure)
    return Projection("late", growth=growth, reach=reach, needed=needed, deadline=deadline, **sure)


def _reach(level: Decimal, target: Decimal, growth: Decimal, last_full: Month) -> Month | None:
    if level >= target:
        return last_full
    if level <= 0:
        return None
    count = math.ceil((target / level).ln() / (1 + growth).ln())
    return add_months(last_full, count) if count <= HORIZON_MONTHS else None


def _sureness(months: Sequence[Decimal], target: Decimal, growth: Decimal, last_full: Month) -> dict[str, Any]:
    """The range (best and worst recent month as the level, the same pace) and a fall of the last month."""
    if len(months) < RESTS_ON:
        return {}
    recent = list(months[-3:])
    out: dict[str, Any] = {"earliest": _reach(max(recent), target, growth, last_full),
                           "latest": _reach(min(recent), target, growth, last_full)}
    before, last = recent[-2], recent[-1]
    if before > 0 and last < before * (1 - FALL):
        out["fell"] = (last_full, ((before - last) / before).quantize(_PCT))
    return out


def month_text(month: Month) -> str:
    """``2027-02``: a month the ISO way, like every date in Tenfold."""
    return f"{month[0]:04d}-{month[1]:02d}"


def pct(fraction: Decimal) -> str:
    """``+5.2%`` for 0.052."""
    return f"{fraction * 100:+.1f}%"


def describe(p: Projection) -> str:
    """The projection in one or two plain sentences."""
    by = month_text(p.deadline) if p.deadline else "the deadline"
    need = f" Meeting the target by {by} needs {pct(p.needed)} a month." if p.needed is not None else ""
    if p.status == "reached":
        return f"The {p.level_months}-month average meets the target. Keep it there."
    if p.status == "past_deadline":
        return f"The deadline ({by}) has passed: rewrite the goal with a new date (press w)."
    if p.status == "no_income":
        return f"No passive income in the {last_months(p.level_months)}: nothing to project from yet."
    if p.status == "too_new":
        since = f"; yours starts {month_text(p.history_from)}" if p.history_from else ""
        return f"A projection needs 6 full months of passive income{since}.{need}"
    if p.status == "no_base":
        return f"No passive income in the 3 months before the last 3: the pace cannot be measured yet.{need}"
    assert p.growth is not None
    if p.status == "not_growing":
        return f"Not growing ({pct(p.growth)} a month over the last 6 months): at this pace never.{need}"
    fell = ""
    if p.fell is not None:
        fell = (f" But {month_text(p.fell[0])} fell {p.fell[1] * 100:.0f}% from the month before: "
                "if that holds, this pace does not.")
    if p.status == "on_track":
        assert p.reach is not None
        on_time = "on time, at that pace," if p.fell else "on time"
        return (f"At {pct(p.growth)} a month, reached around {month_text(p.reach)}{range_text(p)}: "
                f"{on_time} for {by}.{fell}")
    when = month_text(p.reach) if p.reach else "more than 100 years from now"
    return f"At {pct(p.growth)} a month, reached around {when}{range_text(p)}: after {by}.{need}{fell}"


def last_months(count: int) -> str:
    """``last 3 full months``, or ``2 full months recorded so far`` for a ledger begun since."""
    if count >= 3:
        return "last 3 full months"
    return f"{count} full month{'' if count == 1 else 's'} recorded so far"


def range_text(p: Projection) -> str:
    """`` (2027-04 to 2027-09; rests on 6 full months)``: how sure the month is."""
    if p.earliest is None and p.latest is None:
        return ""
    first = month_text(p.earliest) if p.earliest else "?"
    last = month_text(p.latest) if p.latest else "over 100 years"
    span = first if first == last else f"{first} to {last}"
    return f" ({span}; rests on {RESTS_ON} full months)"
