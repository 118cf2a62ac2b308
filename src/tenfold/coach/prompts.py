"""The day's coaching prompt: one question a day, from an editable text file.

The prompts live in ``assets/prompts.txt`` (one per line; blank lines and lines
starting with ``#`` are ignored) so they can be rewritten without touching code;
a user's own ``prompts.txt`` in the config folder adds to them.

Not every prompt fits every day: "which stream brought in money?" means nothing
before the first stream. A prompt may start with what it needs, in brackets
(``[streams]``, ``[payments]``, ``[ideas]``, ``[goal]``, ``[no-goal]``), and a
prompt about "Step N" fits only up to the step after the next one, and not the
next step itself, which the card already names as the next action. The day's
prompt is chosen by the rule below from the prompts that fit (:func:`fitting`).

The rule for choosing keeps a month free of repeats even while the situation
changes (a newcomer writes the goal, adds streams and ticks steps within days,
and each change alters which prompts fit). The prompts are dealt into 31 *slots*:
the ones that need nothing in the file's order, the k-th to slot ``k % 31``, and
the others the same way among themselves. Day ``d`` uses slot
``(d.toordinal() * 7) % 31``; as 7 shares no factor with 31, any 31 days in a
row use each slot once, and slots share no prompt, so no prompt repeats within
any 31 days, whatever fitted on each day. Within its slot, the day starts at
prompt ``(d.toordinal() // 31) % size`` (the next one each time the slot comes
round, so every prompt comes round) and shows the first one that fits; every
slot holds a prompt that needs nothing, as at least 31 do. Neighbouring lines of
the file (grouped by topic) fall in neighbouring slots, which come 9 days apart,
so a week does not dwell on one topic. With fewer than 31 prompts that need
nothing (never the shipped file), a day whose slot has none that fits takes
prompt ``(d.toordinal() * stride) % n`` of the ``n`` that fit, ``stride`` being
the first number from 7 up that shares no factor with ``n``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from importlib.resources import files
from math import gcd
from pathlib import Path

from tenfold.domain.errors import TenfoldError

MIN_PROMPTS = 31
"""Enough for a month without a repeat."""
MAX_LENGTH = 240
"""A prompt is read at a glance: two lines of the today card at most."""
PROMPTS_FILE = "prompts.txt"


NEEDS = ("streams", "payments", "ideas", "goal", "no-goal")
"""What a prompt can say it needs, in brackets at its start."""
_NEEDS_RE = re.compile(r"^\[([^\]]*)\]\s*")
_STEP_RE = re.compile(r"^Step (\d):")


class PromptsError(TenfoldError):
    """The prompts file breaks a rule; the message names the file and the line."""


def split_needs(line: str) -> tuple[frozenset[str], str]:
    """``[streams] Which stream…`` -> ({"streams"}, "Which stream…"); a line without brackets needs nothing."""
    match = _NEEDS_RE.match(line)
    if match is None:
        return frozenset(), line
    return frozenset(n.strip() for n in match.group(1).split(",") if n.strip()), line[match.end():]


def _needs_nothing(line: str) -> bool:
    needs, text = split_needs(line)
    return not needs and _STEP_RE.match(text) is None


def parse_prompts(text: str, source: str = PROMPTS_FILE, *, minimum: int = MIN_PROMPTS) -> tuple[str, ...]:
    """The prompts in a file's text, checked: enough that need nothing, short, one of each, known needs."""
    prompts: list[str] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        needs, shown = split_needs(line)
        unknown = sorted(needs - set(NEEDS))
        if unknown:
            raise PromptsError(f"{source}, line {number}: [{unknown[0]}] is not one of {', '.join(NEEDS)}")
        if not shown:
            raise PromptsError(f"{source}, line {number}: the prompt is empty")
        if len(shown) > MAX_LENGTH:
            raise PromptsError(f"{source}, line {number}: a prompt is at most {MAX_LENGTH} characters")
        first = seen.get(line.casefold())
        if first is not None:
            raise PromptsError(f"{source}, line {number}: the same prompt is already on line {first}")
        seen[line.casefold()] = number
        prompts.append(line)
    free = sum(1 for p in prompts if _needs_nothing(p))
    if free < minimum:
        have = "no prompts" if not prompts else f"only {free} prompts that need nothing"
        raise PromptsError(
            f"{source} has {have}; at least {minimum} are needed so a month passes without a repeat"
        )
    return tuple(prompts)


def load_prompts(user_file: Path | None = None) -> tuple[str, ...]:
    """The prompts shipped with Tenfold (``tenfold/assets/prompts.txt``), then the user's own, if any.

    The user's file follows the same format; a line the shipped file already has is skipped.
    """
    resource = files("tenfold") / "assets" / PROMPTS_FILE
    try:
        text = resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PromptsError(f"Cannot read the coaching prompts ({PROMPTS_FILE}): {exc}") from None
    shipped = parse_prompts(text)
    if user_file is None or not user_file.exists():
        return shipped
    try:
        own = parse_prompts(user_file.read_text(encoding="utf-8"), str(user_file), minimum=0)
    except (OSError, UnicodeDecodeError) as exc:
        raise PromptsError(f"Cannot read your prompts ({user_file}): {exc}") from None
    known = {p.casefold() for p in shipped}
    return shipped + tuple(p for p in own if p.casefold() not in known)


@dataclass(frozen=True)
class Situation:
    """Where the user is, as far as choosing a prompt goes."""

    next_step: int | None = 1
    """The first unticked step (None: all eight ticked)."""
    streams: int = 0
    payments: int = 0
    ideas: int = 0
    goal: bool = False


def fits(line: str, where: Situation) -> bool:
    """Whether a prompt (as written in the file, brackets included) makes sense in ``where``."""
    needs, text = split_needs(line)
    have = {"streams": where.streams > 0, "payments": where.payments > 0, "ideas": where.ideas > 0,
            "goal": where.goal, "no-goal": not where.goal}
    if not all(have[n] for n in needs):
        return False
    step = _STEP_RE.match(text)
    if step is None:
        return True
    number, upcoming = int(step.group(1)), where.next_step if where.next_step is not None else 9
    return number != upcoming and number <= upcoming + 1


def fitting(prompts: Sequence[str], where: Situation) -> list[str]:
    """The prompts that fit ``where``, in the file's order."""
    return [p for p in prompts if fits(p, where)]


def stride(count: int) -> int:
    """The step between one day's prompt and the next day's: coprime with ``count``."""
    step = 7
    while gcd(step, count) != 1:
        step += 1
    return step


def prompt_index(day: date, count: int) -> int:
    """Which prompt (0-based) ``day`` gets out of ``count``; see the module's rule."""
    if count < 1:
        raise ValueError("there are no prompts to choose from")
    return (day.toordinal() * stride(count)) % count


SLOTS = MIN_PROMPTS
"""Any this many days in a row use each slot once."""
_SLOT_STEP = 7
"""Consecutive days are this many slots apart (shares no factor with :data:`SLOTS`)."""


def slots(prompts: Sequence[str]) -> list[list[str]]:
    """The prompts dealt into :data:`SLOTS` slots: those that need nothing, then the rest, each in the file's order."""
    dealt: list[list[str]] = [[] for _ in range(SLOTS)]
    free = [p for p in prompts if _needs_nothing(p)]
    for group in (free, [p for p in prompts if not _needs_nothing(p)]):
        for k, line in enumerate(group):
            dealt[k % SLOTS].append(line)
    return dealt


def slot_of(day: date) -> int:
    """Which slot ``day`` takes its prompt from; see the module's rule."""
    return (day.toordinal() * _SLOT_STEP) % SLOTS


def prompt_for(day: date, prompts: Sequence[str], where: Situation | None = None) -> str:
    """The prompt for ``day``: a different one each day of any 31 days in a row, whatever fits each day.

    With ``where``, one of the prompts that fit it (any prompt when none fits).
    The brackets saying what a prompt needs are not shown.
    """
    slot = slots(prompts)[slot_of(day)]
    start = day.toordinal() // SLOTS
    for turn in range(len(slot)):
        line = slot[(start + turn) % len(slot)]
        if where is None or fits(line, where):
            return split_needs(line)[1]
    pool = fitting(prompts, where) if where is not None else list(prompts)
    pool = pool or list(prompts)
    return split_needs(pool[prompt_index(day, len(pool))])[1]
