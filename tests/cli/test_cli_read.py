"""Read-only commands: status, report, export, locate; --help and --version.

They open the file without the lock, so they must work while the app (here:
another real process) holds it.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import click
import pytest
from cli_support import invoke, lock_held, one_error_line, seed

from tenfold.cli import cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return seed(tmp_path / "tenfold.json")


# ----- status -----------------------------------------------------------------


def test_status_is_one_line(db: Path) -> None:
    invoke(db, "tick", "1", today="2026-11-19")
    invoke(db, "tick", "2", today="2026-11-20")
    result = invoke(db, "status", today="2026-11-21")
    assert result.exit_code == 0
    assert result.stdout == "Goal 12.50/1,500.00 EUR so far this month (1%) · streak 2 days · next: 3 Plan your steps\n"


def test_status_counts_only_passive_income_in_the_goal_currency(db: Path) -> None:
    invoke(db, "add", "payment", "--stream", "Consulting", "--amount", "5000")  # active, USD: does not count
    invoke(db, "add", "payment", "--stream", "Royalties", "--amount", "1487.50")
    assert invoke(db, "status").stdout.startswith("Goal 1,500.00/1,500.00 EUR so far this month (100%) · streak 1 day")


def test_status_without_a_goal_and_with_every_step_done(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    for n in range(1, 9):
        invoke(db, "tick", str(n))
    assert invoke(db, "status").stdout == "No goal written yet · streak 1 day · all 8 steps done\n"


def test_status_on_a_file_that_does_not_exist_is_one_calm_line(tmp_path: Path) -> None:
    result = invoke(tmp_path / "none.json", "status")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.startswith("No Tenfold data yet") and len(result.stdout.splitlines()) == 1
    assert not (tmp_path / "none.json").exists()


# ----- report -------------------------------------------------------------------


def test_report_opens_on_the_last_full_month(db: Path) -> None:
    """On 2026-11-21 November is partial: the report shows October unless asked for November.

    The first payment is of October: September, before it, is not shown as a month to compare with.
    """
    out = invoke(db, "report").stdout
    assert out.startswith("Income report, 2026-10, in EUR")
    assert "so far" not in out
    assert "the last full month" in " ".join(invoke(db, "report", "--help").stdout.split())


def test_report_shows_each_stream_this_month_and_last(db: Path) -> None:
    result = invoke(db, "report", "--month", "2026-11")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Income report, 2026-11 so far (compared with 2026-10), in EUR")
    royalties = next(line for line in out.splitlines() if "Royalties" in line)
    assert royalties.split("│")[3:7] == [" EUR ", "       - ", "   12.50 ", "    100.0% "]
    consulting = next(line for line in out.splitlines() if "Consulting" in line)
    assert " USD " in consulting and "400.00" in consulting
    november = next(line for line in out.splitlines() if line.startswith("│ 2026-11 "))
    assert "12.50" in november and "USD" not in november
    october = next(line for line in out.splitlines() if "2026-10 (before)" in line)
    assert "400.00 USD" in october  # no USD rate: shown apart, not added
    assert "Rates used: none" in out


def test_report_for_a_chosen_month(db: Path) -> None:
    out = invoke(db, "report", "--month", "2026-12").stdout
    assert "2026-12" in out
    royalties = next(line for line in out.splitlines() if "Royalties" in line)
    assert royalties.split("│")[4].strip() == "12.50"  # November is now the month compared with


@pytest.mark.parametrize("month", ["2026-13", "nov", "2026-1"])
def test_report_refuses_a_bad_month(db: Path, month: str) -> None:
    assert "month:" in one_error_line(invoke(db, "report", "--month", month))


def test_report_with_no_streams_says_how_to_add_one(tmp_path: Path) -> None:
    db = tmp_path / "t.json"
    invoke(db, "tick", "1")
    assert "add one with: tenfold add stream" in invoke(db, "report").stdout


# ----- export -------------------------------------------------------------------


def test_export_json_has_everything_with_exact_amounts(db: Path) -> None:
    invoke(db, "add", "idea", "--who", "Neighbours", "--value", "Garden advice")
    result = invoke(db, "export", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["tenfold_export"]["exported_on"] == "2026-11-21"
    assert data["goal"]["amount"] == "1500.00"
    assert len(data["steps"]) == 8 and data["steps"][0]["title"] == "Select your passive income idea"
    assert {s["name"] for s in data["streams"]} == {"Royalties", "Consulting"}
    assert data["payments"][0] == {
        "id": 2, "date": "2026-10-20", "stream_id": 2, "stream": "Consulting",
        "amount": "400.00", "currency": "USD", "note": "", "customer": "", "fee": None, "refund": False,
        "refund_of": "", "source": "", "external_id": "",
    }
    assert all(isinstance(p["amount"], str) for p in data["payments"])
    assert data["ideas"][0]["who"] == "Neighbours"
    assert data["checkins"] == ["2026-11-01", "2026-11-21"]


def test_export_to_a_file_is_private(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "export.json"
    result = invoke(db, "export", "--output", str(out))
    assert result.stdout == f"Exported 2 payments, 2 streams and 0 ideas to {out}\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_text())["payments"][1]["amount"] == "12.50"


def test_export_never_overwrites_the_data_file(db: Path) -> None:
    before = db.read_bytes()
    line = one_error_line(invoke(db, "export", "--output", str(db)))
    assert "That is Tenfold's data file; choose another file" in line
    assert db.read_bytes() == before


def test_export_into_a_missing_folder_is_one_line(db: Path, tmp_path: Path) -> None:
    assert "does not exist" in one_error_line(invoke(db, "export", "-o", str(tmp_path / "no" / "x.json")))


def test_export_refuses_an_unknown_format(db: Path) -> None:
    line = one_error_line(invoke(db, "export", "--format", "xml"))
    assert "'xml' is not one of 'json', 'csv', 'markdown', 'ledger'" in line


# ----- locate -------------------------------------------------------------------


def test_locate_names_every_place_and_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "t.json"
    out = invoke(db, "locate").stdout.splitlines()
    assert out[0] == f"data     {db}  (not created yet)"
    assert out[1] == f"backups  {tmp_path / 'sub' / 'backups'}  (not created yet)"
    assert out[2].startswith("log ") and out[3].startswith("config ")
    assert not (tmp_path / "sub").exists()


# ----- while the app holds the lock ------------------------------------------------------


@pytest.mark.parametrize("args", [["status"], ["report"], ["export"], ["locate"]], ids=lambda a: a[0])
def test_read_only_commands_work_while_the_file_is_locked(db: Path, args: list[str]) -> None:
    before = db.read_bytes()
    with lock_held(db):
        result = invoke(db, *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout
    assert db.read_bytes() == before


# ----- help and version ---------------------------------------------------------------


def all_command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command, asked the way click asks (the group loads its commands lazily)."""
    context = click.Context(group)
    paths = []
    for name in group.list_commands(context):
        command = group.get_command(context, name)
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths.extend(all_command_paths(command, (*prefix, name)))
    return paths


def test_the_command_list_is_complete() -> None:
    names = {p[0] for p in all_command_paths(cli)}
    assert {"add", "goal", "tick", "untick", "status", "report", "export", "import", "review", "locate", "backup",
            "doctor", "serve"} <= names
    assert ("goal", "history") in all_command_paths(cli) and ("add", "rate") in all_command_paths(cli)


@pytest.mark.parametrize("path", all_command_paths(cli), ids=" ".join)
def test_every_command_has_help(tmp_path: Path, path: tuple[str, ...]) -> None:
    result = invoke(tmp_path / "t.json", *path, "--help")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: tenfold {' '.join(path)}")
    assert not (tmp_path / "t.json").exists()


def test_version(tmp_path: Path) -> None:
    assert invoke(tmp_path / "t.json", "--version").stdout.startswith("tenfold, version ")


@pytest.mark.parametrize("group", ["add", "goal"])
def test_a_group_without_its_command_shows_its_help(tmp_path: Path, group: str) -> None:
    result = invoke(tmp_path / "t.json", group)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Usage: tenfold {group} [OPTIONS] COMMAND")


def test_an_unknown_command_is_one_line(tmp_path: Path) -> None:
    result = invoke(tmp_path / "t.json", "nope")
    assert result.exit_code == 2
    assert one_error_line(result) == "tenfold: No such command 'nope'; see 'tenfold --help'"
