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

The rule for choosing: day ``d`` gets prompt ``(d.toordinal() * stride) % n``,
where ``n`` is the number of prompts and ``stride`` is the first number from 7 up
that shares no factor with ``n``. Multiplying by a number coprime with ``n`` is a
permutation of the remainders, so any ``n`` days in a row show ``n`` different
prompts; with at least 31 prompts, no prompt repeats within any 31 days in a row
(a month). The stride spreads neighbouring lines of the file (which are grouped
by topic) over different days, so a week does not dwell on one topic. At least
31 prompts need nothing, so the prompts that fit are always enough for a month
without a repeat while the situation (step, streams, ideas) stays the same.
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


def prompt_for(day: date, prompts: Sequence[str], where: Situation | None = None) -> str:
    """The prompt for ``day``: the same all day, a different one each day of any month.

    With ``where``, chosen from the prompts that fit it (all of them when none fits).
    The brackets saying what a prompt needs are not shown.
    """
    pool = fitting(prompts, where) if where is not None else list(prompts)
    pool = pool or list(prompts)
    return split_needs(pool[prompt_index(day, len(pool))])[1]
