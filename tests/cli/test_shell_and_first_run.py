"""What a shell meets: completion scripts, stream names completed, a first run, ``-q`` typed last."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_support import TODAY, invoke, seed

SCRIPT = Path(sys.executable).parent / "tenfold"


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("TENFOLD_", "_TENFOLD"))}
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=30, check=False,
                          env={**clean, "TENFOLD_TODAY": TODAY, **env}, stdin=subprocess.DEVNULL)


@pytest.mark.skipif(not SCRIPT.exists(), reason="the tenfold script is not installed in this environment")
@pytest.mark.parametrize(("shell", "start"), [("bash", "_tenfold_completion()"), ("zsh", "#compdef tenfold"),
                                              ("fish", "function _tenfold_completion")])
def test_completion_scripts_print_instead_of_starting_the_app(shell: str, start: str) -> None:
    result = run({"_TENFOLD_COMPLETE": f"{shell}_source"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(start)


@pytest.mark.skipif(not SCRIPT.exists(), reason="the tenfold script is not installed in this environment")
def test_stream_names_and_commands_complete(tmp_path: Path) -> None:
    db = seed(tmp_path / "tenfold.json")
    words = f"tenfold --db {db} add payment --stream Ro"
    result = run({"_TENFOLD_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": "6"})
    assert result.stdout.splitlines() == ["plain,Royalties"]
    result = run({"_TENFOLD_COMPLETE": "bash_complete", "COMP_WORDS": f"tenfold --db {db} rep", "COMP_CWORD": "3"})
    assert result.stdout.splitlines() == ["plain,report"]
    missing = f"tenfold --db {tmp_path / 'none.json'} report --stream R"
    assert run({"_TENFOLD_COMPLETE": "bash_complete", "COMP_WORDS": missing, "COMP_CWORD": "5"}).stdout.strip() == ""


@pytest.mark.parametrize("command", ["status", "report"])
def test_a_first_run_without_a_data_file_is_one_calm_line(tmp_path: Path, command: str) -> None:
    db = tmp_path / "tenfold.json"
    result = invoke(db, command)
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 1 and result.stdout.startswith("No Tenfold data yet")
    assert result.stderr == ""
    assert not db.exists()


def test_quiet_works_after_the_command_too(tmp_path: Path) -> None:
    db = seed(tmp_path / "tenfold.json")
    assert invoke(db, "add", "payment", "--stream", "Royalties", "--amount", "1", "-q").stdout == ""
    assert invoke(db, "add", "payment", "--stream", "Royalties", "--amount", "1", "--quiet").stdout == ""
    noted = invoke(db, "add", "payment", "--stream", "Royalties", "--amount", "2", "--note", "-q")
    assert noted.stdout.startswith("Added 2.00 EUR")  # here -q is the note's text, not the option
