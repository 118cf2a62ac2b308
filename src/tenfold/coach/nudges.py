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
  the last 12 months' passive income in a currency (other currencies count in the
  goal's currency when a rate converts them, as everywhere else)
  (``concentration:stream:<id>``, ``concentration:customer:<name>``);
- a passive stream with more than :data:`UPKEEP_LIMIT` hours of upkeep a month:
  a part-time job, i.e. active income in disguise (``upkeep:stream:<id>``);
- a stream with no payment for more than twice its cadence (two months, two
  quarters, two years) or :data:`IRREGULAR_QUIET_DAYS` days when irregular
  (``quiet:stream:<id>:<last payment>``); a stream never paid has no date to
  measure from and is left alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from tenfold.domain.goal import Goal
from tenfold.domain.ledger import Payment, Stream
from tenfold.domain.money import format_money
from tenfold.domain.monthly import MonthlyIndex, month_index, months_back
from tenfold.domain.rates import Rate, convert, rate_for
from tenfold.domain.steps import StepState
from tenfold.figures.expected import CADENCE_MONTHS, add_months

UPKEEP_LIMIT = Decimal(20)
"""Hours of upkeep a month above which a "passive" stream is really a part-time job (5 a week)."""
CONCENTRATION = Decimal("0.6")
"""Share of a year's passive income above which one stream or customer is a single point of failure."""
IRREGULAR_QUIET_DAYS = 90
"""Days without a payment after which an irregular stream counts as quiet."""


@dataclass(frozen=True)
class Nudge:
    """One honest check that fired: what was seen (``text``) and the rule behind it (``why``)."""

    key: str
    text: str
    why: str


@dataclass(frozen=True)
class PaymentFacts:
    """What the rules need from the payments, gathered in one pass.

    ``year_by_stream`` sums each stream's payments in the last 12 months;
    ``year_by_customer`` sums named customers' payments to passive streams, keyed
    by (currency, name folded to lower case), with the name as first written.
    """

    last_paid: dict[int, date]
    year_by_stream: dict[int, Decimal]
    year_by_customer: dict[tuple[str, str], tuple[str, Decimal]]


def year_start(today: date) -> date:
    """The day 12 months before ``today`` (29 February steps back to the 28th); excluded from the year."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def payment_facts(payments: Iterable[Payment], streams: Iterable[Stream], today: date) -> PaymentFacts:
    """One pass over ``payments``, newest first (as ``Store.payments()`` gives them).

    The pass stops once it is past the 12 months and has seen every stream's
    latest payment, so with years of data it reads about one year of payments.
    Payments dated after ``today`` count for the last payment, not the year.
    """
    by_id = {s.id: s for s in streams}
    start = year_start(today)
    last: dict[int, date] = {}
    unseen = set(by_id)
    year: dict[int, Decimal] = {}
    customers: dict[tuple[str, str], tuple[str, Decimal]] = {}
    for p in payments:
        if p.stream_id not in last:
            last[p.stream_id] = p.on
            unseen.discard(p.stream_id)
        if p.on <= start:
            if not unseen:
                break
            continue
        if p.on > today:
            continue
        year[p.stream_id] = year.get(p.stream_id, Decimal(0)) + p.amount
        stream = by_id.get(p.stream_id)
        name = p.customer.strip()
        if name and stream is not None and stream.kind == "passive":
            key = (stream.currency, name.casefold())
            first, total = customers.get(key, (name, Decimal(0)))
            customers[key] = (first, total + p.amount)
    return PaymentFacts(last, year, customers)


YEAR_MONTHS = 12


def index_facts(index: MonthlyIndex, newest_first: Sequence[Payment], streams: Iterable[Stream],
                today: date) -> PaymentFacts:
    """:class:`PaymentFacts` from the store's monthly totals, without waiting for every payment.

    The year is this month and the eleven before it, in whole months: the totals
    the index keeps (a payment dated later this month counts). Each stream's last
    payment day is the index's. Named customers are summed from ``newest_first``
    (the store's list, newest first) until it leaves the year: every payment once
    they are all read; before that - the first seconds after a big file opens -
    only the newest ones the index keeps, so a customer's share can only come out
    lower than it is, never raise a check that should not be there.
    """
    months = months_back((today.year, today.month), YEAR_MONTHS)
    year: dict[int, Decimal] = {}
    for month in months:
        for sid, total in index.month(month).items():
            year[sid] = year.get(sid, Decimal(0)) + total
    by_id = {s.id: s for s in streams}
    first, last = month_index(months[0]), month_index(months[-1])
    customers: dict[tuple[str, str], tuple[str, Decimal]] = {}
    for p in newest_first:
        number = p.on.year * 12 + p.on.month - 1  # month_index, inlined: a year of payments at most
        if number < first:
            break
        if number > last:  # dated after this month
            continue
        name = p.customer.strip()
        stream = by_id.get(p.stream_id)
        if name and stream is not None and stream.kind == "passive":
            key = (stream.currency, name.casefold())
            was, total = customers.get(key, (name, Decimal(0)))
            customers[key] = (was, total + p.amount)
    return PaymentFacts(index.last_paid(newest_first), year, customers)


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


def concentration_nudges(streams: Iterable[Stream], facts: PaymentFacts, rates: Sequence[Rate] = (),
                         to: str | None = None, on: date | None = None) -> list[Nudge]:
    """One stream, or one named customer, bringing most of a year's passive income in a currency.

    With ``to`` (the goal's currency), ``rates`` and ``on``, a currency that a rate
    converts counts in ``to``: a USD stream beside a EUR one is not "100% of your
    passive income in USD" when the user has said what a dollar is worth.
    """
    rate_list = list(rates)

    def counted(amount: Decimal, currency: str) -> tuple[str, Decimal]:
        if to is None or on is None or currency == to or rate_for(rate_list, currency, to, on) is None:
            return currency, amount
        converted = convert(amount, currency, to, on, rate_list)
        return (currency, amount) if converted is None else (to, converted.amount)

    passive = [s for s in streams if s.kind == "passive"]
    totals: dict[str, Decimal] = {}
    shares: list[tuple[Stream, str, Decimal]] = []
    for s in passive:
        group, amount = counted(facts.year_by_stream.get(s.id, Decimal(0)), s.currency)
        totals[group] = totals.get(group, Decimal(0)) + amount
        shares.append((s, group, amount))
    found = []
    for s, group, amount in shares:
        total = totals[group]
        if total > 0 and amount > total * CONCENTRATION:
            found.append(Nudge(f"concentration:stream:{s.id}",
                               f"{s.name} brought {amount / total:.0%} of your passive income in {group} "
                               "over 12 months",
                               "When more than 60% comes from one stream, the month it stops, most of the money "
                               "stops: grow a second one."))
    customers: dict[tuple[str, str], tuple[str, Decimal]] = {}
    for (code, folded), (name, paid) in sorted(facts.year_by_customer.items()):
        group, amount = counted(paid, code)
        first, sofar = customers.get((group, folded), (name, Decimal(0)))
        customers[(group, folded)] = (first, sofar + amount)
    for (currency, folded), (name, amount) in sorted(customers.items()):
        total = totals.get(currency, Decimal(0))
        if total > 0 and amount > total * CONCENTRATION:
            found.append(Nudge(f"concentration:customer:{folded}",
                               f"{name} paid {amount / total:.0%} of your passive income in {currency} "
                               "over 12 months",
                               "One customer paying most of it is a job in disguise: why only one customer?"))
    return found


def upkeep_nudges(streams: Iterable[Stream], facts: PaymentFacts) -> list[Nudge]:
    """Passive streams whose upkeep is a part-time job: active income in disguise."""
    found = []
    for s in streams:
        if s.kind != "passive" or s.upkeep_hours <= UPKEEP_LIMIT:
            continue
        month = facts.year_by_stream.get(s.id, Decimal(0)) / 12
        rate = month / s.upkeep_hours
        found.append(Nudge(f"upkeep:stream:{s.id}",
                           f"{s.name} takes {s.upkeep_hours:f} hours a month and earns about "
                           f"{format_money(month, s.currency)} ({format_money(rate, s.currency)} an hour)",
                           f"More than {UPKEEP_LIMIT} hours of upkeep a month is a part-time job: "
                           "active income in disguise."))
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
    steps: Sequence[StepState],
    backup_items: int,
    today: date,
    rates: Sequence[Rate] = (),
) -> list[Nudge]:
    """Every rule that fires, the goal's first: they come before anything else in the method.

    ``passive`` is the month's passive income in the goal's currency that the
    backup rule compares with the goal (the goal pane's best recent month).
    """
    return [
        *goal_nudges(goal, today),
        *backup_nudge(goal, passive, steps, backup_items),
        *concentration_nudges(streams, facts, rates, goal.currency if goal else None, today),
        *upkeep_nudges(streams, facts),
        *quiet_nudges(streams, facts.last_paid, today),
    ]


def active(nudges: Iterable[Nudge], dismissed: Mapping[str, date] | Iterable[str]) -> list[Nudge]:
    """The nudges the user has not dismissed."""
    gone = set(dismissed)
    return [n for n in nudges if n.key not in gone]
