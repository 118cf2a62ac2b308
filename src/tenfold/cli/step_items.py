"""``tenfold steps``: what steps 3 to 8 hold, from the command line, as the app's step forms take it.

``items`` lists them; ``add-item`` adds one (step 3's sub-tasks may carry ``--due``;
steps 5 to 8 take their entries as options, the same ones the app's form asks for);
``edit`` changes what is given and keeps the rest (a pitch's outcome once the answer
came); ``done`` ticks an item's box (``--undo`` unticks it). Bad input is one line on
stderr and exit code 2, and nothing is written.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import click

from tenfold.cli import cli
from tenfold.cli.common import BAD_INPUT, Context, complete_streams, fail, form_error_line, reading, say, show, writing
from tenfold.coach.actions import due_words
from tenfold.domain.errors import FormErrors
from tenfold.domain.ledger_forms import find_stream
from tenfold.domain.step_entries import ENTRIES, entry_specs, mentor_line, parse_entries
from tenfold.domain.step_items import ITEM_KINDS, StepItem, parse_step_item
from tenfold.domain.steps import step_info
from tenfold.domain.text import ascii_number

if TYPE_CHECKING:
    from tenfold.store.store import Store

ENTRY_KEYS: tuple[str, ...] = tuple(dict.fromkeys(
    spec.key for specs in ENTRIES.values() for spec in specs if spec.kind != "stream"))
"""Every entry of steps 5 to 8 as an option (``sent_on`` is ``--sent-on``); step 5's stream is ``--stream``."""


def _bad(message: str) -> NoReturn:
    fail(message, BAD_INPUT)


def _option(key: str) -> str:
    return "--" + key.replace("_", "-")


def _entry_help(key: str) -> str:
    """``Step 7: The pitch.``; a key two steps use names both (``Step 5: Entry offer; step 7: ...``)."""
    said = []
    for number, specs in ENTRIES.items():
        for spec in specs:
            if spec.key == key:
                choices = f" ({', '.join(spec.choices)})" if spec.choices else ""
                said.append(f"step {number}: {spec.label.removesuffix(' (YYYY-MM-DD)')}{choices}")
    text = "; ".join(said)
    return text[:1].upper() + text[1:] + "."


def _metavar(key: str) -> str:
    kinds = {spec.kind for specs in ENTRIES.values() for spec in specs if spec.key == key}
    return "YYYY-MM-DD" if kinds == {"date"} else "TEXT"


def _entry_options(command: Any) -> Any:
    """Add one option per entry key to ``command``."""
    for key in reversed(ENTRY_KEYS):
        command = click.option(_option(key), key, default=None, metavar=_metavar(key), help=_entry_help(key))(command)
    return command


def _step_number(text: str) -> int:
    """STEP as typed: a number from 3 to 8 (steps 1 and 2 hold an idea and the goal, not items)."""
    raw = text.strip()
    number = ascii_number(raw)
    if number is None or number not in ITEM_KINDS:
        _bad(f"STEP: '{raw[:20]}' is not a step that holds items; use 3 to 8 (see 'tenfold steps items')")
    return number


def _item(store: Store, step: int, text: str) -> StepItem:
    """The item ITEM_ID names on ``step``, or one line saying which ids there are."""
    raw = text.strip().lstrip("#")
    wanted = ascii_number(raw)
    found = next((i for i in store.step_items(step) if i.id == wanted), None)
    if found is None:
        ids = ", ".join(str(i.id) for i in store.step_items(step)) or "none yet"
        _bad(f"ITEM_ID: step {step} has no item '{text.strip()[:20]}' (its items: {ids})")
    return found


def _entries_given(step: int, given: Mapping[str, str | None]) -> dict[str, str]:
    """The entry options typed, each checked to belong to ``step``."""
    keys = {spec.key for spec in entry_specs(step)}
    out: dict[str, str] = {}
    for key, value in given.items():
        if value is None:
            continue
        if key not in keys:
            owners = [str(n) for n, specs in ENTRIES.items() if any(s.key == key for s in specs)]
            _bad(f"{_option(key)}: step {step} has no such entry; it belongs to step {' or '.join(owners)}")
        out[key] = value
    return out


def _save(store: Store, step: int, base: StepItem | None, text: str | None, detail: str | None, due: str | None,
          stream: str | None, entries: dict[str, str]) -> StepItem:
    """Validate as the app's form does (every problem on one line) and add or rewrite the item."""
    kind = ITEM_KINDS[step]
    errors: dict[str, str] = {}
    stream_id = base.stream_id if base else None
    extra = dict(base.extra) if base else {}
    if stream is not None:
        if step not in (5, 8):
            _bad(f"--stream: step {step}'s {kind.plural} are not linked to a stream (steps 5 and 8 are)")
        found = find_stream(store.streams(), stream, errors, "") if stream.strip() else None
        if step == 8:
            stream_id = found.id if found else None
        else:
            entries["stream"] = str(found.id) if found else ""
    if due is not None and step != 3:
        _bad(f"--due: only step 3's sub-tasks have a due date, not step {step}'s {kind.plural}")
    try:
        extra = parse_entries(step, {**extra, **entries}, [s.id for s in store.streams()])
    except FormErrors as exc:
        errors.update({_option(k): v for k, v in exc.errors.items()})
    old_due = base.due_on.isoformat() if base and base.due_on else ""
    try:
        item = parse_step_item(step=step, text=text if text is not None else (base.text if base else ""),
                               detail=detail if detail is not None else (base.detail if base else ""),
                               done=base.done if base else False, added_on=base.added_on if base else store.today(),
                               item_id=base.id if base else 0, stream_id=stream_id, extra=extra,
                               due=due if due is not None else old_due)
    except FormErrors as exc:
        if step == 8 and "text" in exc.errors and stream_id is None:
            if "stream" in errors:  # a stream was named, wrongly: that is the one thing to fix
                del exc.errors["text"]
            else:
                exc.errors["text"] = "Name a --stream of the ledger, or say what you scale with --text"
        errors = {**exc.errors, **errors}
    if errors:
        _bad(form_error_line(FormErrors(errors), {"text": "--text", "detail": "--detail", "due": "--due",
                                                  "stream": "--stream"}))
    if base is None:
        return store.add_step_item(item)
    item = dataclasses.replace(item, done_on=base.done_on)
    store.update_step_item(item)
    return next(i for i in store.step_items(step) if i.id == item.id)


def item_lines(item: StepItem, names: Mapping[int, str], today: Any) -> list[str]:
    """An item as ``#4 [ ] Chapter 1 · overdue since 2026-11-20 · week 1``, then its entries, one a line."""
    kind = ITEM_KINDS[item.step]
    box = ("[x] " if item.done else "[ ] ") if kind.done_label else ""
    name = item.text or names.get(item.stream_id or 0, "")
    if item.step == 8 and item.stream_id is not None:
        name = f"{name} (stream {names.get(item.stream_id, item.stream_id)})" if item.text else name
    bits = [f"#{item.id} {box}{name}"]
    due = due_words(item, today)
    if due:
        bits.append(due)
    elif item.done and item.done_on is not None and kind.done_label:
        bits.append(f"{kind.done_label.lower()} {item.done_on.isoformat()}")
    if item.detail.strip():
        bits.append(" ".join(item.detail.split()))
    lines = ["  " + " · ".join(bits)]
    for spec in entry_specs(item.step):
        value = item.extra.get(spec.key, "")
        if spec.kind == "stream" and value.isdigit():
            value = names.get(int(value), value)
        if value:
            lines.append(f"      {spec.label.removesuffix(' (YYYY-MM-DD)')}: {' '.join(value.split())}")
    return lines


def _said(context: Context, verb: str, item: StepItem, names: Mapping[int, str], store_today: Any) -> None:
    say(context, f"{verb} on step {item.step}:")
    for line in item_lines(item, names, store_today):
        say(context, line)


@cli.group("steps")
def steps() -> None:
    """What steps 3 to 8 hold: sub-tasks, backup plans, marketers, groups, mentor pitches, scale experiments."""


@steps.command("items")
@click.argument("step", required=False, metavar="[STEP]")
@click.pass_obj
def items(context: Context, step: str | None) -> None:
    """List the items of step STEP (3-8), or of every step (read-only)."""
    numbers: Sequence[int] = [_step_number(step)] if step is not None else sorted(ITEM_KINDS)
    with reading(context) as store:
        today, every = store.today(), store.step_items()
        names = {s.id: s.name for s in store.streams()}
    for number in numbers:
        own = [i for i in every if i.step == number]
        if step is None and not own:
            continue
        kind = ITEM_KINDS[number]
        show(f"Step {number} · {step_info(number).title} ({kind.plural})")
        if not own:
            show(f"  none yet: tenfold steps add-item {number} --text ...")
        for item in own:
            for line in item_lines(item, names, today):
                show(line)
        if number == 7 and (upcoming := mentor_line(own, today)):
            show(f"  Next: {upcoming}")
    if step is None and not every:
        show("No step holds anything yet: tenfold steps add-item 3 --text 'Outline chapter 1' --due 2027-01-10")


@steps.command("add-item")
@click.argument("step", metavar="STEP")
@click.option("--text", default=None, help="The item: a sub-task, a backup income, a marketer, a group, a mentor.")
@click.option("--detail", default=None, help="The longer part: when/how, what it pays, what I learned, why them.")
@click.option("--due", default=None, metavar="YYYY-MM-DD", help="Step 3: the day the sub-task is due.")
@click.option("--stream", default=None, metavar="NAME", shell_complete=complete_streams,
              help="Step 8: the ledger's stream to scale; step 5: the stream it is for.")
@_entry_options
@click.pass_obj
def add_item(context: Context, /, step: str, text: str | None, detail: str | None, due: str | None,
             stream: str | None, **entries: str | None) -> None:
    """Add an item to step STEP (3-8).

    Examples: tenfold steps add-item 3 --text 'Outline chapter 1' --due 2027-01-10;
    tenfold steps add-item 7 --text Maria --pitch 'Could I proofread your next book?' --sent-on 2027-01-05
    """
    number = _step_number(step)
    given = _entries_given(number, entries)
    with writing(context) as store:
        item = _save(store, number, None, text, detail, due, stream, given)
        names = {s.id: s.name for s in store.streams()}
        _said(context, "Added", item, names, store.today())


@steps.command("edit")
@click.argument("step", metavar="STEP")
@click.argument("item_id", metavar="ITEM_ID")
@click.option("--text", default=None, help="New text.")
@click.option("--detail", default=None, help="New detail ('' clears it).")
@click.option("--due", default=None, metavar="YYYY-MM-DD", help="Step 3: the day it is due ('' clears it).")
@click.option("--stream", default=None, metavar="NAME", shell_complete=complete_streams,
              help="Step 8: the ledger's stream; step 5: the stream it is for ('' clears it).")
@_entry_options
@click.pass_obj
def edit(context: Context, /, step: str, item_id: str, text: str | None, detail: str | None, due: str | None,
         stream: str | None, **entries: str | None) -> None:
    """Change what is given of item ITEM_ID on step STEP; the rest stays as it was ('' clears an entry).

    Example: tenfold steps edit 7 3 --outcome no   (the next candidate is then proposed)
    """
    number = _step_number(step)
    given = _entries_given(number, entries)
    with writing(context) as store:
        item = _save(store, number, _item(store, number, item_id), text, detail, due, stream, given)
        names = {s.id: s.name for s in store.streams()}
        _said(context, "Saved", item, names, store.today())
        after = mentor_line(store.step_items(7), store.today()) if number == 7 else None
    if after:
        say(context, f"Next: {after}")


@steps.command("done")
@click.argument("step", metavar="STEP")
@click.argument("item_id", metavar="ITEM_ID")
@click.option("--undo", is_flag=True, help="Untick it instead.")
@click.pass_obj
def done(context: Context, step: str, item_id: str, undo: bool) -> None:
    """Tick item ITEM_ID of step STEP (a sub-task done, a group joined, a mentor asked), dated today."""
    number = _step_number(step)
    kind = ITEM_KINDS[number]
    if kind.done_label is None:
        _bad(f"STEP: step {number}'s {kind.plural} have no box to tick (steps 3, 6 and 7 do)")
    label = kind.done_label.lower()
    with writing(context) as store:
        item = _item(store, number, item_id)
        if item.done != undo:
            state = f"already {label}" if not undo else f"not {label}"
            say(context, f"#{item.id} {item.text} was {state}")
            return
        store.update_step_item(dataclasses.replace(item, done=not undo))
        saved = _item(store, number, item_id)
    when = f" on {saved.done_on.isoformat()}" if saved.done_on else ""
    say(context, f"#{saved.id} {saved.text}: {'not ' + label if undo else label + when}")
