"""Writing commands: goal set, add stream|payment|idea, tick, untick.

Each is tested on a real data file: the happy path, bad values (one line on
stderr, non-zero exit, file byte-for-byte unchanged) and a lock held by another
process.
"""

from __future__ import annotations

import json
import stat
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from cli_support import invoke, lock_held, one_error_line, read, seed

from tenfold.cli import common
from tenfold.startup import LOCK_WAIT


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seed(tmp_path / "tenfold.json")


def refused(db: Path, *args: str) -> str:
    """Run a command that must be refused; check the file did not change; return the line."""
    before = db.read_bytes()
    line = one_error_line(invoke(db, *args))
    assert db.read_bytes() == before
    return line


# ----- goal set ---------------------------------------------------------------


def test_goal_set_on_a_new_file_creates_it_private(tmp_path: Path) -> None:
    db = tmp_path / "new.json"
    result = invoke(db, "goal", "set", "Ebooks pay for the holidays", "--amount", "800", "--currency", "usd",
                    "--by", "2028-06-30")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Goal set: 800.00 USD a month by 2028-06-30 (passive income counts)\n"
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    goal = read(db).goal
    assert goal is not None
    assert (goal.text, goal.amount, goal.currency, goal.deadline) == (
        "Ebooks pay for the holidays", Decimal("800.00"), "USD", date(2028, 6, 30))
    assert goal.written_on == date(2026, 11, 21)


def test_goal_set_again_says_rewritten(db: Path) -> None:
    result = invoke(db, "goal", "set", "More", "--amount", "2000", "--by", "2028-01-01")
    assert result.stdout == "Goal rewritten: 2,000.00 EUR a month by 2028-01-01 (passive income counts)\n"
    assert read(db).goal.amount == Decimal("2000.00")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--amount", "abc", "--by", "2027-12-31"], "amount: 'abc' is not an amount; type digits like 12.50"),
        (["--amount", "1500", "--by", "2027-02-30"], "by: 2027-02-30 is not a real date"),
        (["--amount", "1500", "--by", "2026-01-01"], "by: Choose a date in the future"),
        (["--amount", "1500", "--currency", "euro", "--by", "2027-12-31"], "currency: 'euro' is not a currency"),
        (["--amount", "NaN", "--by", "2027-12-31"], "amount: 'NaN' is not an amount"),
    ],
)
def test_goal_set_refuses_bad_values(db: Path, args: list[str], expected: str) -> None:
    assert expected in refused(db, "goal", "set", "text", *args)


def test_goal_set_refuses_empty_text(db: Path) -> None:
    assert "text: The text cannot be empty" in refused(db, "goal", "set", "  ", "--amount", "1", "--by", "2027-12-31")


# ----- add stream / payment / idea -------------------------------------------------


def test_add_stream(db: Path) -> None:
    result = invoke(db, "add", "stream", "--name", "Index fund", "--kind", "Portfolio", "--category", "dividends")
    assert result.stdout == "Added stream Index fund (portfolio, dividends, EUR, customers: platform)\n"
    assert [s.name for s in read(db).streams()] == ["Consulting", "Index fund", "Royalties"]


def test_add_stream_with_cadence_and_costs(db: Path) -> None:
    result = invoke(db, "add", "stream", "--name", "Course", "--kind", "passive", "--cadence", "Monthly",
                    "--expected", "99", "--upfront-money", "250", "--upfront-hours", "40", "--upkeep-hours", "2.5")
    assert result.exit_code == 0, result.stderr
    course = next(s for s in read(db).streams() if s.name == "Course")
    assert (course.cadence, course.expected, course.upfront_money, course.upfront_hours, course.upkeep_hours) == (
        "monthly", Decimal("99.00"), Decimal("250.00"), Decimal("40.00"), Decimal("2.50"))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--name", "royalties", "--kind", "passive"], "name: A stream called 'royalties' already exists"),
        (["--name", "X", "--kind", "lazy"], "kind: Choose one of: passive, active, portfolio"),
        (["--name", " ", "--kind", "passive"], "name: The name cannot be empty"),
        (["--name", "X", "--kind", "passive", "--category", "lottery"], "category: Choose one of"),
        (["--name", "X", "--kind", "passive", "--currency", "E1"], "currency: 'E1' is not a currency code"),
        (["--name", "X", "--kind", "passive", "--cadence", "weekly"], "cadence: Choose one of: irregular, monthly"),
        (["--name", "X", "--kind", "passive", "--upkeep-hours", "800"], "--upkeep-hours: A month has at most 744"),
        (["--name", "X", "--kind", "passive", "--expected", "1,5"], "expected: Use a dot for cents"),
    ],
)
def test_add_stream_refuses_bad_values(db: Path, args: list[str], expected: str) -> None:
    assert expected in refused(db, "add", "stream", *args)


def test_add_payment_defaults_to_today_and_says_what_it_did(db: Path) -> None:
    result = invoke(db, "add", "payment", "--stream", "ROYALTIES", "--amount", "12.50", "--note", "Nov")
    assert result.exit_code == 0
    assert result.stdout == "Added 12.50 EUR to Royalties on 2026-11-21\n"
    assert result.stderr == ""
    newest = read(db).payments()[0]
    assert (newest.on, newest.amount, newest.note) == (date(2026, 11, 21), Decimal("12.50"), "Nov")


def test_add_payment_with_a_date(db: Path) -> None:
    result = invoke(db, "add", "payment", "--stream", "Consulting", "--amount", "1250", "--date", "2026-09-30")
    assert result.stdout == "Added 1,250.00 USD to Consulting on 2026-09-30\n"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--stream", "Royalties", "--amount", "abc"], "amount: 'abc' is not an amount; type digits like 12.50"),
        (["--stream", "Royalties", "--amount", "1,2,3"], "amount: Use a dot for cents"),
        (["--stream", "Royalties", "--amount", "1e400"], "amount: '1e400' is not an amount"),
        (["--stream", "Royalties", "--amount", ""], "amount: Enter an amount"),
        (["--stream", "Royalties", "--amount", "-"], "amount: "),
        (["--stream", "Royalties", "--amount", "-5", "--units", "1"], "units: A refund delivers nothing"),
        (["--stream", "Royalties", "--amount", "5", "--date", "2026-02-30"], "date: 2026-02-30 is not a real date"),
        (["--stream", "Rent", "--amount", "5"], "stream: There is no stream called 'Rent'"),
    ],
)
def test_add_payment_refuses_bad_values(db: Path, args: list[str], expected: str) -> None:
    assert expected in refused(db, "add", "payment", *args)


def test_add_payment_reports_every_bad_field_on_one_line(db: Path) -> None:
    line = refused(db, "add", "payment", "--stream", "Nope", "--amount", "x", "--date", "2026-13-01")
    assert all(f"{field}:" in line for field in ("stream", "amount", "date"))


def test_add_idea(db: Path) -> None:
    result = invoke(db, "add", "idea", "--who", "Colleagues", "--value", "Spreadsheet tips", "--reach", "A course")
    assert result.stdout == "Added an idea for Colleagues on 2026-11-21\n"
    idea = read(db).ideas()[0]
    assert (idea.who, idea.value, idea.reach, idea.delivery) == ("Colleagues", "Spreadsheet tips", "A course", "")


def test_add_idea_refuses_empty_value(db: Path) -> None:
    assert "value: The value cannot be empty" in refused(db, "add", "idea", "--who", "Friends", "--value", "")


# ----- tick / untick -----------------------------------------------------------


def test_tick_and_untick(db: Path) -> None:
    assert invoke(db, "tick", "3").stdout == "Ticked step 3 Plan your steps on 2026-11-21\n"
    assert read(db).steps()[2].done_on == date(2026, 11, 21)
    assert invoke(db, "untick", "3").stdout == "Unticked step 3 Plan your steps\n"
    assert not read(db).steps()[2].done


def test_tick_twice_keeps_the_first_date_and_does_not_write(db: Path) -> None:
    invoke(db, "tick", "1", today="2026-11-20")
    before = db.read_bytes()
    result = invoke(db, "tick", "1")
    assert result.exit_code == 0
    assert "already ticked on 2026-11-20" in result.stdout
    assert db.read_bytes() == before


def test_untick_a_step_that_is_not_ticked_changes_nothing(db: Path) -> None:
    before = db.read_bytes()
    assert invoke(db, "untick", "8").stdout == "Step 8 Scale like the wind was not ticked\n"
    assert db.read_bytes() == before


@pytest.mark.parametrize("n", ["0", "9", "abc", "-1", "2.5"])
@pytest.mark.parametrize("command", ["tick", "untick"])
def test_step_numbers_outside_1_to_8_are_refused(db: Path, command: str, n: str) -> None:
    assert "steps are numbered 1 to 8" in refused(db, command, "--", n)


# ----- common behaviour ------------------------------------------------------------


def test_quiet_prints_nothing(db: Path) -> None:
    result = invoke(db, "--quiet", "add", "payment", "--stream", "Royalties", "--amount", "1")
    assert result.exit_code == 0
    assert result.output == ""
    assert len(read(db).payments()) == 3


def test_a_missing_option_is_one_line_with_a_hint(db: Path) -> None:
    result = invoke(db, "add", "stream", "--kind", "passive")
    assert result.exit_code == 2
    assert one_error_line(result) == "tenfold: Missing option '--name'; see 'tenfold add stream --help'"


@pytest.mark.parametrize(("args", "where"), [
    (("add", "payment", "--amount"), "tenfold add payment"),
    (("report", "--month"), "tenfold report"),
    (("-q", "ideas", "--tag"), "tenfold ideas"),
])
def test_an_option_without_its_value_points_to_its_commands_help(db: Path, args: tuple[str, ...],
                                                                  where: str) -> None:
    """Click's parser reports a missing value without its command: the hint names the command typed."""
    line = one_error_line(invoke(db, *args))
    assert line == f"tenfold: Option '{args[-1]}' requires an argument; see '{where} --help'"


def test_a_folder_that_does_not_exist_is_one_line(tmp_path: Path) -> None:
    line = one_error_line(invoke(tmp_path / "nope" / "t.json", "tick", "1"))
    assert "does not exist" in line
    assert not (tmp_path / "nope").exists()


def test_a_damaged_file_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    db.write_bytes(b'{"meta": {"1": {"schema_version": 1}}, "goal": ')
    assert "is not valid JSON" in refused(db, "tick", "1")


def test_a_bad_pinned_date_is_one_line(db: Path) -> None:
    result = invoke(db, "tick", "1", today="2026-02-30")
    assert "$TENFOLD_TODAY: 2026-02-30 is not a real date" in one_error_line(result)


WRITING_COMMANDS = [
    ["goal", "set", "x", "--amount", "1", "--by", "2027-01-01"],
    ["add", "stream", "--name", "New", "--kind", "passive"],
    ["add", "payment", "--stream", "Royalties", "--amount", "1"],
    ["add", "idea", "--who", "a", "--value", "b"],
    ["tick", "1"],
    ["untick", "1"],
]


@pytest.mark.parametrize("args", WRITING_COMMANDS, ids=lambda a: "-".join(a[:2]))
def test_writing_while_another_process_holds_the_lock(
    db: Path, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(common, "LOCK_WAIT", 0.2)  # the full two seconds are tested once below
    with lock_held(db) as pid:
        line = refused(db, *args)
    assert f"is in use by process {pid}" in line


def test_a_writing_command_waits_two_seconds_before_giving_up(db: Path) -> None:
    with lock_held(db) as pid:
        start = time.monotonic()
        line = refused(db, "tick", "1")
        waited = time.monotonic() - start
    assert f"in use by process {pid}" in line
    assert LOCK_WAIT == 2.0
    assert waited >= LOCK_WAIT  # a lower bound only: a busy machine may take longer, never shorter


def test_a_writing_command_goes_ahead_when_the_app_closes_in_time(db: Path) -> None:
    with lock_held(db, release_after=0.5):
        result = invoke(db, "tick", "2")
    assert result.exit_code == 0, result.stderr
    assert read(db).steps()[1].done


def test_a_new_payment_with_a_minus_sign_is_a_refund_that_lowers_the_month(db: Path) -> None:
    """Money given back to a buyer, typed by hand: stored as a refund, said as one, netted in the month."""
    result = invoke(db, "add", "payment", "--stream", "Royalties", "--amount", "-4.50", "--date", "2026-11-20",
                    "--note", "refund to Ann")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Recorded a refund of 4.50 EUR from Royalties on 2026-11-20"
    with read(db) as store:
        store.wait_for_payments()
        refund = [p for p in store.payments() if p.note == "refund to Ann"]
        assert len(refund) == 1 and refund[0].amount == Decimal("-4.50") and refund[0].is_refund
    report = invoke(db, "report", "--month", "2026-11", "--format", "json")
    november = [m for m in json.loads(report.output)["months"] if m["month"] == "2026-11"]
    assert november[0]["passive"] == "8.00", "12.50 in, 4.50 given back"
