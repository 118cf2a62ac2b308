"""``tenfold steps``: what steps 3 to 8 hold, added, edited, ticked and listed by real processes.

The clock is pinned with $TENFOLD_TODAY to 2026-11-21; every refusal is one line on
stderr, exit code 2, and the file unchanged.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tenfold.domain.streams import Stream
from tenfold.store.store import Store

TODAY = date(2026, 11, 21)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("TENFOLD_")}
    return {**clean, "TENFOLD_TODAY": TODAY.isoformat(), "XDG_STATE_HOME": str(tmp_path / "state")}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "t.json"
    with Store.open(path, today=lambda: TODAY) as store:
        store.add_stream(Stream(0, "Ebook", "ebook", "passive", "EUR"))
    return path


def run(db: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tenfold", "--db", str(db), *args],
                          capture_output=True, text=True, env=env, timeout=60, check=False)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def refused(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("tenfold: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0].removeprefix("tenfold: ")


def test_sub_tasks_with_due_dates_are_added_ticked_and_listed(db: Path, env: dict[str, str]) -> None:
    assert ok(run(db, env, "steps", "add-item", "3", "--text", "Chapter 1", "--due", "2026-11-20")) == (
        "Added on step 3:\n  #1 [ ] Chapter 1 · overdue since 2026-11-20\n")
    ok(run(db, env, "steps", "add-item", "3", "--text", "Blurb", "--detail", "short", "--due", "2026-12-01"))
    assert ok(run(db, env, "steps", "done", "3", "1")) == "#1 Chapter 1: done on 2026-11-21\n"
    assert ok(run(db, env, "steps", "done", "3", "1")) == "#1 Chapter 1 was already done\n"
    assert ok(run(db, env, "steps", "items", "3")) == (
        "Step 3 · Plan your steps (sub-tasks)\n"
        "  #1 [x] Chapter 1 · done 2026-11-21\n"
        "  #2 [ ] Blurb · due 2026-12-01 · short\n")
    with Store.open(db, read_only=True) as store:
        assert [(i.text, i.done, i.done_on, i.due_on) for i in store.step_items(3)] == [
            ("Chapter 1", True, TODAY, date(2026, 11, 20)), ("Blurb", False, None, date(2026, 12, 1))]
    ok(run(db, env, "steps", "edit", "3", "2", "--due", ""))
    ok(run(db, env, "steps", "done", "3", "1", "--undo"))
    with Store.open(db, read_only=True) as store:
        assert [(i.done, i.done_on, i.due_on) for i in store.step_items(3)] == [
            (False, None, date(2026, 11, 20)), (False, None, None)]


def test_bad_input_is_one_line_exit_2_and_nothing_written(db: Path, env: dict[str, str]) -> None:
    before = db.read_bytes()
    cases = {
        ("add-item", "3", "--text", "x", "--due", "tomorrow"): "--due: 'tomorrow' is not a date; use YYYY-MM-DD, "
                                                                 "e.g. 2027-12-31",
        ("add-item", "3", "--due", "2026-02-30"): "--text: The text cannot be empty; --due: 2026-02-30 is not a "
                                                  "real date: February 2026 has 28 days",
        ("add-item", "4", "--text", "x", "--due", "2027-01-01"): "--due: only step 3's sub-tasks have a due date, "
                                                                 "not step 4's backup plans",
        ("add-item", "9", "--text", "x"): "STEP: '9' is not a step that holds items; use 3 to 8 "
                                          "(see 'tenfold steps items')",
        ("add-item", "5", "--text", "Pat", "--pitch", "hi"): "--pitch: step 5 has no such entry; it belongs to step 7",
        ("add-item", "7", "--text", "Maria", "--outcome", "maybe"): "--outcome: Choose one of: waiting, yes, no, "
                                                                    "no answer",
        ("add-item", "8", "--stream", "Podcast"): "--stream: There is no stream called 'Podcast'",
        ("add-item", "6", "--text", "x", "--stream", "Ebook"): "--stream: step 6's groups are not linked to a "
                                                               "stream (steps 5 and 8 are)",
        ("done", "4", "1"): "STEP: step 4's backup plans have no box to tick (steps 3, 6 and 7 do)",
        ("done", "3", "7"): "ITEM_ID: step 3 has no item '7' (its items: none yet)",
    }
    for args, message in cases.items():
        assert refused(run(db, env, "steps", *args)) == message, args
    assert db.read_bytes() == before


def test_steps_5_to_8_take_the_forms_entries(db: Path, env: dict[str, str]) -> None:
    ok(run(db, env, "steps", "add-item", "5", "--text", "Pat", "--offer", "free checklist", "--prices", "9 / 49",
           "--use", "a welcome e-mail", "--stream", "ebook"))
    ok(run(db, env, "steps", "add-item", "6", "--text", "Bakers forum", "--question", "Where do readers look?",
           "--answer", "Recipe newsletters"))
    ok(run(db, env, "steps", "add-item", "7", "--text", "Maria", "--pitch", "Could I proofread your next book?",
           "--offer", "proofreading", "--sent-on", "2026-11-01", "--follow-up-on", "2026-11-15"))
    ok(run(db, env, "steps", "add-item", "7", "--text", "Tom", "--detail", "runs a bakery blog"))
    ok(run(db, env, "steps", "add-item", "8", "--stream", "Ebook", "--change", "price 9 -> 12", "--figure", "income",
           "--check-on", "2027-01-31"))
    listed = ok(run(db, env, "steps", "items", "7"))
    assert "Next: Follow up with Maria: the follow-up date 2026-11-15 has come" in listed
    said = ok(run(db, env, "steps", "edit", "7", "3", "--outcome", "no"))
    assert said.endswith("Next: Maria said no; next: pitch Tom\n")
    with Store.open(db, read_only=True) as store:
        ebook = store.streams()[0]
        marketer, group, maria, _tom, scale = store.step_items()
        assert marketer.extra == {"offer": "free checklist", "prices": "9 / 49", "use": "a welcome e-mail",
                                  "stream": str(ebook.id)}
        assert group.extra == {"question": "Where do readers look?", "answer": "Recipe newsletters"}
        assert maria.extra == {"pitch": "Could I proofread your next book?", "offer": "proofreading",
                               "sent_on": "2026-11-01", "follow_up_on": "2026-11-15", "outcome": "no"}
        assert (scale.stream_id, scale.text, scale.extra["figure"]) == (ebook.id, "", "income")
    everything = ok(run(db, env, "steps", "items"))
    assert "  #1 Pat\n      Entry offer: free checklist\n" in everything
    assert "      For my stream: Ebook\n" in everything and "      Result due: 2027-01-31\n" in everything
