"""The daily prompt: the shipped file, its checks, and the no-repeat-in-a-month rule."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from importlib.resources import files
from itertools import pairwise
from pathlib import Path

import pytest

from tenfold.coach.prompts import (
    MIN_PROMPTS,
    PromptsError,
    Situation,
    fitting,
    load_prompts,
    parse_prompts,
    prompt_for,
    prompt_index,
    slot_of,
    slots,
    split_needs,
    stride,
)

ROOT = Path(__file__).resolve().parents[2]


def numbered(count: int) -> tuple[str, ...]:
    return tuple(f"Prompt number {i}" for i in range(count))


def test_the_shipped_prompts_are_found_as_package_data_and_pass_the_checks() -> None:
    resource = files("tenfold") / "assets" / "prompts.txt"
    assert resource.is_file()
    prompts = load_prompts()
    assert len(prompts) >= 36
    assert prompts == parse_prompts(resource.read_text(encoding="utf-8"))
    assert not any(p.startswith("#") for p in prompts)


def test_the_wheel_is_built_from_the_whole_package_folder_so_the_assets_ship() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    packages = config["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    assert "src/tenfold" in packages
    assert (ROOT / "src/tenfold/assets/prompts.txt").is_file()
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert not any(pattern in ignored for pattern in ("*.txt", "assets/", "assets"))


def test_comments_and_blank_lines_are_skipped_and_whitespace_trimmed() -> None:
    text = "# heading\n\n" + "\n".join(f"  {p}  " for p in numbered(MIN_PROMPTS)) + "\n# end\n"
    assert parse_prompts(text) == numbered(MIN_PROMPTS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "prompts.txt has no prompts; at least 31 are needed"),
        ("# only a comment\n\n   \n", "prompts.txt has no prompts"),
        ("\n".join(numbered(30)), "prompts.txt has only 30 prompts that need nothing; at least 31"),
        ("\n".join([*numbered(31), "prompt NUMBER 3"]), "prompts.txt, line 32: the same prompt is already on line 4"),
        ("\n".join(["x" * 241, *numbered(31)]), "prompts.txt, line 1: a prompt is at most 240 characters"),
    ],
)
def test_a_bad_file_is_refused_with_a_message_that_names_the_problem(text: str, message: str) -> None:
    with pytest.raises(PromptsError) as caught:
        parse_prompts(text)
    assert message in str(caught.value)


def test_stride_is_seven_unless_seven_shares_a_factor_with_the_count() -> None:
    assert stride(31) == 7
    assert stride(48) == 7
    assert stride(35) == 8  # 7 divides 35
    assert stride(56) == 9  # 7 and 8 both share a factor with 56


def test_the_prompt_of_a_day_follows_the_stated_rule() -> None:
    # 2026-03-01 is day 739,676 of the proleptic calendar; 739,676 * 7 = 5,177,732.
    assert date(2026, 3, 1).toordinal() == 739_676
    assert prompt_index(date(2026, 3, 1), 31) == 5_177_732 % 31 == 19
    assert prompt_index(date(2026, 3, 2), 31) == (19 + 7) % 31 == 26
    assert prompt_index(date(2026, 3, 3), 31) == (26 + 7) % 31 == 2
    prompts = numbered(31)
    assert slot_of(date(2026, 3, 1)) == 19 and slots(prompts)[19] == ["Prompt number 19"]
    assert prompt_for(date(2026, 3, 1), prompts) == "Prompt number 19"
    assert prompt_for(date(2026, 3, 1), list(prompts)) == "Prompt number 19"


@pytest.mark.parametrize("count", [31, 35, 48, 56, 60])
def test_no_prompt_repeats_within_any_31_days(count: int) -> None:
    prompts = numbered(count)
    start = date(2026, 1, 1)
    days = [prompt_for(start + timedelta(days=i), prompts) for i in range(2 * 366)]
    for first in range(len(days) - 30):
        window = days[first : first + 31]
        assert len(set(window)) == 31, f"a repeat in the 31 days from {start + timedelta(days=first)}"
    # ...and every prompt comes round: all of them each time the 31 slots have come round once per prompt in a slot.
    rounds = -(-count // 31) * 31
    assert set(days[100 : 100 + rounds]) == set(prompts)


def test_the_shipped_prompts_do_not_repeat_within_a_month_and_neighbours_are_spread() -> None:
    prompts = load_prompts()
    start = date(2026, 11, 1)
    month = [prompt_for(start + timedelta(days=i), prompts) for i in range(31)]
    assert len(set(month)) == 31
    shown = [split_needs(p)[1] for p in prompts]
    positions = [shown.index(p) for p in month]
    assert all(abs(b - a) != 1 for a, b in pairwise(positions))


def test_the_same_day_always_gets_the_same_prompt() -> None:
    prompts = load_prompts()
    day = date(2027, 2, 14)
    assert prompt_for(day, prompts) == prompt_for(date(2027, 2, 14), load_prompts())
    assert prompt_for(day, prompts) != prompt_for(day + timedelta(days=1), prompts)


def test_no_prompts_is_a_value_error_not_a_crash_on_modulo() -> None:
    with pytest.raises(ValueError, match="no prompts"):
        prompt_index(date(2026, 3, 1), 0)


# ----- prompts that fit where the user is ------------------------------------------------------------

NEWCOMER = Situation(next_step=1, streams=0, payments=0, ideas=0, goal=False)
EARNING = Situation(next_step=7, streams=3, payments=40, ideas=12, goal=True)


def test_day_one_never_asks_which_stream_brought_in_money() -> None:
    prompts = load_prompts()
    start = date(2027, 1, 1)
    month = [prompt_for(start + timedelta(days=i), prompts, NEWCOMER) for i in range(31)]
    assert len(set(month)) == 31, "still no repeat within a month"
    assert not any("which stream brought in money" in p for p in month)
    assert not any(p.startswith(("Step 1:", "Step 3:", "Step 8:")) for p in month), "not the next step, nor far ahead"
    assert not any(p.startswith("[") for p in month), "the brackets are never shown"


def test_prompts_that_need_streams_come_once_there_are_streams() -> None:
    prompts = load_prompts()
    later = fitting(prompts, EARNING)
    assert any("which stream brought in money" in p for p in later)
    assert not any("Write yours now" in p for p in later), "a written goal is not asked for again"
    start = date(2027, 1, 1)
    month = [prompt_for(start + timedelta(days=i), prompts, EARNING) for i in range(31)]
    assert len(set(month)) == 31


def test_a_user_file_adds_prompts_and_an_unknown_need_is_named(tmp_path: Path) -> None:
    own = tmp_path / "prompts.txt"
    own.write_text("# mine\n[streams] Which of my streams would I keep if I could keep one?\n", encoding="utf-8")
    prompts = load_prompts(own)
    assert prompts[-1] == "[streams] Which of my streams would I keep if I could keep one?"
    own.write_text("[money] Something\n", encoding="utf-8")
    with pytest.raises(PromptsError, match=r"line 1: \[money\] is not one of streams"):
        load_prompts(own)


def test_the_shipped_prompts_are_in_our_own_words() -> None:
    """The source asks "How many people are you capable of helping?"; the app words it its own way."""
    assert not any("capable of helping" in p for p in load_prompts())


# ----- no repeat while the situation changes -----------------------------------------------------------

A_NEWCOMERS_JANUARY = {
    1: NEWCOMER,
    3: Situation(next_step=1, streams=3, payments=4, ideas=0, goal=True),
    6: Situation(next_step=3, streams=3, payments=5, ideas=1, goal=True),
    14: Situation(next_step=4, streams=4, payments=8, ideas=3, goal=True),
    20: Situation(next_step=5, streams=4, payments=10, ideas=5, goal=True),
    26: Situation(next_step=6, streams=4, payments=12, ideas=6, goal=True),
}


def test_a_newcomers_first_month_has_no_repeat_though_their_situation_changes_every_few_days() -> None:
    """Writing the goal, adding streams and ticking steps change which prompts fit; the month still has no repeat."""
    prompts = load_prompts()
    shown: dict[str, int] = {}
    where = NEWCOMER
    for day in range(1, 32):
        where = A_NEWCOMERS_JANUARY.get(day, where)
        prompt = prompt_for(date(2027, 1, day), prompts, where)
        assert prompt not in shown, f"2027-01-{day:02} repeats the prompt of 2027-01-{shown[prompt]:02}: {prompt}"
        shown[prompt] = day


def test_no_repeat_within_any_31_days_whatever_the_situation_of_each_day() -> None:
    import random

    rng = random.Random(2027)
    prompts = load_prompts()
    start = date(2027, 1, 1)
    days = []
    for i in range(400):
        where = Situation(next_step=rng.choice([1, 2, 3, 4, 5, 6, 7, 8, None]), streams=rng.choice([0, 2]),
                          payments=rng.choice([0, 5]), ideas=rng.choice([0, 1]), goal=rng.random() < 0.5)
        days.append(prompt_for(start + timedelta(days=i), prompts, where))
    for first in range(len(days) - 30):
        window = days[first : first + 31]
        assert len(set(window)) == 31, f"a repeat in the 31 days from {start + timedelta(days=first)}"
