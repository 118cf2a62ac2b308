"""The weekly (or monthly) review, as Markdown: a look back that fits on one screen.

Goal and progress, the steps ticked, the money that came in, the ideas written,
the work done on the steps, and the streak. Markdown because it reads as plain
text in a terminal and renders in any viewer; tables are padded so they line up
unrendered too. :func:`review` is pure: it reads a store-like source and two
dates, never the clock, so it is tested over fixed dates.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Protocol

from tenfold.coach.actions import next_action
from tenfold.coach.as_of import before_first_record, first_record, steps_as_of
from tenfold.coach.markdown import limited, md, table
from tenfold.coach.periods import period_span, period_title
from tenfold.domain.accounts import account_key, with_accounts
from tenfold.domain.dates import time_to
from tenfold.domain.goal import Goal, GoalVersion, as_counted
from tenfold.domain.goal_history import diff_goals
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.money import format_money, format_totals
from tenfold.domain.pauses import Pause, paused_days
from tenfold.domain.rates import Rate, convert_totals, month_end
from tenfold.domain.step_items import ITEM_KINDS, StepItem
from tenfold.domain.steps import STEPS, StepState, next_step
from tenfold.domain.streams import Stream
from tenfold.domain.text import count_of
from tenfold.figures.freedom import freedom_lines
from tenfold.figures.measures import Measures
from tenfold.figures.status import percent
from tenfold.figures.streak import streak_facts


class ReviewSource(Protocol):
    """What the review reads; :class:`tenfold.store.store.Store` is one."""

    @property
    def goal(self) -> Goal | None: ...

    def goal_history(self) -> list[GoalVersion]: ...

    def steps(self) -> list[StepState]: ...

    def step_items(self, step: int | None = None) -> list[StepItem]: ...

    def streams(self) -> list[Stream]: ...

    def payments(self) -> list[Payment]: ...

    def ideas(self) -> list[Idea]: ...

    def checkins(self) -> set[date]: ...

    def rates(self) -> list[Rate]: ...

    def pauses(self) -> list[Pause]: ...


# ----- the figures ----------------------------------------------------------------------


@dataclass
class _Money:
    """Everything the review needs from the payments, gathered in one pass."""

    count: int
    all: dict[str, Decimal]
    passive: dict[str, Decimal]
    per_stream: dict[int, tuple[int, Decimal]]
    month_passive: dict[str, Decimal]


def _gather(payments: Sequence[Payment], streams: dict[int, Stream], start: date, end: date) -> _Money:
    month_start = end.replace(day=1)
    totals: defaultdict[str, Decimal] = defaultdict(Decimal)
    passive: defaultdict[str, Decimal] = defaultdict(Decimal)
    month_passive: defaultdict[str, Decimal] = defaultdict(Decimal)
    per_stream: dict[int, tuple[int, Decimal]] = {}
    count = 0
    for p in payments:
        if not month_start <= p.on <= end and not start <= p.on <= end:
            continue
        s = streams.get(p.stream_id)
        if s is None:
            continue
        currency = p.currency or s.currency
        if month_start <= p.on <= end and s.kind == "passive":
            month_passive[currency] += p.amount
        if start <= p.on <= end:
            count += 1
            totals[currency] += p.amount
            if s.kind == "passive":
                passive[currency] += p.amount
            key = account_key(s.id, p.currency)  # a payment in another currency has a row of its own
            n, sub = per_stream.get(key, (0, Decimal(0)))
            per_stream[key] = (n + 1, sub + p.amount)
    return _Money(count, dict(totals), dict(passive), per_stream, dict(month_passive))


def _in(day: date | None, start: date, end: date) -> bool:
    return day is not None and start <= day <= end


# ----- the sections ------------------------------------------------------------------------


def _goal_section(source: ReviewSource, money: _Money, start: date, end: date, span: str) -> list[str]:
    goal = source.goal
    out = ["## Goal", ""]
    if goal is None:
        return [*out, "No goal written yet. Writing it down comes first: how much passive income a month, "
                      "and by when.", ""]
    out += [f"> {md(line)}" if line.strip() else ">" for line in goal.text.strip().splitlines()]
    left = time_to(goal.deadline, end)
    month = f"{calendar.month_name[end.month]} {end.year}"
    # Other currencies count as the goal pane counts them: converted at the rate in
    # effect on the month's last day, and what has no rate is named, never added.
    rates, on = source.rates(), month_end(end.year, end.month)
    reached = convert_totals(money.month_passive, goal.currency, on, rates)
    in_span = convert_totals(money.passive, goal.currency, on, rates)
    share = percent(reached.amount / goal.amount) if goal.amount > 0 else 0
    out += [
        "",
        f"- Target: **{format_money(goal.amount, goal.currency)}** passive income a month, "
        f"by {goal.deadline.isoformat()} ({left})",
        f"- {month} up to {end.isoformat()}: {format_money(reached.amount, goal.currency)} passive, "
        f"{share}% of the target{_apart(reached.unconverted, goal.currency)}",
        f"- Passive income {span}: {format_money(in_span.amount, goal.currency)}"
        f"{_apart(in_span.unconverted, goal.currency)}",
    ]
    history = sorted(source.goal_history(), key=lambda v: (v.replaced_on, v.id))
    for index, version in enumerate(history):
        if not _in(version.replaced_on, start, end):
            continue
        successor = history[index + 1].goal if index + 1 < len(history) else goal
        changes = "; ".join(c.describe() for c in diff_goals(version.goal, successor)) or "same figures"
        out.append(f"- Rewritten on {version.replaced_on.isoformat()}: {md(changes)}")
    return [*out, ""]


def _apart(unconverted: dict[str, Decimal], currency: str) -> str:
    """`` (not counted, no rate to EUR: 41.20 USD)`` or nothing."""
    return f" (not counted, no rate to {currency}: {format_totals(unconverted)})" if unconverted else ""


def _steps_section(steps: list[StepState], items: list[StepItem], start: date, end: date, span: str) -> list[str]:
    out = ["## Steps", ""]
    steps, items = steps_as_of(steps, items, end)
    ticked = sorted((s for s in steps if _in(s.done_on, start, end)), key=lambda s: (s.done_on, s.number))
    if ticked:
        out += [f"Ticked {span}:", ""]
        out += [f"- [x] {s.number} {STEPS[s.number - 1].title} ({s.done_on})" for s in ticked]
        out.append("")
    else:
        out += [f"No step ticked {span}.", ""]
    done = sum(1 for s in steps if s.done)
    upcoming = next_step(steps)
    line = f"{done} of {len(STEPS)} steps done."
    if upcoming is not None:
        line += f" Next: **{upcoming.number} {upcoming.title}**. {md(next_action(upcoming, items, end))}"
    else:
        line += " All eight are ticked: keep scaling what works."
    return [*out, line, ""]


def _payments_section(money: _Money, streams: dict[int, Stream], span: str) -> list[str]:
    out = ["## Payments", ""]
    if money.count == 0:
        return [*out, f"No payments recorded {span}.", ""]
    out += [f"{money.count} payment{'s' if money.count != 1 else ''} {span}.", ""]
    rows = [
        [c, format_money(v), format_money(money.passive.get(c, Decimal(0)))] for c, v in sorted(money.all.items())
    ]
    out += [*table(["Currency", "All income", "Passive"], rows, right=(1, 2)), ""]
    streams = with_accounts(streams, money.per_stream)
    ordered = sorted(money.per_stream.items(),
                     key=lambda kv: (streams[kv[0]].currency, -kv[1][1], streams[kv[0]].name.casefold()))
    stream_rows = [
        [md(streams[sid].name), streams[sid].kind, str(n), format_money(total, streams[sid].currency)]
        for sid, (n, total) in ordered
    ]
    return [*out, *table(["Stream", "Kind", "Payments", "Total"], stream_rows, right=(2, 3)), ""]


def _ideas_section(ideas: list[Idea], start: date, end: date, span: str) -> list[str]:
    new = sorted((i for i in ideas if start <= i.written_on <= end), key=lambda i: (i.written_on, i.id))
    out = ["## New ideas", ""]
    if not new:
        return [*out, f"No new brainstorm entries {span}. Who got value from you lately, and how could it "
                      "reach ten times as many?", ""]
    lines = [f"- **{md(i.who)}**: {md(i.value)} ({i.written_on})" for i in new]
    return [*out, *limited(lines, "ideas"), ""]


def _items_section(items: list[StepItem], streams: dict[int, Stream], start: date, end: date,
                   span: str) -> list[str]:
    out = ["## Work on the steps", ""]
    items = steps_as_of([], items, end)[1]  # as they stood at the period's end
    added = [i for i in items if start <= i.added_on <= end]
    if not added and not any(_in(i.done_on, start, end) for i in items):
        out += [f"Nothing added to or ticked on the steps {span}.", ""]
    elif not added:
        out += [f"Nothing added to the steps {span}.", ""]
    else:
        lines = []
        for i in added:
            kind = ITEM_KINDS[i.step]
            name = i.text or (streams[i.stream_id].name if i.stream_id in streams else "")
            box = ("[x] " if i.done else "[ ] ") if kind.done_label else ""
            lines.append(f"- {box}Step {i.step}, {kind.noun}: {md(name)} ({i.added_on})")
        out += [f"Added {span}:", "", *limited(lines, "items"), ""]
    ticked = sorted((i for i in items if _in(i.done_on, start, end)), key=lambda i: (i.done_on or start, i.id))
    if ticked:
        done_lines = [
            f"- [x] Step {i.step}, {ITEM_KINDS[i.step].noun}: "
            f"{md(i.text or (streams[i.stream_id].name if i.stream_id in streams else ''))} ({i.done_on})"
            for i in ticked
        ]
        out += [f"Ticked {span}:", "", *limited(done_lines, "items"), ""]
    rows = []
    for number, kind in ITEM_KINDS.items():
        own = [i for i in items if i.step == number]
        if own and kind.done_label:
            rows.append([f"{number} {STEPS[number - 1].title}", f"{sum(i.done for i in own)} of {len(own)} "
                         f"{kind.done_label.lower()}"])
        elif own:
            rows.append([f"{number} {STEPS[number - 1].title}", f"{len(own)} listed"])
    if rows:
        out += ["Where each step stands:", "", *table(["Step", "Items"], rows), ""]
    return out


def _streak_section(checkins: set[date], paused: set[date], start: date, end: date, span: str) -> list[str]:
    facts = streak_facts(checkins, end, paused)
    days = facts.current
    # A first week or month is counted from the first day of work, not from days before it.
    first = min(checkins, default=start)
    since = first if start < first <= end else start
    length = (end - since).days + 1
    active = sum(1 for d in checkins if start <= d <= end)
    now = (f"- {count_of(days, 'day')} in a row as of {end.isoformat()}"
           + (f" (best {facts.best:,})" if facts.best > days else "")
           if days or facts.ended_on is None else f"- The {facts.describe()}")
    rest = sum(1 for d in paused if start <= d <= end)
    return [
        "## Streak",
        "",
        now,
        *([f"- {rest} planned day{'s' if rest != 1 else ''} off {span}"] if rest else []),
        f"- Worked on the plan on {active} of {count_of(length, 'day')} "
        + (span if since == start else f"since you began on {since.isoformat()}"),
        "",
    ]


def _measures_section(measures: Measures, streams: dict[int, Stream]) -> list[str]:
    """The bills covered, each stream's payback, income per upkeep hour and reach, as of the measures' day."""
    lines = [f"## The measures, as of {measures.today.isoformat()} (complete months)", ""]
    if measures.freedom is not None:
        lines += [*freedom_lines(measures.freedom), ""]
    else:
        lines += ["No bills written yet: step 4 asks what the streams must cover each month.", ""]
    for s in sorted(streams.values(), key=lambda s: s.name.casefold()):
        parts = [f"how passive: {measures.upkeep[s.id].describe()}" if s.id in measures.upkeep else ""]
        payback = measures.paybacks.get(s.id)
        if payback is not None:
            parts.insert(0, f"payback: {payback.describe()}")
        if s.id in measures.reach:
            parts.append(f"reach: {measures.reach[s.id].describe()}")
        lines.append(f"- {md(s.name)}: " + "; ".join(p for p in parts if p))
    return [*lines, ""]


def review(source: ReviewSource, period_start: date, period_end: date, measures: Measures | None = None) -> str:
    """The review of ``period_start``..``period_end`` (both included) as Markdown text.

    With ``measures`` (:func:`tenfold.figures.measures.build_measures`), a last section
    says how much of the bills passive income pays and what each stream paid back.
    """
    if period_end < period_start:
        raise ValueError("the review period ends before it starts")
    start, end = period_start, period_end
    span = period_span(start, end)
    began = first_record(source.payments(), source.checkins(), source.goal_history(), source.goal,
                         source.ideas(), source.steps())
    # A period over before the first record: its zeros, a streak of 0 and days left to a goal not yet
    # written would say nothing. With nothing recorded at all, the sections below say what to begin with.
    if began is not None and began > end:
        return "\n".join([f"# {period_title(start, end)}", "", *before_first_record(began, start, end)]).rstrip() + "\n"
    streams = {s.id: s for s in source.streams()}
    money = _gather(source.payments(), {s.id: s for s in as_counted(streams.values(), source.goal)}, start, end)
    lines = [f"# {period_title(start, end)}", ""]
    lines += _goal_section(source, money, start, end, span)
    lines += _steps_section(source.steps(), source.step_items(), start, end, span)
    lines += _payments_section(money, streams, span)
    lines += _ideas_section(source.ideas(), start, end, span)
    lines += _items_section(source.step_items(), streams, start, end, span)
    lines += _streak_section(source.checkins(), paused_days(source.pauses()), start, end, span)
    if measures is not None:
        lines += _measures_section(measures, streams)
    return "\n".join(lines).rstrip() + "\n"
