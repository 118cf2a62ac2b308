"""Honest checks: gentle, rule-based nudges, each explained in one line and dismissable.

Every rule is a pure function of the data and a date. A nudge has a stable
``key`` naming what it is about ("upkeep:stream:12"), so a dismissal
(``Store.dismiss(key, on)``) keeps it away for good; keys that depend on a fact
that can change carry that fact ("quiet:stream:3:2026-05-02"), so the nudge comes
back when the situation is new (the stream paid, then went quiet again).

The rules and their thresholds:

- no written goal yet (``no-goal``);
- a goal without a positive amount (``goal-amount``) or whose deadline has passed
  (``goal-deadline:<date>``);
- no backup plan - no step 4 item and no months of savings written down - while
  passive income does not yet cover the goal (``backup``): the better of this
  month and the last full month, in the goal's currency, is below the target;
- one stream or one named customer bringing more than :data:`CONCENTRATION` of
  the passive income of the last 12 complete months, everything converted into
  the goal's currency (what no rate converts is left out of the check), once
  there is enough evidence: :data:`MIN_PAYMENTS` payments over at least
  :data:`MIN_MONTHS` complete months (``concentration:stream:<id>``,
  ``concentration:customer:<name>``); only streams whose customers are counted
  one by one take part in the customer check: a platform or a tenant is not a
  customer in disguise;
- a passive stream with more than :data:`UPKEEP_LIMIT` hours of upkeep a month
  (the hours logged, averaged over its complete months, where there are any; the
  estimate otherwise): a part-time job, i.e. active income in disguise; its income
  per hour counts only the complete months since it began (``upkeep:stream:<id>``);
- a stream less than half paid back after a year (:mod:`tenfold.figures.payback`):
  a question to review it, once (``payback:stream:<id>``);
- a stream with no payment for more than twice its cadence (two months, two
  quarters, two years) or :data:`IRREGULAR_QUIET_DAYS` days when irregular
  (``quiet:stream:<id>:<last payment>``); a stream never paid has no date to
  measure from and is left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from tenfold.coach.facts import PaymentFacts
from tenfold.domain.goal import COUNTED_PASSIVE, Goal, counted_kinds
from tenfold.domain.money import format_money
from tenfold.domain.monthly import Month
from tenfold.domain.rates import Rate, convert, month_end
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.figures.evidence import MIN_MONTHS, MIN_PAYMENTS, StreamEvidence
from tenfold.figures.expected import CADENCE_MONTHS, add_months
from tenfold.figures.measures import Measures
from tenfold.figures.payback import Payback

UPKEEP_LIMIT = Decimal(20)
"""Hours of upkeep a month above which a "passive" stream is really a part-time job (5 a week)."""
CONCENTRATION = Decimal("0.6")
"""Share of a year's passive income above which one stream or customer is a single point of failure."""
IRREGULAR_QUIET_DAYS = 90
"""Days without a payment after which an irregular stream counts as quiet."""

CHECK_RULES = (
    f"Checks count complete months only, and only the months since a stream began (its first payment "
    f"or the day it was added). Concentration: one stream or one customer bringing more than "
    f"{CONCENTRATION:.0%} of the last 12 complete months' passive income, all of it converted into the "
    f"goal's currency; it waits for {MIN_PAYMENTS} payments over {MIN_MONTHS} complete months. A stream "
    f"paid through a platform or by one tenant by design is not counted as one customer. Upkeep: a "
    f"passive stream taking more than {UPKEEP_LIMIT} hours a month; its income per hour counts the "
    f"complete months it has existed. Quiet: no payment for twice its cadence, or "
    f"{IRREGULAR_QUIET_DAYS} days when irregular. Portfolio income counts wherever passive income "
    f"does when the goal says so. Step 8 suggests its tick only when a stream you are scaling earned "
    f"more in the last 3 full months than in the 3 before, with income in both."
)
"""The rules in plain words, for the help screen."""


@dataclass(frozen=True)
class Nudge:
    """One honest check that fired: what was seen (``text``) and the rule behind it (``why``)."""

    key: str
    text: str
    why: str


def goal_nudges(goal: Goal | None, today: date) -> list[Nudge]:
    """No goal; a goal without an amount; a goal whose deadline has passed."""
    if goal is None:
        return [Nudge("no-goal", "No written goal yet",
                      "The method starts with a goal on paper: an amount a month and a date. Press w to write it.")]
    found = []
    if goal.amount <= 0:
        found.append(Nudge("goal-amount", "Your goal has no amount",
                           "A goal without a number cannot be measured: give it an amount a month."))
    if goal.deadline < today:
        found.append(Nudge(f"goal-deadline:{goal.deadline.isoformat()}",
                           f"Your goal's deadline, {goal.deadline.isoformat()}, has passed",
                           "A goal needs time ahead of it: set a new date, and allow more than feels necessary."))
    return found


def backup_nudge(goal: Goal | None, passive: Decimal, steps: Sequence[StepState], backup_items: int) -> list[Nudge]:
    """No backup plan (step 4 empty) while ``passive`` (a month's income in the goal's currency) is short of it."""
    if goal is None or backup_items > 0 or passive >= goal.amount:
        return []
    if any(s.number == 4 and s.savings_months is not None for s in steps):
        return []
    return [Nudge("backup", "No backup plan written down yet",
                  "Until passive income covers your goal, step 4 says: know which income pays the bills "
                  "and how many months your savings last.")]


def concentration_nudges(streams: Iterable[Stream], evidence: Mapping[int, StreamEvidence],
                         customers: Mapping[tuple[str, str], tuple[str, Decimal]], *, to: str,
                         rates: Sequence[Rate] = (), kinds: frozenset[str] = COUNTED_PASSIVE) -> list[Nudge]:
    """One stream, or one named customer, bringing most of the counted income of 12 complete months.

    Every amount is converted into ``to`` (the goal's currency), each month at its
    last day's rate; what no rate converts is left out rather than compared apart,
    so the first sale in a second currency is never "100% of your income in USD".
    Nothing fires before :data:`MIN_PAYMENTS` payments over :data:`MIN_MONTHS` months.
    """
    rate_list = list(rates)
    counted = [s for s in streams if s.kind in kinds]
    amounts: dict[int, Decimal] = {}
    months: set[Month] = set()
    payments = 0
    for s in counted:
        found = evidence.get(s.id)
        if found is None:
            continue
        payments += found.payments
        total = Decimal(0)
        for month, value in found.income.items():
            converted = convert(value, s.currency, to, month_end(*month), rate_list)
            if converted is not None and value:
                total += converted.amount
                months.add(month)
        amounts[s.id] = total
    whole = sum(amounts.values(), Decimal(0))
    if payments < MIN_PAYMENTS or len(months) < MIN_MONTHS or whole <= 0:
        return []
    found_nudges = []
    for s in counted:
        amount = amounts.get(s.id, Decimal(0))
        if amount > whole * CONCENTRATION:
            found_nudges.append(Nudge(f"concentration:stream:{s.id}",
                                      f"{s.name} brought {amount / whole:.0%} of your passive income "
                                      "over the last 12 complete months",
                                      "When more than 60% comes from one stream, the month it stops, most of the "
                                      "money stops: grow a second one."))
    on = month_end(*max(months))
    people: dict[str, tuple[str, Decimal]] = {}
    for (code, folded), (name, paid) in sorted(customers.items()):
        converted = convert(paid, code, to, on, rate_list)
        if converted is None:
            continue
        first, sofar = people.get(folded, (name, Decimal(0)))
        people[folded] = (first, sofar + converted.amount)
    for folded, (name, amount) in sorted(people.items()):
        if amount > whole * CONCENTRATION:
            found_nudges.append(Nudge(f"concentration:customer:{folded}",
                                      f"{name} paid {amount / whole:.0%} of your passive income "
                                      "over the last 12 complete months",
                                      "One customer paying most of it is a job in disguise: why only one customer?"))
    return found_nudges


def upkeep_nudges(streams: Iterable[Stream], evidence: Mapping[int, StreamEvidence],
                  hours: Mapping[int, Decimal] | None = None) -> list[Nudge]:
    """Passive streams whose upkeep is a part-time job: active income in disguise.

    ``hours`` (hours a month as really spent, :func:`tenfold.figures.upkeep.monthly_hours`)
    replaces the typed estimate where given: the check then judges the real hours.
    What it earns an hour counts the complete months since it began, never a
    month it did not exist; a stream begun this month has no figure yet.
    """
    found = []
    for s in streams:
        spent = s.upkeep_hours if hours is None else hours.get(s.id, s.upkeep_hours)
        if s.kind != "passive" or spent <= UPKEEP_LIMIT:
            continue
        logged = hours is not None and s.id in hours and spent != s.upkeep_hours
        # One sentence: where the hours come from is said in words, so the only brackets left are the figures'.
        takes = (f"took {spent:f} hours a month by the hours you logged" if logged
                 else f"takes {spent:f} hours a month")
        known = evidence.get(s.id)
        why = f"More than {UPKEEP_LIMIT} hours of upkeep a month is a part-time job: active income in disguise."
        if known is None or not known.months:
            found.append(Nudge(f"upkeep:stream:{s.id}",
                               f"{s.name} {takes}, too new to say what it earns an hour: no complete month yet",
                               why))
            continue
        count = len(known.months)
        month = known.total / count
        rate = month / spent
        over = "month" if count == 1 else f"{count} months"
        found.append(Nudge(f"upkeep:stream:{s.id}",
                           f"{s.name} {takes} and earns about "
                           f"{format_money(month, s.currency)} ({format_money(rate, s.currency)} an hour, "
                           f"over its last complete {over})", why))
    return found


def payback_nudges(paybacks: Iterable[Payback]) -> list[Nudge]:
    """Streams still far from paying back what they cost after a year: a question to review them."""
    found = []
    for p in paybacks:
        if not p.far:
            continue
        found.append(Nudge(f"payback:stream:{p.stream.id}",
                           f"After {p.months} months, {p.stream.name} has earned back {int(p.share * 100)}% "
                           "of what it cost up front: worth a review?",
                           "A question, not a verdict: would a change of price, channel or product help, "
                           "or is your time better spent on another stream?"))
    return found


def quiet_since(stream: Stream, last: date) -> date:
    """The day after which ``stream`` counts as quiet: twice its cadence, or 90 days, after ``last``."""
    months = CADENCE_MONTHS.get(stream.cadence)
    if months is None:
        return last + timedelta(days=IRREGULAR_QUIET_DAYS)
    return add_months(last, 2 * months)


def quiet_nudges(streams: Iterable[Stream], last_paid: Mapping[int, date], today: date) -> list[Nudge]:
    """Streams with no payment for more than twice their cadence (90 days when irregular)."""
    found = []
    for s in streams:
        last = last_paid.get(s.id)
        if last is None or today <= quiet_since(s, last):
            continue
        days = (today - last).days
        limit = "90 days" if s.cadence not in CADENCE_MONTHS else f"two {_period(s.cadence)}s"
        found.append(Nudge(f"quiet:stream:{s.id}:{last.isoformat()}",
                           f"No payment from {s.name} for {days} days (last {last.isoformat()})",
                           f"More than {limit} without a payment: find out why, or record what came in."))
    return found


def _period(cadence: str) -> str:
    return {"monthly": "month", "quarterly": "quarter", "yearly": "year"}[cadence]


def all_nudges(
    *,
    goal: Goal | None,
    passive: Decimal,
    streams: Sequence[Stream],
    facts: PaymentFacts,
    evidence: Mapping[int, StreamEvidence],
    steps: Sequence[StepState],
    backup_items: int,
    today: date,
    rates: Sequence[Rate] = (),
    measures: Measures | None = None,
) -> list[Nudge]:
    """Every rule that fires, the goal's first: they come before anything else in the method.

    ``passive`` is the month's passive income in the goal's currency that the
    backup rule compares with the goal (the goal pane's best recent month).
    ``measures`` brings the real upkeep hours and the streams' payback.
    Without a goal the concentration check compares in the currency most streams use.
    """
    to = goal.currency if goal else (Counter(s.currency for s in streams).most_common(1) or [("EUR", 0)])[0][0]
    return [
        *goal_nudges(goal, today),
        # Savings written with step 4's bills are a backup plan too.
        *backup_nudge(goal, passive, steps, backup_items + (1 if _has_savings(measures) else 0)),
        *concentration_nudges(streams, evidence, facts.customers, to=to, rates=rates, kinds=counted_kinds(goal)),
        *upkeep_nudges(streams, evidence, measures.hours_a_month if measures else None),
        *quiet_nudges(streams, facts.last_paid, today),
        *payback_nudges(measures.paybacks.values() if measures else ()),
    ]


def _has_savings(measures: Measures | None) -> bool:
    return measures is not None and measures.freedom is not None and measures.freedom.freedom.savings is not None


def active(nudges: Iterable[Nudge], dismissed: Mapping[str, date] | Iterable[str]) -> list[Nudge]:
    """The nudges the user has not dismissed."""
    gone = set(dismissed)
    return [n for n in nudges if n.key not in gone]
