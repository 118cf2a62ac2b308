"""The crash tests' workload: a seeded stream of edits, a model of what they should leave, a snapshot.

The child process (``crash_child.py``) applies the edits through the real Store and
prints ``ack N`` after edit N returns. The parent kills it, opens the file, and
compares the store's snapshot with the model after exactly K edits: K must be the
number acknowledged, or one more (the edit in flight may have reached the disk
before its ack was printed). Any other state is a lost or a half change.

Records are found by unique labels (stream ``s17``, payment ``p42``, idea ``w8``)
rather than by ids, so the model does not need to know how TinyDB numbers rows.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from tenfold.domain.goal import Goal
from tenfold.domain.ideas import Idea
from tenfold.domain.ledger import Payment
from tenfold.domain.steps import StepState
from tenfold.domain.streams import Stream
from tenfold.store.store import Store

Op = tuple[Any, ...]
BASE_DAY = date(2026, 1, 1)


@dataclass
class Model:
    """What the file should hold, as plain values."""

    goal: tuple[str, str, str] | None = None
    steps: dict[int, tuple[str | None, str]] = field(default_factory=lambda: {n: (None, "") for n in range(1, 9)})
    streams: dict[str, str] = field(default_factory=dict)  # name -> kind
    payments: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # note -> (stream, day, amount)
    ideas: dict[str, str] = field(default_factory=dict)  # who -> value

    def apply(self, op: Op) -> None:
        """Apply one edit."""
        kind, *args = op
        if kind == "goal":
            self.goal = (args[0], args[1], args[2])
        elif kind == "tick":
            self.steps[args[0]] = (args[1], self.steps[args[0]][1])
        elif kind == "notes":
            self.steps[args[0]] = (self.steps[args[0]][0], args[1])
        elif kind == "add_stream":
            self.streams[args[0]] = args[1]
        elif kind == "delete_stream":
            del self.streams[args[0]]
            for note in [n for n, p in self.payments.items() if p[0] == args[0]]:
                del self.payments[note]
        elif kind == "add_payment":
            self.payments[args[3]] = (args[0], args[1], args[2])
        elif kind == "edit_payment":
            stream, day, _ = self.payments[args[0]]
            self.payments[args[0]] = (stream, day, args[1])
        elif kind == "delete_payment":
            del self.payments[args[0]]
        elif kind == "add_idea" or kind == "edit_idea":
            self.ideas[args[0]] = args[1]
        elif kind == "delete_idea":
            del self.ideas[args[0]]
        else:  # pragma: no cover
            raise ValueError(kind)

    def snapshot(self) -> dict[str, Any]:
        """Comparable with :func:`store_snapshot`."""
        return copy.deepcopy({"goal": self.goal, "steps": self.steps, "streams": self.streams,
                              "payments": self.payments, "ideas": self.ideas})


def _amount(rng: random.Random) -> str:
    cents = rng.randint(1, 10**8)
    return f"{cents // 100}.{cents % 100:02d}"


def generate_ops(seed: int, count: int) -> list[Op]:
    """``count`` valid edits, the same for the same seed; the model keeps them valid."""
    rng = random.Random(seed)
    model = Model()
    ops: list[Op] = []
    for i in range(count):
        choices = ["tick", "notes", "add_stream", "add_idea", "goal"]
        if model.streams:
            choices += ["add_payment"] * 4
        if len(model.streams) > 2:
            choices.append("delete_stream")
        if model.payments:
            choices += ["edit_payment", "edit_payment", "delete_payment"]
            if len(model.payments) > 40:
                choices += ["delete_payment", "delete_stream"] * 3
        if model.ideas:
            choices += ["edit_idea", "delete_idea"]
        kind = rng.choice(choices)
        day = (BASE_DAY + timedelta(days=rng.randint(0, 400))).isoformat()
        if kind == "goal":
            deadline = date(2030, 1, 1) + timedelta(days=i % 900)
            op: Op = ("goal", f"goal {i} 🎯 שלום", _amount(rng), deadline.isoformat())
        elif kind == "tick":
            op = ("tick", rng.randint(1, 8), rng.choice([None, day]))
        elif kind == "notes":
            op = ("notes", rng.randint(1, 8), f"note {i}\n" + "x" * rng.randint(0, 300))
        elif kind == "add_stream":
            op = ("add_stream", f"s{i}", rng.choice(["passive", "active", "portfolio"]))
        elif kind == "delete_stream":
            op = ("delete_stream", rng.choice(sorted(model.streams)))
        elif kind == "add_payment":
            op = ("add_payment", rng.choice(sorted(model.streams)), day, _amount(rng), f"p{i}")
        elif kind == "edit_payment":
            op = ("edit_payment", rng.choice(sorted(model.payments)), _amount(rng))
        elif kind == "delete_payment":
            op = ("delete_payment", rng.choice(sorted(model.payments)))
        elif kind == "add_idea":
            op = ("add_idea", f"w{i}", f"value {i}")
        elif kind == "edit_idea":
            op = ("edit_idea", rng.choice(sorted(model.ideas)), f"better value {i}")
        else:
            op = ("delete_idea", rng.choice(sorted(model.ideas)))
        model.apply(op)
        ops.append(op)
    return ops


def apply_to_store(store: Store, op: Op) -> None:
    """Apply one edit through the real Store's public API (one save each)."""
    kind, *args = op
    streams = {s.name: s for s in store.streams()}
    payments = {p.note: p for p in store.payments()}
    ideas = {i.who: i for i in store.ideas()}
    if kind == "goal":
        store.set_goal(Goal(args[0], Decimal(args[1]), "EUR", date.fromisoformat(args[2]), BASE_DAY))
    elif kind == "tick":
        old = store.steps()[args[0] - 1]
        store.set_step(StepState(args[0], date.fromisoformat(args[1]) if args[1] else None, old.notes))
    elif kind == "notes":
        old = store.steps()[args[0] - 1]
        store.set_step(StepState(args[0], old.done_on, args[1]))
    elif kind == "add_stream":
        store.add_stream(Stream(0, args[0], "other", args[1], "EUR"))
    elif kind == "delete_stream":
        store.delete_stream(streams[args[0]].id)
    elif kind == "add_payment":
        store.add_payment(Payment(0, streams[args[0]].id, date.fromisoformat(args[1]), Decimal(args[2]), args[3]))
    elif kind == "edit_payment":
        p = payments[args[0]]
        store.update_payment(Payment(p.id, p.stream_id, p.on, Decimal(args[1]), p.note))
    elif kind == "delete_payment":
        store.delete_payment(payments[args[0]].id)
    elif kind == "add_idea":
        store.add_idea(Idea(0, args[0], args[1], "", "", BASE_DAY))
    elif kind == "edit_idea":
        i = ideas[args[0]]
        store.update_idea(Idea(i.id, i.who, args[1], i.reach, i.delivery, i.written_on))
    elif kind == "delete_idea":
        store.delete_idea(ideas[args[0]].id)
    else:  # pragma: no cover
        raise ValueError(kind)


def store_snapshot(store: Store) -> dict[str, Any]:
    """What the store holds, in the model's terms."""
    names = {s.id: s.name for s in store.streams()}
    goal = store.goal
    return {
        "goal": (goal.text, str(goal.amount), goal.deadline.isoformat()) if goal else None,
        "steps": {s.number: (s.done_on.isoformat() if s.done_on else None, s.notes) for s in store.steps()},
        "streams": {s.name: s.kind for s in store.streams()},
        "payments": {p.note: (names[p.stream_id], p.on.isoformat(), str(p.amount)) for p in store.payments()},
        "ideas": {i.who: i.value for i in store.ideas()},
    }


def _next_version() -> int:
    from tenfold.store import schema

    return schema.SCHEMA_VERSION + 1


NEXT = _next_version()
"""The schema version the stand-in migration upgrades to: one past the real one."""


def fake_v2_migration(doc: dict[str, Any]) -> dict[str, Any]:
    """A stand-in upgrade to the schema after the current one, for tests: every stream gains
    ``started_on`` (unknown). Named for when it was written; it now stands for version NEXT."""
    for stream in doc.get("streams", {}).values():
        stream.setdefault("started_on", None)
    return doc


def install_fake_v2() -> None:
    """Pretend this Tenfold reads schema NEXT (in a child process, where nothing needs undoing)."""
    from tenfold.store import schema

    schema.SCHEMA_VERSION = NEXT
    schema.MIGRATIONS[NEXT] = fake_v2_migration
