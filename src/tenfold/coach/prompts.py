"""The day's coaching prompt: one question a day, from an editable text file.

The prompts live in ``assets/prompts.txt`` (one per line; blank lines and lines
starting with ``#`` are ignored) so they can be rewritten without touching code.

The rule for choosing: day ``d`` gets prompt ``(d.toordinal() * stride) % n``,
where ``n`` is the number of prompts and ``stride`` is the first number from 7 up
that shares no factor with ``n``. Multiplying by a number coprime with ``n`` is a
permutation of the remainders, so any ``n`` days in a row show ``n`` different
prompts; with at least 31 prompts, no prompt repeats within any 31 days in a row
(a month). The stride spreads neighbouring lines of the file (which are grouped
by topic) over different days, so a week does not dwell on one topic.
"""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from math import gcd

from tenfold.domain.errors import TenfoldError

MIN_PROMPTS = 31
"""Enough for a month without a repeat."""
MAX_LENGTH = 240
"""A prompt is read at a glance: two lines of the today card at most."""
PROMPTS_FILE = "prompts.txt"


class PromptsError(TenfoldError):
    """The prompts file breaks a rule; the message names the file and the line."""


def parse_prompts(text: str, source: str = PROMPTS_FILE) -> tuple[str, ...]:
    """The prompts in a file's text, checked: enough of them, short, one of each."""
    prompts: list[str] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if len(line) > MAX_LENGTH:
            raise PromptsError(f"{source}, line {number}: a prompt is at most {MAX_LENGTH} characters")
        first = seen.get(line.casefold())
        if first is not None:
            raise PromptsError(f"{source}, line {number}: the same prompt is already on line {first}")
        seen[line.casefold()] = number
        prompts.append(line)
    if len(prompts) < MIN_PROMPTS:
        have = "no prompts" if not prompts else f"only {len(prompts)} prompts"
        raise PromptsError(
            f"{source} has {have}; at least {MIN_PROMPTS} are needed so a month passes without a repeat"
        )
    return tuple(prompts)


def load_prompts() -> tuple[str, ...]:
    """The prompts shipped with Tenfold (``tenfold/assets/prompts.txt``)."""
    resource = files("tenfold") / "assets" / PROMPTS_FILE
    try:
        text = resource.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PromptsError(f"Cannot read the coaching prompts ({PROMPTS_FILE}): {exc}") from None
    return parse_prompts(text)


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


def prompt_for(day: date, prompts: tuple[str, ...] | list[str]) -> str:
    """The prompt for ``day``: the same all day, a different one each day of any month."""
    return prompts[prompt_index(day, len(prompts))]
