"""``tenfold tick N`` / ``tenfold untick N``: mark the method's eight steps done or not."""

from __future__ import annotations

import click

from tenfold.cli import cli
from tenfold.cli.common import BAD_INPUT, Context, fail, say, writing
from tenfold.domain.steps import STEPS, StepInfo, step_info
from tenfold.domain.text import ascii_number


def _step(text: str) -> StepInfo:
    """The step a typed number names, or one line saying which numbers exist."""
    number = ascii_number(text.strip())
    if number is None or not 1 <= number <= len(STEPS):
        fail(f"step: '{text[:20]}' is not a step; steps are numbered 1 to {len(STEPS)}", BAD_INPUT)
    return step_info(number)


@cli.command()
@click.argument("n", metavar="N")
@click.pass_obj
def tick(context: Context, n: str) -> None:
    """Tick step N (1-8) as done today. Its notes are kept."""
    info = _step(n)
    with writing(context) as store:
        state = store.steps()[info.number - 1]
        if state.done_on is not None:
            say(context, f"Step {info.number} {info.title} was already ticked on {state.done_on.isoformat()}")
            return
        new = store.tick(info.number, store.today())
    assert new.done_on is not None
    say(context, f"Ticked step {info.number} {info.title} on {new.done_on.isoformat()}")


@cli.command()
@click.argument("n", metavar="N")
@click.pass_obj
def untick(context: Context, n: str) -> None:
    """Untick step N (1-8). Its notes are kept."""
    info = _step(n)
    with writing(context) as store:
        if not store.steps()[info.number - 1].done:
            say(context, f"Step {info.number} {info.title} was not ticked")
            return
        store.untick(info.number)
    say(context, f"Unticked step {info.number} {info.title}")
