"""The day's view: everything the today card shows, gathered by one pure function.

The card is opened at start-up, so it reuses what the main screen already
computed: the goal pane's figures (:class:`~tenfold.figures.goal_figures.GoalFigures`:
last full month, 3-month average, the projection) or, without them, the month
totals (:class:`~tenfold.figures.totals.LedgerSummary`), and the expected payments.
What the honest checks need from the payments comes, in the app, from the store's
monthly index (:func:`tenfold.coach.facts.index_facts`, :mod:`tenfold.figures.evidence`),
so the card opens before a big file's payments are read; given payments only, it
reads them once through :func:`tenfold.coach.facts.payment_facts`, which stops
after about a year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from tenfold.coach.actions import next_action
from tenfold.coach.facts import index_facts, payment_facts
from tenfold.coach.nudges import Nudge, active, all_nudges
from tenfold.coach.prompts import Situation, prompt_for
from tenfold.domain.goal import Goal, counted_kinds
from tenfold.domain.ledger import Payment
from tenfold.domain.monthly import LedgerSummary, MonthlyIndex
from tenfold.domain.rates import Rate
from tenfold.domain.step_items import StepItem
from tenfold.domain.steps import StepInfo, StepState, next_step
from tenfold.domain.streams import Stream
from tenfold.figures.evidence import gather
from tenfold.figures.expected import Expected, expected_payments
from tenfold.figures.freedom import FreedomFigures
from tenfold.figures.goal_figures import GoalFigures
from tenfold.figures.measures import Measures
from tenfold.figures.projection import describe
from tenfold.figures.streak import streak_facts

DUE_DAYS = 30
"""How far ahead the card looks for expected payments."""


@dataclass(frozen=True)
class TodayView:
    """What the today card shows. Amounts are passive income in the goal's currency (zero without a goal)."""

    day: date
    goal: Goal | None
    last_month: Decimal
    """The last full month: the figure progress is measured by, as in the goal pane."""
    this_month: Decimal
    """This month so far."""
    average: Decimal | None
    """The goal pane's recent average, when its figures were given and a complete month is recorded."""
    outlook: str | None
    """The projection in words, when the goal pane's figures were given."""
    prompt: str
    next_step: StepInfo | None
    due: list[Expected]
    streak: int
    nudges: list[Nudge]
    """The checks that fired and were not dismissed."""
    next_action: str = ""
    """What to do next: the first unticked sub-task of the next step, or its suggestion."""
    streak_note: str = ""
    """The streak in words: its length and best, or when it ended (a returning user's welcome back)."""
    freedom: FreedomFigures | None = None
    """Step 4's bills against passive income, once the bills are written."""
    mentor: str | None = None
    """Step 7's next move: a follow-up due, or the next candidate after a no."""
    average_months: int = 0
    """How many complete months ``average`` covers (the ledger's, at most 3)."""
    before_ledger: str | None = None
    """Said instead of last month's figure when the ledger began after last month (the goal pane's words)."""

    @property
    def share(self) -> Decimal:
        """The last full month as a share of the goal's monthly amount (0..1+)."""
        if self.goal is None or self.goal.amount <= 0:
            return Decimal(0)
        return self.last_month / self.goal.amount


def build_today(
    *,
    today: date,
    goal: Goal | None,
    summary: LedgerSummary | None = None,
    figures: GoalFigures | None = None,
    expected: Sequence[Expected] | None = None,
    streams: Sequence[Stream],
    payments: Sequence[Payment] = (),
    steps: Sequence[StepState],
    backup_items: int,
    checkins: Iterable[date],
    dismissed: Mapping[str, date],
    prompts: Sequence[str],
    rates: Sequence[Rate] = (),
    index: MonthlyIndex | None = None,
    paused: Iterable[date] = (),
    items: Sequence[StepItem] = (),
    ideas: int = 0,
    measures: Measures | None = None,
    mentor: str | None = None,
) -> TodayView:
    """Gather the card for ``today``; ``payments`` newest first, as the store gives them.

    The goal pane's ``figures`` are used when given (amounts converted with the
    user's rates); otherwise ``summary`` (the goal's currency only). ``expected``
    is the screen's list of payments due; without it, it is worked out here.
    ``prompts`` may hold a single line explaining why the prompts could not be read.
    ``index`` is the store's monthly index (built from ``payments`` when not given):
    the checks count complete months from it (:mod:`tenfold.figures.evidence`).
    Given ``index``, ``payments`` may be only the newest ones read so far (the
    store's :meth:`newest_payments`): the checks take what they need from the
    index (:func:`tenfold.coach.facts.index_facts`), and named customers from
    the payments given.
    ``measures`` brings the bills covered, real upkeep hours and the streams' payback.
    """
    kinds = counted_kinds(goal)
    if index is None:  # the store keeps one; tests and scripts may give the payments only
        payments = list(payments)
        index = MonthlyIndex.build(payments)
        facts = payment_facts(payments, streams, today, kinds)
    else:
        facts = index_facts(index, payments, streams, today, kinds)
    evidence = gather(index, streams, today)
    this = last = Decimal(0)
    average: Decimal | None = None
    average_months = 0
    outlook: str | None = None
    before_ledger: str | None = None
    if goal is not None and figures is not None:
        this, last, average = figures.this_month.amount, figures.last_month.amount, figures.average
        average_months = figures.average_months
        before_ledger = figures.before_ledger
        outlook = describe(figures.projection)
    elif goal is not None and summary is not None:
        this = summary.passive_this_month.get(goal.currency, Decimal(0))
        last = summary.passive_last_month.get(goal.currency, Decimal(0))
    found = all_nudges(
        goal=goal, passive=max(this, last), streams=streams, facts=facts, evidence=evidence, steps=steps,
        backup_items=backup_items,
        today=today, rates=rates, measures=measures,
    )
    facts_of_streak = streak_facts(checkins, today, paused)
    upcoming = next_step(list(steps))
    # The day's question fits where the user is, and is never about the step the next action names.
    where = Situation(upcoming.number if upcoming else None, len(streams), len(facts.last_paid), ideas,
                      goal is not None)
    if expected is None:
        expected = expected_payments(streams, facts.last_paid, today, days=DUE_DAYS)
    return TodayView(
        day=today,
        goal=goal,
        last_month=last,
        this_month=this,
        average=average,
        average_months=average_months,
        before_ledger=before_ledger,
        outlook=outlook,
        prompt=prompt_for(today, list(prompts), where) if prompts else "",
        next_step=upcoming,
        next_action=next_action(upcoming, items, today),
        due=list(expected),
        streak=facts_of_streak.current,
        streak_note=facts_of_streak.describe(),
        nudges=active(found, dismissed),
        freedom=measures.freedom if measures else None,
        mentor=mentor,
    )
